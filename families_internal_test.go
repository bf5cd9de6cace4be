package reprint

import (
	"slices"
	"testing"
)

// TestFamiliesPreferExactWording checks the parent a text takes when an
// original and a reworded copy of it explain it about as well: the one it
// shares more exact wording with, the text it took from.
func TestFamiliesPreferExactWording(t *testing.T) {
	data := []*Fingerprint{{id: "original"}, {id: "reworded"}, {id: "paper"}}
	pairs := []Pair{
		link(0, 1, 0, Rewrite, 0.9, 0.1),
		link(0, 2, 0, Rewrite, 0.80, 0.30),
		link(1, 2, 1, Rewrite, 0.82, 0.05),
	}
	kept, clusters := families(data, pairs)
	got := pairNames(data, kept)
	if len(kept) != 2 || kept[0].B != 1 || kept[1].B != 2 || kept[1].A != 0 {
		t.Errorf("got pairs %v, want original-reworded and original-paper", got)
	}
	if len(clusters) != 1 || clusters[0].Original != 0 || len(clusters[0].Members) != 3 {
		t.Errorf("got clusters %+v, want one of all three with original 0", clusters)
	}
}

// TestFamiliesDropInnerLinks checks that a family original's strongest
// link is not reported when it goes to a member of its own family that has
// a better parent: the wire story resembles the rewrite of its snap more
// than the snap, but the rewrite took from the snap, and the path through
// the snap explains the resemblance.
func TestFamiliesDropInnerLinks(t *testing.T) {
	data := []*Fingerprint{{id: "wire"}, {id: "snap"}, {id: "rewrite"}}
	pairs := []Pair{
		link(0, 1, 0, Rewrite, 0.82, 0.05),
		link(0, 2, 0, Rewrite, 0.88, 0.013),
		link(1, 2, 1, MachineRewrite, 0.96, 0.10),
	}
	kept, clusters := families(data, pairs)
	got := pairNames(data, kept)
	if want := []string{"wire-snap", "snap-rewrite"}; !slices.Equal(got, want) {
		t.Errorf("got pairs %v, want %v", got, want)
	}
	if len(clusters) != 1 || clusters[0].Original != 0 || len(clusters[0].Members) != 3 {
		t.Errorf("got clusters %+v, want one of all three with original 0", clusters)
	}
}

// link is a derived pair of a and b, original orig, whose passages cover
// score of both sides.
func link(a, b, orig int, rel Relation, score, jaccard float64) Pair {
	return Pair{A: a, B: b, Relation: rel, Original: orig, Score: score, Jaccard: jaccard, covA: score, covB: score}
}

// TestFamiliesChildCoverage checks that a text's parent is the source that
// explains most of it: a short paper lies wholly inside a machine rewrite
// of its wire story (score 1) but explains a third of the rewrite, which
// the wire story explains almost whole.
func TestFamiliesChildCoverage(t *testing.T) {
	const wire, paper, rewrite = 0, 1, 2
	data := []*Fingerprint{{id: "wire"}, {id: "paper"}, {id: "rewrite"}}
	pairs := []Pair{
		{A: wire, B: paper, Relation: Rewrite, Original: wire, Score: 0.7, Jaccard: 0.02, covA: 0.3, covB: 0.7},
		{A: wire, B: rewrite, Relation: MachineRewrite, Original: wire, Score: 0.95, Jaccard: 0.04, covA: 0.95, covB: 0.95},
		{A: paper, B: rewrite, Relation: MachineRewrite, Original: paper, Score: 1, Jaccard: 0.01, covA: 1, covB: 0.35},
	}
	kept, _ := families(data, pairs)
	got := pairNames(data, kept)
	if want := []string{"wire-paper", "wire-rewrite"}; !slices.Equal(got, want) {
		t.Errorf("got pairs %v, want %v", got, want)
	}
}

// pairNames names pairs "a-b" by their documents' IDs.
func pairNames(data []*Fingerprint, pairs []Pair) []string {
	var names []string
	for _, p := range pairs {
		names = append(names, data[p.A].id+"-"+data[p.B].id)
	}
	return names
}
