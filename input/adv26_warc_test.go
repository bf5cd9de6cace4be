package input

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
)

// A record whose Content-Length is too large swallows the start of the
// next record. The README promises that a malformed record is reported
// and "reading resumes at the next record", and that documents + skipped
// account for every input; here the record after the bad one vanishes
// without a document or an error, and the records after it are numbered
// one too low.
func TestWARCContentLengthTooLongLosesNextRecord(t *testing.T) {
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

// A .warc.gz is usually gzipped per record so that one damaged member
// costs one record. Here a corrupt member in the middle ends the file:
// the intact records after it are neither read nor reported, so
// documents + errors fall short of the records in the file, although the
// README says that after a malformed record "reading resumes at the next
// record" (only a file cut short keeps just the records before the cut).
func TestWARCCorruptGzipMemberLosesLaterRecords(t *testing.T) {
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

// A .warc file with bytes before its first record (a stray line, a UTF-8
// byte order mark) reports them as an error about the whole file
// (Record 0, which the summary counts under failed: "a file not read at
// all"), although the records after them are read: the same file then
// counts once as failed and again through its documents, and a lost first
// record counts as no record.
func TestWARCJunkBeforeFirstRecordCountsFileFailed(t *testing.T) {
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
