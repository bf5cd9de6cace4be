package reprint_test

import (
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
)

// TestPublishedAtMidnightUTC checks how a publication time at midnight UTC
// orders against a later time of that day. A date alone is read as
// midnight UTC, and feeds give dates as midnight times
// ("2025-08-20T00:00:00Z"): such a time is taken for a date, which says
// nothing of which came first that day (a real time of exactly 00:00:00 UTC,
// 02:00 in Paris, is taken so too: a weaker call, never a wrong order). A
// second later is a time.
func TestPublishedAtMidnightUTC(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	text := seedDocs(t)[1].Text
	tests := []struct {
		name        string
		orig, copy  time.Time
		byPublished bool
	}{
		{"midnight UTC against 09:30 UTC", at("2025-08-20T00:00:00Z"), at("2025-08-20T09:30:00Z"), false},
		{"02:00 in Paris against 09:30", at("2025-08-20T02:00:00+02:00"), at("2025-08-20T09:30:00+02:00"), false},
		{"a second past midnight against 09:30", at("2025-08-20T00:00:01Z"), at("2025-08-20T09:30:00Z"), true},
		{"midnight UTC against the day after", at("2025-08-20T00:00:00Z"), at("2025-08-21T09:30:00Z"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []reprint.Document{
				{ID: "copy", Text: text, Published: tt.copy},
				{ID: "orig", Text: text, Published: tt.orig},
			}
			res := run(t, reprint.Options{Workers: 1}, docs)
			if len(res.Pairs) != 1 {
				t.Fatalf("got %d pairs, want 1", len(res.Pairs))
			}
			p := res.Pairs[0]
			got := res.Documents[p.Original].ID
			switch {
			case tt.byPublished && (got != "orig" || p.OriginalBy != reprint.ByPublished):
				t.Errorf("got original %s by %s (%q), want orig by published (%v before %v)", got, p.OriginalBy, p.Reason, tt.orig, tt.copy)
			case !tt.byPublished && p.OriginalBy == reprint.ByPublished:
				t.Errorf("got original %s by published (%q), want the times to decide nothing (a date against a time of its day)", got, p.Reason)
			}
		})
	}
}
