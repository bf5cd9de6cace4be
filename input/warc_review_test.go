package input

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
)

// innerWARC is a small WARC file with an image and an HTML page, as an
// archived record's payload may be (a crawl of a web archive); also, if
// gzipped, its page's member.
func innerWARC(gz bool) (file, page string) {
	img := make([]byte, 100000) // bytes that do not compress
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range img {
		img[i] = byte(rng.Uint32())
	}
	logo := response("https://inner.example/logo.jpg", "2025-01-02T03:04:05Z",
		httpResponse("200 OK", []string{"Content-Type: image/jpeg"}, string(img)))
	html := response("https://inner.example/1", "2025-01-02T03:04:05Z",
		htmlResponse(newsPage("An inner story", "This page is inside another record's payload and is not a record of the file.")))
	return string(warcFile(gz, logo, html, logo)), string(warcFile(gz, html))
}

// TestWARCResyncNotIntoPayload: a record whose Content-Length is short
// costs that record alone; the version lines in its own payload (a WARC
// file archived as a page, a page quoting a WARC record) are not records
// of the file: reading does not resume there, and they give no document,
// no error and no record number. (A Content-Length too long goes back to
// the first version line in the block, for the records it ran over, and
// such a payload's lines are then taken for records: which they are, the
// bytes cannot tell.)
func TestWARCResyncNotIntoPayload(t *testing.T) {
	inner, _ := innerWARC(false)
	pre := newsPage("How a WARC record looks", "A WARC record starts with a version line and its header fields.") +
		"<pre>\nWARC/1.0\nWARC-Type: warcinfo\nContent-Length: 0\n\n</pre>\n"
	tests := []struct {
		name  string
		block string // record 2's HTTP response
		extra int    // bytes added to record 2's Content-Length
	}{
		{"5 bytes short, a WARC file archived", httpResponse("200 OK", []string{"Content-Type: application/warc"}, inner), -5},
		{"5 bytes short, a page quoting a record", htmlResponse(pre), -5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := []warcRecord{resyncPage(1), response("https://news.example/2", "2025-01-02T03:04:05Z", tt.block),
				resyncPage(3), resyncPage(4), resyncPage(5)}
			recs[1].length = strconv.Itoa(len(recs[1].block) + tt.extra)
			r := NewWARC(bytes.NewReader(warcFile(false, recs...)), "in", Options{})
			docs, errs := drainWARC(t, r)
			checkLines(t, "docs", docs, []string{resyncDoc(1, 1), resyncDoc(3, 3), resyncDoc(4, 4), resyncDoc(5, 5)})
			if len(errs) != 1 {
				t.Errorf("errors: got %q, want one, of record 2", errs)
			}
			if got, want := r.Stats(), (WARCStats{Records: 5, Docs: 4, Errors: 1}); got != want {
				t.Errorf("stats: got %+v, want %+v", got, want)
			}
		})
	}
}
