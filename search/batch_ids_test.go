package search_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/search"
)

// TestCheckBatchArticleCheckedAgain checks a batch holding an indexed
// article again (the same ID) beside a copy of it. With the same text, the
// copy is linked to it as when checked alone, the article named once, as
// the query; with other text (a corrected version), the indexed version
// is left out, since a report names both by one ID, and the copy is in
// no pair with it.
func TestCheckBatchArticleCheckedAgain(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	story, other := seedDoc(t, seed1), seedDoc(t, seed4)
	s := search.New(newIndex(t, det, []reprint.Document{story, other}), det, search.Options{})
	copied := seedDoc(t, seed3)
	copied.ID, copied.Source = "copy", "copy"
	alone, _, err := s.Check(t.Context(), []reprint.Document{copied})
	if err != nil {
		t.Fatal(err)
	}
	want := sidesAside(alone, copied.ID)
	if len(want) == 0 {
		t.Fatal("the copy alone matched nothing; the test proves nothing")
	}
	for _, order := range []string{"copy first", "story first"} {
		t.Run("same text/"+order, func(t *testing.T) {
			batch := []reprint.Document{copied, story}
			if order == "story first" {
				batch = []reprint.Document{story, copied}
			}
			res, texts, err := s.Check(t.Context(), batch)
			if err != nil {
				t.Fatal(err)
			}
			if got := sidesAside(res, copied.ID); !slices.Equal(got, want) {
				t.Errorf("got %q, want what the copy gets alone, %q", got, want)
			}
			n := 0
			for _, d := range res.Documents {
				if d.ID == story.ID {
					n++
				}
			}
			if n != 1 {
				t.Errorf("got the story %d times among the documents, want once", n)
			}
			for _, p := range res.Pairs {
				for _, ps := range p.Passages {
					if got := texts[p.A][ps.AStart:ps.AEnd]; got != ps.Text {
						t.Errorf("pair %s-%s: passage text %.40q is not its A side's %.40q", res.Documents[p.A].ID, res.Documents[p.B].ID, ps.Text, got)
					}
				}
			}
		})
	}
	t.Run("other text", func(t *testing.T) {
		again := story
		again.Text = "Correction appended. " + story.Text
		res, _, err := s.Check(t.Context(), []reprint.Document{copied, again})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range res.Documents[:len(res.Documents)-2] {
			if d.ID == story.ID {
				t.Errorf("got the indexed version of %s among the documents beside the query of that ID", story.ID)
			}
		}
	})
}

// sidesAside describes the pairs and clusters of res that hold the
// document id whatever their order: a query's place in the batch decides
// which side of a pair it is.
func sidesAside(res *reprint.Result, id string) []string {
	var out []string
	d := res.Documents
	for _, p := range res.Pairs {
		if d[p.A].ID == id || d[p.B].ID == id {
			sides := []string{d[p.A].ID, d[p.B].ID}
			slices.Sort(sides)
			out = append(out, fmt.Sprintf("%s %s original %s %.4f", strings.Join(sides, " "), p.Relation, d[p.Original].ID, p.Score))
		}
	}
	for _, c := range res.Clusters {
		var ms []string
		for _, m := range c.Members {
			ms = append(ms, d[m].ID)
		}
		if slices.Contains(ms, id) {
			slices.Sort(ms)
			out = append(out, fmt.Sprintf("cluster %s original %s", strings.Join(ms, ","), d[c.Original].ID))
		}
	}
	return out
}

// TestCheckBatchArticleCheckedAgainKeepsItsPairs checks an indexed article
// x checked again beside a copy z of it, where the index also holds y, a
// copy of x: x's pair with y is as x alone gets it, not the version z's
// family found between x's indexed version and y, which renumbering made
// the same pair.
func TestCheckBatchArticleCheckedAgainKeepsItsPairs(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(text string, i int, w string) string {
		f := strings.Fields(text)
		f[i] = w
		return strings.Join(f, " ")
	}
	x := reprint.Document{ID: "x", Source: "x", Text: strings.Join(strings.Fields(seedDoc(t, seed1).Text), " ")}
	y := reprint.Document{ID: "y", Source: "y", Text: edit(x.Text, 40, "blue")}
	z := reprint.Document{ID: "z", Source: "z", Text: edit(x.Text, 80, "green")}
	s := search.New(newIndex(t, det, []reprint.Document{x, y}), det, search.Options{})
	alone, _, err := s.Check(t.Context(), []reprint.Document{x})
	if err != nil {
		t.Fatal(err)
	}
	want := sidesAside(alone, "x")
	if len(want) == 0 {
		t.Fatal("x alone matched nothing; the test proves nothing")
	}
	for _, batch := range [][]reprint.Document{{x, z}, {z, x}} {
		res, _, err := s.Check(t.Context(), batch)
		if err != nil {
			t.Fatal(err)
		}
		got := sidesAside(res, "x")
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("batch %s, %s: got %q, want it to hold %q, as x alone", batch[0].ID, batch[1].ID, got, w)
			}
		}
	}
}

// TestCheckArticlesCheckedAgainTiedByOrder checks articles the index
// holds, copies of one another with nothing to tell which came first but
// the order they were added in, checked again alone and together: every
// pair and cluster names the first added the original, and the batch
// holds one cluster of them, not one per query naming each query.
func TestCheckArticlesCheckedAgainTiedByOrder(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(seedDoc(t, seed1).Text), " ")
	x := reprint.Document{ID: "x", Source: "x", Text: text}
	y := reprint.Document{ID: "y", Source: "y", Text: strings.Replace(text, "said", "stated", 1)}
	z := reprint.Document{ID: "z", Source: "z", Text: strings.Replace(text, "said", "told", 1)}
	s := search.New(newIndex(t, det, []reprint.Document{y, x, z}), det, search.Options{}) // y added first
	for _, batch := range [][]reprint.Document{{x}, {y}, {z}, {x, y}, {y, x}, {x, y, z}, {z, y, x}} {
		var names []string
		for _, d := range batch {
			names = append(names, d.ID)
		}
		t.Run(strings.Join(names, ","), func(t *testing.T) {
			res, _, err := s.Check(t.Context(), batch)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Pairs) == 0 {
				t.Fatal("got no pairs; the test proves nothing")
			}
			d := res.Documents
			for _, p := range res.Pairs {
				if d[p.A].ID == "y" || d[p.B].ID == "y" {
					if got := d[p.Original].ID; got != "y" {
						t.Errorf("pair %s-%s: got original %s (%s), want y, added first", d[p.A].ID, d[p.B].ID, got, p.Reason)
					}
				}
			}
			for _, c := range res.Clusters {
				if got := d[c.Original].ID; got != "y" {
					t.Errorf("cluster of %d: got original %s, want y, added first", len(c.Members), got)
				}
			}
			if len(batch) > 1 && len(res.Clusters) != 1 {
				t.Errorf("got %d clusters, want 1: the queries' families are one", len(res.Clusters))
			}
		})
	}
}
