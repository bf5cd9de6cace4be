package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// An ID longer than bbolt's largest key (32 KB) is bad input, read
// without complaint by scan. index add (and filter --add) instead stops
// the whole run with exit 4, an output error, commits nothing of the
// batch (the good document beside it is lost too), and names the
// document by its whole 40,000-byte ID rather than by file and line.
func TestIndexAddTooLongID(t *testing.T) {
	line := func(id, text string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": text})
		return string(b) + "\n"
	}
	tests := []struct {
		name string
		id   string
	}{
		{"id of 40,000 bytes", strings.Repeat("k", 40000)},
		{"id of 70,000 bytes", strings.Repeat("k", 70000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := writeFile(t, dir, "long.jsonl", line(tt.id, seedText(t, seed0))+line("ok", seedText(t, seed1)))
			idx := filepath.Join(dir, "l.idx")
			code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "--index", idx, in)
			if code != exitOK {
				t.Errorf("got exit %d, want %d (the line skipped as unreadable, as scan would report a bad line)", code, exitOK)
			}
			if !strings.Contains(errOut, "long.jsonl:1") {
				t.Errorf("got stderr of %d bytes not naming long.jsonl:1, want the error to name the line: %.300s", len(errOut), errOut)
			}
			if st := statsJSON(t, idx); st.Documents != 1 {
				t.Errorf("got %d documents in the index, want 1 (the document with a short ID)", st.Documents)
			}
		})
	}
}
