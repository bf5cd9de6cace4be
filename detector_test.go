package reprint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
)

// seedDocs reads the five seed articles bundled in testdata/seeds.
func seedDocs(tb testing.TB) []reprint.Document {
	tb.Helper()
	dir := filepath.Join("testdata", "seeds")
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatalf("read seeds: %v", err)
	}
	var docs []reprint.Document
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, reprint.Document{ID: e.Name()[:3], Source: e.Name(), Text: string(b)})
	}
	return docs
}

func run(tb testing.TB, o reprint.Options, docs []reprint.Document) *reprint.Result {
	tb.Helper()
	d, err := reprint.New(o)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	res, err := d.Run(context.Background(), docs)
	if err != nil {
		tb.Fatalf("Run: %v", err)
	}
	return res
}

// TestSeeds is the hard case: 001, 002 and 003 rewrite one BBC article
// (002 through machine translation); 000 and 004 cover the same event in
// their own words.
func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	res := run(t, reprint.Options{SameStory: true}, docs)
	id := func(i int) string { return res.Documents[i].ID }

	if len(res.Clusters) != 1 {
		t.Fatalf("got %d clusters, want 1: %+v", len(res.Clusters), res.Clusters)
	}
	c := res.Clusters[0]
	var members []string
	for _, m := range c.Members {
		members = append(members, id(m))
	}
	if want := []string{"001", "002", "003"}; !slices.Equal(members, want) {
		t.Errorf("got cluster %v, want %v", members, want)
	}
	if got := id(c.Original); got != "001" {
		t.Errorf("got original %s, want 001 (reason %q)", got, c.Reason)
	}
	if !strings.Contains(c.Reason, "BBC") {
		t.Errorf("reason %q does not mention the credited BBC", c.Reason)
	}
	rel := map[string]reprint.Relation{}
	for _, p := range res.Pairs {
		a, b := id(p.A), id(p.B)
		rel[a+"-"+b] = p.Relation
		if p.Relation.Derived() && (a == "000" || a == "004" || b == "000" || b == "004") {
			t.Errorf("got derived pair %s-%s (%s), want none with 000 or 004", a, b, p.Relation)
		}
	}
	if got := rel["001-002"]; got != reprint.MachineRewrite {
		t.Errorf("got 001-002 %q, want machine_rewrite", got)
	}
	if got := rel["001-003"]; got != reprint.Rewrite && got != reprint.Excerpt {
		t.Errorf("got 001-003 %q, want rewrite or excerpt", got)
	}
	for _, p := range res.Pairs {
		for _, q := range p.Passages {
			if q.Text == "" || q.AStart >= q.AEnd || q.BStart >= q.BEnd {
				t.Errorf("pair %s-%s: bad passage %+v", id(p.A), id(p.B), q)
			}
		}
	}
}

// TestWorkersDeterministic checks that the result does not depend on the
// number of workers.
func TestWorkersDeterministic(t *testing.T) {
	docs := append(seedDocs(t), synthetic(200)...)
	base := run(t, reprint.Options{Workers: 1, SameStory: true}, docs)
	for _, w := range []int{2, 8} {
		t.Run(fmt.Sprintf("workers=%d", w), func(t *testing.T) {
			got := run(t, reprint.Options{Workers: w, SameStory: true}, docs)
			if !reflect.DeepEqual(got, base) {
				t.Errorf("result with %d workers differs from 1 worker", w)
			}
		})
	}
}

// synthetic makes n documents from a fixed vocabulary, every third one a
// lightly edited copy of the one before it.
func synthetic(n int) []reprint.Document {
	words := strings.Fields(`court heard police officer jury trial judge sentence prison years
	council minister election vote party leader budget tax school hospital patient doctor
	nurse storm flood river bridge road crash driver train station fire crew rescue family`)
	x := uint64(42)
	next := func() int { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return int(x % uint64(len(words))) }
	var docs []reprint.Document
	for i := 0; i < n; i++ {
		var text string
		if i%3 == 2 {
			prev := strings.Fields(docs[i-1].Text)
			for j := range prev {
				if j%17 == 0 {
					prev[j] = words[next()]
				}
			}
			text = strings.Join(prev, " ")
		} else {
			var b strings.Builder
			for j := 0; j < 150; j++ {
				b.WriteString(words[next()])
				b.WriteByte(' ')
			}
			text = b.String()
		}
		docs = append(docs, reprint.Document{ID: fmt.Sprintf("syn%03d", i), Text: text})
	}
	return docs
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		o    reprint.Options
		ok   bool
	}{
		{"zero value", reprint.Options{}, true},
		{"defaults", reprint.DefaultOptions(), true},
		{"threshold above 1", reprint.Options{Threshold: 1.5}, false},
		{"negative hashes", reprint.Options{NumHash: -1}, false},
		{"k too large", reprint.Options{K: 99}, false},
		{"min score above 1", reprint.Options{MinScore: 2}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.o.Validate()
			if (err == nil) != tt.ok {
				t.Errorf("got error %v, want ok=%v", err, tt.ok)
			}
			if err != nil && strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("got error %q, want one line: one bad value, one message", err)
			}
		})
	}
}

