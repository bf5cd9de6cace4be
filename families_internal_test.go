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
		{A: 0, B: 1, Relation: Rewrite, Original: 0, Score: 0.9, Jaccard: 0.1},
		{A: 0, B: 2, Relation: Rewrite, Original: 0, Score: 0.80, Jaccard: 0.30},
		{A: 1, B: 2, Relation: Rewrite, Original: 1, Score: 0.82, Jaccard: 0.05},
	}
	kept, clusters := families(data, pairs)
	var got []string
	for _, p := range kept {
		got = append(got, data[p.A].id+"-"+data[p.B].id)
	}
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
		{A: 0, B: 1, Relation: Rewrite, Original: 0, Score: 0.82, Jaccard: 0.05},
		{A: 0, B: 2, Relation: Rewrite, Original: 0, Score: 0.88, Jaccard: 0.013},
		{A: 1, B: 2, Relation: MachineRewrite, Original: 1, Score: 0.96, Jaccard: 0.10},
	}
	kept, clusters := families(data, pairs)
	var got []string
	for _, p := range kept {
		got = append(got, data[p.A].id+"-"+data[p.B].id)
	}
	if want := []string{"wire-snap", "snap-rewrite"}; !slices.Equal(got, want) {
		t.Errorf("got pairs %v, want %v", got, want)
	}
	if len(clusters) != 1 || clusters[0].Original != 0 || len(clusters[0].Members) != 3 {
		t.Errorf("got clusters %+v, want one of all three with original 0", clusters)
	}
}
