package index

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/reprint-dev/reprint"
)

// tiny returns n short documents, their fingerprints and keys made by
// keysOf.
func tiny(t *testing.T, det *reprint.Detector, prefix string, n int, keysOf func(i int) []uint64) ([]reprint.Document, []*reprint.Fingerprint, [][]uint64) {
	t.Helper()
	docs := make([]reprint.Document, n)
	fps := make([]*reprint.Fingerprint, n)
	keys := make([][]uint64, n)
	for i := range docs {
		docs[i] = reprint.Document{ID: fmt.Sprintf("%s%05d", prefix, i), Text: fmt.Sprintf("article number %d of %s", i, prefix)}
		fps[i] = det.Fingerprint(docs[i])
		keys[i] = keysOf(i)
	}
	return docs, fps, keys
}

func TestLongRunAcrossChunks(t *testing.T) {
	det, _ := reprint.New(reprint.Options{})
	ix, err := Open(filepath.Join(t.TempDir(), "r.idx"), det.Params(), Options{MaxPostings: 100000})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const n = 3 * chunkPostings / 2
	// Key 7 is shared by every document: its run is longer than a chunk.
	docs, fps, keys := tiny(t, det, "d", n, func(i int) []uint64 { return []uint64{uint64(i) * 2, 7, 1 << 40} })
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key  uint64
		want int
	}{{7, n}, {6, 1}, {8, 1}, {2 * (n - 1), 1}, {1 << 40, n}, {5, 0}, {1<<64 - 1, 0}, {0, 1}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.key), func(t *testing.T) {
			ids, err := ix.Candidates([]uint64{tt.key}, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != tt.want {
				t.Errorf("got %d candidates, want %d", len(ids), tt.want)
			}
		})
	}
}

// deadCount returns the number of replaced documents whose postings are
// still stored.
func deadCount(t *testing.T, ix *Index) int {
	t.Helper()
	n := 0
	err := ix.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bDead).Stats().KeyN
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMergeDropsReplaced(t *testing.T) {
	det, _ := reprint.New(reprint.Options{})
	ix, err := Open(filepath.Join(t.TempDir(), "d.idx"), det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs, fps, keys := tiny(t, det, "a", 10, func(i int) []uint64 { return []uint64{uint64(i), 100} })
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	// Replace the first 4 with new keys, in a batch of the same size, so
	// that the two segments merge.
	for i := range 4 {
		docs[i].Text += " (corrected)"
		fps[i] = det.Fingerprint(docs[i])
		keys[i] = []uint64{uint64(1000 + i), 100}
	}
	more, mfps, mkeys := tiny(t, det, "b", 6, func(i int) []uint64 { return []uint64{uint64(2000 + i), uint64(3000 + i)} })
	st, err := ix.Add(append(docs[:4:4], more...), append(fps[:4:4], mfps...), append(keys[:4:4], mkeys...))
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 6 || st.Replaced != 4 || st.Unchanged != 0 {
		t.Errorf("got %+v, want 6 added, 4 replaced", st)
	}
	if got := deadCount(t, ix); got != 0 {
		t.Errorf("got %d dead documents after the merge, want 0", got)
	}
	s, _ := ix.Stats()
	if s.Segments != 1 || s.Documents != 16 || s.Postings != 10*2+6*2 {
		t.Errorf("got %+v, want 1 segment, 16 documents, 32 postings", s)
	}
	ids, _ := ix.Candidates([]uint64{100}, 0)
	if len(ids) != 10 || ids[0] != "a00004" {
		t.Errorf("got %v, want a00004..a00009 then a00000..a00003 (by number)", ids)
	}
	ids, _ = ix.Candidates([]uint64{2}, 0)
	if len(ids) != 0 {
		t.Errorf("got %v for a replaced document's old key, want none", ids)
	}
	// Kept until the segment holding them is merged.
	docs[5].Text += " (corrected)"
	fps[5] = det.Fingerprint(docs[5])
	if _, err := ix.Add(docs[5:6], fps[5:6], [][]uint64{{5}}); err != nil {
		t.Fatal(err)
	}
	if got := deadCount(t, ix); got != 1 {
		t.Errorf("got %d dead documents before a merge, want 1", got)
	}
}

func TestTextCodec(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"short", "a short text"},
		{"long", strings.Repeat("The minister said the plan would go ahead. ", 50)},
		{"incompressible", func() string {
			var b strings.Builder
			for i := range 300 {
				fmt.Fprintf(&b, "%x", uint64(i)*0x9e3779b97f4a7c15)
			}
			return b.String()
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc := encodeText(tt.text)
			got, err := decodeText(enc)
			if err != nil || got != tt.text {
				t.Errorf("got %q, %v; want the text back", got, err)
			}
			if len(enc) > len(tt.text)+1 {
				t.Errorf("got %d bytes encoded for %d, want at most one more", len(enc), len(tt.text))
			}
		})
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Add(encodeText(strings.Repeat("words and more words ", 20)))
	f.Add([]byte{textPlain, 'a'})
	f.Add([]byte{textDeflate, 0xff})
	f.Add([]byte{9})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := decodeText(b)
		if err == nil && len(b) > 0 && b[0] == textPlain && s != string(b[1:]) {
			t.Errorf("got %q, want %q", s, b[1:])
		}
	})
}

