package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
)

// TestServeStopWhileWaitingForIndex: Ctrl-C (or SIGTERM) given while serve
// waits for an index that "index add" is writing stops serve then, and it
// never says it is serving. It waits on instead until the writer is done
// (or its 10 s run out), then prints "reprint: serving on ..." and only
// then stops: in a run by hand, the editor who pressed Ctrl-C at 3.5 s saw
// "serving on" at 6.6 s, when the add ended.
func TestServeStopWhileWaitingForIndex(t *testing.T) {
	idx := seedIndex(t, seed0, seed1)
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		cancelAt time.Duration // after serve starts
		holdFor  time.Duration // the writer keeps the index this long
	}{
		{"writer holds 3 s, stop at 0.3 s", 300 * time.Millisecond, 3 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := index.Open(idx, det.Params(), index.Options{}) // a writer, as index add
			if err != nil {
				t.Fatal(err)
			}
			released := time.AfterFunc(tt.holdFor, func() { w.Close() })
			defer func() {
				if released.Stop() {
					w.Close()
				}
			}()
			ctx, cancel := context.WithCancel(t.Context())
			stderr := &syncBuffer{}
			code := make(chan int, 1)
			start := time.Now()
			go func() {
				code <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--index", idx}, strings.NewReader(""), io.Discard, stderr)
			}()
			time.Sleep(tt.cancelAt)
			cancel()
			var c int
			select {
			case c = <-code:
			case <-time.After(15 * time.Second):
				t.Fatalf("serve did not stop within 15 s of cancel")
			}
			took := time.Since(start)
			if took > tt.cancelAt+time.Second {
				t.Errorf("got serve stopping %v after it started (%v after cancel), want within 1 s of cancel; exit %d", took.Round(10*time.Millisecond), (took - tt.cancelAt).Round(10*time.Millisecond), c)
			}
			if strings.Contains(stderr.String(), "serving on") {
				t.Errorf("got stderr %q after cancel while waiting for the index, want no \"serving on\"", stderr.String())
			}
		})
	}
}
