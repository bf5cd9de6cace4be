package reprint_test

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/internal/madeup"
)

// TestAnchorsOfATextRepeatingAPassage checks that a long text that
// repeats a passage of its own (a refrain, a tagline, a quote given
// twice) is no candidate pair with itself, nor with another text on the
// strength of one shared anchor counted once for each time it appears: a
// scan's sets are unsorted and hold repeats (prepLazy, prepSketch), and
// the anchors taken from them must count each shingle once, as the index's
// sorted sets do.
func TestAnchorsOfATextRepeatingAPassage(t *testing.T) {
	refrain := strings.Join(madeup.Sentences(7, 3), " ")
	withRefrain := func(seed uint64, times int) string {
		var b strings.Builder
		for k, s := range madeup.Sentences(seed, 150) {
			b.WriteString(s + " ")
			if k%(150/times) == 0 {
				b.WriteString(refrain + " ")
			}
		}
		return b.String()
	}
	tests := []struct {
		name string
		opts reprint.Options
		docs []reprint.Document
	}{
		{"small corpus", reprint.Options{}, []reprint.Document{
			{ID: "a", Text: withRefrain(8, 3)},
			{ID: "b", Text: strings.Join(madeup.Sentences(9, 150), " ")},
		}},
		{"nothing common (max-doc-freq 1)", reprint.Options{MaxDocFreq: 1}, []reprint.Document{
			{ID: "a", Text: withRefrain(8, 3)},
			{ID: "b", Text: strings.Join(madeup.Sentences(9, 150), " ")},
			{ID: "c", Text: strings.Join(madeup.Sentences(10, 150), " ")},
			{ID: "d", Text: strings.Join(madeup.Sentences(11, 150), " ")},
			{ID: "e", Text: strings.Join(madeup.Sentences(12, 150), " ")},
			{ID: "f", Text: strings.Join(madeup.Sentences(13, 150), " ")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, tt.opts, tt.docs)
			if res.Params.Candidates != 0 {
				t.Errorf("got %d candidate pairs, want 0: no two texts share a passage (a text repeating its own is no pair with itself)", res.Params.Candidates)
			}
		})
	}
}
