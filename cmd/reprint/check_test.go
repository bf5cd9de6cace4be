package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/eval"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/internal/golden"
	"github.com/reprint-dev/reprint/report"
)

// seedIndex builds an index of the named seeds, read from standard input.
func seedIndex(tb testing.TB, names ...string) string {
	tb.Helper()
	idx := filepath.Join(tb.TempDir(), "seeds.idx")
	code, _, errOut := runCmd(tb, tb.Context(), seedJSONL(tb, names...), "index", "add", "-q", "--index", idx, "-")
	if code != 0 {
		tb.Fatalf("index add: exit %d: %s", code, errOut)
	}
	return idx
}

// pairKey describes a pair by its IDs, relation and original.
type pairKey struct{ a, b, relation, original string }

func pairsOf(rep report.JSONReport) []pairKey {
	var ps []pairKey
	for _, p := range rep.Pairs {
		ps = append(ps, pairKey{p.A, p.B, string(p.Relation), p.Original})
	}
	slices.SortFunc(ps, func(x, y pairKey) int { return strings.Compare(x.a+" "+x.b, y.a+" "+y.b) })
	return ps
}

func TestCheckSeeds(t *testing.T) {
	path := func(n string) string { return filepath.Join(seeds, n) }
	tests := []struct {
		name    string
		indexed []string
		query   string
		want    []pairKey
	}{
		{"rewrite finds its original", []string{seed0, seed1, seed4}, seed3,
			[]pairKey{{seed1, path(seed3), "rewrite", seed1}}},
		{"machine rewrite finds its original", []string{seed0, seed1, seed4}, seed2,
			[]pairKey{{seed1, path(seed2), "machine_rewrite", seed1}}},
		{"original finds what derives from it", []string{seed0, seed2, seed3, seed4}, seed1,
			[]pairKey{{seed2, path(seed1), "machine_rewrite", path(seed1)}, {seed3, path(seed1), "rewrite", path(seed1)}}},
		{"unrelated finds nothing", []string{seed1, seed2, seed3}, seed0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := seedIndex(t, tt.indexed...)
			code, out, errOut := runCmd(t, t.Context(), "", "check", "--index", idx, "--format", "json", path(tt.query))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			rep := decodeReport(t, out)
			got := pairsOf(rep)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got pairs %v, want %v", got, tt.want)
			}
			// Documents: the indexed ones in a pair, then the query.
			if n := len(rep.Documents); n != len(tt.want)+1 || rep.Documents[n-1].ID != path(tt.query) {
				t.Errorf("got documents %v, want the %d matched then the query", rep.Documents, len(tt.want))
			}
			for _, p := range rep.Pairs {
				if len(p.Passages) == 0 || p.Passages[0].Text == "" {
					t.Errorf("pair %s-%s: got no evidence text, want passages from the stored text", p.A, p.B)
				}
			}
		})
	}
}

func TestCheckFormats(t *testing.T) {
	idx := seedIndex(t, seed0, seed1, seed4)
	query := filepath.Join(seeds, seed2)
	for _, f := range []string{"text", "json", "jsonl", "csv", "html"} {
		t.Run(f, func(t *testing.T) {
			code, out, errOut := runCmd(t, t.Context(), "", "check", "--index", idx, "--format", f, query)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			ext := f
			if f == "text" {
				ext = "txt"
			}
			golden.Check(t, filepath.Join("testdata", "golden", "check."+ext), []byte(out))
		})
	}
	t.Run("fail on match", func(t *testing.T) {
		code, _, _ := runCmd(t, t.Context(), "", "check", "--index", idx, "--fail-on-match", "--format", "json", query)
		if code != exitMatches {
			t.Errorf("got exit %d, want %d", code, exitMatches)
		}
		other := seedIndex(t, seed1, seed2, seed3)
		code, _, _ = runCmd(t, t.Context(), "", "check", "--index", other, "--fail-on-match", "--format", "json", filepath.Join(seeds, seed0))
		if code != exitOK {
			t.Errorf("got exit %d for an unrelated article, want 0", code)
		}
	})
}

