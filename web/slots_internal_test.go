package web

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/search"
)

// TestMaxChecks checks that a request past MaxChecks running checks waits
// for one to end, and gets 503 "busy" when none does within its timeout.
func TestMaxChecks(t *testing.T) {
	h := NewServer(emptySearcher(t), Options{MaxChecks: 1, Timeout: 200 * time.Millisecond, ErrorLog: log.New(io.Discard, "", 0)}).(*server)
	post := func() *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodPost, "/api/check", strings.NewReader(`{"id":"x","text":"A man appeared in court yesterday accused of threatening to kill the Home Secretary."}`))
		r.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(w, r)
		return w
	}
	if w := post(); w.Code != http.StatusOK {
		t.Fatalf("with a free slot: got %d %s, want 200", w.Code, w.Body)
	}
	h.slots <- struct{}{} // a check running
	if w := post(); w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "busy") {
		t.Errorf("with no free slot: got %d %s, want 503 busy", w.Code, w.Body)
	}
	go func() { time.Sleep(50 * time.Millisecond); <-h.slots }() // it ends in time
	if w := post(); w.Code != http.StatusOK {
		t.Errorf("with a slot freed within the timeout: got %d %s, want 200", w.Code, w.Body)
	}
}

// TestExpiredCheckWithFreeSlotNotBusy checks that a check whose time is up
// while every slot is free is told it took too long, not that the server
// was busy: no other check was running. (The select between a free slot
// and a done context picks either at random: TestTimeout fails about one
// run in three.)
func TestExpiredCheckWithFreeSlotNotBusy(t *testing.T) {
	s := emptySearcher(t)
	tests := []struct {
		name      string
		maxChecks int
	}{
		{"one slot", 1},
		{"four slots", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewServer(s, Options{MaxChecks: tt.maxChecks, Timeout: time.Nanosecond, ErrorLog: log.New(io.Discard, "", 0)}).(*server)
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

// emptySearcher returns a searcher over an empty index.
func emptySearcher(t *testing.T) *search.Searcher {
	t.Helper()
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "x.idx"), det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return search.New(ix, det, search.Options{})
}
