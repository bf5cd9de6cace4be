package index_test

import (
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestReaddSameArticleFromOtherLineUnchanged: the README says an article
// re-added identical "is left as it is", so that "adding the same crawl
// twice changes nothing". But the fingerprint bytes compared hold the
// document's Source ("file:line"), so the same ID with the same text read
// from another file or line (the feed renamed or re-exported, stdin, or
// filter --add, whose lines are "-:N") is Replaced: it gets a new document
// number, moves to the end of the index's order, and flips every original
// that "order" decides (reprint check then names the other copy "added to
// the index first").
func TestReaddSameArticleFromOtherLineUnchanged(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	a, b := docs[0], docs[0]
	a.ID, a.Source = "A", "day1.jsonl:1"
	b.ID, b.Source = "B", "day1.jsonl:2"
	ix, _ := build(t, det, []reprint.Document{a, b})
	again := a
	again.Source = "day1-renamed.jsonl:1"
	fps, keys := prepare(det, []reprint.Document{again})
	st, err := ix.Add([]reprint.Document{again}, fps, keys)
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 1 {
		t.Errorf("got %+v, want 1 unchanged: same ID, same text", st)
	}
	ids, _, _, err := ix.GetSorted([]string{"B", "A"})
	if err != nil {
		t.Fatal(err)
	}
	if ids[0] != "A" {
		t.Errorf("index order %v after re-adding A unchanged; want A first, as it was added first", ids)
	}
}
