package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reprint-dev/reprint/internal/golden"
	"github.com/reprint-dev/reprint/shingle"
)

// line is one document as Write writes it.
type line struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
}

// corpusOut is a parsed output of Write.
type corpusOut struct {
	docs, truth []byte
	lines       []line
	byID        map[string]int // index into lines
	truths      []Truth
	stats       Stats
}

func generate(t testing.TB, o Options) *corpusOut {
	t.Helper()
	c, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// build runs Write and parses what it wrote.
func build(o Options) (*corpusOut, error) {
	var d, tr bytes.Buffer
	st, err := Write(&d, &tr, o)
	if err != nil {
		return nil, fmt.Errorf("Write(%+v): %w", o, err)
	}
	c := &corpusOut{docs: d.Bytes(), truth: tr.Bytes(), stats: st, byID: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(c.docs))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("docs line %d: %w", len(c.lines)+1, err)
		}
		c.byID[l.ID] = len(c.lines)
		c.lines = append(c.lines, l)
	}
	sc = bufio.NewScanner(bytes.NewReader(c.truth))
	for sc.Scan() {
		var tr Truth
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			return nil, fmt.Errorf("truth line %d: %w", len(c.truths)+1, err)
		}
		c.truths = append(c.truths, tr)
	}
	return c, nil
}

// sharedCorpus is one default-shaped corpus that several tests inspect.
var sharedCorpus = sync.OnceValues(func() (*corpusOut, error) {
	return build(Options{Docs: 4000, Seed: 7})
})

func shared(t *testing.T) *corpusOut {
	t.Helper()
	c, err := sharedCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// set is the reference computation: Tokenize, HashWord, AppendShingles.
func set(text string, k int) shingle.Set {
	var words []uint64
	for _, tok := range shingle.Tokenize(nil, text) {
		words = append(words, shingle.HashWord(tok.Text))
	}
	return shingle.NewSet(shingle.AppendShingles(nil, words, k))
}

func TestWriteDeterministic(t *testing.T) {
	o := Options{Docs: 1500, Seed: 42, Words: 200}
	a := generate(t, o)
	t.Run("same options", func(t *testing.T) {
		b := generate(t, o)
		if !bytes.Equal(a.docs, b.docs) || !bytes.Equal(a.truth, b.truth) {
			t.Errorf("two runs differ: got %d/%d bytes, want %d/%d", len(b.docs), len(b.truth), len(a.docs), len(a.truth))
		}
	})
	t.Run("one worker", func(t *testing.T) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		b := generate(t, o)
		if !bytes.Equal(a.docs, b.docs) || !bytes.Equal(a.truth, b.truth) {
			t.Errorf("output depends on the number of workers")
		}
	})
	t.Run("other seed", func(t *testing.T) {
		o := o
		o.Seed++
		if b := generate(t, o); bytes.Equal(a.docs, b.docs) {
			t.Errorf("seeds %d and %d give the same corpus", o.Seed-1, o.Seed)
		}
	})
}

func TestWriteGolden(t *testing.T) {
	c := generate(t, Options{Docs: 12, Seed: 3, Words: 60, Planted: 0.5})
	golden.Check(t, "testdata/small.jsonl", c.docs)
	golden.Check(t, "testdata/small_truth.jsonl", c.truth)
}

func TestWriteCounts(t *testing.T) {
	tests := []struct {
		name        string
		o           Options
		docs        int
		planted     float64 // wanted share
		tol         float64
		wantPlanted bool
	}{
		{"defaults", Options{Docs: 3000}, 3000, 0.25, 0.03, true},
		{"tenth", Options{Docs: 3000, Planted: 0.1, Words: 100}, 3000, 0.1, 0.02, true},
		{"half", Options{Docs: 3000, Planted: 0.5, Words: 100}, 3000, 0.5, 0.05, true},
		{"none", Options{Docs: 500, Planted: -1, Words: 100}, 500, 0, 0, false},
		{"one doc", Options{Docs: 1}, 1, 0, 0, false},
		{"partial batch", Options{Docs: batchSize + 3, Words: 50}, batchSize + 3, 0.25, 0.08, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := generate(t, tt.o)
			if got := len(c.lines); got != tt.docs {
				t.Errorf("got %d lines, want %d", got, tt.docs)
			}
			if c.stats.Docs != tt.docs {
				t.Errorf("got Stats.Docs %d, want %d", c.stats.Docs, tt.docs)
			}
			if c.stats.Planted != len(c.truths) {
				t.Errorf("got Stats.Planted %d, want %d truth lines", c.stats.Planted, len(c.truths))
			}
			if c.stats.Bytes != int64(len(c.docs)) {
				t.Errorf("got Stats.Bytes %d, want %d", c.stats.Bytes, len(c.docs))
			}
			share := float64(len(c.truths)) / float64(tt.docs)
			if math.Abs(share-tt.planted) > tt.tol {
				t.Errorf("got planted share %.3f, want %.3f ± %.3f", share, tt.planted, tt.tol)
			}
			if tt.wantPlanted && len(c.truths) == 0 {
				t.Errorf("got no planted documents")
			}
			for i, l := range c.lines {
				if want := string(appendID(nil, i)); l.ID != want {
					t.Fatalf("line %d: got id %q, want %q", i+1, l.ID, want)
				}
				if strings.TrimSpace(l.Text) == "" {
					t.Fatalf("line %d: empty text", i+1)
				}
				if _, err := time.Parse(time.RFC3339, l.Published); err != nil {
					t.Fatalf("line %d: %v", i+1, err)
				}
			}
		})
	}
}

