package index_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/input"
)

// seedDocs reads the bundled example articles.
func seedDocs(tb testing.TB) []reprint.Document {
	tb.Helper()
	docs, errs, err := input.ReadAll(input.Open([]string{"../testdata/seeds"}, nil, input.Options{}))
	if err != nil || len(errs) > 0 || len(docs) != 5 {
		tb.Fatalf("read seeds: got %d docs, errors %v %v; want 5 docs", len(docs), errs, err)
	}
	return docs
}

var (
	genOnce sync.Once
	genDocs []reprint.Document
)

// generated returns 3000 generated documents with planted derivatives.
func generated(tb testing.TB) []reprint.Document {
	tb.Helper()
	genOnce.Do(func() {
		var buf bytes.Buffer
		if _, err := gen.Write(&buf, nil, gen.Options{Docs: 3000, Seed: 7}); err != nil {
			panic(err)
		}
		docs, errs, err := input.ReadAll(input.NewJSONL(&buf, "gen", input.Options{}))
		if err != nil || len(errs) > 0 {
			panic("read generated corpus")
		}
		genDocs = docs
	})
	return genDocs
}

// detector returns a detector with default options.
func detector(tb testing.TB, o reprint.Options) *reprint.Detector {
	tb.Helper()
	det, err := reprint.New(o)
	if err != nil {
		tb.Fatal(err)
	}
	return det
}

// prepare fingerprints docs and computes their keys.
func prepare(det *reprint.Detector, docs []reprint.Document) ([]*reprint.Fingerprint, [][]uint64) {
	fps := make([]*reprint.Fingerprint, len(docs))
	keys := make([][]uint64, len(docs))
	for i, d := range docs {
		fps[i] = det.Fingerprint(d)
		keys[i] = det.IndexKeys(fps[i])
	}
	return fps, keys
}

// build creates an index of docs at a new path.
func build(tb testing.TB, det *reprint.Detector, docs []reprint.Document) (*index.Index, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.idx")
	ix, err := index.Open(path, det.Params(), index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	fps, keys := prepare(det, docs)
	if _, err := ix.Add(docs, fps, keys); err != nil {
		tb.Fatal(err)
	}
	return ix, path
}

func TestCandidatesFindSeeds(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	ix, _ := build(t, det, docs)
	tests := []struct {
		query string
		want  string // an ID that must be among the candidates
	}{
		{"002_29c4d0543742b1d0.txt", "001_1fe8c6310e030e24.txt"},
		{"003_13c99c3a09f8c316.txt", "001_1fe8c6310e030e24.txt"},
		{"001_1fe8c6310e030e24.txt", "003_13c99c3a09f8c316.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			i := slices.IndexFunc(docs, func(d reprint.Document) bool { return d.ID == tt.query })
			fp := det.Fingerprint(docs[i])
			ids, err := ix.Candidates(det.Keys(fp), 0)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(ids, tt.want) || !slices.Contains(ids, tt.query) {
				t.Errorf("got candidates %v, want %s and itself among them", ids, tt.want)
			}
			if ids[0] != tt.query {
				t.Errorf("got first candidate %s, want the query itself (it shares every key)", ids[0])
			}
			fps, texts, err := ix.Get([]string{tt.want})
			if err != nil {
				t.Fatal(err)
			}
			j := slices.IndexFunc(docs, func(d reprint.Document) bool { return d.ID == tt.want })
			if texts[0] != docs[j].Text {
				t.Errorf("got text of %d bytes, want the stored text of %d bytes", len(texts[0]), len(docs[j].Text))
			}
			got, _ := fps[0].MarshalBinary()
			want, _ := det.Fingerprint(docs[j]).MarshalBinary()
			if !bytes.Equal(got, want) {
				t.Errorf("got a fingerprint that differs from the one added")
			}
		})
	}
}

