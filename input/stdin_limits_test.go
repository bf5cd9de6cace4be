package input

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// repeatReader yields p over and over, counting what it gave, up to n bytes.
type repeatReader struct {
	p       []byte
	n, read int
}

func (r *repeatReader) Read(b []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	k := 0
	for k < len(b) && r.read < r.n {
		c := copy(b[k:min(len(b), k+r.n-r.read)], r.p[r.read%len(r.p):])
		k += c
		r.read += c
	}
	return k, nil
}

// Plain text on standard input has the bound a file has: past
// maxRecordSize it is an error saying so, not a document held whole in
// memory. Found in review: `yes "the quick brown fox" | head -c 200000000 |
// reprint scan -` read the 200 MB as one article and peaked at 3.4 GB,
// where the same bytes as huge.txt are refused ("larger than 64 MB").
func TestStdinTextOverLimit(t *testing.T) {
	in := &repeatReader{p: []byte("the quick brown fox jumps over the lazy dog\n"), n: 2*maxRecordSize + 1}
	docs, errs, err := ReadAll(Open([]string{"-"}, in, Options{}))
	if err != nil || len(docs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Err, "larger than 64 MB") {
		t.Errorf("got %d docs, errors %v, %v; want one error saying larger than 64 MB", len(docs), errs, err)
	}
	if in.read > maxRecordSize+1<<20 {
		t.Errorf("read %d bytes of standard input; want it to stop past %d", in.read, maxRecordSize)
	}
}

// Gzipped JSON Lines on standard input are gunzipped, as a file that
// starts with the gzip magic number is whatever its name. Found in review:
// `gzip -c g.jsonl | reprint scan -` fails with "-: binary file, not text"
// (exit 3) while `reprint scan /dev/stdin < <(gzip -c g.jsonl)` reads it.
func TestStdinGzipped(t *testing.T) {
	data := gz(t, `{"id":"a","text":"one article"}`+"\n"+`{"id":"b","text":"another article"}`+"\n")
	docs, errs, err := ReadAll(Open([]string{"-"}, bytes.NewReader([]byte(data)), Options{}))
	if err != nil || len(errs) != 0 || len(docs) != 2 {
		t.Errorf("got %d docs, errors %v, %v; want 2 docs", len(docs), errs, err)
	}
}

// JSON on standard input is read as a .json file is: an array of
// articles, or one pretty-printed object. Found in review: `jq -s .
// feed.jsonl | reprint scan -` (or curl of an API answering an array)
// gives one plain-text article "-" of 23,919 words, brackets, keys and
// all, with no warning; `jq . one.json | reprint scan -` fails every line
// ("-:2: not a JSON object (got string)") and exits 3, while the same
// bytes in a .json file read fine.
func TestStdinJSONArrayAndPrettyObject(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     int
	}{
		{"array", "[\n  {\"id\": \"a\", \"text\": \"one article\"},\n  {\"id\": \"b\", \"text\": \"another article\"}\n]\n", 2},
		{"pretty object", "{\n  \"id\": \"a\",\n  \"text\": \"one article\"\n}\n", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs, err := ReadAll(Open([]string{"-"}, strings.NewReader(tt.in), Options{}))
			if err != nil || len(errs) != 0 || len(docs) != tt.want {
				var ids []string
				for _, d := range docs {
					ids = append(ids, d.ID)
				}
				t.Errorf("got docs %q, errors %v, %v; want %d articles", ids, errs, err, tt.want)
			}
		})
	}
}