func TestTruthPairs(t *testing.T) {
	c := shared(t)
	if len(c.truths) == 0 {
		t.Fatal("got no truth lines")
	}
	asA := map[string]bool{}
	asB := map[string]bool{}
	for _, tr := range c.truths {
		ia, okA := c.byID[tr.A]
		ib, okB := c.byID[tr.B]
		if !okA || !okB {
			t.Fatalf("truth %s-%s: id not in docs", tr.A, tr.B)
		}
		if asA[tr.A] {
			t.Errorf("original %s has two derivatives", tr.A)
		}
		asA[tr.A], asB[tr.B] = true, true
		if ia >= ib || ib-ia > 3*window {
			t.Errorf("truth %s-%s: original is not a recent earlier document", tr.A, tr.B)
		}
		if c.lines[ia].Published >= c.lines[ib].Published {
			t.Errorf("truth %s-%s: got published %s, %s, want the original earlier", tr.A, tr.B, c.lines[ia].Published, c.lines[ib].Published)
		}
	}
	for a := range asA {
		if asB[a] {
			t.Errorf("original %s is itself a derivative", a)
		}
	}
}

// TestTruthMatchesShingle recomputes every truth line from the texts with
// the shingle package.
func TestTruthMatchesShingle(t *testing.T) {
	c := shared(t)
	for _, tr := range c.truths {
		a := set(c.lines[c.byID[tr.A]].Text, 5)
		b := set(c.lines[c.byID[tr.B]].Text, 5)
		got := [3]float64{tr.Jaccard, tr.ContainAB, tr.ContainBA}
		want := [3]float64{shingle.Jaccard(a, b), shingle.Containment(a, b), shingle.Containment(b, a)}
		if got != want {
			t.Fatalf("truth %s-%s: got %v, want %v", tr.A, tr.B, got, want)
		}
	}
}

func TestTruthKinds(t *testing.T) {
	c := shared(t)
	by := map[string][]Truth{}
	for _, tr := range c.truths {
		by[tr.Kind] = append(by[tr.Kind], tr)
	}
	share := func(ts []Truth, ok func(Truth) bool) float64 {
		n := 0
		for _, tr := range ts {
			if ok(tr) {
				n++
			}
		}
		return float64(n) / float64(len(ts))
	}
	tests := []struct {
		kind string
		desc string
		ok   func(Truth) bool
		min  float64 // share of pairs that must be ok
	}{
		{KindCopy, "jaccard = 1", func(tr Truth) bool { return tr.Jaccard == 1 }, 1},
		{KindEdited, "jaccard ≥ 0.3", func(tr Truth) bool { return tr.Jaccard >= 0.3 }, 0.95},
		{KindEdited, "jaccard < 0.98", func(tr Truth) bool { return tr.Jaccard < 0.98 }, 0.98},
		{KindEdited, "jaccard ≥ 0.8", func(tr Truth) bool { return tr.Jaccard >= 0.8 }, 0.1},
		{KindEdited, "jaccard < 0.5", func(tr Truth) bool { return tr.Jaccard < 0.5 }, 0.05},
		{KindExcerpt, "containment_ba ≥ 0.7", func(tr Truth) bool { return tr.ContainBA >= 0.7 }, 1},
		{KindExcerpt, "containment_ab ≤ 0.8", func(tr Truth) bool { return tr.ContainAB <= 0.8 }, 0.9},
		{KindRewrite, "jaccard < 0.3", func(tr Truth) bool { return tr.Jaccard < 0.3 }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.desc, func(t *testing.T) {
			ts := by[tt.kind]
			if len(ts) < 50 {
				t.Fatalf("got %d %s pairs, want at least 50", len(ts), tt.kind)
			}
			if got := share(ts, tt.ok); got < tt.min {
				t.Errorf("got %.3f of %d pairs with %s, want at least %.3f", got, len(ts), tt.desc, tt.min)
			}
		})
	}
}

