package input

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// gz returns s gzipped.
func gz(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// tarOf returns a tar archive of one file holding s.
func tarOf(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := tar.NewWriter(&b)
	if err := w.WriteHeader(&tar.Header{Name: "a.txt", Mode: 0o644, Size: int64(len(s))}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// zipOf returns a zip archive of one file holding s.
func zipOf(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create("a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestOpenCompressed(t *testing.T) {
	const page = `<html><head><title>Council votes</title></head><body><article><p>The council voted on Tuesday to close the old library, after a debate that lasted well into the evening and drew a large crowd.</p></article></body></html>`
	lines := `{"id":"j1","text":"first"}` + "\n" + `{"id":"j2","text":"second"}` + "\n" + `{"id":"j3","text":"third"}` + "\n"
	whole := gz(t, lines)
	badCRC := []byte(gz(t, "checksum me"))
	badCRC[len(badCRC)-8] ^= 0xff // the CRC-32 in the trailer
	tests := []struct {
		name     string
		files    map[string]string
		wantDocs []string
		wantErrs []string
	}{
		{
			name:     "text",
			files:    map[string]string{"story.txt.gz": gz(t, "Story text.")},
			wantDocs: []string{`story.txt.gz @root/story.txt.gz "Story text."`},
		},
		{
			name:     "json lines",
			files:    map[string]string{"archive.jsonl.gz": whole},
			wantDocs: []string{`j1 @root/archive.jsonl.gz:1 "first"`, `j2 @root/archive.jsonl.gz:2 "second"`, `j3 @root/archive.jsonl.gz:3 "third"`},
		},
		{
			name:     "json array",
			files:    map[string]string{"feed.JSON.GZ": gz(t, "[\n"+`{"id":"a","text":"x"}`+"\n]")},
			wantDocs: []string{`a @root/feed.JSON.GZ:2 "x"`},
		},
		{
			name:     "html",
			files:    map[string]string{"page.html.gz": gz(t, page)},
			wantDocs: []string{`page.html.gz @root/page.html.gz "Council votes\n\nThe council voted on Tuesday to close the old library, after a debate that lasted well into the evening and drew a large crowd."`},
		},
		{
			name:     "gzipped without .gz in the name",
			files:    map[string]string{"lines.jsonl": gz(t, `{"id":"a","text":"x"}`), "story.txt": gz(t, "plain"), "noext": gz(t, "no extension")},
			wantDocs: []string{`a @root/lines.jsonl:1 "x"`, `noext @root/noext "no extension"`, `story.txt @root/story.txt "plain"`},
		},
		{
			name:     "several gzip members",
			files:    map[string]string{"cat.txt.gz": gz(t, "one, ") + gz(t, "two")},
			wantDocs: []string{`cat.txt.gz @root/cat.txt.gz "one, two"`},
		},
		{
			name:     ".gz not gzipped",
			files:    map[string]string{"plain.txt.gz": "not gzipped after all"},
			wantDocs: []string{`plain.txt.gz @root/plain.txt.gz "not gzipped after all"`},
		},
		{
			name:     "text that starts like bzip2",
			files:    map[string]string{"bzh.txt": "BZh9 is not a bzip2 header here"},
			wantDocs: []string{`bzh.txt @root/bzh.txt "BZh9 is not a bzip2 header here"`},
		},
		{
			name: "damaged gzip",
			files: map[string]string{
				"1-truncated.txt.gz":   whole[:len(whole)/2],
				"2-header-only.gz":     "\x1f\x8b",
				"3-checksum.txt.gz":    string(badCRC),
				"4-corrupt.txt.gz":     "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff",
				"5-trailing.txt.gz":    gz(t, "text") + "junk after the stream",
				"6-empty.txt.gz":       gz(t, ""),
				"7-binary.dat.gz":      gz(t, "\x00\x01\x02"),
				"8-truncated.jsonl.gz": whole[:len(whole)-10],
			},
			wantDocs: []string{`j1 @root/8-truncated.jsonl.gz:1 "first"`, `j2 @root/8-truncated.jsonl.gz:2 "second"`, `j3 @root/8-truncated.jsonl.gz:3 "third"`},
			wantErrs: []string{
				"root/1-truncated.txt.gz: truncated gzip stream",
				"root/2-header-only.gz: truncated gzip stream",
				"root/3-checksum.txt.gz: bad gzip stream: invalid checksum",
				"root/4-corrupt.txt.gz: bad gzip stream: flate: corrupt input before offset 1",
				"root/5-trailing.txt.gz: bad gzip stream: invalid header",
				"root/6-empty.txt.gz: empty document",
				"root/7-binary.dat.gz: binary file, not text",
				"root/8-truncated.jsonl.gz:4: truncated gzip stream",
			},
		},
		{
			name:     "truncated json lines keep the lines before",
			files:    map[string]string{"cut.jsonl.gz": whole[:len(whole)-10]},
			wantDocs: []string{`j1 @root/cut.jsonl.gz:1 "first"`, `j2 @root/cut.jsonl.gz:2 "second"`, `j3 @root/cut.jsonl.gz:3 "third"`},
			wantErrs: []string{"root/cut.jsonl.gz:4: truncated gzip stream"},
		},
		{
			name: "archives and other compression",
			files: map[string]string{
				"a.zip":         zipOf(t, "text"),
				"b.tar":         tarOf(t, "text"),
				"c.tar.gz":      gz(t, tarOf(t, "text")),
				"d.txt.bz2":     "BZh91AY&SY\x00\x01",
				"e.jsonl.xz":    "\xfd7zXZ\x00\x00\x04",
				"f.html.zst":    "\x28\xb5\x2f\xfd\x00\x00",
				"g.jsonl":       zipOf(t, "{}"),
				"h-empty.zip":   "PK\x05\x06" + string(make([]byte, 18)),
				"i.warc.gz.txt": tarOf(t, "x"),
			},
			wantErrs: []string{
				"root/a.zip: zip archive: unzip it and give the folder",
				"root/b.tar: tar archive: unpack it (tar -xf FILE) and give the folder",
				"root/c.tar.gz: gzipped tar archive: unpack it (tar -xzf FILE) and give the folder",
				"root/d.txt.bz2: bzip2-compressed file: decompress it (bunzip2 FILE) and give the result",
				"root/e.jsonl.xz: xz-compressed file: decompress it (unxz FILE) and give the result",
				"root/f.html.zst: zstd-compressed file: decompress it (unzstd FILE) and give the result",
				"root/g.jsonl: zip archive: unzip it and give the folder",
				"root/h-empty.zip: zip archive: unzip it and give the folder",
				"root/i.warc.gz.txt: tar archive: unpack it (tar -xf FILE) and give the folder",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = file(data)
			}
			docs, errs := drain(t, NewFS(fsys, "root", Options{Warn: func(string) {}}))
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
		})
	}
}

// TestLocationNotForGzip checks that a gzipped JSON Lines file named
// directly gives no Location: its spans are offsets in the gunzipped data.
func TestLocationNotForGzip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feed.jsonl.gz")
	if err := os.WriteFile(path, []byte(gz(t, `{"id":"a","text":"x"}`+"\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	r := Open([]string{path}, nil, Options{})
	doc, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if loc, ok := r.Location(); ok {
		t.Errorf("%s from a gzipped file: got location %+v, want none", doc.ID, loc)
	}
}

// FuzzUnpack checks that unpack never fails on data that is not
// gzipped or packed, which it returns as it is, and that reading what it
// returns ends.
func FuzzUnpack(f *testing.F) {
	f.Add([]byte("plain text"))
	f.Add([]byte(gz(f, "gzipped")))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("BZh91AY&SY"))
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, gzipped, err := unpack(bytes.NewReader(data))
		if gzipped != bytes.HasPrefix(data, gzipMagic) {
			t.Fatalf("got gzipped %v, want %v", gzipped, !gzipped)
		}
		if err != nil {
			if !gzipped && packed(data[:min(len(data), headLen)]) == nil {
				t.Fatalf("plain data: got error %v, want none", err)
			}
			return
		}
		out, err := io.ReadAll(io.LimitReader(r, 1<<20))
		if !gzipped && (err != nil || !bytes.Equal(out, data)) {
			t.Fatalf("plain data: got %q, %v; want it as it is", out, err)
		}
	})
}

// TestGzipBomb checks that a small gzipped file that gunzips past
// maxRecordSize fails, naming the limit, instead of taking the memory.
func TestGzipBomb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.txt.gz")
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	line := bytes.Repeat([]byte("word "), 200)
	for n := 0; n <= maxRecordSize; n += len(line) {
		w.Write(line)
	}
	w.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, err := ReadAll(Open([]string{path}, nil, Options{}))
	if err != nil || len(errs) != 1 || !strings.Contains(errs[0].Err, "larger than 64 MB") {
		t.Errorf("got errors %v, %v; want one saying larger than 64 MB", errs, err)
	}
}

// TestJSONLLineBomb checks that a gzipped JSON Lines file whose first
// line gunzips past maxRecordSize loses that line alone, with an error
// naming its line, read by one worker or several.
func TestJSONLLineBomb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.jsonl.gz")
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	w.Write([]byte(`{"id":"big","text":"`))
	chunk := bytes.Repeat([]byte("word "), 1000)
	for n := 0; n <= maxRecordSize; n += len(chunk) {
		w.Write(chunk)
	}
	w.Write([]byte("\"}\n{\"id\":\"ok\",\"text\":\"a short article\"}\n"))
	w.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 4} {
		docs, errs, err := ReadAll(Open([]string{path}, nil, Options{Workers: workers}))
		if err != nil || len(docs) != 1 || docs[0].ID != "ok" || len(errs) != 1 ||
			!strings.HasSuffix(errs[0].Source, "bomb.jsonl.gz:1") || !strings.Contains(errs[0].Err, "longer than 64 MB") {
			t.Errorf("workers %d: got %d docs, errors %v, %v; want ok read and line 1 longer than 64 MB", workers, len(docs), errs, err)
		}
	}
}

// TestJSONValueBomb checks that a gzipped .json array whose second
// element gunzips past maxRecordSize ends the file there with an error
// naming its line, after the first element is read.
func TestJSONValueBomb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.json.gz")
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	w.Write([]byte("[{\"id\":\"ok\",\"text\":\"a short article\"},\n{\"id\":\"big\",\"text\":\""))
	chunk := bytes.Repeat([]byte("word "), 1000)
	for n := 0; n <= maxRecordSize; n += len(chunk) {
		w.Write(chunk)
	}
	w.Write([]byte("\"}]\n"))
	w.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs, err := ReadAll(Open([]string{path}, nil, Options{}))
	if err != nil || len(docs) != 1 || docs[0].ID != "ok" || len(errs) != 1 ||
		!strings.HasSuffix(errs[0].Source, "bomb.json.gz:2") || !strings.Contains(errs[0].Err, "larger than 64 MB") {
		t.Errorf("got %d docs, errors %v, %v; want ok read and line 2 larger than 64 MB", len(docs), errs, err)
	}
}
