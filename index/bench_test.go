package index_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/input"
)

// benchCorpus is a generated corpus with fingerprints and keys, made once.
type benchCorpus struct {
	docs  []reprint.Document
	fps   []*reprint.Fingerprint
	keys  [][]uint64
	bytes int64
}

var (
	benchOnce sync.Once
	bench     benchCorpus
)

const benchDocs = 20000

func corpus(b *testing.B) *benchCorpus {
	b.Helper()
	benchOnce.Do(func() {
		var buf bytes.Buffer
		if _, err := gen.Write(&buf, nil, gen.Options{Docs: benchDocs, Seed: 3}); err != nil {
			panic(err)
		}
		docs, _, err := input.ReadAll(input.NewJSONL(&buf, "gen", input.Options{}))
		if err != nil {
			panic(err)
		}
		det, _ := reprint.New(reprint.Options{})
		bench.docs = docs
		bench.fps = make([]*reprint.Fingerprint, len(docs))
		bench.keys = make([][]uint64, len(docs))
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Go(func() {
				for i := w; i < len(docs); i += 8 {
					bench.fps[i] = det.Fingerprint(docs[i])
					bench.keys[i] = det.Keys(bench.fps[i])
				}
			})
		}
		wg.Wait()
		for _, d := range docs {
			bench.bytes += int64(len(d.Text))
		}
	})
	return &bench
}

// BenchmarkAdd measures one 1000-document transaction into an index that
// already holds size documents (texts, fingerprints, postings, fsync).
func BenchmarkAdd(b *testing.B) {
	c := corpus(b)
	det, _ := reprint.New(reprint.Options{})
	const batch = 1000
	for _, size := range []int{0, 10000} {
		b.Run(fmt.Sprintf("batch=%d/size=%d", batch, size), func(b *testing.B) {
			ix, err := index.Open(filepath.Join(b.TempDir(), "b.idx"), det.Params(), index.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			if size > 0 {
				if _, err := ix.Add(c.docs[:size], c.fps[:size], c.keys[:size]); err != nil {
					b.Fatal(err)
				}
			}
			var n int64
			for _, d := range c.docs[size : size+batch] {
				n += int64(len(d.Text))
			}
			b.SetBytes(n)
			b.ReportAllocs()
			next := size
			for b.Loop() {
				// Cycle through the rest of the corpus; later rounds
				// replace documents, which costs about the same.
				if next+batch > len(c.docs) {
					next = size
				}
				if _, err := ix.Add(c.docs[next:next+batch], c.fps[next:next+batch], c.keys[next:next+batch]); err != nil {
					b.Fatal(err)
				}
				next += batch
			}
			b.ReportMetric(float64(batch*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkCandidatesGet measures the index side of one check: the
// candidates of one document's keys and their fingerprints and texts.
func BenchmarkCandidatesGet(b *testing.B) {
	c := corpus(b)
	det, _ := reprint.New(reprint.Options{})
	path := filepath.Join(b.TempDir(), "q.idx")
	ix, err := index.Open(path, det.Params(), index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(c.docs); i += 1000 {
		if _, err := ix.Add(c.docs[i:i+1000], c.fps[i:i+1000], c.keys[i:i+1000]); err != nil {
			b.Fatal(err)
		}
	}
	ix.Close()
	ix, err = index.Open(path, det.Params(), index.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	st, _ := ix.Stats()
	b.Logf("index of %d documents: %d postings, %d segments, %d bytes", st.Documents, st.Postings, st.Segments, st.FileBytes)
	b.ReportAllocs()
	i, cands := 0, 0
	for b.Loop() {
		ids, err := ix.Candidates(c.keys[i], 50)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := ix.Get(ids); err != nil {
			b.Fatal(err)
		}
		cands += len(ids)
		i = (i + 7919) % len(c.docs)
	}
	b.ReportMetric(float64(cands)/float64(b.N), "candidates/op")
}
