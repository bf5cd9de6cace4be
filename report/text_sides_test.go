package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestTextTellsCopyOfOriginal checks that the text report tells a derived
// pair copy first, "X is a rewrite of Y", whichever side of the pair the
// original is, with the shares and the evidence's sides to match; and that
// a pair that is not derivation keeps A ↔ B.
func TestTextTellsCopyOfOriginal(t *testing.T) {
	docs := []reprint.DocInfo{{ID: "a.txt", Words: 9}, {ID: "b.txt", Words: 9}}
	ps := []reprint.Passage{{AStart: 0, AEnd: 5, BStart: 10, BEnd: 15, Text: "Stubb"}}
	texts := []string{"Stubb said", "Yes. Sir, Stop said"}
	tests := []struct {
		name string
		pair reprint.Pair
		want []string
	}{
		{"original A", reprint.Pair{A: 0, B: 1, Relation: reprint.MachineRewrite, Original: 0, Reason: "fluent", Score: 0.5, ContainAB: 0.1, ContainBA: 0.2, Passages: ps}, []string{
			"  b.txt is a machine rewrite of a.txt  score 0.50",
			"      why a.txt is the original: fluent",
			"      word for word: 20% of b.txt, 10% of a.txt (jaccard 0.00; few exact runs,",
			`      evidence, original: "Stubb" (bytes 0–5)`,
			`         machine rewrite: "Stop" (bytes 10–15)`,
		}},
		{"spun", reprint.Pair{A: 0, B: 1, Relation: reprint.MachineRewrite, Original: 0, Reason: "agency copy", Score: 0.9, ContainAB: 0.6, ContainBA: 0.7, Jaccard: 0.5, Passages: ps}, []string{
			"      word for word: 70% of b.txt, 60% of a.txt (jaccard 0.50; the rest differs",
			"        mostly by words swapped one for one, as a spinner swaps synonyms)",
		}},
		{"original B", reprint.Pair{A: 0, B: 1, Relation: reprint.Excerpt, Original: 1, Reason: "longer", Score: 0.5, ContainAB: 0.1, ContainBA: 0.2, Passages: ps}, []string{
			"  a.txt is an excerpt of b.txt  score 0.50",
			"      why b.txt is the original: longer",
			"      word for word: 10% of a.txt, 20% of b.txt (jaccard 0.00)",
			`      evidence, original: "Stop" (bytes 10–15)`,
			`                 excerpt: "Stubb" (bytes 0–5)`,
		}},
		{"same story", reprint.Pair{A: 0, B: 1, Relation: reprint.SameStory, Original: 1, Score: 0.4, ContainAB: 0.1, ContainBA: 0.2, Passages: ps}, []string{
			"  a.txt ↔ b.txt  same_story  score 0.40",
			"      word for word: 10% of a.txt, 20% of b.txt (jaccard 0.00)",
			`      evidence, A: "Stubb" (bytes 0–5)`,
			`                B: "Stop" (bytes 10–15)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &reprint.Result{Documents: docs, Pairs: []reprint.Pair{tt.pair}}
			out := string(write(t, res, Text, Options{Texts: texts}))
			lines := strings.Split(out, "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("got report\n%s\nwant the line\n%s", out, w)
				}
			}
		})
	}
}

// TestTextClusterSourceOfCopy checks a cluster member whose only link in
// the family is to its own copy: it is listed as that copy's source, not
// as derived from it.
func TestTextClusterSourceOfCopy(t *testing.T) {
	res := &reprint.Result{
		Documents: []reprint.DocInfo{{ID: "d0"}, {ID: "d1"}, {ID: "d2"}},
		Pairs: []reprint.Pair{
			{A: 0, B: 2, Relation: reprint.Copy, Original: 0, Score: 0.9},
			{A: 1, B: 2, Relation: reprint.EditedCopy, Original: 1, Score: 0.8},
		},
		Clusters: []reprint.Cluster{{Members: []int{0, 1, 2}, Original: 0}},
	}
	out := string(write(t, res, Text, Options{}))
	for _, w := range []string{
		"  - d1  source of d2 (edited copy)  score 0.80",
		"  - d2  copy of d0  score 0.90",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("got report\n%s\nwant it to hold\n%s", out, w)
		}
	}
}

func TestRelationPhrase(t *testing.T) {
	tests := []struct {
		r    reprint.Relation
		want string
	}{
		{reprint.EditedCopy, "an edited copy"},
		{reprint.Excerpt, "an excerpt"},
		{reprint.Copy, "a copy"},
		{reprint.MachineRewrite, "a machine rewrite"},
		{"", "an unknown"},
	}
	for _, tt := range tests {
		t.Run(string(tt.r), func(t *testing.T) {
			if got := RelationPhrase(tt.r); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextHeadlines checks that a pair names its sides' headlines, copy
// first as the pair is told, once when they are the same, and none for a
// side without one.
func TestTextHeadlines(t *testing.T) {
	docs := []reprint.DocInfo{{ID: "a.txt"}, {ID: "b.txt"}}
	wire := "Council approves new bridge over the river\n\nThe council approved it."
	paper := "Bridge plan gets the green light at last\n\nThe council approved it."
	plain := "the council approved it, and work starts soon."
	pair := reprint.Pair{A: 0, B: 1, Relation: reprint.Rewrite, Original: 0, Score: 0.5}
	tests := []struct {
		name  string
		texts []string
		want  []string
		not   string
	}{
		{"both", []string{wire, paper}, []string{
			"      headline of the rewrite: “Bridge plan gets the green light at last”",
			"      headline of the original: “Council approves new bridge over the river”",
		}, "headline of both"},
		{"same", []string{wire, wire}, []string{"      headline of both: “Council approves new bridge over the river”"}, "headline of the"},
		{"one side", []string{wire, plain}, []string{"      headline of the original: “Council approves new bridge over the river”"}, "headline of the rewrite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &reprint.Result{Documents: docs, Pairs: []reprint.Pair{pair}}
			out := string(write(t, res, Text, Options{Texts: tt.texts}))
			lines := strings.Split(out, "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("got report\n%s\nwant the line\n%s", out, w)
				}
			}
			if strings.Contains(out, tt.not) {
				t.Errorf("got report\n%s\nwant no %q", out, tt.not)
			}
		})
	}
}
