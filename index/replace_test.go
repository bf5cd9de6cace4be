package index_test

import (
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestReplaceSameTextNotUnrelated checks that adding an article again
// with the very text the index holds is not reported as another article
// of the same name when its fingerprint changed. That is what an index
// made before Han, Hiragana and Katakana characters were words gets when
// its Chinese and Japanese articles are added again, as the README says
// to: the stored fingerprint is by clauses, the new one by characters,
// Overlap is near 0, and index add warns that the earlier one "shares
// almost nothing" and suggests --id-prefix, which would keep the article
// twice. Here the stored fingerprint is another text's, under the same ID
// and with the same stored text.
func TestReplaceSameTextNotUnrelated(t *testing.T) {
	det := detector(t, reprint.Options{RewriteK: -1})
	docs := seedDocs(t)
	ix, _ := build(t, det, docs[:1])
	d := docs[0]
	stale := det.Fingerprint(reprint.Document{ID: d.ID, Text: docs[4].Text}) // not what d.Text fingerprints to now
	if _, err := ix.Add([]reprint.Document{d}, []*reprint.Fingerprint{stale}, [][]uint64{det.Keys(stale)}); err != nil {
		t.Fatal(err)
	}
	fps, keys := prepare(det, []reprint.Document{d})
	st, err := ix.Add([]reprint.Document{d}, fps, keys)
	if err != nil {
		t.Fatal(err)
	}
	if st.Replaced != 1 || len(st.Unrelated) != 0 {
		t.Errorf("got %+v, want 1 replaced and none unrelated: the stored text is the same", st)
	}
}

// TestReplaceShortUpdateNotUnrelated checks that a brief too short to have
// shingles in common (a headline-only item, updated) is not called
// another article: Overlap is 0 when either text has no shingle or one
// shingle of its whole, which says nothing, not "shares almost nothing".
func TestReplaceShortUpdateNotUnrelated(t *testing.T) {
	det := detector(t, reprint.Options{RewriteK: -1})
	ix, _ := build(t, det, []reprint.Document{{ID: "brief", Text: "Minister resigns"}})
	d := []reprint.Document{{ID: "brief", Text: "Minister resigns, aides say"}}
	fps, keys := prepare(det, d)
	st, err := ix.Add(d, fps, keys)
	if err != nil {
		t.Fatal(err)
	}
	if st.Replaced != 1 || len(st.Unrelated) != 0 {
		t.Errorf("got %+v, want 1 replaced and none unrelated: too short to tell", st)
	}
}
