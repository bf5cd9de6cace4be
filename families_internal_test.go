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

// TestFamiliesPreferSourceOverSpunCopy checks the parent of a paper that
// aligns with a wire story and with a spun copy of it: the story, unless
// the spun copy explains clearly more of the paper (spunTolerance).
func TestFamiliesPreferSourceOverSpunCopy(t *testing.T) {
	data := []*Fingerprint{{id: "wire"}, {id: "spun"}, {id: "paper"}}
	for _, tt := range []struct {
		name       string
		wire, spun float64 // the paper's share aligned with each
		wantPairs  []string
	}{
		{"a little more like the spun copy", 0.84, 0.88, []string{"wire-spun", "wire-paper"}},
		{"much more like the spun copy", 0.70, 0.95, []string{"wire-spun", "spun-paper"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pairs := []Pair{
				link(0, 1, 0, MachineRewrite, 0.99, 0.6),
				link(0, 2, 0, Rewrite, tt.wire, 0.01),
				link(1, 2, 1, Rewrite, tt.spun, 0.01),
			}
			kept, _ := families(data, pairs)
			if got := pairNames(data, kept); !slices.Equal(got, tt.wantPairs) {
				t.Errorf("got pairs %v, want %v", got, tt.wantPairs)
			}
		})
	}
}

// link is a derived pair of a and b, original orig, whose passages cover
// score of both sides.
func link(a, b, orig int, rel Relation, score, jaccard float64) Pair {
	return Pair{A: a, B: b, Relation: rel, Original: orig, Score: score, Jaccard: jaccard, covA: score, covB: score}
}

// TestFamiliesParents checks the parent each text takes and the links
// reported, in families of a wire story.
func TestFamiliesParents(t *testing.T) {
	tests := []struct {
		name     string
		data     []*Fingerprint
		pairs    []Pair
		want     []string // pairs reported
		original string   // of the one cluster of all three; "": not checked
	}{
		{
			// A short paper lies wholly inside a machine rewrite of its
			// wire story (score 1) but explains a third of the rewrite,
			// which the wire story explains almost whole.
			name: "the source that explains most of the child",
			data: []*Fingerprint{{id: "wire"}, {id: "paper"}, {id: "rewrite"}},
			pairs: []Pair{
				{A: 0, B: 1, Relation: Rewrite, Original: 0, Score: 0.7, Jaccard: 0.02, covA: 0.3, covB: 0.7},
				{A: 0, B: 2, Relation: MachineRewrite, Original: 0, Score: 0.95, Jaccard: 0.04, covA: 0.95, covB: 0.95},
				{A: 1, B: 2, Relation: MachineRewrite, Original: 1, Score: 1, Jaccard: 0.01, covA: 1, covB: 0.35},
			},
			want: []string{"wire-paper", "wire-rewrite"},
		},
		{
			// A paper taken from a wire story shares more exact wording
			// with a condensed copy of it, only because the copy is
			// shorter; inherited marks that link late.
			name: "the story, not its condensed copy",
			data: []*Fingerprint{{id: "wire"}, {id: "condensed"}, {id: "paper"}},
			pairs: []Pair{
				{A: 0, B: 1, Relation: Excerpt, Original: 0, Score: 1, Jaccard: 0.45, covA: 0.5, covB: 0.98},
				{A: 0, B: 2, Relation: Rewrite, Original: 0, Score: 0.8, Jaccard: 0.05, covA: 0.3, covB: 0.8},
				{A: 1, B: 2, Relation: Rewrite, Original: 1, Score: 0.9, Jaccard: 0.12, covA: 0.9, covB: 0.8, late: true},
			},
			want:     []string{"wire-condensed", "wire-paper"},
			original: "wire",
		},
		{
			// A wire story resembles a lead excerpt of another story that
			// repeats its lead (set aside by inherited) and, more weakly,
			// that story itself; both date their events "today", so
			// their weak link keeps them apart (separateOriginals) and the
			// wire stays an original. Its link to the other family is
			// the one to the story, not the one set aside.
			name: "no link set aside to another family",
			data: []*Fingerprint{{id: "wire", days: 1}, {id: "lead"}, {id: "other", days: 1}},
			pairs: []Pair{
				{A: 0, B: 1, Relation: Excerpt, Original: 0, Score: 0.9, Jaccard: 0.15, covA: 0.15, covB: 0.9, aside: true},
				{A: 0, B: 2, Relation: Rewrite, Original: 0, Score: 0.4, Jaccard: 0.05, covA: 0.35, covB: 0.4},
				{A: 2, B: 1, Relation: Excerpt, Original: 2, Score: 1, Jaccard: 0.3, covA: 0.3, covB: 1},
			},
			want: []string{"wire-other", "other-lead"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, clusters := families(tt.data, tt.pairs)
			if got := pairNames(tt.data, kept); !slices.Equal(got, tt.want) {
				t.Errorf("got pairs %v, want %v", got, tt.want)
			}
			if tt.original == "" {
				return
			}
			if len(clusters) != 1 || tt.data[clusters[0].Original].id != tt.original || len(clusters[0].Members) != 3 {
				t.Errorf("got clusters %+v, want one of all three with original %s", clusters, tt.original)
			}
		})
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

// TestFamilyOriginalBy checks a cluster's OriginalBy: the strongest code
// of the direct links that name its original, and ByLinks when none does.
func TestFamilyOriginalBy(t *testing.T) {
	named := func(by1, by2 string) []Pair {
		p := []Pair{link(0, 1, 0, Rewrite, 0.9, 0.2), link(0, 2, 0, Rewrite, 0.8, 0.2)}
		p[0].OriginalBy, p[0].Reason = by1, "x"
		p[1].OriginalBy, p[1].Reason = by2, "y"
		return p
	}
	unnamed := named(ByFuller, ByFuller)
	unnamed[0].Original, unnamed[1].Original = 1, 2 // the hub named by neither link
	tests := []struct {
		name  string
		pairs []Pair
		want  string
	}{
		{"strongest of two", named(ByFuller, ByAgency), ByAgency},
		{"one kind", named(ByDates, ByDates), ByDates},
		{"weak only", named(ByOrder, ByLonger), ByLonger},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []*Fingerprint{{id: "wire"}, {id: "p1"}, {id: "p2"}}
			_, clusters := families(data, tt.pairs)
			if len(clusters) != 1 || clusters[0].OriginalBy != tt.want {
				t.Errorf("got clusters %+v, want one with OriginalBy %q", clusters, tt.want)
			}
		})
	}
	t.Run("never empty", func(t *testing.T) {
		data := []*Fingerprint{{id: "hub"}, {id: "p1"}, {id: "p2"}}
		_, clusters := families(data, unnamed)
		if len(clusters) == 0 {
			t.Fatal("got no cluster; the test proves nothing")
		}
		for _, c := range clusters {
			if c.OriginalBy == "" {
				t.Errorf("got cluster %+v with no OriginalBy", c)
			}
		}
	})
}
