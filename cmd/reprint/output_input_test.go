package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOutputIsAnInput checks that -o naming a file the command reads (a
// corpus, labels, check's index) is a usage error before any work, and the
// file is left as it was, where the report used to overwrite it.
func TestOutputIsAnInput(t *testing.T) {
	dir := t.TempDir()
	corpus := writeFile(t, dir, "c.jsonl", jsonLine("a", "The council voted on Monday to close the old bridge for repairs."))
	labels := writeFile(t, dir, "l.jsonl", `{"doc":"a","label":"non_derived","sources":[]}`+"\n")
	idx := filepath.Join(dir, "x.idx")
	if code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "-q", "--index", idx, corpus); code != exitOK {
		t.Fatalf("index add: exit %d: %s", code, errOut)
	}
	other := writeFile(t, dir, "b.txt", "Another text about a bridge.")
	tests := []struct {
		name string
		args []string
		file string // the input -o names
	}{
		{"scan", []string{"scan", "-o", corpus, corpus}, corpus},
		{"scan through another path", []string{"scan", "-o", filepath.Join(dir, ".", "c.jsonl"), corpus}, corpus},
		{"compare", []string{"compare", "-o", other, corpus, other}, other},
		{"eval labels", []string{"eval", "--docs", corpus, "--labels", labels, "-o", labels}, labels},
		{"check index", []string{"check", "--index", idx, "-o", idx, other}, idx},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			code, _, errOut := runCmd(t, t.Context(), "", tt.args...)
			if code != exitUsage {
				t.Errorf("got exit %d, want %d (stderr %q)", code, exitUsage, errOut)
			}
			after, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if string(after) != string(before) {
				t.Errorf("got %s changed (%d bytes, was %d), want it left as it was", tt.file, len(after), len(before))
			}
		})
	}
}
