package search_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/internal/madeup"
	"github.com/reprint-dev/reprint/search"
)

const (
	seeds = "../testdata/seeds"
	seed0 = "000_e2e2f117c2aa15b3.txt"
	seed1 = "001_1fe8c6310e030e24.txt"
	seed2 = "002_29c4d0543742b1d0.txt"
	seed3 = "003_13c99c3a09f8c316.txt"
	seed4 = "004_8557ead743fed211.txt"
)

func seedDoc(tb testing.TB, name string) reprint.Document {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(seeds, name))
	if err != nil {
		tb.Fatal(err)
	}
	return reprint.Document{ID: name, Source: name, Text: string(b)}
}

// newSearcher indexes the named seeds.
func newSearcher(tb testing.TB, o search.Options, names ...string) *search.Searcher {
	tb.Helper()
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var docs []reprint.Document
	for _, n := range names {
		docs = append(docs, seedDoc(tb, n))
	}
	return search.New(newIndex(tb, det, docs), det, o)
}

// newIndex returns a new index in a temporary folder that holds docs,
// fingerprinted by det; it is closed when the test ends.
func newIndex(tb testing.TB, det *reprint.Detector, docs []reprint.Document) *index.Index {
	tb.Helper()
	ix, err := index.Open(filepath.Join(tb.TempDir(), "test.idx"), det.Params(), index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	fps := make([]*reprint.Fingerprint, len(docs))
	keys := make([][]uint64, len(docs))
	for i, d := range docs {
		fps[i] = det.Fingerprint(d)
		keys[i] = det.IndexKeys(fps[i])
	}
	if _, err := ix.Add(docs, fps, keys); err != nil {
		tb.Fatal(err)
	}
	return ix
}

// pairs describes res's pairs as "A B relation original".
func pairs(res *reprint.Result) []string {
	var ps []string
	for _, p := range res.Pairs {
		d := res.Documents
		ps = append(ps, fmt.Sprintf("%s %s %s %s", d[p.A].ID, d[p.B].ID, p.Relation, d[p.Original].ID))
	}
	return ps
}

func TestCheck(t *testing.T) {
	s := newSearcher(t, search.Options{MaxCandidates: 100}, seed0, seed1, seed4)
	tests := []struct {
		name    string
		queries []string
		want    []string
		docs    int
	}{
		{"machine rewrite", []string{seed2}, []string{seed1 + " " + seed2 + " machine_rewrite " + seed1}, 2},
		{"two queries", []string{seed2, seed3}, []string{seed1 + " " + seed2 + " machine_rewrite " + seed1, seed1 + " " + seed3 + " rewrite " + seed1}, 3},
		{"itself", []string{seed1}, nil, 1},
		{"nothing", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qs []reprint.Document
			for _, n := range tt.queries {
				qs = append(qs, seedDoc(t, n))
			}
			res, texts, err := s.Check(t.Context(), qs)
			if err != nil {
				t.Fatal(err)
			}
			if got := pairs(res); !slices.Equal(got, tt.want) {
				t.Errorf("got pairs %q, want %q", got, tt.want)
			}
			if len(res.Documents) != tt.docs || len(texts) != tt.docs {
				t.Errorf("got %d documents and %d texts, want %d", len(res.Documents), len(texts), tt.docs)
			}
			// The summary counts the checked articles, as a scan counts
			// the articles it read, not the indexed ones shown.
			if got, want := res.Summary.Documents, len(qs); got != want {
				t.Errorf("got summary documents %d, want %d (the queries)", got, want)
			}
			for i, d := range res.Documents {
				if texts[i] == "" {
					t.Errorf("document %d (%s): got no text, want the text", i, d.ID)
				}
			}
		})
	}
}

func TestCheckConcurrent(t *testing.T) {
	s := newSearcher(t, search.Options{}, seed0, seed1, seed4)
	q := []reprint.Document{seedDoc(t, seed2)}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			res, _, err := s.Check(t.Context(), q)
			if err != nil || len(res.Pairs) != 1 {
				t.Errorf("got %v and %d pairs, want 1 pair", err, len(res.Pairs))
			}
		})
	}
	wg.Wait()
}