// TestUnrelated samples pairs of documents that are not planted pairs:
// they share almost no shingles.
func TestUnrelated(t *testing.T) {
	c := shared(t)
	related := map[[2]string]bool{}
	for _, tr := range c.truths {
		related[[2]string{tr.A, tr.B}] = true
	}
	r := newRNG(99, 0, 0)
	var sum, worst float64
	n := 0
	for n < 400 {
		i, j := r.intn(len(c.lines)), r.intn(len(c.lines))
		a, b := c.lines[min(i, j)], c.lines[max(i, j)]
		if i == j || related[[2]string{a.ID, b.ID}] {
			continue
		}
		jac := shingle.Jaccard(set(a.Text, 5), set(b.Text, 5))
		sum += jac
		worst = max(worst, jac)
		n++
	}
	if mean := sum / float64(n); mean > 0.002 {
		t.Errorf("got mean Jaccard %.4f of unrelated pairs, want ≤ 0.002", mean)
	}
	if worst > 0.1 {
		t.Errorf("got max Jaccard %.4f of unrelated pairs, want ≤ 0.1", worst)
	}
}

func TestText(t *testing.T) {
	c := shared(t)
	isFunc := map[string]bool{}
	for _, w := range functionWords {
		isFunc[w] = true
	}
	var words, funcs, withFooter int
	for _, l := range c.lines {
		for _, tok := range shingle.Tokenize(nil, l.Text) {
			words++
			if isFunc[tok.Text] {
				funcs++
			}
		}
		if strings.HasSuffix(l.Text, footer) {
			withFooter++
		}
	}
	t.Run("function word share", func(t *testing.T) {
		if got := float64(funcs) / float64(words); got < 0.40 || got > 0.50 {
			t.Errorf("got %.3f function words, want 0.40–0.50", got)
		}
	})
	t.Run("mean words", func(t *testing.T) {
		if got := float64(words) / float64(len(c.lines)); got < 350 || got > 500 {
			t.Errorf("got %.0f words per document, want about 450", got)
		}
	})
	t.Run("footer share", func(t *testing.T) {
		if got := float64(withFooter) / float64(len(c.lines)); got < 0.01 || got > 0.035 {
			t.Errorf("got %.3f of documents with the footer, want about 0.02", got)
		}
	})
	t.Run("paragraphs and quotes", func(t *testing.T) {
		text := c.lines[0].Text
		if !strings.Contains(text, "\n\n") || !strings.Contains(text, `"`) {
			t.Errorf("got a document without paragraphs or quotes:\n%s", text)
		}
	})
}

func TestLexicon(t *testing.T) {
	l := theLexicon()
	if n := len(functionWords); n < 280 || n > 330 {
		t.Errorf("got %d function words, want about 300", n)
	}
	if got, want := len(l.words), len(functionWords)+vocabSize; got != want {
		t.Errorf("got %d words, want %d", got, want)
	}
	seen := map[string]bool{}
	for i, w := range l.words {
		if seen[w] {
			t.Fatalf("word %q twice", w)
		}
		seen[w] = true
		toks := shingle.Tokenize(nil, w)
		if len(toks) != 1 || toks[0].Text != w {
			t.Fatalf("word %q is not one normalized token", w)
		}
		if i >= l.nFunc && l.synonym(l.synonym(int32(i))) != int32(i) {
			t.Fatalf("synonym of synonym of %q is not itself", w)
		}
	}
	if n := len(shingle.Tokenize(nil, footer)); n != 40 {
		t.Errorf("got %d footer words, want 40", n)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name  string
		docs  func() *failWriter
		o     Options
		error string
	}{
		{"negative docs", nil, Options{Docs: -1}, "docs -1 is negative"},
		{"negative words", nil, Options{Words: -1}, "words -1 is negative"},
		{"negative k", nil, Options{K: -2}, "shingle length -2 is negative"},
		{"planted share", nil, Options{Planted: 0.6}, "planted share 0.6 is above 0.5"},
		{"nil docs", nil, Options{Docs: 10}, "no docs writer"},
		{"docs write", func() *failWriter { return &failWriter{n: 1 << 20} }, Options{Docs: 5000, Words: 100}, "disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs *failWriter
			var err error
			if tt.docs != nil {
				docs = tt.docs()
				_, err = Write(docs, nil, tt.o)
			} else {
				_, err = Write(nil, nil, tt.o)
			}
			if err == nil || !strings.Contains(err.Error(), tt.error) {
				t.Errorf("got error %v, want one containing %q", err, tt.error)
			}
		})
	}
}
