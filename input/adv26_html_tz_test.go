package input

import (
	"fmt"
	"testing"
	"time"
)

// zonelessAsUTC takes a time in time.Local for one the page gave without
// a zone. But Go's parsers also return time.Local for a time whose offset
// is the machine's own, so on a machine in New York a page's
// "2024-05-01T09:30:00-04:00" is read as 09:30 UTC, four hours off, and
// the publication time that picks the original depends on the machine's
// time zone. The same page on a UTC machine gives 13:30 UTC.
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
