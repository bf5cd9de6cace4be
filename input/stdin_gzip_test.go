package input_test

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/reprint-dev/reprint/input"
)

// TestStdinGzipped: files that start with the gzip magic number are
// gunzipped whatever their name, but standard input is not: `gzip -c
// feed.jsonl | reprint scan -` fails with "-: binary file, not text"
// (exit 3), which names the wrong problem, and `| reprint filter`
// rejects every line as invalid JSON decoded as Windows-1252. A pipeline
// that streams a gzipped feed (curl of a .jsonl.gz) should get the same
// documents as from the file.
func TestStdinGzipped(t *testing.T) {
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte("{\"id\":\"a\",\"text\":\"The council approved the bridge.\"}\n{\"id\":\"b\",\"text\":\"Rain is expected.\"}\n"))
	zw.Close()
	docs, errs, err := input.ReadAll(input.Open([]string{"-"}, &z, input.Options{}))
	if err != nil || len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("got %d documents, errors %v, %v; want a and b", len(docs), errs, err)
	}
	if docs[0].ID != "a" || docs[1].ID != "b" {
		t.Errorf("got IDs %q, %q; want a, b", docs[0].ID, docs[1].ID)
	}
}
