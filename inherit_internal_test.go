package reprint

import (
	"fmt"
	"slices"
	"testing"
)

// TestFamiliesSecondHand checks that a paper taken from a wire story has
// the wire story as its parent, not a condensed copy of it that it shares
// more exact wording with only because the copy is shorter.
func TestFamiliesSecondHand(t *testing.T) {
	const wire, condensed, paper = 0, 1, 2
	data := []*Fingerprint{{id: "wire"}, {id: "condensed"}, {id: "paper"}}
	pairs := []Pair{
		{A: wire, B: condensed, Relation: Excerpt, Original: wire, Score: 1, Jaccard: 0.45, covA: 0.5, covB: 0.98},
		{A: wire, B: paper, Relation: Rewrite, Original: wire, Score: 0.8, Jaccard: 0.05, covA: 0.3, covB: 0.8},
		{A: condensed, B: paper, Relation: Rewrite, Original: condensed, Score: 0.9, Jaccard: 0.12, covA: 0.9, covB: 0.8},
	}
	kept, clusters := families(data, pairs)
	if got, want := pairNames(data, kept), []string{"wire-condensed", "wire-paper"}; !slices.Equal(got, want) {
		t.Errorf("got pairs %v, want %v", got, want)
	}
	if len(clusters) != 1 || clusters[0].Original != wire || len(clusters[0].Members) != 3 {
		t.Errorf("got clusters %+v, want one of all three with original wire", clusters)
	}
}

func TestInherited(t *testing.T) {
	tests := []struct {
		name       string
		copyCover  float32 // share of the condensed copy inside its passages with the wire
		score      float64 // score of condensed-paper
		paperFirst bool    // the paper is the original of condensed-paper
		wirePaper  Relation
		paperCov   float32 // share of the paper inside its passages with the wire
		want       verdict // of condensed-paper
	}{
		{"explained by the wire", 0.97, 0.4, false, SameStory, 0.2, demoted},
		{"wire holds less of the paper", 0.97, 0.4, false, SameStory, 0.1, keepIt},
		{"not a near-whole copy", 0.6, 0.4, false, SameStory, 0.2, keepIt},
		{"strong link from the copy kept", 0.97, 0.6, false, SameStory, 0.2, keepIt},
		{"strong link from the original set aside", 0.97, 0.6, true, SameStory, 0.2, aside},
		{"weak link from the original", 0.97, 0.4, true, SameStory, 0.2, demoted},
		{"wire-paper derived", 0.97, 0.4, false, Rewrite, 0.2, keepIt},
		{"wire-paper derived, original set aside", 0.97, 0.6, true, Rewrite, 0.2, aside},
		{"wire and paper not compared", 0.97, 0.4, false, "", 0.2, keepIt},
	}
	// The same corpus with its documents numbered two ways.
	for _, order := range [][3]int{{0, 1, 2}, {2, 1, 0}} {
		wire, condensed, paper := order[0], order[1], order[2]
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/order %v", tt.name, order), func(t *testing.T) {
				// Candidates: wire-condensed (a near-whole copy),
				// condensed-paper and wire-paper; covs give the share of
				// each candidate's two sides inside passages.
				cands := [][2]int{{min(wire, condensed), max(wire, condensed)}, {min(condensed, paper), max(condensed, paper)}}
				side := func(c [2]int, first, second float32, firstDoc int) [2]float32 {
					if c[0] == firstDoc {
						return [2]float32{first, second}
					}
					return [2]float32{second, first}
				}
				covs := [][2]float32{side(cands[0], 0.4, tt.copyCover, wire), side(cands[1], 0.5, 0.15, condensed)}
				orig := condensed
				if tt.paperFirst {
					orig = paper
				}
				pairs := []Pair{
					{A: cands[0][0], B: cands[0][1], Relation: Excerpt, Original: wire, Score: 1},
					{A: cands[1][0], B: cands[1][1], Relation: Rewrite, Original: orig, Score: tt.score},
				}
				keep := []bool{true, true}
				if tt.wirePaper != "" {
					c := [2]int{min(wire, paper), max(wire, paper)}
					cands = append(cands, c)
					covs = append(covs, side(c, 0.3, tt.paperCov, wire))
					pairs = append(pairs, Pair{A: c[0], B: c[1], Relation: tt.wirePaper, Original: wire, Score: 0.3})
					keep = append(keep, tt.wirePaper.Derived())
				}
				got, by := inherited(cands, covs, pairs, keep)
				if got[1] != tt.want {
					t.Errorf("got verdict %v for condensed-paper, want %v", got[1], tt.want)
				}
				if got[1] != keepIt && by[1] != wire {
					t.Errorf("got it explained by document %d, want the wire, %d", by[1], wire)
				}
				if got[0] != keepIt {
					t.Errorf("got verdict %v for wire-condensed, want it kept", got[0])
				}
			})
		}
	}
}

// TestFamiliesAside checks that a link set aside (inherited) is not an
// original's link to another family, and does not hide the one that is:
// a wire story resembles a lead excerpt of another story that repeats its
// lead, and, more weakly, that story itself.
func TestFamiliesAside(t *testing.T) {
	const wire, lead, other = 0, 1, 2
	// Both stories date their events "today", so their weak link keeps
	// them apart (separateOriginals): the wire stays an original.
	data := []*Fingerprint{{id: "wire", days: 1}, {id: "lead"}, {id: "other", days: 1}}
	pairs := []Pair{
		{A: wire, B: lead, Relation: Excerpt, Original: wire, Score: 0.9, Jaccard: 0.15, covA: 0.15, covB: 0.9, aside: true},
		{A: wire, B: other, Relation: Rewrite, Original: wire, Score: 0.4, Jaccard: 0.05, covA: 0.35, covB: 0.4},
		{A: other, B: lead, Relation: Excerpt, Original: other, Score: 1, Jaccard: 0.3, covA: 0.3, covB: 1},
	}
	kept, _ := families(data, pairs)
	got := pairNames(data, kept)
	if slices.Contains(got, "wire-lead") {
		t.Errorf("got pairs %v, want no wire-lead, which is set aside", got)
	}
	if !slices.Contains(got, "wire-other") {
		t.Errorf("got pairs %v, want wire-other, the wire's link to the other story", got)
	}
}

// BenchmarkInheritedReprints runs inherited on 200 copies of one story,
// every pair a candidate (LSH's bucket limit): its memory must stay
// linear in the candidates, not grow with the cube of the copies.
func BenchmarkInheritedReprints(b *testing.B) {
	const k = 200
	var cands [][2]int
	var covs [][2]float32
	var pairs []Pair
	for i := range k {
		for j := i + 1; j < k; j++ {
			cands = append(cands, [2]int{i, j})
			covs = append(covs, [2]float32{1, 1})
			pairs = append(pairs, Pair{A: i, B: j, Relation: Copy, Original: i, Score: 1, covA: 1, covB: 1})
		}
	}
	keep := make([]bool, len(cands))
	for i := range keep {
		keep[i] = true
	}
	b.ReportAllocs()
	for b.Loop() {
		inherited(cands, covs, pairs, keep)
	}
}
