package index

import (
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/reprint-dev/reprint"
)

// Found in review (s24b): the tokenizer version is written only when an
// index is created, so an old index warns for ever. The warning (and the
// README) says its articles match new ones "once added again (reprint
// index add of them ...)", and index add does fingerprint them again
// (those the new tokenizer reads differently are replaced, the others are
// identical), but after every document has been added again the index
// still reports tokenizer 1 and check, filter, serve, index add and index
// stats still warn; only a new index is ever rid of it.
func TestOldTokenizerAllAddedAgain(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []reprint.Document
	for i := range 5 {
		docs = append(docs, reprint.Document{ID: fmt.Sprintf("d%d", i), Text: fmt.Sprintf("The council met on day %d to discuss the new budget for the schools and the roads of the district.", i)})
	}
	add := func(ix *Index) {
		t.Helper()
		var fps []*reprint.Fingerprint
		var keys [][]uint64
		for _, d := range docs {
			fp := det.Fingerprint(d)
			fps = append(fps, fp)
			keys = append(keys, det.Keys(fp))
		}
		if _, err := ix.Add(docs, fps, keys); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "a.idx")
	ix, err := Open(path, det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	add(ix)
	// As an index made before the version was recorded.
	if err := ix.update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Delete(mTokens) }); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if ix, err = Open(path, det.Params(), Options{}); err != nil {
		t.Fatal(err)
	}
	if !ix.OldTokenizer() {
		t.Fatal("an index without the key: OldTokenizer false")
	}
	add(ix) // every document added again by this tokenizer
	ix.Close()
	if ix, err = Open(path, det.Params(), Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.OldTokenizer() {
		t.Errorf("every document added again: OldTokenizer still true, want false")
	}
}
