package input

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// resyncPage returns response record i of the resync tests, a page of its own.
func resyncPage(i int) warcRecord {
	return response(fmt.Sprintf("https://news.example/%d", i), "2025-01-02T03:04:05Z",
		htmlResponse(newsPage(fmt.Sprintf("Story number %d", i),
			fmt.Sprintf("The council said on Tuesday that story %d was about the river bridge and the ferry.", i),
			"Engineers will inspect the structure once the water falls, and a ferry will run in the meantime.")))
}

// resyncDoc describes the document of resyncPage(i) read as record n.
func resyncDoc(i, n int) string {
	return fmt.Sprintf(`https://news.example/%d @in#record-%d "Story number %d" published=2025-01-02T03:04:05Z`, i, n, i)
}

// TestWARCContentLengthMismatch: a record whose Content-Length is wrong
// costs that record alone, whichever way it is wrong and by how much:
// too short, reading resumes at the next version line after it; too long,
// at the first one within the block read, even one cut between reads or
// ending after the block, and even past the end of the input.
func TestWARCContentLengthMismatch(t *testing.T) {
	const (
		runsOver = "in: record 2: content length mismatch: block runs over the next record"
		noCRLF   = "in: record 2: content length mismatch: block not followed by CRLF CRLF"
	)
	tests := []struct {
		name    string
		extra   int // bytes added to record 2's Content-Length
		swallow int // and the lengths of this many records after it
		gz      bool
		wantErr string
	}{
		{"5 bytes short", -5, 0, false, noCRLF},
		{"1 byte long", 1, 0, false, noCRLF},
		{"3 bytes long: in the CRLFs", 3, 0, false, noCRLF},
		{"4 bytes long: just the CRLFs", 4, 0, false, runsOver},
		{"5 bytes long", 5, 0, false, runsOver},
		{"9 bytes long: version line cut", 9, 0, false, runsOver},
		{"13 bytes long: version line cut before its LF", 13, 0, false, runsOver},
		{"14 bytes long: whole version line", 14, 0, false, runsOver},
		{"100 bytes long", 100, 0, false, runsOver},
		{"10 bytes into the third record after it", 10, 2, false, runsOver},
		{"past the end of the input", 100000, 0, false, runsOver},
		{"100 bytes long, gzipped per record", 100, 0, true, runsOver},
		{"past the end, gzipped per record", 100000, 0, true, runsOver},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := []warcRecord{resyncPage(1), resyncPage(2), resyncPage(3), resyncPage(4), resyncPage(5)}
			extra := tt.extra
			for _, rec := range recs[2 : 2+tt.swallow] {
				extra += len(rec.bytes())
			}
			recs[1].length = strconv.Itoa(len(recs[1].block) + extra)
			r := NewWARC(bytes.NewReader(warcFile(tt.gz, recs...)), "in", Options{})
			docs, errs := drainWARC(t, r)
			checkLines(t, "docs", docs, []string{resyncDoc(1, 1), resyncDoc(3, 3), resyncDoc(4, 4), resyncDoc(5, 5)})
			checkLines(t, "errors", errs, []string{tt.wantErr})
			if got, want := r.Stats(), (WARCStats{Records: 5, Docs: 4, Errors: 1}); got != want {
				t.Errorf("stats: got %+v, want %+v", got, want)
			}
		})
	}
}

