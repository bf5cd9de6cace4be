package report

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestTextSpunCopyWordForWord checks the word-for-word line of a machine
// rewrite that keeps most of its exact five-word runs: since b2d879d an
// edited copy whose passages differ by one-for-one swaps (reprint's
// swapped) is a machine_rewrite, with containment of 0.5 or more on both
// sides. The text report says of every machine rewrite that it has "few
// exact runs, as in any rewrite", next to 73% word for word.
func TestTextSpunCopyWordForWord(t *testing.T) {
	docs := []reprint.DocInfo{{ID: "a.txt", Words: 9}, {ID: "b.txt", Words: 9}}
	ps := []reprint.Passage{{AStart: 0, AEnd: 5, BStart: 10, BEnd: 15, Text: "Stubb"}}
	texts := []string{"Stubb said", "Yes. Sir, Stop said"}
	for _, tt := range []struct {
		name      string
		contain   float64
		jaccard   float64
		wantFewOK bool // whether "few exact runs" may be said
	}{
		{"round trip, few runs", 0.1, 0.05, true},
		{"spun copy, most runs kept", 0.73, 0.58, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := reprint.Pair{A: 0, B: 1, Relation: reprint.MachineRewrite, Original: 0, Reason: "fluent", Score: 1, Jaccard: tt.jaccard, ContainAB: tt.contain, ContainBA: tt.contain, Passages: ps}
			out := string(write(t, &reprint.Result{Documents: docs, Pairs: []reprint.Pair{p}}, Text, Options{Texts: texts}))
			if got := strings.Contains(out, "few exact runs"); got && !tt.wantFewOK {
				t.Errorf("got report saying %q with %.0f%% word for word, want it not said:\n%s", "few exact runs", 100*tt.contain, out)
			}
		})
	}
}
