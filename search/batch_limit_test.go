package search_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/search"
)

// TestCheckBatchCandidateLimit checks that the candidates a query gets
// do not grow with its batch: a copy of a story the index holds 7 times,
// with --max-candidates 2, alone and beside 20 unrelated queries. (The
// index was asked for more candidates the larger the batch, and each
// lookup added up to the limit of new ones: alone its family held 3
// reprints, in the batch 4.)
func TestCheckBatchCandidateLimit(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := genDocs(t, 320, 21)
	indexed := slices.Clone(docs[:300])
	story := seedDoc(t, seed1)
	for i := range 7 {
		d := story
		d.ID = fmt.Sprintf("reprint-%d", i)
		indexed = append(indexed, d)
	}
	s := search.New(newIndex(t, det, indexed), det, search.Options{MaxCandidates: 2})
	q := story
	q.ID = "story-copy"
	alone, _, err := s.Check(t.Context(), []reprint.Document{q})
	if err != nil {
		t.Fatal(err)
	}
	batch, _, err := s.Check(t.Context(), append([]reprint.Document{q}, docs[300:]...))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ofQueryFull(batch, q.ID), ofQueryFull(alone, q.ID); !slices.Equal(got, want) {
		for _, g := range got {
			if !slices.Contains(want, g) {
				t.Logf("only in batch: %.300q", g)
			}
		}
		for _, g := range want {
			if !slices.Contains(got, g) {
				t.Logf("only alone: %.300q", g)
			}
		}
		t.Errorf("story-copy beside 20 other queries differs from story-copy alone")
	}
}

// TestCheckBatchCommonKeyLimit checks the same with --max-candidates 0,
// through the lookup by keys left out as common (maxCopies): a
// story that 30 indexed reprints hold (common), 10 of them with a
// paragraph the query also has. (Alone the query was compared with 21
// reprints; beside 20 other queries, with 30.)
func TestCheckBatchCommonKeyLimit(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := genDocs(t, 420, 23)
	indexed := slices.Clone(docs[:400])
	story := seedDoc(t, seed1)
	para := "\n\n" + docs[419].Text[:600]
	for i := range 30 {
		d := story
		d.ID = fmt.Sprintf("reprint-%02d", i)
		if i < 10 {
			d.Text += para
		}
		indexed = append(indexed, d)
	}
	s := search.New(newIndex(t, det, indexed), det, search.Options{MaxCandidates: 0})
	q := story
	q.ID = "story-copy"
	q.Text += para
	alone, _, err := s.Check(t.Context(), []reprint.Document{q})
	if err != nil {
		t.Fatal(err)
	}
	batch, _, err := s.Check(t.Context(), append([]reprint.Document{q}, docs[400:419]...))
	if err != nil {
		t.Fatal(err)
	}
	size := func(res *reprint.Result) int {
		for _, c := range res.Clusters {
			if res.Documents[c.Members[len(c.Members)-1]].ID == q.ID {
				return len(c.Members)
			}
		}
		return 0
	}
	count := func(res *reprint.Result) int {
		n := 0
		for _, p := range res.Pairs {
			if res.Documents[p.B].ID == q.ID {
				n++
			}
		}
		return n
	}
	t.Logf("alone: family of %d, %d pairs with the query; batch: family of %d, %d pairs", size(alone), count(alone), size(batch), count(batch))
	if got, want := ofQueryFull(batch, q.ID), ofQueryFull(alone, q.ID); !slices.Equal(got, want) {
		t.Errorf("story-copy beside 19 other queries differs from story-copy alone (family of %d vs %d)", size(batch), size(alone))
	}
}
