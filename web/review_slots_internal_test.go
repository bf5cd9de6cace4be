package web

import (
	"context"
	"io"
	"log"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/search"
)

// TestExpiredCheckWithFreeSlotNotBusy checks that a check whose time is up
// while every slot is free is told it took too long, not that the server
// was busy: no other check was running. (The select between a free slot
// and a done context picks either at random: TestTimeout fails about one
// run in three.)
func TestExpiredCheckWithFreeSlotNotBusy(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "x.idx"), det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	tests := []struct {
		name      string
		maxChecks int
	}{
		{"one slot", 1},
		{"four slots", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewServer(search.New(ix, det, search.Options{}), Options{MaxChecks: tt.maxChecks, Timeout: time.Nanosecond, ErrorLog: log.New(io.Discard, "", 0)}).(*server)
			docs := []reprint.Document{{ID: "x", Text: "A man appeared in court yesterday accused of threatening to kill the Home Secretary."}}
			busy := 0
			const runs = 40
			for range runs {
				ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
				<-ctx.Done()
				_, _, err := h.check(ctx, docs, nil)
				cancel()
				if err != nil && strings.Contains(err.Error(), "busy") {
					busy++
				}
				if len(h.slots) != 0 {
					t.Fatalf("got %d slots taken after the check, want 0", len(h.slots))
				}
			}
			if busy > 0 {
				t.Errorf("got %d of %d expired checks told \"busy\" with all %d slots free, want 0 (they took longer than the timeout)", busy, runs, tt.maxChecks)
			}
		})
	}
}
