package report

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestTextEscapesIDInReason: an ID holding a newline or tab is escaped where
// the report names it ("original b\nc"), but in a reason or warning that
// quotes it, fields splits at the control character before escaping, so the
// same ID reads "b c" there: a different, and possibly another document's, ID.
func TestTextEscapesIDInReason(t *testing.T) {
	res := &reprint.Result{
		Documents: []reprint.DocInfo{
			{ID: "b\nc", Source: "f.jsonl:1", Words: 9},
			{ID: "d", Source: "f.jsonl:2", Words: 9},
		},
		Pairs: []reprint.Pair{
			{A: 0, B: 1, Relation: reprint.Copy, Original: 0, Reason: "b\nc is longer", Score: 0.9},
		},
		Clusters: []reprint.Cluster{{Members: []int{0, 1}, Original: 0, Reason: "b\nc is the source"}},
		Warnings: []string{"dir/a\tb.txt: not valid UTF-8, decoded as Windows-1252"},
	}
	out := string(write(t, res, Text, Options{}))
	for _, want := range []string{
		`why: b\nc is the source`,
		`why b\nc is the original: b\nc is longer`,
		`warning: dir/a\tb.txt: not valid UTF-8`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want the report to hold %q; got\n%s", want, out)
		}
	}
}