// TestWARCBlockWatch: the version lines blockWatch finds, however the
// block is cut into reads.
func TestWARCBlockWatch(t *testing.T) {
	tests := []struct {
		name  string
		block string
		next  string // what follows the block
		want  string // what reading resumes at; "-" for nowhere
	}{
		{"none", "HTTP/1.1 200 OK\r\n\r\n<p>WARC/1.0</p>\r\n", "", "-"},
		{"at the start", "WARC/1.1\r\nWARC-Type: x\r\n", "", "WARC/1.1\r\nWARC-Type: x\r\n"},
		{"after a line", "abc\r\n\r\nWARC/1.0\r\nWARC-Type: x", "", "WARC/1.0\r\nWARC-Type: x"},
		{"LF only", "abc\nWARC/1.0\nX", "", "WARC/1.0\nX"},
		{"the first of two", "a\nWARC/1.0\r\nb\nWARC/1.1\r\nc", "", "WARC/1.0\r\nb\nWARC/1.1\r\nc"},
		{"not a version we read", "a\nWARC/1.2\r\nb", "", "-"},
		{"not at a line start", "a WARC/1.0\r\nb", "", "-"},
		{"ends in the version line", "a\r\n\r\nWARC/1.", "0\r\nWARC-Type", "WARC/1."},
		{"ends before its LF", "a\r\n\r\nWARC/1.0\r", "\nWARC-Type", "WARC/1.0\r"},
		{"ends before it", "a\r\n\r\n", "WARC/1.0\r\n", ""},
		{"ends before it, not a version line", "a\r\n\r\nWARC/1.", "9\r\n", "-"},
	}
	for _, tt := range tests {
		for _, size := range []int{1, 2, 3, 7, 4096} {
			t.Run(fmt.Sprintf("%s/reads of %d", tt.name, size), func(t *testing.T) {
				w := newBlockWatch(&chunkReader{data: []byte(tt.block), size: size})
				var read bytes.Buffer
				if _, err := read.ReadFrom(w); err != nil {
					t.Fatal(err)
				}
				got := "-"
				if b, ok := w.resumeAt([]byte(tt.next)); ok {
					got = string(b)
				}
				if got != tt.want || read.String() != tt.block {
					t.Errorf("got %q (read %q), want %q", got, read.String(), tt.want)
				}
			})
		}
	}
}

// chunkReader returns data size bytes at a time.
type chunkReader struct {
	data []byte
	size int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), c.size)], c.data)
	c.data = c.data[n:]
	return n, nil
}

// TestWARCBlockWatchBounded: blockWatch keeps at most maxResync bytes; a
// version line further back than that is given up for a later one.
func TestWARCBlockWatchBounded(t *testing.T) {
	block := "a\nWARC/1.0\r\n" + strings.Repeat("x", maxResync) + "\nWARC/1.1\r\nrest"
	w := newBlockWatch(&chunkReader{data: []byte(block), size: 64 << 10})
	if _, err := io.Copy(io.Discard, w); err != nil {
		t.Fatal(err)
	}
	got, ok := w.resumeAt(nil)
	if !ok || string(got) != "WARC/1.1\r\nrest" {
		t.Errorf("got %.40q, %v; want %q", got, ok, "WARC/1.1\r\nrest")
	}
	if cap(w.capture) > 2*maxResync { // append may round up
		t.Errorf("kept a buffer of %d bytes, want at most about %d", cap(w.capture), maxResync)
	}
}