func TestEmptyAndTiny(t *testing.T) {
	tests := []struct {
		name string
		docs []reprint.Document
	}{
		{"none", nil},
		{"one", []reprint.Document{{ID: "a", Text: "one short text"}}},
		{"empty texts", []reprint.Document{{ID: "a"}, {ID: "b"}}},
		{"identical short", []reprint.Document{{ID: "a", Text: "a b c"}, {ID: "b", Text: "a b c"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, reprint.Options{}, tt.docs)
			if got := len(res.Documents); got != len(tt.docs) {
				t.Errorf("got %d documents, want %d", got, len(tt.docs))
			}
		})
	}
}

func ExampleDetector_Run() {
	text := "The council approved the new budget on Tuesday after a long debate about school funding and road repairs in the north of the city."
	docs := []reprint.Document{
		{ID: "original", Text: text},
		{ID: "copy", Text: text + " Share this article."},
	}
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		panic(err)
	}
	res, err := d.Run(context.Background(), docs)
	if err != nil {
		panic(err)
	}
	for _, p := range res.Pairs {
		fmt.Println(res.Documents[p.A].ID, res.Documents[p.B].ID, p.Relation)
	}
	// Output: original copy copy
}

func BenchmarkRunSeeds(b *testing.B) {
	docs := seedDocs(b)
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := det.Run(context.Background(), docs); err != nil {
			b.Fatal(err)
		}
	}
}

// TestScanBeyondSample checks a scan longer than its common-shingle sample
// (sketches made while streaming, verification from the texts): the same
// result with 1 and 4 workers and whatever the order of Prepare calls.
func TestScanBeyondSample(t *testing.T) {
	if testing.Short() {
		t.Skip("6,000 documents")
	}
	docs := genDocs(t, gen.Options{Docs: 6000, Words: 120})
	scan := func(workers int, reverse bool) *reprint.Result {
		det, err := reprint.New(reprint.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		sc := det.NewScan()
		fps := make([]*reprint.Fingerprint, len(docs))
		for k := range docs {
			i := k
			if reverse {
				i = len(docs) - 1 - k
			}
			fps[i] = sc.Prepare(i, docs[i])
		}
		res, err := sc.Run(context.Background(), fps, func(i int) (string, error) { return docs[i].Text, nil })
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	base := scan(1, false)
	if len(base.Pairs) < 1000 {
		t.Fatalf("got %d pairs, want the planted ones (over 1000)", len(base.Pairs))
	}
	for _, tc := range []struct {
		name    string
		workers int
		reverse bool
	}{{"workers=4", 4, false}, {"reverse order", 1, true}} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scan(tc.workers, tc.reverse); !reflect.DeepEqual(got, base) {
				t.Errorf("result differs from 1 worker in input order (%d vs %d pairs)", len(got.Pairs), len(base.Pairs))
			}
		})
	}
}

// genDocs returns the documents gen writes with o.
func genDocs(t *testing.T, o gen.Options) []reprint.Document {
	t.Helper()
	var buf bytes.Buffer
	if _, err := gen.Write(&buf, nil, o); err != nil {
		t.Fatal(err)
	}
	var docs []reprint.Document
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(line, &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, reprint.Document{ID: d.ID, Text: d.Text})
	}
	return docs
}

