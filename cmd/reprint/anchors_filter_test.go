package main

import (
	"fmt"
	"path/filepath"
	"testing"
)

// TestFilterFindsAnchoredPassages checks that filter marks a 4,000-word
// line that shares a 70-word paragraph word for word with a long indexed
// article or earlier line, as check reports it (TestIndexStoresAnchors):
// it looks a line's anchor keys up in the index and in its window (by its
// LSH keys alone it marked 2 of these 8).
func TestFilterFindsAnchoredPassages(t *testing.T) {
	const n = 8
	indexed, lines := anchoredLines(n)
	for _, tt := range []struct {
		name  string
		index bool
	}{
		{"indexed", true},
		{"earlier lines", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"filter", "-q"}
			in := indexed + lines
			if tt.index {
				idx := filepath.Join(t.TempDir(), "x.idx")
				if code, _, errOut := runCmd(t, t.Context(), indexed, "index", "add", "-q", "-", "--index", idx); code != 0 {
					t.Fatalf("index add: exit %d: %s", code, errOut)
				}
				args = append(args, "--index", idx)
				in = lines
			}
			code, out, errOut := runCmd(t, t.Context(), in, args...)
			if code != 0 {
				t.Fatalf("filter: exit %d: %s", code, errOut)
			}
			marks := filterMarks(t, out)
			for i := range n {
				if id, want := fmt.Sprintf("b%d", i), fmt.Sprintf("a%d", i); marks[id] != want {
					t.Errorf("%s: got mark %q, want duplicate_of %s: they share a 70-word passage", id, marks[id], want)
				}
			}
		})
	}
}
