package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/internal/madeup"
)

// anchoredLines returns n pairs of 4,000-word made-up articles as JSON
// Lines, a0..a(n-1) and b0..b(n-1), ai and bi sharing one 70-word
// paragraph word for word: a pair their LSH keys often miss and their
// anchor keys find.
func anchoredLines(n int) (a, b string) {
	var as, bs strings.Builder
	for i := range n {
		passage := madeup.Sentences(uint64(1000+i), 7)
		as.WriteString(jsonLine(fmt.Sprintf("a%d", i), madeup.WithPassage(uint64(100+i), 400, passage)))
		bs.WriteString(jsonLine(fmt.Sprintf("b%d", i), madeup.WithPassage(uint64(200+i), 400, passage)))
	}
	return as.String(), bs.String()
}

// filterMarks returns the duplicate_of of each line filter marked in
// out, by line ID.
func filterMarks(t *testing.T, out string) map[string]string {
	t.Helper()
	marks := map[string]string{}
	for l := range strings.Lines(out) {
		var r struct {
			ID      string
			Reprint *struct {
				DuplicateOf string `json:"duplicate_of"`
			}
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		if r.Reprint != nil {
			marks[r.ID] = r.Reprint.DuplicateOf
		}
	}
	return marks
}

// TestIndexStoresAnchors checks that the articles an index gets from
// "index add" and from "filter --add" are both stored under their anchor
// keys: a check finds a 70-word paragraph that a 4,000-word query shares
// word for word with any of them (by LSH keys alone, 4 of these 8).
func TestIndexStoresAnchors(t *testing.T) {
	const n = 8
	indexed, queries := anchoredLines(n)
	dir := t.TempDir()
	q := writeFile(t, dir, "queries.jsonl", queries)
	for _, add := range []struct {
		name string
		args []string
	}{
		{"index add", []string{"index", "add", "-q", "-"}},
		{"filter add", []string{"filter", "-q", "--add"}},
	} {
		t.Run(add.name, func(t *testing.T) {
			idx := filepath.Join(t.TempDir(), "x.idx")
			if code, _, errOut := runCmd(t, t.Context(), indexed, append(add.args, "--index", idx)...); code != 0 {
				t.Fatalf("%s: exit %d: %s", add.name, code, errOut)
			}
			code, out, errOut := runCmd(t, t.Context(), "", "check", "-q", "--index", idx, "--format", "jsonl", q)
			if code != 0 {
				t.Fatalf("check: exit %d, want 0: %s", code, errOut)
			}
			found := map[string]bool{}
			for l := range strings.Lines(out) {
				var r struct{ Type, A, B string }
				if err := json.Unmarshal([]byte(l), &r); err != nil {
					t.Fatal(err)
				}
				if r.Type == "pair" && r.A[1:] == r.B[1:] {
					found[r.A[1:]] = true
				}
			}
			for i := range n {
				if !found[fmt.Sprint(i)] {
					t.Errorf("b%d: got no pair with a%d, want one: they share a 70-word passage", i, i)
				}
			}
		})
	}
}
