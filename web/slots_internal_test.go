package web

import (
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
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "x.idx"), det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	h := NewServer(search.New(ix, det, search.Options{}), Options{MaxChecks: 1, Timeout: 200 * time.Millisecond, ErrorLog: log.New(io.Discard, "", 0)}).(*server)
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