// scanDocs scans docs through a Scan, preparing them in the given order.
func scanDocs(t *testing.T, o reprint.Options, docs []reprint.Document, order []int) *reprint.Result {
	t.Helper()
	det, err := reprint.New(o)
	if err != nil {
		t.Fatal(err)
	}
	sc := det.NewScan()
	fps := make([]*reprint.Fingerprint, len(docs))
	for _, i := range order {
		fps[i] = sc.Prepare(i, docs[i])
	}
	res, err := sc.Run(context.Background(), fps, func(i int) (string, error) { return docs[i].Text, nil })
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestScanStoryCommonInSample checks that a story copied 152 times among
// the first documents of a scan longer than its sample is still found:
// its shingles are common in the sample, but not so common that LSH would
// drop their buckets.
func TestScanStoryCommonInSample(t *testing.T) {
	if testing.Short() {
		t.Skip("5,001 documents")
	}
	docs := genDocs(t, gen.Options{Docs: 5001, Words: 80, Planted: -1})
	story := docs[0].Text
	for i := 1; i < 152; i++ {
		docs[i*30].Text = story
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	res := scanDocs(t, reprint.Options{Workers: 2}, docs, order)
	copies := 0
	for _, p := range res.Pairs {
		if p.A == 0 || p.B == 0 || (p.A%30 == 0 && p.B%30 == 0 && p.A <= 151*30 && p.B <= 151*30) {
			copies++
		}
	}
	if copies < 151 {
		t.Errorf("got %d pairs among the 152 copies, want at least 151 (each copy linked)", copies)
	}
}

// TestScanOrderMaxDocFreqOne checks that with nothing ever common
// (MaxDocFreq 1) the result still does not depend on the Prepare order.
func TestScanOrderMaxDocFreqOne(t *testing.T) {
	if testing.Short() {
		t.Skip("5,002 documents")
	}
	docs := genDocs(t, gen.Options{Docs: 5002, Words: 60, Planted: -1})
	for i := 5000; i < 5002; i++ {
		docs[i].Text = docs[i-4000].Text // copies past the sample
	}
	fwd := make([]int, len(docs))
	for i := range fwd {
		fwd[i] = i
	}
	rev := append([]int{5000, 5001}, fwd[:5000]...)
	o := reprint.Options{Workers: 1, MaxDocFreq: 1}
	a, b := scanDocs(t, o, docs, fwd), scanDocs(t, o, docs, rev)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("results differ with the order of Prepare (%d vs %d pairs)", len(a.Pairs), len(b.Pairs))
	}
	if len(a.Pairs) < 2 {
		t.Errorf("got %d pairs, want the 2 planted copies", len(a.Pairs))
	}
}

// TestScanTextError checks that a text that cannot be read again stops the
// scan with one error naming the document.
func TestScanTextError(t *testing.T) {
	docs := synthetic(60)
	det, err := reprint.New(reprint.Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	sc := det.NewScan()
	fps := make([]*reprint.Fingerprint, len(docs))
	for i := range docs {
		fps[i] = sc.Prepare(i, docs[i])
	}
	_, err = sc.Run(context.Background(), fps, func(i int) (string, error) {
		if i%3 == 2 {
			return "", fmt.Errorf("disk gone")
		}
		return docs[i].Text, nil
	})
	if err == nil {
		t.Fatal("got no error, want one for the unreadable texts")
	}
	if msg := err.Error(); strings.Count(msg, "\n") > 0 || !strings.Contains(msg, "disk gone") || !strings.Contains(msg, "text of ") {
		t.Errorf("got error %q, want one line naming the document and the cause", msg)
	}
}

func TestScanRunsOnce(t *testing.T) {
	docs := synthetic(30)
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := det.NewScan()
	fps := make([]*reprint.Fingerprint, len(docs))
	for i := range docs {
		fps[i] = sc.Prepare(i, docs[i])
	}
	text := func(i int) (string, error) { return docs[i].Text, nil }
	if _, err := sc.Run(t.Context(), fps, text); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Run(t.Context(), fps, text); !errors.Is(err, reprint.ErrScanUsed) {
		t.Errorf("second Run: got %v, want ErrScanUsed", err)
	}
}

// TestRunsIndependent checks that a run's result does not depend on the
// runs before it in the same process (nothing of one corpus, such as a
// cached document, may reach the next).
func TestRunsIndependent(t *testing.T) {
	x := synthetic(90)
	y := append(seedDocs(t), synthetic(30)...)
	o := reprint.Options{Workers: 4}
	want := run(t, o, y)
	for range 3 {
		run(t, o, x)
		if got := run(t, o, y); !reflect.DeepEqual(got, want) {
			t.Fatalf("a run after another corpus's differs from the same run alone")
		}
	}
}

// A site's header and footer on every document change no pair: the words
// they share are left out of the alignment and of each text's share, and
// a footer's "today" does not date the article.
func TestBoilerplateChangesNoPair(t *testing.T) {
	docs := genDocs(t, gen.Options{Docs: 200, Words: 150, Seed: 7})
	const header = "Home | News | Courts | Sport | Weather | Business | Culture\n\n"
	const footer = "\n\nShare this article on Facebook, Twitter or by email. Sign up to our daily newsletter today for the latest headlines and breaking news delivered straight to your inbox. We use cookies to give you the best experience on our website; by continuing to browse the site you agree to our use of cookies. Copyright News Group Newspapers Limited. All rights reserved."
	framed := make([]reprint.Document, len(docs))
	for i, d := range docs {
		d.Text = header + d.Text + footer
		framed[i] = d
	}
	pairsOf := func(docs []reprint.Document) map[string]reprint.Pair {
		det, err := reprint.New(reprint.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		res, err := det.Run(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]reprint.Pair{}
		for _, p := range res.Pairs {
			out[docs[p.A].ID+" "+docs[p.B].ID] = p
		}
		return out
	}
	plain, withFrame := pairsOf(docs), pairsOf(framed)
	if len(plain) == 0 {
		t.Fatal("got no pairs in the plain corpus, want some")
	}
	for k, p := range plain {
		q, ok := withFrame[k]
		switch {
		case !ok:
			t.Errorf("pair %s (%s, score %.3f): got none with header and footer, want it", k, p.Relation, p.Score)
		case q.Relation != p.Relation || math.Abs(q.Score-p.Score) > 0.02 || q.Original != p.Original:
			t.Errorf("pair %s: got %s %.3f original %d with header and footer, want %s %.3f original %d", k, q.Relation, q.Score, q.Original, p.Relation, p.Score, p.Original)
		}
	}
	for k, q := range withFrame {
		if _, ok := plain[k]; !ok {
			t.Errorf("pair %s: got %s %.3f with header and footer, want none", k, q.Relation, q.Score)
		}
	}
}

func TestSetInputErrors(t *testing.T) {
	tests := []struct {
		name                string
		errs                []reprint.InputError
		wantSkipped, wantFa int
	}{
		{"none", nil, 0, 0},
		{"a line and a file", []reprint.InputError{{Source: "a.jsonl:2", Line: 2}, {Source: "b.bin"}}, 1, 1},
		{"files only", []reprint.InputError{{Source: "x"}, {Source: "y"}}, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &reprint.Result{Summary: reprint.Summary{Skipped: 9, Failed: 9}}
			res.SetInputErrors(tt.errs)
			if s := res.Summary; s.Skipped != tt.wantSkipped || s.Failed != tt.wantFa || len(res.Errors) != len(tt.errs) {
				t.Errorf("got skipped %d, failed %d, %d errors; want %d, %d, %d", s.Skipped, s.Failed, len(res.Errors), tt.wantSkipped, tt.wantFa, len(tt.errs))
			}
		})
	}
}

func TestRunIDs(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		docs []reprint.Document
		want string
	}{
		{"empty", []reprint.Document{{ID: "a", Text: "x"}, {Text: "y"}}, "document 1: empty ID"},
		{"repeated", []reprint.Document{{ID: "a", Text: "x"}, {ID: "b", Text: "y"}, {ID: "a", Text: "z"}}, `document 2: ID "a" repeats document 0's`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := det.Run(t.Context(), tt.docs); err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestOriginalBy: every pair says, for programs, what decided its
// original, and the seeds' say what their reasons say.
func TestOriginalBy(t *testing.T) {
	res := run(t, reprint.Options{}, seedDocs(t))
	want := map[string]string{"001-002": reprint.ByGarbling, "001-003": reprint.ByFuller}
	for _, p := range res.Pairs {
		key := res.Documents[p.A].ID[:3] + "-" + res.Documents[p.B].ID[:3]
		if got := p.OriginalBy; got != want[key] {
			t.Errorf("pair %s: got original_by %q, want %q (reason %q)", key, got, want[key], p.Reason)
		}
	}
	if len(res.Pairs) != len(want) {
		t.Errorf("got %d pairs, want %d", len(res.Pairs), len(want))
	}
}

// TestMoreCopiesThanMaxBucket: a story copied more times than MaxBucket
// fills LSH buckets too big to pair; the literal channel splits them by
// further bands, and the copies, agreeing on every band, are paired each
// with the next, so that they are found, in one cluster.
func TestMoreCopiesThanMaxBucket(t *testing.T) {
	docs := synthetic(60)
	story := seedDocs(t)[1].Text
	for i := range 12 {
		docs = append(docs, reprint.Document{ID: fmt.Sprintf("copy%02d", i), Text: story})
	}
	res := run(t, reprint.Options{MaxBucket: 5, MaxDocFreq: 1}, docs)
	copies := 0
	for _, p := range res.Pairs {
		if p.A >= 60 && p.B >= 60 {
			copies++
		}
	}
	if copies < 11 {
		t.Errorf("got %d pairs among the 12 copies, want at least 11", copies)
	}
	found := false
	for _, c := range res.Clusters {
		found = found || len(c.Members) == 12 && c.Members[0] == 60
	}
	if !found {
		t.Errorf("got no cluster of the 12 copies, want one")
	}
}

// TestScanStoryCopiedPastSampleLimit checks that a story copied more times
// in a long scan than its limit is still found, whether the copies are
// among the first documents (common in the sample), after them (common by
// the late counts) or all through the corpus, and that a footer those
// copies carry, which other documents carry too, is boilerplate after
// all: what only the copies hold is spared, and what others hold is
// taken back.
func TestScanStoryCopiedPastSampleLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("6,000 to 12,000 documents")
	}
	const footer = "\n\nShare this article on Facebook, Twitter or by email. Sign up to our daily newsletter today for the latest headlines and breaking news delivered straight to your inbox. We use cookies to give you the best experience on our website. Copyright News Group Newspapers Limited. All rights reserved."
	every := func(step, from, to int) func(i int) bool {
		return func(i int) bool { return i >= from && i < to && (i-from)%step == 0 }
	}
	tests := []struct {
		name   string
		docs   int
		copy   func(i int) bool // document i is a copy
		story  int              // the seed copied
		footer func(i int) bool // document i carries the footer (copies too)
		short  func(i int) bool // document i is cut to 15 words
	}{
		{"bare copies in the sample", 6000, every(13, 0, 3900), 1, nil, nil},
		{"copies in the sample carry a footer later pages carry", 6000, every(13, 0, 3900), 1, every(1, 5000, 6000), nil},
		{"bare copies past the sample", 6000, every(2, 5000, 5800), 1, nil, nil},
		{"copies past the sample carry the footer of the pages there", 6000, every(2, 5000, 5800), 1, every(1, 5000, 6000), nil},
		// The footer is common from the sample on: no part of the story.
		// A short story with it is 13% footer.
		{"short copies past the sample carry the footer every page carries", 6000, every(2, 5000, 5800), 3, every(1, 0, 6000), nil},
		// More pages mostly of a late footer than copies can be held
		// before the copies come: only those with a near-duplicate are.
		{"copies after many pages that are mostly a late footer", 11000, every(1, 10200, 11000), 1, every(1, 5000, 10200), every(1, 5000, 10200)},
		// 500 copies in the sample and 700 after it, more than the limit
		// of 600: the later ones are copies too, not pages.
		{"copies all through the corpus", 12000, every(10, 3, 12000), 1, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := genDocs(t, gen.Options{Docs: tt.docs, Words: 80, Planted: -1})
			plain := make([]int, len(docs))
			for i := range plain {
				plain[i] = i
			}
			base := scanDocs(t, reprint.Options{Workers: 4}, docs, plain)
			story := seedDocs(t)[tt.story].Text
			isCopy := make([]bool, len(docs))
			copies := 0
			for i := range docs {
				if tt.short != nil && tt.short(i) {
					w := strings.Fields(docs[i].Text)
					docs[i].Text = strings.Join(w[:min(len(w), 15)], " ")
				}
				if tt.copy(i) {
					docs[i].Text, isCopy[i] = story, true
					copies++
				}
				if tt.footer != nil && tt.footer(i) {
					docs[i].Text += footer
				}
			}
			res := scanDocs(t, reprint.Options{Workers: 4}, docs, plain)
			copyPairs, other := 0, 0
			for _, p := range res.Pairs {
				switch {
				case isCopy[p.A] && isCopy[p.B]:
					copyPairs++
				case !isCopy[p.A] && !isCopy[p.B]:
					other++
				default:
					t.Errorf("got pair %s–%s (%s), want none between a copy and another document", docs[p.A].ID, docs[p.B].ID, p.Relation)
				}
			}
			if copyPairs < copies-1 {
				t.Errorf("got %d pairs among the %d copies, want at least %d", copyPairs, copies, copies-1)
			}
			// The copies replaced other documents and the footer is
			// boilerplate, so pairs among the others can only be fewer
			// than without either.
			if other > len(base.Pairs) {
				t.Errorf("got %d pairs among the other documents, want at most %d as without copies and footer", other, len(base.Pairs))
			}
			// Pages that are mostly footer may be warned of; the copies
			// are not.
			for _, w := range res.Warnings {
				var n int
				if _, err := fmt.Sscanf(w, "%d of", &n); err != nil || n >= copies && tt.short == nil {
					t.Errorf("got warning %q, want none but one of fewer than %d pages mostly footer", w, copies)
				}
			}
			// Same result whatever the workers and the order of Prepare:
			// what is spared, counted and taken back is.
			rev := slices.Clone(plain)
			slices.Reverse(rev)
			if again := scanDocs(t, reprint.Options{Workers: 1}, docs, rev); !reflect.DeepEqual(again, res) {
				t.Errorf("got %d pairs with 1 worker in reverse order, %d with 4 in order; want the same result", len(again.Pairs), len(res.Pairs))
			}
		})
	}
}

// TestScanFooterPastSample checks that a footer first found past a scan's
// sample, on the pages of a site that come later in the corpus, is
// boilerplate as one in the sample is: it makes no pair.
func TestScanFooterPastSample(t *testing.T) {
	if testing.Short() {
		t.Skip("6,000 documents")
	}
	const footer = "\n\nShare this article on Facebook, Twitter or by email. Sign up to our daily newsletter today for the latest headlines and breaking news delivered straight to your inbox. We use cookies to give you the best experience on our website. Copyright News Group Newspapers Limited. All rights reserved."
	tests := []struct {
		name  string
		pages func(i int) bool // the documents carrying the footer
	}{
		{"in the sample", func(i int) bool { return i < 1000 }},
		{"past the sample", func(i int) bool { return i >= 5000 }},
		{"past the sample and a few in it", func(i int) bool { return i >= 4900 }},
	}
	docs := genDocs(t, gen.Options{Docs: 6000, Words: 80, Planted: -1})
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	base := scanDocs(t, reprint.Options{Workers: 4}, docs, order)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paged := slices.Clone(docs)
			for i := range paged {
				if tt.pages(i) {
					paged[i].Text += footer
				}
			}
			res := scanDocs(t, reprint.Options{Workers: 4}, paged, order)
			if got, want := len(res.Pairs), len(base.Pairs); got > want {
				t.Errorf("got %d pairs, want at most %d as without the footer", got, want)
			}
			rev := slices.Clone(order)
			slices.Reverse(rev)
			if again := scanDocs(t, reprint.Options{Workers: 1}, paged, rev); !reflect.DeepEqual(again, res) {
				t.Errorf("got %d pairs with 1 worker in reverse order, %d with 4 in order; want the same result", len(again.Pairs), len(res.Pairs))
			}
		})
	}
}