func TestResolveWithIndex(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	ix, _ := build(t, det, docs[:2]) // 000 and 001
	q := det.Fingerprint(docs[2])    // 002, a machine rewrite of 001
	ids, err := ix.Candidates(det.Keys(q), 10)
	if err != nil {
		t.Fatal(err)
	}
	fps, texts, err := ix.Get(ids)
	if err != nil {
		t.Fatal(err)
	}
	all := append(fps, q)
	var cands [][2]int
	for i := range fps {
		cands = append(cands, [2]int{i, len(fps)})
	}
	res, err := det.Resolve(t.Context(), all, append(texts, docs[2].Text), cands)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) != 1 {
		t.Fatalf("got %d pairs, want 1", len(res.Pairs))
	}
	p := res.Pairs[0]
	if got := res.Documents[p.Original].ID; got != docs[1].ID || p.Relation != reprint.MachineRewrite {
		t.Errorf("got %s with original %s, want machine_rewrite with original %s", p.Relation, got, docs[1].ID)
	}
	if len(p.Passages) == 0 || p.Passages[0].Text == "" {
		t.Errorf("got no evidence text, want passages from the stored text")
	}
}

func TestReopen(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	ix, path := build(t, det, docs)
	before, err := ix.Stats()
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()

	t.Run("same parameters", func(t *testing.T) {
		ix, err := index.Open(path, det.Params(), index.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		got, err := ix.Stats()
		if err != nil {
			t.Fatal(err)
		}
		if got != before {
			t.Errorf("got stats %+v after reopening, want %+v", got, before)
		}
		if _, err := ix.Add(docs[:1], []*reprint.Fingerprint{det.Fingerprint(docs[0])}, [][]uint64{nil}); err == nil {
			t.Errorf("got no error adding to a read-only index")
		}
	})
	t.Run("verification parameters may differ", func(t *testing.T) {
		other := detector(t, reprint.Options{MinScore: 0.6, MinPassage: 12, SameStory: true})
		ix, err := index.Open(path, other.Params(), index.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		ix.Close()
	})
	t.Run("zero parameters accept the stored ones", func(t *testing.T) {
		ix, err := index.Open(path, reprint.Params{}, index.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if got, want := ix.Params(), before.Params; got != want {
			t.Errorf("got params %+v, want %+v", got, want)
		}
	})
	t.Run("other parameters", func(t *testing.T) {
		other := detector(t, reprint.Options{K: 7, Threshold: 0.7})
		_, err := index.Open(path, other.Params(), index.Options{ReadOnly: true})
		var pe *index.ParamsError
		if !errors.As(err, &pe) {
			t.Fatalf("got error %v, want a *ParamsError", err)
		}
		msg := err.Error()
		for _, want := range []string{"k: index 5, given 7", "threshold: index 0.5, given 0.7", "bands:", path} {
			if !strings.Contains(msg, want) {
				t.Errorf("got error %q, want it to mention %q", msg, want)
			}
		}
		if strings.Contains(msg, "min_score") {
			t.Errorf("got error %q, want only differing fields", msg)
		}
	})
	t.Run("missing", func(t *testing.T) {
		_, err := index.Open(filepath.Join(t.TempDir(), "none.idx"), det.Params(), index.Options{ReadOnly: true})
		if !errors.Is(err, index.ErrNotExist) {
			t.Errorf("got %v, want ErrNotExist", err)
		}
	})
	t.Run("not an index", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "junk.idx")
		if err := os.WriteFile(p, bytes.Repeat([]byte("junk"), 4096), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := index.Open(p, det.Params(), index.Options{ReadOnly: true})
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("got %v, want an error naming %s", err, p)
		}
	})
}

// TestReaddStoresAnchorKeys checks that adding again the articles of an
// index that an older reprint built without anchor keys (Detector.Keys
// only) stores them (every seed holds 200 words or more, so has some),
// and that a third add changes nothing.
func TestReaddStoresAnchorKeys(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	ix, err := index.Open(filepath.Join(t.TempDir(), "old.idx"), det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	fps, keys := prepare(det, docs)
	old := make([][]uint64, len(fps))
	for i, fp := range fps {
		old[i] = det.Keys(fp)
	}
	if _, err := ix.Add(docs, fps, old); err != nil {
		t.Fatal(err)
	}
	for _, want := range []index.AddStats{{Replaced: 5}, {Unchanged: 5}} {
		st, err := ix.Add(docs, fps, keys)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st, want) {
			t.Errorf("got %+v, want %+v", st, want)
		}
	}
}

func TestReplace(t *testing.T) {
	// Without the rewrite channel, unrelated articles share no key.
	det := detector(t, reprint.Options{RewriteK: -1})
	docs := seedDocs(t)
	ix, _ := build(t, det, docs)
	before, _ := ix.Stats()

	t.Run("identical", func(t *testing.T) {
		fps, keys := prepare(det, docs)
		st, err := ix.Add(docs, fps, keys)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st, index.AddStats{Unchanged: 5}) {
			t.Errorf("got %+v, want 5 unchanged", st)
		}
		after, _ := ix.Stats()
		if after != before {
			t.Errorf("got stats %+v, want %+v", after, before)
		}
	})
	t.Run("new version", func(t *testing.T) {
		// 001 updated: a paragraph added. Not another article.
		d := docs[1]
		d.Text += "\n\nUpdated: the minister later said the talks would resume next week in Geneva."
		fps, keys := prepare(det, []reprint.Document{d})
		st, err := ix.Add([]reprint.Document{d}, fps, keys)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st, index.AddStats{Replaced: 1}) {
			t.Errorf("got %+v, want 1 replaced, not unrelated", st)
		}
	})
	t.Run("new text", func(t *testing.T) {
		// 000 gets 004's text: a search with 000's old keys must no longer
		// find 000, and 004's keys find both.
		oldKeys := det.Keys(det.Fingerprint(docs[0]))
		d := docs[0]
		d.Text = docs[4].Text
		fps, keys := prepare(det, []reprint.Document{d})
		st, err := ix.Add([]reprint.Document{d}, fps, keys)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st, index.AddStats{Replaced: 1, Unrelated: []string{d.ID}}) {
			t.Errorf("got %+v, want 1 replaced, by an unrelated text", st)
		}
		ids, _ := ix.Candidates(oldKeys, 0)
		if slices.Contains(ids, d.ID) {
			t.Errorf("got %v, want %s gone from its old keys", ids, d.ID)
		}
		ids, _ = ix.Candidates(keys[0], 0)
		if !slices.Contains(ids, d.ID) || !slices.Contains(ids, docs[4].ID) {
			t.Errorf("got %v, want %s and %s", ids, d.ID, docs[4].ID)
		}
		_, texts, err := ix.Get([]string{d.ID})
		if err != nil || texts[0] != d.Text {
			t.Errorf("got the old text back (%v)", err)
		}
		st2, _ := ix.Stats()
		if st2.Documents != before.Documents {
			t.Errorf("got %d documents, want %d", st2.Documents, before.Documents)
		}
	})
}

