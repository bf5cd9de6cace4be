package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexAddTooLongID checks that an ID longer than an index can key
// (bbolt's 32 KiB) is an input error of its line, named by file and line,
// and the documents beside it are indexed; it stopped the run with exit 4,
// lost the batch and printed the whole ID.
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
