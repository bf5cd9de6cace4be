package reprint

import (
	"fmt"
	"testing"
)

func TestInherited(t *testing.T) {
	const none verdict = 0
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
		{"wire holds less of the paper", 0.97, 0.4, false, SameStory, 0.1, none},
		{"not a near-whole copy", 0.6, 0.4, false, SameStory, 0.2, none},
		{"strong link from the copy kept", 0.97, 0.6, false, SameStory, 0.2, none},
		{"strong link from the original set aside", 0.97, 0.6, true, SameStory, 0.2, aside},
		{"weak link from the original", 0.97, 0.4, true, SameStory, 0.2, demoted},
		{"wire-paper derived: late", 0.97, 0.4, false, Rewrite, 0.2, late},
		{"strong link from the copy, wire-paper derived: late", 0.97, 0.6, false, Rewrite, 0.2, late},
		{"wire-paper derived, original set aside", 0.97, 0.6, true, Rewrite, 0.2, aside},
		{"wire and paper not compared", 0.97, 0.4, false, "", 0.2, none},
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
				pairs := []*Pair{
					{A: cands[0][0], B: cands[0][1], Relation: Excerpt, Original: wire, Score: 1},
					{A: cands[1][0], B: cands[1][1], Relation: Rewrite, Original: orig, Score: tt.score},
				}
				keep := []bool{true, true}
				if tt.wirePaper != "" {
					c := [2]int{min(wire, paper), max(wire, paper)}
					cands = append(cands, c)
					covs = append(covs, side(c, 0.3, tt.paperCov, wire))
					pairs = append(pairs, &Pair{A: c[0], B: c[1], Relation: tt.wirePaper, Original: wire, Score: 0.3})
					keep = append(keep, tt.wirePaper.Derived())
				}
				got, by := inherited(cands, covs, pairs, keep)
				if got[1] != tt.want {
					t.Errorf("got verdict %v for condensed-paper, want %v", got[1], tt.want)
				}
				if got[1]&demoted != 0 && by[1] != wire {
					t.Errorf("got it explained by document %d, want the wire, %d", by[1], wire)
				}
				if got[0] != none {
					t.Errorf("got verdict %v for wire-condensed, want it kept", got[0])
				}
			})
		}
	}
}

// BenchmarkInheritedReprints runs inherited on 200 copies of one story,
// every pair a candidate (LSH's bucket limit): its memory must stay
// linear in the candidates, not grow with the cube of the copies.
func BenchmarkInheritedReprints(b *testing.B) {
	const k = 200
	var cands [][2]int
	var covs [][2]float32
	var pairs []*Pair
	for i := range k {
		for j := i + 1; j < k; j++ {
			cands = append(cands, [2]int{i, j})
			covs = append(covs, [2]float32{1, 1})
			pairs = append(pairs, &Pair{A: i, B: j, Relation: Copy, Original: i, Score: 1, covA: 1, covB: 1})
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
