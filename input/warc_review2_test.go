package input

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestWARCResyncTimeLinear: going back into blocks that ran over the next
// records costs work in proportion to the input, not to its square: the
// bytes allocated per byte of input stay about the same when the input is
// four times as long. (Records each claiming a block to the end of the
// file made a 1 MB file take 14 s, a run of bad records inside bytes put
// back copied them all again for each.)
func TestWARCResyncTimeLinear(t *testing.T) {
	tests := []struct {
		name string
		file func(n int) []byte
		n    int
	}{
		{"records each claiming a 3 MB block", func(n int) []byte {
			rec := warcRecord{typ: "metadata", length: "3000000", block: "x"}.bytes()
			return bytes.Repeat(rec, n)
		}, 2000},
		{"bad records after a block that ran over them", func(n int) []byte {
			fake := strings.Repeat("WARC/1.0\r\n\r\n", n)
			return []byte(fmt.Sprintf("WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: %d\r\n\r\nx\r\n%s", len(fake)+10, fake))
		}, 2500},
	}
	perByte := func(in []byte) float64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r := NewWARC(bytes.NewReader(in), "in", Options{})
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			}
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(len(in))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			small, large := perByte(tt.file(tt.n)), perByte(tt.file(4*tt.n))
			t.Logf("%d records: %.1f bytes allocated per byte; %d records: %.1f", tt.n, small, 4*tt.n, large)
			if large > 2*small+1 {
				t.Errorf("bytes allocated per byte of input: got %.1f with %d records, want about the %.1f with %d",
					large, 4*tt.n, small, tt.n)
			}
		})
	}
}

// TestWARCLongHTTPLineBounded: a response record whose HTTP status or
// header line never ends (a block of 64 MB without a newline) is an
// error of that record, read in bounded memory: it allocates less than
// twice the largest page read, not the line's length several times over.
func TestWARCLongHTTPLineBounded(t *testing.T) {
	const size = 4 * maxHTMLSize
	tests := []struct {
		name  string
		start string // the block's start, followed by size bytes of "a"
	}{
		{"status line", "HTTP/1.1 200 OK"},
		{"header line", "HTTP/1.1 200 OK\r\nX-Long: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			block := tt.start + strings.Repeat("a", size)
			rec := response("https://news.example/long", "2025-01-02T03:04:05Z", block)
			in := slices.Concat(resyncPage(1).bytes(), rec.bytes(), resyncPage(3).bytes())
			block, rec = "", warcRecord{}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			r := NewWARC(bytes.NewReader(in), "in", Options{})
			docs, errs := drainWARC(t, r)
			runtime.ReadMemStats(&after)
			checkLines(t, "docs", docs, []string{resyncDoc(1, 1), resyncDoc(3, 3)})
			if len(errs) != 1 {
				t.Errorf("errors: got %q, want one, of record 2", errs)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 2*maxHTMLSize {
				t.Errorf("allocated %d bytes, want at most %d", got, 2*maxHTMLSize)
			}
		})
	}
}