func TestCheckSkipsItself(t *testing.T) {
	// Queries with the IDs of indexed articles are not compared with
	// them; a query that takes from another query's indexed version (the
	// same text) is linked to that query, as a scan of the three would
	// link them.
	idx := seedIndex(t, seed0, seed1, seed2, seed3, seed4)
	code, out, errOut := runCmd(t, t.Context(), seedJSONL(t, seed1, seed2), "check", "--index", idx, "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rep := decodeReport(t, out)
	// 002 is a machine rewrite of 001 (a query, found as indexed), and
	// 003 a rewrite of 001: the family's links, 001 its original.
	want := []pairKey{{seed1, seed2, "machine_rewrite", seed1}, {seed3, seed1, "rewrite", seed1}}
	if got := pairsOf(rep); !slices.Equal(got, want) {
		t.Errorf("got pairs %v, want %v", got, want)
	}
	if rep.Summary.Documents != 2 {
		t.Errorf("got %d documents, want 2 (the two queries; the indexed one is not an input)", rep.Summary.Documents)
	}
}

func TestCheckInputErrors(t *testing.T) {
	idx := seedIndex(t, seed1)
	dir := t.TempDir()
	bad := writeFile(t, dir, "q.jsonl", "{\"id\":\"q\",\"text\":"+strings.Repeat("\"x\"", 1)+"}\nnot json\n")
	code, out, errOut := runCmd(t, t.Context(), "", "check", "--index", idx, "--format", "json", bad)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rep := decodeReport(t, out)
	if len(rep.Errors) != 1 || !strings.HasSuffix(rep.Errors[0].Source, "q.jsonl:2") || rep.Summary.Skipped != 1 {
		t.Errorf("got errors %v, summary %+v; want the bad line reported", rep.Errors, rep.Summary)
	}
}

// TestCheckLatency times checks of single articles against an existing
// index, in process: fingerprint, candidates, Get and Resolve, without
// writing a report. Each query is a document of REPRINT_CHECK_QUERIES (a
// JSONL file) under a new ID, so that it is compared with its own indexed
// copy, if any, and its relatives. Run it with
//
//	REPRINT_CHECK_INDEX=news.idx REPRINT_CHECK_QUERIES=q.jsonl go test -run TestCheckLatency -v ./cmd/reprint/
func TestCheckLatency(t *testing.T) {
	path, queries := os.Getenv("REPRINT_CHECK_INDEX"), os.Getenv("REPRINT_CHECK_QUERIES")
	if path == "" || queries == "" {
		t.Skip("set REPRINT_CHECK_INDEX and REPRINT_CHECK_QUERIES")
	}
	n := 200
	if s := os.Getenv("REPRINT_CHECK_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	opts := reprint.Options{}
	det, _ := reprint.New(opts)
	ix, err := index.Open(path, det.Params(), index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	f, err := os.Open(queries)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, _, err := input.ReadAll(input.NewJSONL(f, queries, input.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	// Evenly spaced queries.
	step := max(len(docs)/n, 1)
	var times []time.Duration
	pairs, docsOut := 0, 0
	for i := 0; i < len(docs) && len(times) < n; i += step {
		q := docs[i]
		q.ID = "query:" + q.ID
		start := time.Now()
		res, _, err := checkDocs(t.Context(), ix, []reprint.Document{q}, opts, 100)
		if err != nil {
			t.Fatal(err)
		}
		times = append(times, time.Since(start))
		pairs += len(res.Pairs)
		docsOut += len(res.Documents)
	}
	slices.Sort(times)
	st, _ := ix.Stats()
	t.Logf("index %s: %d documents; %d checks of one article: median %v, p99 %v, max %v; %.1f pairs per check",
		path, st.Documents, len(times), times[len(times)/2], times[(len(times)*99)/100], times[len(times)-1], float64(pairs)/float64(len(times)))
}

// A site's header and footer, for TestCheckEval's framed runs.
const (
	siteHeader = "Home | News | Sport | Business | Culture | Opinion | Sign in to your account to keep reading the latest headlines from our award winning newsroom.\n\n"
	siteFooter = "\n\nShare this article on Facebook, Twitter or by email. Sign up for our daily newsletter to get the top stories delivered to your inbox every morning. We use cookies to improve your experience on our site; by continuing to browse you agree to our use of cookies. Copyright 2026 Example Media Group. All rights reserved. Contact the newsroom with a story tip."
)

// TestCheckEval checks the labelled sets through an index, the newsroom's
// way: the PA texts are indexed, every other text is checked against
// them, and the result is scored. REPRINT_METER and REPRINT_REWRITES name
// the meter-courts and rewrites-courts folders (docs.jsonl, labels.jsonl);
// each set runs as it is and framed, every text between one site's header
// and footer, as scraped pages are.
func TestCheckEval(t *testing.T) {
	sets := []struct{ name, env string }{{"meter-courts", "REPRINT_METER"}, {"rewrites-courts", "REPRINT_REWRITES"}}
	ran := false
	for _, set := range sets {
		dir := os.Getenv(set.env)
		if dir == "" {
			continue
		}
		ran = true
		for _, framed := range []bool{false, true} {
			name := set.name
			if framed {
				name += "/framed"
			}
			t.Run(name, func(t *testing.T) { checkEval(t, dir, framed) })
		}
	}
	if !ran {
		t.Skip("set REPRINT_METER or REPRINT_REWRITES to a labelled set's folder")
	}
}

func checkEval(t *testing.T, dir string, framed bool) {
	f, err := os.Open(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	docs, _, err := input.ReadAll(input.NewJSONL(f, "docs.jsonl", input.Options{}))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var pa strings.Builder
	var queries []reprint.Document
	for _, d := range docs {
		if framed {
			d.Text = siteHeader + d.Text + siteFooter
		}
		if !strings.HasPrefix(d.ID, "pa/") {
			queries = append(queries, d)
			continue
		}
		line, _ := json.Marshal(map[string]string{"id": d.ID, "text": d.Text})
		pa.Write(line)
		pa.WriteByte('\n')
	}
	idx := filepath.Join(t.TempDir(), "pa.idx")
	if code, _, errOut := runCmd(t, t.Context(), pa.String(), "index", "add", "-q", "--index", idx, "-"); code != 0 {
		t.Fatalf("index add: exit %d: %s", code, errOut)
	}
	opts := reprint.Options{}
	det, _ := reprint.New(opts)
	ix, err := index.Open(idx, det.Params(), index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	res, _, err := checkDocs(t.Context(), ix, queries, opts, 100)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	lf, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	labels, err := eval.ReadLabels(lf, "labels.jsonl")
	lf.Close()
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(res, labels)
	var b strings.Builder
	rep.WriteText(&b)
	t.Logf("checked %d texts against %d indexed PA texts in %v: %d pairs\n%s", len(queries), len(docs)-len(queries), elapsed, len(res.Pairs), b.String())
}

// TestCheckHTMLSameAsText checks a real-looking news page (the article of
// seed 001 with navigation, a cookie notice, related articles, comments
// and a footer) against the other seeds: it must find the same indexed
// documents, with the same relations and originals, as the plain text.
func TestCheckHTMLSameAsText(t *testing.T) {
	idx := seedIndex(t, seed0, seed2, seed3, seed4)
	page := filepath.Join("..", "..", "input", "testdata", "html", "times-trump-putin.html")
	type match struct{ indexed, relation string }
	matches := func(query string) []match {
		code, out, errOut := runCmd(t, t.Context(), "", "check", "--index", idx, "--format", "json", query)
		if code != 0 {
			t.Fatalf("check %s: exit %d: %s", query, code, errOut)
		}
		var ms []match
		for _, p := range decodeReport(t, out).Pairs {
			other := p.A
			if other == query {
				other = p.B
			}
			orig := "query"
			if p.Original == other {
				orig = "indexed"
			}
			ms = append(ms, match{other, string(p.Relation) + " original=" + orig})
		}
		slices.SortFunc(ms, func(x, y match) int { return strings.Compare(x.indexed, y.indexed) })
		return ms
	}
	want := matches(filepath.Join(seeds, seed1))
	got := matches(page)
	if len(want) == 0 {
		t.Fatal("the plain text matched nothing; the test proves nothing")
	}
	if !slices.Equal(got, want) {
		t.Errorf("HTML page matched %v, want the plain text's %v", got, want)
	}
}
