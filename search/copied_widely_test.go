package search_test

import (
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/search"
)

// A story that most of the index holds, copied word for word, is what a
// newsroom most needs check to find. Found in review: an index of 1,000
// identical copies of one article and 300 other articles (`reprint index
// add` of c/ident.jsonl and c/indep.jsonl), checked with a further exact
// copy, reports no pair and no warning, while a scan of the same 1,301
// texts links the copy (999 copy pairs, one cluster). The README owns up
// that such a family "cannot be seen whole" ("its story stays common"),
// but check says nothing: the user is told the article is original. Want
// the copy linked, or at least a warning that the query was left out as
// boilerplate, as scan gives ("N of M documents are mostly text found in
// more than L documents ...").
func TestCheckStoryCopiedByMost(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := search.New(newIndex(t, det, reprinted(t, 100, 300)), det, search.Options{})
	q := seedDoc(t, seed1)
	q.ID = "copy"
	res, _, err := s.Check(t.Context(), []reprint.Document{q})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) == 0 && len(res.Warnings) == 0 {
		t.Errorf("got no pairs and no warning for an exact copy of a story 300 of 400 indexed articles hold")
	}
}
