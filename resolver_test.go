package reprint_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
)

// TestResolverAgain checks that a Resolver resolving a second time, with
// more candidates, gives what ResolveCommon gives for them at once, and
// the first call what ResolveCommon gives for its own: nothing that the
// first call discounted or verified leaks into the second wrongly. The
// texts share a site's header and footer, which the document counts make
// common, so discounting is exercised too.
func TestResolverAgain(t *testing.T) {
	const (
		header = "Home | News | Sport | Business | Weather | Subscribe to the Evening Courier and sign in to read more stories. "
		footer = " Share this article on Facebook, Twitter or by email, and sign up for our morning newsletter of the top stories."
	)
	docs := genDocs(t, gen.Options{Docs: 60, Seed: 3, Words: 120})
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	df := reprint.NewDocFreq()
	fps := make([]*reprint.Fingerprint, len(docs))
	texts := make([]string, len(docs))
	for i := range docs {
		docs[i].Text = header + docs[i].Text + footer
		fps[i], texts[i] = d.Fingerprint(docs[i]), docs[i].Text
		df.Add(fps[i])
	}
	if lit, _ := df.Common(d.Params().MaxDocFreq); lit == 0 {
		t.Fatal("got no common shingles, want the header's and footer's")
	}
	var first, all [][2]int
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			all = append(all, [2]int{a, b})
			if a < len(docs)/2 && b < len(docs)/2 {
				first = append(first, [2]int{a, b})
			}
		}
	}
	r := d.NewResolver(fps, texts, df)
	for _, tt := range []struct {
		name  string
		cands [][2]int
	}{{"first", first}, {"again with more", all}, {"again the same", all}} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Resolve(context.Background(), tt.cands)
			if err != nil {
				t.Fatal(err)
			}
			want, err := d.ResolveCommon(context.Background(), fps, texts, tt.cands, df)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Pairs) == 0 {
				t.Fatal("got no pairs from ResolveCommon, want the generated copies")
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %d pairs and %d clusters, want ResolveCommon's %d and %d (or they differ)", len(got.Pairs), len(got.Clusters), len(want.Pairs), len(want.Clusters))
			}
		})
	}
}

// A check resolves a query's candidates, then again with a pair it found
// it needed; the second call verifies only that pair.
func ExampleResolver_Resolve() {
	text := "The council approved the new budget on Tuesday after a long debate about school funding and road repairs in the north of the city."
	docs := []reprint.Document{
		{ID: "original", Text: text},
		{ID: "copy", Text: text + " Share this article."},
		{ID: "reprint", Text: "From the Courier: " + text},
	}
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		panic(err)
	}
	fps := make([]*reprint.Fingerprint, len(docs))
	texts := make([]string, len(docs))
	for i, doc := range docs {
		fps[i], texts[i] = d.Fingerprint(doc), doc.Text
	}
	r := d.NewResolver(fps, texts, nil)
	for _, cands := range [][][2]int{{{0, 1}}, {{0, 1}, {0, 2}}} {
		res, err := r.Resolve(context.Background(), cands)
		if err != nil {
			panic(err)
		}
		for _, p := range res.Pairs {
			fmt.Println(res.Documents[p.A].ID, res.Documents[p.B].ID, p.Relation)
		}
	}
	// Output:
	// original copy copy
	// original copy copy
	// original reprint copy
}
