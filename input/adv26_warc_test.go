package input

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
)

// TestWARCContentLengthTooLong checks that a record whose
// Content-Length is too large costs that record alone: the record whose
// start it swallowed is read, and the later ones keep their numbers, so
// documents and errors account for every record.
func TestWARCContentLengthTooLong(t *testing.T) {
	page := func(i int) warcRecord {
		return response(fmt.Sprintf("https://news.example/%d", i), "2025-01-02T03:04:05Z",
			htmlResponse(newsPage(fmt.Sprintf("Story number %d", i),
				fmt.Sprintf("The council said on Tuesday that story %d was about the river bridge and the ferry.", i),
				"Engineers will inspect the structure once the water falls, and a ferry will run in the meantime.")))
	}
	tests := []struct {
		name  string
		extra int // bytes added to record 2's Content-Length
	}{
		{"Content-Length 100 bytes too long", 100},
		{"Content-Length 20 bytes too long", 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := []warcRecord{page(1), page(2), page(3), page(4)}
			recs[1].length = strconv.Itoa(len(recs[1].block) + tt.extra)
			var in []byte
			for _, r := range recs {
				in = append(in, r.bytes()...)
			}
			r := NewWARC(bytes.NewReader(in), "in", Options{})
			docs, errs := drainWARC(t, r)
			if got, want := len(docs)+len(errs), len(recs); got != want {
				t.Errorf("got %d documents + %d errors = %d, want %d (one per record)\ndocs %q\nerrors %q",
					len(docs), len(errs), got, want, docs, errs)
			}
			if got, want := r.Stats().Records, len(recs); got != want {
				t.Errorf("got Stats().Records %d, want %d", got, want)
			}
		})
	}
}

// TestWARCCorruptGzipMember checks that a corrupt member
// of a .warc.gz gzipped per record costs its record, and the intact
// records after it are read, where it ended the file.
func TestWARCCorruptGzipMember(t *testing.T) {
	page := func(i int) warcRecord {
		return response(fmt.Sprintf("https://news.example/%d", i), "2025-01-02T03:04:05Z",
			htmlResponse(newsPage(fmt.Sprintf("Story number %d", i),
				fmt.Sprintf("The council said on Tuesday that story %d was about the river bridge and the ferry.", i),
				"Engineers will inspect the structure once the water falls, and a ferry will run in the meantime.")))
	}
	tests := []struct {
		name   string
		damage func(member []byte) []byte
	}{
		{"corrupt deflate data", func(m []byte) []byte {
			m = bytes.Clone(m)
			for i := 20; i < 60 && i < len(m)-8; i++ {
				m[i] ^= 0x55
			}
			return m
		}},
		{"member cut in half", func(m []byte) []byte { return m[:len(m)/2] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const n = 5
			var in []byte
			for i := 1; i <= n; i++ {
				m := gzipped(page(i).bytes())
				if i == 3 {
					m = tt.damage(m)
				}
				in = append(in, m...)
			}
			r := NewWARC(bytes.NewReader(in), "in", Options{})
			docs, errs := drainWARC(t, r)
			if got := len(docs) + len(errs); got != n {
				t.Errorf("got %d documents + %d errors = %d, want %d (one per record)\ndocs %q\nerrors %q",
					len(docs), len(errs), got, n, docs, errs)
			}
		})
	}
}

// TestWARCJunkBeforeFirstRecord checks that bytes before
// a .warc file's first record (a stray line, a byte order mark) do not
// count the file as failed (not read at all) when its records are read,
// and that a byte order mark costs no record.
func TestWARCJunkBeforeFirstRecord(t *testing.T) {
	ok := func(i int) []byte {
		return response(fmt.Sprintf("https://news.example/%d", i), "2025-01-02T03:04:05Z", htmlResponse(pageA)).bytes()
	}
	tests := []struct {
		name string
		head []byte
	}{
		{"a stray line", []byte("some junk line\r\n")},
		{"a byte order mark", []byte("\xef\xbb\xbf")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append(append(bytes.Clone(tt.head), ok(1)...), ok(2)...)
			r := NewWARC(bytes.NewReader(in), "in", Options{})
			var docs int
			var records []int
			for {
				_, err := r.Read()
				if err != nil {
					ie, isInput := AsInputError(err)
					if !isInput {
						break
					}
					records = append(records, ie.Line)
					continue
				}
				docs++
			}
			if docs == 0 {
				t.Fatalf("got no documents, want the records after the junk read")
			}
			for _, n := range records {
				if n == 0 {
					t.Errorf("got an error about the whole file (Line 0, counted as a failed file) beside %d documents read from it, want it counted as a record", docs)
				}
			}
		})
	}
}
