package reprint

import (
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
	const wire, condensed, paper = 0, 1, 2
	// Candidates: wire-condensed (a near-whole copy), condensed-paper and
	// wire-paper; covs give the share of each side inside passages.
	cands := [][2]int{{wire, condensed}, {condensed, paper}, {wire, paper}}
	tests := []struct {
		name       string
		copyCover  float32 // share of the condensed copy inside its passages with the wire
		score      float64 // score of condensed-paper
		paperFirst bool    // the paper is the original of condensed-paper
		wirePaper  Relation
		paperCov   float32 // share of the paper inside its passages with the wire
		want       []verdict
	}{
		{"explained by the wire", 0.97, 0.4, false, SameStory, 0.2, []verdict{keepIt, demoted, keepIt}},
		{"wire holds less of the paper", 0.97, 0.4, false, SameStory, 0.1, []verdict{keepIt, keepIt, keepIt}},
		{"not a near-whole copy", 0.6, 0.4, false, SameStory, 0.2, []verdict{keepIt, keepIt, keepIt}},
		{"strong link from the copy kept", 0.97, 0.6, false, SameStory, 0.2, []verdict{keepIt, keepIt, keepIt}},
		{"strong link from the original set aside", 0.97, 0.6, true, SameStory, 0.2, []verdict{keepIt, aside, keepIt}},
		{"weak link from the original", 0.97, 0.4, true, SameStory, 0.2, []verdict{keepIt, demoted, keepIt}},
		{"wire-paper derived", 0.97, 0.4, false, Rewrite, 0.2, []verdict{keepIt, keepIt, keepIt}},
		{"wire-paper derived, original set aside", 0.97, 0.6, true, Rewrite, 0.2, []verdict{keepIt, aside, keepIt}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			covs := [][2]float32{{0.4, tt.copyCover}, {0.5, 0.15}, {0.3, tt.paperCov}}
			orig := condensed
			if tt.paperFirst {
				orig = paper
			}
			pairs := []Pair{
				{A: wire, B: condensed, Relation: Excerpt, Original: wire, Score: 1},
				{A: condensed, B: paper, Relation: Rewrite, Original: orig, Score: tt.score},
				{A: wire, B: paper, Relation: tt.wirePaper, Original: wire, Score: 0.3},
			}
			keep := []bool{true, true, tt.wirePaper.Derived()}
			if got := inherited(cands, covs, pairs, keep); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
