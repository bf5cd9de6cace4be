package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/internal/madeup"
)

// TestIndexStoresAnchors checks that the articles an index gets from
// "index add" and from "filter --add" are both stored under their anchor
// keys: a check finds a 70-word paragraph that a 4,000-word query shares
// word for word with any of them (by LSH keys alone, 4 of these 8).
func TestIndexStoresAnchors(t *testing.T) {
	const n = 8
	var indexed, queries strings.Builder
	for i := range n {
		passage := madeup.Sentences(uint64(1000+i), 7)
		line := func(b *strings.Builder, id string, seed uint64) {
			j, _ := json.Marshal(map[string]string{"id": id, "text": madeup.WithPassage(seed, 400, passage)})
			b.Write(append(j, '\n'))
		}
		line(&indexed, fmt.Sprintf("a%d", i), uint64(100+i))
		line(&queries, fmt.Sprintf("b%d", i), uint64(200+i))
	}
	dir := t.TempDir()
	q := writeFile(t, dir, "queries.jsonl", queries.String())
	for _, add := range []struct {
		name string
		args []string
	}{
		{"index add", []string{"index", "add", "-q", "-"}},
		{"filter add", []string{"filter", "-q", "--add"}},
	} {
		t.Run(add.name, func(t *testing.T) {
			idx := filepath.Join(t.TempDir(), "x.idx")
			if code, _, errOut := runCmd(t, t.Context(), indexed.String(), append(add.args, "--index", idx)...); code != 0 {
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