// TestDocFreqOfOlderIndex: an index made before shingle counts were kept
// opens, has none, and counts all its documents at its next Add; replacing
// a document takes its old text's shingles back.
func TestDocFreqOfOlderIndex(t *testing.T) {
	det, _ := reprint.New(reprint.Options{})
	path := filepath.Join(t.TempDir(), "old.idx")
	ix, err := Open(path, det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	frame := func(docs []reprint.Document, fps []*reprint.Fingerprint) {
		for i := range docs {
			docs[i].Text = "Sign up for the Courier newsletter today: " + docs[i].Text + " and share this page with a friend."
			fps[i] = det.Fingerprint(docs[i])
		}
	}
	docs, fps, keys := tiny(t, det, "a", 30, func(int) []uint64 { return nil })
	frame(docs, fps)
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	// Make it an older index: no docfreq bucket.
	err = ix.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bDocFreq) })
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if ix, err = Open(path, det.Params(), Options{}); err != nil {
		t.Fatalf("open an index without counts: %v", err)
	}
	defer ix.Close()
	if df, err := ix.DocFreq(); err != nil || df != nil {
		t.Fatalf("got counts %v, error %v; want none", df, err)
	}
	more, mfps, mkeys := tiny(t, det, "b", 10, func(int) []uint64 { return nil })
	frame(more, mfps)
	if _, err := ix.Add(more, mfps, mkeys); err != nil {
		t.Fatal(err)
	}
	df, err := ix.DocFreq()
	if err != nil || df == nil {
		t.Fatalf("got counts %v, error %v; want counts", df, err)
	}
	if got, want := df.Docs(), 40; got != want {
		t.Errorf("got %d documents counted, want %d", got, want)
	}
	if lit, _ := df.Common(0); lit == 0 {
		t.Error("got no common literal shingles, want the frame's")
	}
	// Replace 38 of them with unframed texts: the frame is no longer common.
	all := append(docs, more...)[:38]
	rfps := make([]*reprint.Fingerprint, len(all))
	rkeys := make([][]uint64, len(all))
	for i := range all {
		all[i].Text = fmt.Sprintf("a new text, number %d", i)
		rfps[i] = det.Fingerprint(all[i])
	}
	st, err := ix.Add(all, rfps, rkeys)
	if err != nil || st.Replaced != 38 {
		t.Fatalf("got %+v, error %v; want 38 replaced", st, err)
	}
	df, _ = ix.DocFreq()
	if lit, _ := df.Common(0); df.Docs() != 40 || lit != 0 {
		t.Errorf("after replacing: got %d documents, %d common literal shingles; want 40, none", df.Docs(), lit)
	}
}

// An index records the tokenizer version its documents were fingerprinted
// with; one made before it was recorded (no key) is an old tokenizer's.
func TestOldTokenizer(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.idx")
	ix, err := Open(path, det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ix.OldTokenizer() {
		t.Errorf("a new index: got OldTokenizer true, want false")
	}
	if err := ix.update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Delete(mTokens) }); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = Open(path, det.Params(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := ix.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if !ix.OldTokenizer() || st.TokenizerVersion != 1 {
		t.Errorf("an index without the key: got OldTokenizer %v, version %d; want true, 1", ix.OldTokenizer(), st.TokenizerVersion)
	}
}
