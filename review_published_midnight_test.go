package reprint_test

import (
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
)

// TestPublishedAtMidnightUTCIsATime checks that a publication time (not a
// date) that falls at midnight UTC orders against a later time of that
// day: 02:00 in Paris is 00:00 UTC, and a copy published at 09:30 there is
// later. earlierPublished takes any midnight UTC for a date alone ("says
// nothing of which came first that day"), so the copy given first in the
// input is named the original by input order.
func TestPublishedAtMidnightUTCIsATime(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	text := seedDocs(t)[1].Text
	tests := []struct {
		name       string
		orig, copy time.Time
	}{
		{"02:00 in Paris against 09:30", at("2025-08-20T02:00:00+02:00"), at("2025-08-20T09:30:00+02:00")},
		{"midnight UTC against 09:30 UTC", at("2025-08-20T00:00:00Z"), at("2025-08-20T09:30:00Z")},
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
			if got := res.Documents[p.Original].ID; got != "orig" || p.OriginalBy != reprint.ByPublished {
				t.Errorf("got original %s by %s (%q), want orig by published (it was published at %v, the copy at %v)",
					got, p.OriginalBy, p.Reason, tt.orig, tt.copy)
			}
		})
	}
}