// TestChineseCopy checks that a Chinese article's edited copy is found as a
// literal copy (one character a word), and an unrelated article is not:
// taken by clauses, as runs of letters between punctuation, the two had
// Jaccard 0.18 and were not derived.
func TestChineseCopy(t *testing.T) {
	a := "芬兰总统斯图布周二在赫尔辛基表示，芬兰将继续支持乌克兰，直到实现公正和持久的和平。他在与乌克兰总统泽连斯基举行会谈后对记者说，欧洲必须在安全问题上承担更多责任。斯图布说，芬兰已经向乌克兰提供了二十多批军事援助，总价值超过二十亿欧元。泽连斯基感谢芬兰人民的支持，并表示乌克兰需要更多的防空系统来保护城市和能源设施。"
	b := "【本报讯】" + strings.Replace(a, "记者", "媒体", 1)
	c := "中国国家统计局周三公布的数据显示，十一月份全国居民消费价格同比上涨百分之零点二，涨幅比上月有所回落。其中，食品价格下降百分之一点五，非食品价格上涨百分之零点六。分析人士认为，国内需求仍然偏弱，政府可能在明年推出更多刺激措施，以稳定经济增长和就业。"
	res := run(t, reprint.Options{}, []reprint.Document{{ID: "a", Text: a}, {ID: "b", Text: b}, {ID: "c", Text: c}})
	if len(res.Pairs) != 1 {
		t.Fatalf("got %d pairs, want 1 (a with b): %+v", len(res.Pairs), res.Pairs)
	}
	if p := res.Pairs[0]; p.A != 0 || p.B != 1 || p.Jaccard < 0.8 || p.Relation != reprint.Copy {
		t.Errorf("got %d-%d %s, Jaccard %.2f; want 0-1 copy, Jaccard at least 0.8", p.A, p.B, p.Relation, p.Jaccard)
	}
}
