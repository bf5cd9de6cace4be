package search_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/search"
)

const siteFooterLine = " Home | News | Sport | Weather | Subscribe to the Courier for the latest headlines. Share this article and sign up for our newsletter today, terms and privacy apply."

// synthBatch returns an index of generated articles (planted derivatives among them),
// most framed by one site's footer, and 7 reprints of seed 001 (a story
// copied by more than MaxDocFreq: spared); the queries are later generated
// articles, framed alike, and a rewrite of seed 001.
func synthBatch(t *testing.T) (indexed, queries []reprint.Document) {
	docs := genDocs(t, 500, 21)
	for i := range docs {
		if i%5 != 0 {
			docs[i].Text += siteFooterLine
		}
	}
	indexed = append(indexed, docs[:350]...)
	story := seedDoc(t, seed1)
	for i := range 7 {
		d := story
		d.ID = fmt.Sprintf("reprint-%d", i)
		indexed = append(indexed, d)
	}
	queries = append(queries, docs[350:]...)
	q := seedDoc(t, seed2)
	queries = append(queries, q)
	q2 := q
	q2.ID = "rewrite-twin"
	queries = append(queries, q2)
	q3 := story
	q3.ID = "story-copy"
	q3.Text += siteFooterLine
	queries = append(queries, q3)
	return indexed, queries
}

// TestCheckBatchSynth checks a batch of generated queries, most framed
// by a site's footer, a rewrite, its twin and a framed copy of a story
// the index holds 7 times: with --max-candidates 0 and 2 and 1, 2 or 5
// workers, the batch's result is the same, and each query gets in it
// what it gets alone.
func TestCheckBatchSynth(t *testing.T) {
	indexed, queries := synthBatch(t)
	for _, mc := range []int{0, 2} {
		var base []string
		for _, w := range []int{1, 2, 5} {
			det, _ := reprint.New(reprint.Options{Workers: w})
			s := search.New(newIndex(t, det, indexed), det, search.Options{MaxCandidates: mc})
			batch, _, err := s.Check(t.Context(), queries)
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, p := range batch.Pairs {
				all = append(all, pairLine(batch.Documents, p))
			}
			for _, c := range batch.Clusters {
				all = append(all, fmt.Sprint(c.Members, c.Original, c.Reason))
			}
			if base == nil {
				base = all
			} else if !slices.Equal(all, base) {
				t.Errorf("mc=%d workers=%d: batch differs from workers=1", mc, w)
			}
			if w != 2 {
				continue
			}
			bad, linked := againstAlone(t, s, batch, queries, fmt.Sprintf("mc=%d", mc))
			t.Logf("mc=%d: %d of %d queries differ (own pairs/clusters); %d linked", mc, bad, len(queries), linked)
		}
	}
}
