package reprint_test

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/internal/madeup"
)

// TestLongTextRepeatingAPassageKeepsItsPairs checks that a long text that
// repeats a few sentences of its own keeps its pairs with the texts it
// shares passages with. Its anchors must not pair it with itself: verified,
// such a pair is a copy of the whole text, a near-whole copy whose source
// is the text itself, and inherited then marks the text's real link to y
// as late, so families drop x-y in favour of y-z.
func TestLongTextRepeatingAPassageKeepsItsPairs(t *testing.T) {
	body := func(seed uint64, n int) string { return strings.Join(madeup.Sentences(seed, n), " ") }
	p := body(50, 45) // shared by x and y
	q := body(51, 45) // shared by y and z
	y := body(4, 150) + "\n\n" + p + "\n\n" + q + "\n\n" + body(5, 150)
	z := body(6, 250) + "\n\n" + q + "\n\n" + body(8, 250)
	for _, tt := range []struct {
		name    string
		refrain string
	}{
		{"x says nothing twice", ""},
		{"x repeats three sentences three times", body(7, 3)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := body(1, 200) + " " + tt.refrain + "\n\n" + body(2, 200) + " " + tt.refrain + "\n\n" + p + "\n\n" + body(3, 100) + " " + tt.refrain
			res := run(t, reprint.Options{}, []reprint.Document{{ID: "x", Text: x}, {ID: "y", Text: y}, {ID: "z", Text: z}})
			got := map[string]reprint.Relation{}
			for _, pr := range res.Pairs {
				got[res.Documents[pr.A].ID+"-"+res.Documents[pr.B].ID] = pr.Relation
			}
			for _, want := range []string{"x-y", "y-z"} {
				if got[want] != reprint.Excerpt {
					t.Errorf("%s: got %q, want %s: they share a 450-word passage (pairs %v, %d candidates)", want, got[want], reprint.Excerpt, got, res.Params.Candidates)
				}
			}
		})
	}
}
