package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
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

// ctxReader passes every byte through, whatever the sizes asked, and the
// error at the end.
func TestCtxReader(t *testing.T) {
	data := strings.Repeat("0123456789", 1000)
	for _, size := range []int{1, 7, 4096, 20000} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			r := &ctxReader{ctx: t.Context(), r: iotest.OneByteReader(strings.NewReader(data))}
			var got []byte
			buf := make([]byte, size)
			for {
				n, err := r.Read(buf)
				got = append(got, buf[:n]...)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if string(got) != data {
				t.Errorf("got %d bytes, want the %d given", len(got), len(data))
			}
		})
	}
	t.Run("big reads", func(t *testing.T) {
		r := &ctxReader{ctx: t.Context(), r: strings.NewReader(data)}
		got, err := io.ReadAll(io.LimitReader(r, 5000))
		if err != nil || string(got) != data[:5000] {
			t.Errorf("got %d bytes, %v; want 5000", len(got), err)
		}
		rest, err := io.ReadAll(r)
		if err != nil || string(rest) != data[5000:] {
			t.Errorf("got %d more bytes, %v; want %d", len(rest), err, len(data)-5000)
		}
	})
}