// TestWARCDamagedGzipMember: in a .warc.gz gzipped per record, a damaged
// member costs its record alone, wherever it is and however it is
// damaged, and the records after it keep their numbers. A member cut
// short at the end of the file ends it, as a file cut short.
func TestWARCDamagedGzipMember(t *testing.T) {
	const n = 5
	corrupt := func(m []byte) []byte {
		m = bytes.Clone(m)
		for i := 20; i < 60; i++ {
			m[i] ^= 0x55
		}
		return m
	}
	tests := []struct {
		name      string
		member    int // 1-based
		damage    func(m []byte) []byte
		wantErr   string // of record member; a want ending in "*" matches any error it starts
		wantWarn  string
		wantStats WARCStats
	}{
		{name: "corrupt deflate data", member: 3, damage: corrupt, wantErr: "in: record 3: flate: corrupt input*"},
		{name: "first member corrupt", member: 1, damage: corrupt, wantErr: "in: record 1: flate: corrupt input*"},
		{name: "last member corrupt", member: 5, damage: corrupt, wantErr: "in: record 5: flate: corrupt input*"},
		{name: "cut in half", member: 3, damage: func(m []byte) []byte { return m[:len(m)/2] }, wantErr: "in: record 3: flate: corrupt input*"},
		{name: "only its header left", member: 3, damage: func(m []byte) []byte { return m[:10] }, wantErr: "in: record 3: *"},
		{name: "header damaged", member: 3, damage: func(m []byte) []byte {
			m = bytes.Clone(m)
			m[1] = 'x'
			return m
		}, wantErr: "in: record 3: gzip: invalid header"},
		{name: "a gzip magic number by chance in the damage", member: 3, damage: func(m []byte) []byte {
			m = bytes.Clone(m)
			copy(m[20:], "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\x13\x37garbage, not deflate data")
			return m
		}, wantErr: "in: record 3: *"},
		{name: "bad checksum", member: 3, damage: func(m []byte) []byte {
			m = bytes.Clone(m)
			m[len(m)-8] ^= 0xff
			return m
		}, wantWarn: "in: record 3: gzip: invalid checksum: the record may be damaged",
			wantStats: WARCStats{Records: 5, Docs: 5}},
		{name: "last member cut short", member: 5, damage: func(m []byte) []byte { return m[:len(m)/2] }, wantErr: "in: record 5: truncated block"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []byte
			var wantDocs []string
			for i := 1; i <= n; i++ {
				m := gzipped(resyncPage(i).bytes())
				if i == tt.member {
					m = tt.damage(m)
				}
				in = append(in, m...)
				if i != tt.member || tt.wantErr == "" {
					wantDocs = append(wantDocs, resyncDoc(i, i))
				}
			}
			var warns []string
			r := NewWARC(bytes.NewReader(in), "in", warnings(&warns))
			docs, errs := drainWARC(t, r)
			checkLines(t, "docs", docs, wantDocs)
			var wantErrs, wantWarns []string
			if tt.wantErr != "" {
				wantErrs = []string{tt.wantErr}
				if prefix, ok := strings.CutSuffix(tt.wantErr, "*"); ok && len(errs) == 1 && strings.HasPrefix(errs[0], prefix) {
					errs[0] = tt.wantErr
				}
			}
			if tt.wantWarn != "" {
				wantWarns = []string{tt.wantWarn}
			}
			checkLines(t, "errors", errs, wantErrs)
			checkLines(t, "warnings", warns, wantWarns)
			want := tt.wantStats
			if want == (WARCStats{}) {
				want = WARCStats{Records: n, Docs: n - 1, Errors: 1}
			}
			if got := r.Stats(); got != want {
				t.Errorf("stats: got %+v, want %+v", got, want)
			}
		})
	}
}

// TestWARCDamagedGzipMemberRecord: the error of a damaged member names
// its record, even the first one, so that the file is not counted as not
// read at all.
func TestWARCDamagedGzipMemberRecord(t *testing.T) {
	first := gzipped(resyncPage(1).bytes())
	first = first[:len(first)/2]
	in := append(first, gzipped(resyncPage(2).bytes())...)
	_, errs, err := ReadAll(NewWARC(bytes.NewReader(in), "in", Options{}))
	if err != nil || len(errs) != 1 || errs[0].Line != 1 {
		t.Errorf("got errors %+v, %v; want one, about record 1", errs, err)
	}
}

