package search_test

import (
	"fmt"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/search"
)

// TestCheckBatchSpareMix checks that each query of a batch gets what it
// gets alone when queries whose resolvers spare a story copied by many
// (common in a small index) are mixed with queries framed by a common
// footer, whose resolvers share discounted articles (reprint.Discounts).
func TestCheckBatchSpareMix(t *testing.T) {
	docs := reprinted(t, 100, 7)
	for i := range docs[:100] {
		if i%3 != 0 {
			docs[i].Text += siteFooterLine
		}
	}
	// the reprints framed too: they share both the story and the footer
	for i := 100; i < len(docs); i++ {
		if i%2 == 0 {
			docs[i].Text += siteFooterLine
		}
	}
	more := genDocs(t, 140, 5)[100:] // not indexed
	var queries []reprint.Document
	cp := seedDoc(t, seed1)
	cp.ID = "copy"
	queries = append(queries, cp, seedDoc(t, seed2))
	cp2 := cp
	cp2.ID, cp2.Text = "copy-framed", cp.Text+siteFooterLine
	queries = append(queries, cp2)
	for i, d := range docs[:40] {
		d.ID += "-again"
		if i%2 == 0 {
			d.Text = d.Text[:len(d.Text)*2/3]
		}
		queries = append(queries, d)
	}
	for _, d := range more {
		d.Text += siteFooterLine
		queries = append(queries, d)
	}
	for _, w := range []int{1, 2} {
		det, _ := reprint.New(reprint.Options{Workers: w})
		s := search.New(newIndex(t, det, docs), det, search.Options{MaxCandidates: 100})
		batch, _, err := s.Check(t.Context(), queries)
		if err != nil {
			t.Fatal(err)
		}
		bad, linked := againstAlone(t, s, batch, queries, fmt.Sprintf("w=%d", w))
		t.Logf("w=%d: %d of %d differ, %d linked", w, bad, len(queries), linked)
	}
}