func TestManyBatches(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := generated(t)[:1200]
	path := filepath.Join(t.TempDir(), "m.idx")
	ix, err := index.Open(path, det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	fps, keys := prepare(det, docs)
	var want int64
	for i := 0; i < len(docs); i += 25 {
		j := min(i+25, len(docs))
		if _, err := ix.Add(docs[i:j], fps[i:j], keys[i:j]); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range keys {
		want += int64(len(k))
	}
	st, err := ix.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(docs) || st.Postings != want {
		t.Errorf("got %d documents, %d postings; want %d, %d", st.Documents, st.Postings, len(docs), want)
	}
	// 48 batches merge like a binary counter: 48 = 32+16 → few segments.
	if st.Segments > 6 {
		t.Errorf("got %d segments after 48 batches, want at most 6", st.Segments)
	}
	for _, i := range []int{0, 17, 600, 1199} {
		ids, err := ix.Candidates(keys[i], 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(ids, docs[i].ID) {
			t.Errorf("document %s: got candidates %v, want itself among them", docs[i].ID, ids)
		}
	}
}

func TestCandidatesCap(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := generated(t)[:40]
	fps, keys := prepare(det, docs)
	// Every document also carries key 42, a "boilerplate" key.
	for i := range keys {
		keys[i] = append(keys[i], 42)
	}
	path := filepath.Join(t.TempDir(), "c.idx")
	ix, err := index.Open(path, det.Params(), index.Options{MaxPostings: 30})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		keys  []uint64
		limit int
		want  int
	}{
		{"boilerplate key skipped", []uint64{42}, 0, 0},
		{"own keys", keys[3], 0, -1},
		{"limit", append(slices.Clone(keys[3]), keys[4]...), 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, err := ix.Candidates(tt.keys, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want >= 0 && len(ids) != tt.want {
				t.Errorf("got %d candidates %v, want %d", len(ids), ids, tt.want)
			}
			if tt.want < 0 && (len(ids) == 0 || ids[0] != docs[3].ID) {
				t.Errorf("got %v, want %s first", ids, docs[3].ID)
			}
		})
	}
}

func TestAddErrors(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	ix, _ := build(t, det, docs[:1])
	fps, keys := prepare(det, docs[:2])
	tests := []struct {
		name string
		docs []reprint.Document
		fps  []*reprint.Fingerprint
		keys [][]uint64
	}{
		{"length mismatch", docs[:2], fps[:1], keys},
		{"wrong fingerprint", docs[:2], []*reprint.Fingerprint{fps[1], fps[0]}, keys},
		{"nil fingerprint", docs[:1], []*reprint.Fingerprint{nil}, keys[:1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ix.Add(tt.docs, tt.fps, tt.keys); err == nil {
				t.Errorf("got no error, want one")
			}
		})
	}
	if _, _, err := ix.Get([]string{"no such id"}); err == nil || !strings.Contains(err.Error(), "no such id") {
		t.Errorf("got %v, want an error naming the missing ID", err)
	}
}

func TestConcurrentReaders(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := generated(t)[:300]
	ix, _ := build(t, det, docs[:100])
	fps, keys := prepare(det, docs)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 100; i < 300; i += 50 {
			if _, err := ix.Add(docs[i:i+50], fps[i:i+50], keys[i:i+50]); err != nil {
				t.Error(err)
			}
		}
	})
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < 100; i += 4 {
				ids, err := ix.Candidates(keys[i], 5)
				if err != nil || !slices.Contains(ids, docs[i].ID) {
					t.Errorf("got %v %v, want %s among them", ids, err, docs[i].ID)
				}
				if _, _, err := ix.Get(ids); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

func TestMinShared(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)[:2]
	fps := []*reprint.Fingerprint{det.Fingerprint(docs[0]), det.Fingerprint(docs[1])}
	keys := [][]uint64{{1, 2, 3}, {3, 4}}
	path := filepath.Join(t.TempDir(), "s.idx")
	ix, err := index.Open(path, det.Params(), index.Options{MinShared: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		keys []uint64
		want []string
	}{
		{[]uint64{1}, nil},
		{[]uint64{1, 2}, []string{docs[0].ID}},
		{[]uint64{3, 4, 1}, []string{docs[0].ID, docs[1].ID}},
		{[]uint64{3, 4}, []string{docs[1].ID}},
		{[]uint64{2, 3, 4}, []string{docs[0].ID, docs[1].ID}}, // a tie: in the order added
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.keys), func(t *testing.T) {
			got, err := ix.Candidates(tt.keys, 0)
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestGetSorted(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	ix, _ := build(t, det, docs)
	ids := func(is ...int) []string {
		var out []string
		for _, i := range is {
			out = append(out, docs[i].ID)
		}
		return out
	}
	// texts checks that the texts came back with their IDs.
	texts := func(t *testing.T, got, texts []string, want map[string]string) {
		t.Helper()
		for i, id := range got {
			if texts[i] != want[id] {
				t.Errorf("text %d (%s): got another document's text", i, id)
			}
		}
	}
	byID := map[string]string{}
	for _, d := range docs {
		byID[d.ID] = d.Text
	}
	t.Run("add order", func(t *testing.T) {
		got, fps, txt, err := ix.GetSorted(ids(3, 0, 4, 1))
		if want := ids(0, 1, 3, 4); err != nil || !slices.Equal(got, want) || len(fps) != len(want) {
			t.Errorf("got %q, %d fingerprints (%v), want %q", got, len(fps), err, want)
		}
		texts(t, got, txt, byID)
	})
	t.Run("replaced counts as added last", func(t *testing.T) {
		d := docs[0]
		d.Text += "\n\nCorrection: an earlier version misspelt a name."
		fps, keys := prepare(det, []reprint.Document{d})
		if _, err := ix.Add([]reprint.Document{d}, fps, keys); err != nil {
			t.Fatal(err)
		}
		byID[d.ID] = d.Text
		got, _, txt, err := ix.GetSorted(ids(0, 2, 1))
		if want := ids(1, 2, 0); err != nil || !slices.Equal(got, want) {
			t.Errorf("got %q (%v), want %q", got, err, want)
		}
		texts(t, got, txt, byID)
	})
	t.Run("unknown", func(t *testing.T) {
		if _, _, _, err := ix.GetSorted([]string{docs[1].ID, "no such article"}); err == nil || !strings.Contains(err.Error(), "no such article") {
			t.Errorf("got error %v, want one naming the missing ID", err)
		}
	})
}
