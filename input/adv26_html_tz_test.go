package input

import (
	"fmt"
	"testing"
	"time"
)

// TestExtractArticleOffsetOfLocalZone checks that a page's publication
// time does not depend on the machine's zone: Go's parsers return
// time.Local both for a time without a zone and for one whose offset is
// the machine's own, so on a New York machine "09:30:00-04:00" was read as
// 09:30 UTC, four hours off.
func TestExtractArticleOffsetOfLocalZone(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	tests := []struct {
		name    string
		local   *time.Location
		content string
		want    string
	}{
		{"offset -04:00, machine at -04:00", time.FixedZone("EDT", -4*3600), "2024-05-01T09:30:00-04:00", "2024-05-01T13:30:00Z"},
		{"offset +02:00, machine at +02:00", time.FixedZone("CEST", 2*3600), "2024-05-01T09:30:00+02:00", "2024-05-01T07:30:00Z"},
		{"offset +02:00, machine at UTC (passes)", time.UTC, "2024-05-01T09:30:00+02:00", "2024-05-01T07:30:00Z"},
		{"no zone, machine at -04:00 (passes)", time.FixedZone("EDT", -4*3600), "2024-05-01 09:30:00", "2024-05-01T09:30:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			time.Local = tt.local
			page := fmt.Sprintf(`<!DOCTYPE html><html><head><title>T</title><meta property="article:published_time" content="%s"></head>`+
				`<body><article><p>The council approved the budget on Monday night after a three-hour debate.</p></article></body></html>`, tt.content)
			a, err := extractArticle(page, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Published.UTC().Format(time.RFC3339); got != tt.want {
				t.Errorf("published: got %s, want %s", got, tt.want)
			}
		})
	}
}