func TestCheckCancelled(t *testing.T) {
	s := newSearcher(t, search.Options{}, seed1)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, err := s.Check(ctx, []reprint.Document{seedDoc(t, seed2)}); !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want context.Canceled", err)
	}
}

func TestCheckClosedIndex(t *testing.T) {
	s := newSearcher(t, search.Options{}, seed1)
	s.Index().Close()
	_, _, err := s.Check(t.Context(), []reprint.Document{seedDoc(t, seed2)})
	var ie *search.IndexError
	if !errors.As(err, &ie) {
		t.Errorf("got error %v, want an *IndexError", err)
	}
}

// Check an article against an index of earlier ones.
func ExampleSearcher_Check() {
	dir, _ := os.MkdirTemp("", "reprint-example")
	defer os.RemoveAll(dir)
	det, _ := reprint.New(reprint.Options{})
	ix, err := index.Open(filepath.Join(dir, "news.idx"), det.Params(), index.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	text := strings.Repeat("The river bridge was closed on Tuesday after floodwater rose above the walkway, and a ferry will run until engineers have inspected it. ", 3)
	if _, err := ix.AddDocuments(det, []reprint.Document{{ID: "monday", Text: text}}); err != nil {
		log.Fatal(err)
	}

	s := search.New(ix, det, search.Options{MaxCandidates: 100})
	res, _, err := s.Check(context.Background(), []reprint.Document{{ID: "tuesday", Text: text}})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range res.Pairs {
		fmt.Println(res.Documents[p.A].ID, res.Documents[p.B].ID, p.Relation, "original:", res.Documents[p.Original].ID)
	}
	// Output:
	// monday tuesday copy original: monday
}

// TestCheckBoilerplate: a site's header and footer on every indexed page
// and on the query are not evidence; the query's own text still is.
func TestCheckBoilerplate(t *testing.T) {
	const (
		header = "Home | News | Sport | Business | Weather | Local | Opinion | Lifestyle | Subscribe to the Evening Courier and sign in to your account to read more stories. "
		footer = " Share this article on Facebook, Twitter or by email. Sign up for our morning newsletter of the top stories of the day, and contact the newsroom with a story tip."
	)
	var buf bytes.Buffer
	if _, err := gen.Write(&buf, io.Discard, gen.Options{Docs: 41, Seed: 7, Words: 80, Planted: -1}); err != nil {
		t.Fatal(err)
	}
	var docs []reprint.Document
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var d reprint.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		d.Text = header + d.Text + footer
		docs = append(docs, d)
	}
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := search.New(newIndex(t, det, docs[:39]), det, search.Options{})
	copied := reprint.Document{ID: "copy", Text: docs[5].Text}
	tests := []struct {
		name  string
		query reprint.Document
		want  []string
	}{
		{"unrelated article of the site", docs[39], nil},
		{"another", docs[40], nil},
		{"short article of the site, mostly header and footer", reprint.Document{ID: "short", Text: header + "The council approved the new budget for the coming year on Monday evening after a long debate." + footer}, nil},
		{"copy of an indexed article", copied, []string{docs[5].ID + " copy copy " + docs[5].ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _, err := s.Check(t.Context(), []reprint.Document{tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if got := pairs(res); !slices.Equal(got, tt.want) {
				t.Errorf("got pairs %q, want %q", got, tt.want)
			}
			for _, p := range res.Pairs {
				for _, ps := range p.Passages {
					if strings.Contains(ps.Text, "newsletter") || strings.Contains(ps.Text, "Subscribe") {
						t.Errorf("got passage %q, want none in the header or footer", ps.Text)
					}
				}
			}
		})
	}
}

// genDocs returns n documents of gen's synthetic corpus.
func genDocs(tb testing.TB, n int, seed uint64) []reprint.Document {
	tb.Helper()
	var buf bytes.Buffer
	if _, err := gen.Write(&buf, io.Discard, gen.Options{Docs: n, Seed: seed}); err != nil {
		tb.Fatal(err)
	}
	var docs []reprint.Document
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d reprint.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkCheck measures one newsroom check: an article against an index
// of 5000 generated ones, some of them framed by one site's boilerplate.
func BenchmarkCheck(b *testing.B) {
	docs := genDocs(b, 5000, 11)
	for i := range docs {
		if i%4 == 0 {
			docs[i].Text = "Home | News | Sport | Weather | Subscribe to the Courier. " + docs[i].Text + " Share this article and sign up for our newsletter."
		}
	}
	det, _ := reprint.New(reprint.Options{})
	n := len(docs) - 100
	s := search.New(newIndex(b, det, docs[:n]), det, search.Options{MaxCandidates: 100})
	queries := docs[n:]
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := queries[i%len(queries)]
		b.SetBytes(int64(len(q.Text)))
		if _, _, err := s.Check(b.Context(), []reprint.Document{q}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkCheckLong checks 4,000-word articles, each sharing a 70-word
// paragraph with one of an index of 500 others: the cost of the anchor
// lookup a long query adds to its LSH lookup.
func BenchmarkCheckLong(b *testing.B) {
	const n = 500
	var indexed, queries []reprint.Document
	for i := range n {
		passage := madeup.Sentences(uint64(1000+i), 7)
		indexed = append(indexed, reprint.Document{ID: fmt.Sprintf("a%d", i), Text: madeup.WithPassage(uint64(100+i), 400, passage)})
		if i%10 == 0 {
			queries = append(queries, reprint.Document{ID: fmt.Sprintf("b%d", i), Text: madeup.WithPassage(uint64(n+100+i), 400, passage)})
		}
	}
	det, _ := reprint.New(reprint.Options{})
	s := search.New(newIndex(b, det, indexed), det, search.Options{MaxCandidates: 100})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := queries[i%len(queries)]
		b.SetBytes(int64(len(q.Text)))
		if _, _, err := s.Check(b.Context(), []reprint.Document{q}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkCheckReprints checks a rewrite of a story reprinted 100 times
// in an index of 2,600 articles: the cost of comparing its sources.
func BenchmarkCheckReprints(b *testing.B) {
	docs := reprinted(b, 2500, 100)
	det, _ := reprint.New(reprint.Options{})
	s := search.New(newIndex(b, det, docs), det, search.Options{MaxCandidates: 100})
	q := []reprint.Document{seedDoc(b, seed2)}
	b.ReportAllocs()
	b.SetBytes(int64(len(q[0].Text)))
	for b.Loop() {
		if _, _, err := s.Check(b.Context(), q); err != nil {
			b.Fatal(err)
		}
	}
}

// reprinted returns n synthetic articles and k reprints of seed 001.
func reprinted(tb testing.TB, n, k int) []reprint.Document {
	docs := genDocs(tb, n, 5)
	story := seedDoc(tb, seed1)
	for i := range k {
		d := story
		d.ID, d.Source = fmt.Sprintf("reprint-%03d", i), "reprint"
		docs = append(docs, d)
	}
	return docs
}

// TestCheckStoryCopiedByMany: a story that more than MaxDocFreq of a small
// index copies is common there as a footer is, but the copies are
// near-duplicates of each other, so it is not taken for boilerplate: a
// copy of it, and a machine rewrite, are linked to them.
func TestCheckStoryCopiedByMany(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := search.New(newIndex(t, det, reprinted(t, 100, 7)), det, search.Options{MaxCandidates: 100})
	copied := seedDoc(t, seed1)
	copied.ID = "copy"
	tests := []struct {
		name     string
		query    reprint.Document
		relation string
	}{
		{"copy", copied, "copy"},
		{"machine rewrite", seedDoc(t, seed2), "machine_rewrite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _, err := s.Check(t.Context(), []reprint.Document{tt.query})
			if err != nil {
				t.Fatal(err)
			}
			linked := 0
			for _, p := range res.Pairs {
				a, b := res.Documents[p.A].ID, res.Documents[p.B].ID
				if b == tt.query.ID {
					linked++
					if !strings.HasPrefix(a, "reprint-") || string(p.Relation) != tt.relation {
						t.Errorf("got %s %s %s, want the query a %s of a reprint", a, b, p.Relation, tt.relation)
					}
				}
			}
			if linked == 0 {
				t.Errorf("got pairs %q, want the query linked to a reprint", pairs(res))
			}
		})
	}
}

// TestCheckAgreesWithScan checks a machine rewrite of a wire story against
// an index that holds the story and its update, which repeats the story
// and adds to it: as a scan of the three does, the check must link the
// rewrite once, to its family, not once to each version.
func TestCheckAgreesWithScan(t *testing.T) {
	story := seedDoc(t, seed1)
	update := story
	update.ID, update.Source = "update", "update"
	update.Text = "Update: the talks ended late on Tuesday without a joint statement, officials said, and a further meeting is planned for next week in Geneva.\n\n" + story.Text
	query := seedDoc(t, seed2)

	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := newIndex(t, det, []reprint.Document{story, update})
	res, _, err := search.New(ix, det, search.Options{}).Check(t.Context(), []reprint.Document{query})
	if err != nil {
		t.Fatal(err)
	}
	scan, err := det.Run(t.Context(), []reprint.Document{story, update, query})
	if err != nil {
		t.Fatal(err)
	}
	// The family's pairs, the update's link to the story among them.
	want := pairs(scan)
	if n := len(want); n != 2 {
		t.Fatalf("scan: got pairs %q, want two", want)
	}
	if got := pairs(res); !slices.Equal(got, want) {
		t.Errorf("check: got pairs %q, want the scan's %q", got, want)
	}
	if len(res.Clusters) != 1 || len(res.Clusters[0].Members) != 3 {
		t.Errorf("check: got clusters %+v, want one of the three", res.Clusters)
	}
}

// TestCheckBatchAgreesWithAlone checks that a query's pairs do not depend
// on the other queries of its batch, and that the indexed articles come
// in index order, whichever query sees them first.
func TestCheckBatchAgreesWithAlone(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	story, other := seedDoc(t, seed1), seedDoc(t, seed4)
	reprinted := story
	reprinted.ID, reprinted.Source = "reprint", "reprint"
	ix := newIndex(t, det, []reprint.Document{story, other, reprinted})
	s := search.New(ix, det, search.Options{})
	query := seedDoc(t, seed2)
	copied := other
	copied.ID, copied.Source = "copy of 004", "copy of 004"

	alone, _, err := s.Check(t.Context(), []reprint.Document{query})
	if err != nil {
		t.Fatal(err)
	}
	batch, _, err := s.Check(t.Context(), []reprint.Document{copied, query})
	if err != nil {
		t.Fatal(err)
	}
	ofQuery := func(res *reprint.Result) []string {
		var ps []string
		for _, p := range pairs(res) {
			if strings.Contains(p, query.ID) {
				ps = append(ps, p)
			}
		}
		return ps
	}
	if got, want := ofQuery(batch), ofQuery(alone); !slices.Equal(got, want) {
		t.Errorf("in a batch: got pairs %q, want those of the query alone %q", got, want)
	}
	var indexed []string
	for _, d := range batch.Documents {
		if d.ID != query.ID && d.ID != copied.ID {
			indexed = append(indexed, d.ID)
		}
	}
	if want := []string{story.ID, other.ID, reprinted.ID}; !slices.Equal(indexed, want) {
		t.Errorf("got indexed documents %q, want index order %q", indexed, want)
	}
}

// TestCheckManyReprints checks that a query derived from many indexed
// reprints of one story compares only its strongest sources with each
// other: the resolution's candidates stay within the query's own plus the
// pairs of ten sources.
func TestCheckManyReprints(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := search.New(newIndex(t, det, reprinted(t, 1000, 30)), det, search.Options{})
	res, _, err := s.Check(t.Context(), []reprint.Document{seedDoc(t, seed2)})
	if err != nil {
		t.Fatal(err)
	}
	if got, least, most := res.Params.Candidates, 30, 30+10*9/2; got < least || got > most {
		t.Errorf("got %d candidate pairs resolved, want %d to %d", got, least, most)
	}
	if res.Params.K == 0 || res.Params.MinScore == 0 {
		t.Errorf("got params %+v, want the detector's", res.Params)
	}
	if len(res.Pairs) == 0 {
		t.Errorf("got no pairs, want the query linked to a reprint")
	}
}

// stages records the stages a check reports, with their totals.
type stages struct {
	mu    sync.Mutex
	names []string
}

func (s *stages) Stage(name string, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.names = append(s.names, fmt.Sprintf("%s %d", name, total))
}

func (s *stages) Add(int) {}

// TestCheckProgress checks the stages a check reports: each counted in
// queries, verification once for all of them (each query's sources
// compared with each other within it), so that a bar does not start over.
func TestCheckProgress(t *testing.T) {
	story := seedDoc(t, seed1)
	update := story
	update.ID, update.Source = "update", "update"
	update.Text = "Update: the talks ended late on Tuesday without a joint statement.\n\n" + story.Text
	var got stages
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := newIndex(t, det, []reprint.Document{story, update})
	det, err = reprint.New(reprint.Options{Progress: &got})
	if err != nil {
		t.Fatal(err)
	}
	queries := []reprint.Document{seedDoc(t, seed2), seedDoc(t, seed3)}
	if _, _, err := search.New(ix, det, search.Options{}).Check(t.Context(), queries); err != nil {
		t.Fatal(err)
	}
	want := []string{"fingerprint 2", "lookup 2", "verify 2"}
	if !slices.Equal(got.names, want) {
		t.Errorf("got stages %q, want %q", got.names, want)
	}
}

// TestCheckTieReason checks the reason given when only the order decides
// the original: the indexed side was there first.
func TestCheckTieReason(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := seedDoc(t, seed1).Text
	ix := newIndex(t, det, []reprint.Document{{ID: "first", Text: text}, {ID: "second", Text: text}})
	res, _, err := search.New(ix, det, search.Options{}).Check(t.Context(), []reprint.Document{{ID: "query", Text: text}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"first second": "added to the index first (no stronger signal)",
		"first query":  "already in the index (no stronger signal)",
	}
	got := map[string]string{}
	for _, p := range res.Pairs {
		d := res.Documents
		got[d[p.A].ID+" "+d[p.B].ID] = d[p.Original].ID + ": " + p.Reason
	}
	for k, w := range want {
		if g := got[k]; !strings.HasSuffix(g, w) || !strings.HasPrefix(g, "first: ") {
			t.Errorf("pair %s: got %q, want original first with reason ending %q", k, g, w)
		}
	}
}

// TestCheckOtherParams: a detector whose parameters are not the index's
// gets an error, not a check that silently matches nothing.
func TestCheckOtherParams(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := newIndex(t, det, []reprint.Document{seedDoc(t, seed1)})
	other, err := reprint.New(reprint.Options{K: 4})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = search.New(ix, other, search.Options{}).Check(t.Context(), []reprint.Document{seedDoc(t, seed2)})
	var pe *index.ParamsError
	if !errors.As(err, &pe) {
		t.Errorf("got %v, want an *index.ParamsError", err)
	}
}

// TestCheckLongTextsSharingAPassage checks that a check finds a 70-word
// paragraph copied word for word into a 4,000-word feature from an indexed
// one, as a scan does (TestLongTextsSharingAPassage): by the anchor keys
// the index stores long articles under. By LSH keys alone a check found
// 10 of these 16.
func TestCheckLongTextsSharingAPassage(t *testing.T) {
	const n = 16
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var indexed, queries []reprint.Document
	for i := range n {
		passage := madeup.Sentences(uint64(1000+i), 7)
		indexed = append(indexed, reprint.Document{ID: fmt.Sprintf("a%d", i), Text: madeup.WithPassage(uint64(100+i), 400, passage)})
		queries = append(queries, reprint.Document{ID: fmt.Sprintf("b%d", i), Text: madeup.WithPassage(uint64(200+i), 400, passage)})
	}
	s := search.New(newIndex(t, det, indexed), det, search.Options{MaxCandidates: 100})
	res, _, err := s.Check(t.Context(), queries)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, p := range res.Pairs {
		a, b := res.Documents[p.A].ID, res.Documents[p.B].ID
		if a[1:] != b[1:] {
			t.Errorf("got %s-%s %s, want no pair: they share no passage", a, b, p.Relation)
			continue
		}
		found[a[1:]] = true
	}
	for i := range n {
		if !found[fmt.Sprint(i)] {
			t.Errorf("b%d: got no pair with a%d, want one: they share a 70-word passage", i, i)
		}
	}
}
