package main

import (
	"context"
	"io"
	"testing"
	"time"
)

// A signal stops a command that is waiting for standard input, as it stops
// one that is working. Found in review: `sleep 30 | reprint filter` and
// `sleep 30 | reprint scan -` ignore SIGTERM and SIGINT until the input
// ends (filter then exits 130, scan 3 "empty document"); `reprint scan
// FIFO` with no writer ignores them for good and needs kill -9. A
// streaming filter that sits idle between lines cannot be stopped by a
// service manager's SIGTERM.
func TestInterruptWhileWaitingForStdin(t *testing.T) {
	for _, args := range [][]string{
		{"filter", "-q"},
		{"scan", "-q", "-o", "OUT", "-"},
	} {
		t.Run(args[0], func(t *testing.T) {
			for i, a := range args {
				if a == "OUT" {
					args[i] = t.TempDir() + "/out.json"
				}
			}
			pr, pw := io.Pipe() // a producer that is alive but sends nothing yet
			defer pw.Close()
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan int, 1)
			go func() { done <- run(ctx, args, pr, io.Discard, io.Discard) }()
			time.Sleep(200 * time.Millisecond)
			cancel() // what SIGTERM does in main
			select {
			case code := <-done:
				if code != exitInterrupted {
					t.Errorf("got exit %d, want %d", code, exitInterrupted)
				}
			case <-time.After(5 * time.Second):
				t.Errorf("still running 5 s after the signal, waiting for input")
			}
		})
	}
}
