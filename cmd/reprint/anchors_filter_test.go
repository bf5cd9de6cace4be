package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/internal/madeup"
)

// TestFilterFindsAnchoredPassages checks that filter marks a 4,000-word
// line that shares a 70-word paragraph word for word with a long indexed
// article, as check reports it (TestIndexStoresAnchors): filter --add
// stores anchor keys, but filter looks up only a line's LSH keys, in the
// index and in its window, so it marks about half of these.
func TestFilterFindsAnchoredPassages(t *testing.T) {
	const n = 8
	var indexed, lines strings.Builder
	for i := range n {
		passage := madeup.Sentences(uint64(1000+i), 7)
		line := func(b *strings.Builder, id string, seed uint64) {
			j, _ := json.Marshal(map[string]string{"id": id, "text": madeup.WithPassage(seed, 400, passage)})
			b.Write(append(j, '\n'))
		}
		line(&indexed, fmt.Sprintf("a%d", i), uint64(100+i))
		line(&lines, fmt.Sprintf("b%d", i), uint64(200+i))
	}
	for _, tt := range []struct {
		name  string
		index bool
	}{
		{"indexed", true},
		{"earlier lines", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"filter", "-q"}
			in := indexed.String() + lines.String()
			if tt.index {
				idx := filepath.Join(t.TempDir(), "x.idx")
				if code, _, errOut := runCmd(t, t.Context(), indexed.String(), "index", "add", "-q", "-", "--index", idx); code != 0 {
					t.Fatalf("index add: exit %d: %s", code, errOut)
				}
				args = append(args, "--index", idx)
				in = lines.String()
			}
			code, out, errOut := runCmd(t, t.Context(), in, args...)
			if code != 0 {
				t.Fatalf("filter: exit %d: %s", code, errOut)
			}
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
				if r.ID[0] != 'b' {
					continue
				}
				if want := "a" + r.ID[1:]; r.Reprint == nil || r.Reprint.DuplicateOf != want {
					t.Errorf("%s: got mark %+v, want duplicate_of %s: they share a 70-word passage", r.ID, r.Reprint, want)
				}
			}
		})
	}
}