// TestWARCBeforeFirstRecord: a byte order mark at the start is dropped;
// other bytes before the first record are skipped with a warning, not
// counted as a record nor as a failed file, and the records are numbered
// from the first real one. Bytes that are not a record after the first
// one are a record lost, as is a first record of a version not read.
func TestWARCBeforeFirstRecord(t *testing.T) {
	rec := func(i int) []byte { return resyncPage(i).bytes() }
	cat := func(parts ...[]byte) []byte { return slices.Concat(parts...) }
	const junkWarn = `in: skipped what comes before the first record: not a WARC record: starts with `
	tests := []struct {
		name      string
		in        []byte
		wantDocs  []string
		wantErrs  []string // with the record numbers the report gives them (0: the file)
		wantWarns []string
		wantStats WARCStats
	}{
		{name: "a byte order mark", in: cat([]byte("\xef\xbb\xbf"), rec(1), rec(2)),
			wantDocs: []string{resyncDoc(1, 1), resyncDoc(2, 2)}, wantStats: WARCStats{Records: 2, Docs: 2}},
		{name: "a byte order mark and a blank line", in: cat([]byte("\xef\xbb\xbf\r\n"), rec(1)),
			wantDocs: []string{resyncDoc(1, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "a byte order mark, gzipped", in: cat(gzipped(cat([]byte("\xef\xbb\xbf"), rec(1))), gzipped(rec(2))),
			wantDocs: []string{resyncDoc(1, 1), resyncDoc(2, 2)}, wantStats: WARCStats{Records: 2, Docs: 2}},
		{name: "a stray line", in: cat([]byte("some junk line\r\n"), rec(1), rec(2)),
			wantDocs:  []string{resyncDoc(1, 1), resyncDoc(2, 2)},
			wantWarns: []string{junkWarn + `"some junk line\r\n"`}, wantStats: WARCStats{Records: 2, Docs: 2}},
		{name: "a byte order mark and a stray line", in: cat([]byte("\xef\xbb\xbfjunk\nmore junk\n"), rec(1)),
			wantDocs:  []string{resyncDoc(1, 1)},
			wantWarns: []string{junkWarn + `"junk\n"`}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "a line too long", in: cat(bytes.Repeat([]byte{0}, 70000), []byte("\n"), rec(1)),
			wantDocs:  []string{resyncDoc(1, 1)},
			wantWarns: []string{"in: skipped what comes before the first record: not a WARC record: first line longer than 65536 bytes"},
			wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "junk and no record", in: []byte("some junk line\r\nand more\r\n"),
			wantErrs:  []string{`in: record 1: not a WARC record: starts with "some junk line\r\n" (record 0)`},
			wantStats: WARCStats{Records: 1, Errors: 1}},
		{name: "junk after the first record", in: cat(rec(1), []byte("some junk line\r\n"), rec(2)),
			wantDocs:  []string{resyncDoc(1, 1), resyncDoc(2, 3)},
			wantErrs:  []string{`in: record 2: not a WARC record: starts with "some junk line\r\n" (record 2)`},
			wantStats: WARCStats{Records: 3, Docs: 2, Errors: 1}},
		{name: "a first record of a version not read", in: cat([]byte("WARC/0.17\r\nWARC-Type: response\r\n\r\n"), rec(1)),
			wantDocs:  []string{resyncDoc(1, 2)},
			wantErrs:  []string{`in: record 1: not a WARC record: starts with "WARC/0.17\r\n" (record 1)`},
			wantStats: WARCStats{Records: 2, Docs: 1, Errors: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			r := NewWARC(bytes.NewReader(tt.in), "in", warnings(&warns))
			docs, ierrs, err := ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			var gotDocs, gotErrs []string
			for _, d := range docs {
				gotDocs = append(gotDocs, describeWARC(d))
			}
			for _, e := range ierrs {
				gotErrs = append(gotErrs, fmt.Sprintf("%s: %s (record %d)", e.Source, e.Err, e.Line))
			}
			checkLines(t, "docs", gotDocs, tt.wantDocs)
			checkLines(t, "errors", gotErrs, tt.wantErrs)
			checkLines(t, "warnings", warns, tt.wantWarns)
			if got := r.Stats(); got != tt.wantStats {
				t.Errorf("stats: got %+v, want %+v", got, tt.wantStats)
			}
		})
	}
}

// TestWARCRawWatch: rawWatch finds the first gzip magic number after the
// member's first byte, however the bytes are read.
func TestWARCRawWatch(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // the capture; "-" for none
	}{
		{"none", "\x1f\x8b\x08abc\x1f\x8b\x07\x1f\x1f\x8b", "-"},
		{"one", "\x1f\x8b\x08abc\x1f\x8b\x08def", "\x1f\x8b\x08def"},
		{"after a partial one", "xy\x1f\x1f\x8b\x08z", "\x1f\x8b\x08z"},
		{"the first of two", "x\x1f\x8b\x08a\x1f\x8b\x08b", "\x1f\x8b\x08a\x1f\x8b\x08b"},
		{"at the end", "xyz\x1f\x8b\x08", "\x1f\x8b\x08"},
	}
	for _, tt := range tests {
		for _, size := range []int{0, 1, 2, 3, 5, 4096} { // 0: byte by byte
			t.Run(fmt.Sprintf("%s/reads of %d", tt.name, size), func(t *testing.T) {
				w := &rawWatch{in: bufio.NewReaderSize(&chunkReader{data: []byte(tt.data), size: max(size, 1)}, 16), skip: true}
				var err error
				for err == nil {
					if size == 0 {
						_, err = w.ReadByte()
					} else {
						_, err = w.Read(make([]byte, size))
					}
				}
				got := "-"
				if w.capturing {
					got = string(w.capture)
				}
				if err != io.EOF || got != tt.want {
					t.Errorf("got %q (%v), want %q", got, err, tt.want)
				}
			})
		}
	}
}
