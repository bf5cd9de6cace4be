package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/internal/golden"
)

// fixture returns a small hand-built result: a cluster of an original, a
// machine rewrite and an excerpt; a same-story pair; an input error and a
// warning.
func fixture() *reprint.Result {
	return &reprint.Result{
		Documents: []reprint.DocInfo{
			{ID: "001_kremlin.txt", Source: "001_kremlin.txt", Words: 412},
			{ID: "002_rewrite.txt", Source: "002_rewrite.txt", Words: 398},
			{ID: "wire-7", Source: "feed.jsonl:3", Words: 120},
			{ID: "zürich_münze.txt", Source: "zürich_münze.txt", Words: 530},
			{ID: "genève_«monnaie».txt", Source: "genève_«monnaie».txt", Words: 488},
		},
		Pairs: []reprint.Pair{
			{
				A: 0, B: 1, Relation: reprint.MachineRewrite, Original: 0,
				Reason:  "earlier publication time",
				Score:   0.712345678,
				Jaccard: 0.0213, ContainAB: 0.45, ContainBA: 0.5249999,
				Passages: []reprint.Passage{
					{AStart: 120, AEnd: 260, BStart: 1, BEnd: 140,
						Text: "The Kremlin has dismissed talk of an \"early summit\"\nbetween the two leaders as\t“premature speculation”, a spokesman said on Tuesday, adding that no dates had been discussed and that any meeting would need careful preparation by both sides before it could take place."},
					{AStart: 900, AEnd: 980, BStart: 850, BEnd: 931, Text: "Officials in Moscow said talks would continue."},
					{AStart: 1200, AEnd: 1250, BStart: 1190, BEnd: 1240, Text: "Markets were calm."},
				},
			},
			{
				A: 0, B: 2, Relation: reprint.Excerpt, Original: 0,
				Reason: "contains the other", Score: 0.93, Jaccard: 0.2871, ContainAB: 0.29, ContainBA: 0.98,
				Passages: []reprint.Passage{
					{AStart: 0, AEnd: 610, BStart: 0, BEnd: 605, Text: `MOSCOW — President's office says "no summit" is planned & nothing is agreed.`},
				},
			},
			{
				A: 3, B: 4, Relation: reprint.SameStory, Original: 3,
				Reason: "earlier publication time", Score: 0.4, Jaccard: 0.0104, ContainAB: 0.02, ContainBA: 0.021,
			},
		},
		Clusters: []reprint.Cluster{
			{Members: []int{0, 1, 2}, Original: 0, Reason: "published first; the others derive from it", OriginalBy: reprint.ByPublished, Parents: []int{-1, 0, 0}},
		},
		Params: reprint.Params{
			K: 5, RewriteK: 2, NumHash: 128, Seed: reprint.DefaultSeed, Threshold: 0.5, Bands: 16, Rows: 8,
			RewriteThreshold: 0.1, RewriteBands: 32, RewriteRows: 4, MinScore: 0.5, MaxBucket: 200,
			MaxDocFreq: 0.05, MinPassage: 8, SameStory: true, Candidates: 7,
		},
		Summary:  reprint.Summary{Documents: 5, Skipped: 1, Failed: 0, Pairs: 3, Clusters: 1},
		Errors:   []reprint.InputError{{Source: "feed.jsonl:7", Err: `invalid JSON: unexpected end of input`}},
		Warnings: []string{"latin.txt: not valid UTF-8, decoded as Latin-1"},
	}
}

func write(t testing.TB, res *reprint.Result, f Format, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, f, o); err != nil {
		t.Fatalf("Write(%s): %v", f, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		res  *reprint.Result
		f    Format
		o    Options
		file string
	}{
		{"text", fixture(), Text, Options{}, "fixture.txt"},
		{"text narrow", fixture(), Text, Options{MaxPassages: 1, Width: 50}, "fixture_narrow.txt"},
		{"json", fixture(), JSON, Options{}, "fixture.json"},
		{"jsonl", fixture(), JSONL, Options{}, "fixture.jsonl"},
		{"csv", fixture(), CSV, Options{}, "fixture.csv"},
		{"empty text", &reprint.Result{}, Text, Options{}, "empty.txt"},
		{"empty json", &reprint.Result{}, JSON, Options{}, "empty.json"},
		{"empty jsonl", &reprint.Result{}, JSONL, Options{}, "empty.jsonl"},
		{"empty csv", &reprint.Result{}, CSV, Options{}, "empty.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, tt.res, tt.f, tt.o)
			golden.Check(t, filepath.Join("testdata", "golden", tt.file), got)
			// Deterministic: a second run writes the same bytes.
			if again := write(t, tt.res, tt.f, tt.o); !bytes.Equal(got, again) {
				t.Errorf("second run differs:\ngot  %s\nwant %s", again, got)
			}
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	res := fixture()
	var got JSONReport
	if err := json.Unmarshal(write(t, res, JSON, Options{}), &got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	want := Build(res)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\ngot  %+v\nwant %+v", got, want)
	}
	if p := got.Pairs[0]; p.A != "001_kremlin.txt" || p.B != "002_rewrite.txt" || p.Original != "001_kremlin.txt" {
		t.Errorf("pair 0 IDs: got %q %q original %q, want 001_kremlin.txt 002_rewrite.txt original 001_kremlin.txt", p.A, p.B, p.Original)
	}
	if got, want := got.Pairs[0].Score, 0.7123; got != want {
		t.Errorf("score: got %v, want %v", got, want)
	}
	if got, want := got.Pairs[0].ContainBA, 0.525; got != want {
		t.Errorf("containment_ba: got %v, want %v", got, want)
	}
	if got, want := got.Clusters[0].Members, []string{"001_kremlin.txt", "002_rewrite.txt", "wire-7"}; !reflect.DeepEqual(got, want) {
		t.Errorf("cluster members: got %q, want %q", got, want)
	}
}

func TestJSONKeyOrder(t *testing.T) {
	out := string(write(t, fixture(), JSON, Options{}))
	keys := []string{`"documents"`, `"pairs"`, `"a"`, `"b"`, `"relation"`, `"original"`, `"reason"`,
		`"score"`, `"jaccard"`, `"containment_ab"`, `"containment_ba"`, `"passages"`, `"a_start"`,
		`"a_end"`, `"b_start"`, `"b_end"`, `"text"`, `"clusters"`, `"members"`, `"params"`,
		`"summary"`, `"errors"`, `"warnings"`}
	at := 0
	for _, k := range keys {
		i := strings.Index(out[at:], k+":")
		if i < 0 {
			t.Fatalf("key %s missing or out of order after byte %d", k, at)
		}
		at += i
	}
}

func TestEmptyArrays(t *testing.T) {
	res := &reprint.Result{
		// A pair and a cluster with nil slices inside.
		Documents: []reprint.DocInfo{{ID: "a"}, {ID: "b"}},
		Pairs:     []reprint.Pair{{A: 0, B: 1, Relation: reprint.Copy}},
		Clusters:  []reprint.Cluster{{Original: 0}},
	}
	for _, tt := range []struct {
		name string
		res  *reprint.Result
		f    Format
		want []string
	}{
		{"json empty result", &reprint.Result{}, JSON, []string{`"documents": []`, `"pairs": []`, `"clusters": []`, `"errors": []`, `"warnings": []`}},
		{"json nil inner slices", res, JSON, []string{`"passages": []`, `"members": []`, `"errors": []`}},
		{"jsonl empty result", &reprint.Result{}, JSONL, []string{`"errors":[]`, `"warnings":[]`}},
		{"jsonl nil inner slices", res, JSONL, []string{`"passages":[]`, `"members":[]`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := string(write(t, tt.res, tt.f, Options{}))
			if strings.Contains(out, "null") {
				t.Errorf("output contains null:\n%s", out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %s:\n%s", w, out)
				}
			}
		})
	}
}

func TestJSONLLines(t *testing.T) {
	out := write(t, fixture(), JSONL, Options{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	wantTypes := []string{"pair", "pair", "pair", "cluster", "summary"}
	if len(lines) != len(wantTypes) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(wantTypes), out)
	}
	for i, line := range lines {
		var v struct{ Type string }
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if v.Type != wantTypes[i] {
			t.Errorf("line %d type: got %q, want %q", i+1, v.Type, wantTypes[i])
		}
		if !strings.HasPrefix(line, `{"type":`) {
			t.Errorf("line %d: got %.30q, want type first", i+1, line)
		}
	}
}

func TestCSV(t *testing.T) {
	res := fixture()
	res.Pairs[1].Passages[0].Text = strings.Repeat("ü ", 300)
	rows, err := csv.NewReader(bytes.NewReader(write(t, res, CSV, Options{}))).ReadAll()
	if err != nil {
		t.Fatalf("read csv: %v", err)
	}
	if got, want := len(rows), 1+len(res.Pairs); got != want {
		t.Fatalf("got %d rows, want %d", got, want)
	}
	if got, want := rows[0], csvHeader; !reflect.DeepEqual(got, want) {
		t.Errorf("header: got %q, want %q", got, want)
	}
	ev := rows[2][9]
	if n := utf8.RuneCountInString(ev); n != csvEvidence {
		t.Errorf("evidence length: got %d characters, want %d", n, csvEvidence)
	}
	if !strings.HasSuffix(ev, "…") {
		t.Errorf("evidence: got %q, want it to end with …", ev)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"text", Text, false},
		{"json", JSON, false},
		{"jsonl", JSONL, false},
		{"csv", CSV, false},
		{" JSON ", JSON, false},
		{"Csv", CSV, false},
		{"", "", true},
		{"html", HTML, false},
		{" HTML", HTML, false},
		{"xml", "", true},
		{"json,csv", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseFormat(%q) error: got %v, want error %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseFormat(%q): got %q, want %q", tt.in, got, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), "text, json, jsonl, csv, html") {
				t.Errorf("error %q does not list the valid formats", err)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		res  *reprint.Result
		f    Format
		want string
	}{
		{"nil result", nil, JSON, "nil result"},
		{"unknown format", fixture(), "xml", `unknown format "xml"`},
		{"pair index", &reprint.Result{Documents: []reprint.DocInfo{{ID: "a"}}, Pairs: []reprint.Pair{{A: 0, B: 3}}}, Text,
			"pair 0: document index 3 out of range (1 document)"},
		{"cluster member", &reprint.Result{Clusters: []reprint.Cluster{{Members: []int{-1}}}}, CSV,
			"cluster 0: document index 0 out of range (0 documents)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, tt.res, tt.f, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error %v, want one containing %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("got %d bytes written, want none", buf.Len())
			}
		})
	}
}

func TestTextWrap(t *testing.T) {
	for _, width := range []int{20, 40, 60, 80, 120} {
		t.Run("", func(t *testing.T) {
			out := write(t, fixture(), Text, Options{Width: width, MaxPassages: 5})
			for i, line := range strings.Split(string(out), "\n") {
				n := utf8.RuneCountInString(line)
				if n <= width || !strings.Contains(line, `"`) {
					continue
				}
				// Only a single word too long for the line may overflow.
				if words := strings.Fields(line); len(words) > 2 {
					t.Errorf("width %d, line %d: %d characters: %q", width, i+1, n, line)
				}
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"ab cd", 4, "ab…"},
		{"üüüü", 2, "ü…"},
		{"abc", 0, ""},
		{"abc", 1, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := truncate(tt.in, tt.n); got != tt.want {
				t.Errorf("truncate(%q, %d): got %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestRound4(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{0.712345678, 0.7123},
		{0.71235, 0.7124},
		{1, 1},
		{-0.00001, 0},
		{0.00004999, 0},
		{math.MaxFloat64, math.MaxFloat64},
		{-1e300, -1e300},
	}
	for _, tt := range tests {
		if got := round4(tt.in); got != tt.want {
			t.Errorf("round4(%v): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzParseFormat(f *testing.F) {
	for _, s := range []string{"text", "JSON", " csv", "jsonl", "html", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFormat(s)
		if err != nil {
			return
		}
		if again, err := ParseFormat(string(got)); err != nil || again != got {
			t.Errorf("ParseFormat(%q) = %q, but ParseFormat(%q) = %q, %v", s, got, got, again, err)
		}
	})
}

// FuzzWriteText checks that any passage text and width give a valid text
// report.
func FuzzWriteText(f *testing.F) {
	f.Add("The Kremlin has dismissed talk", 80)
	f.Add("  ü\n\t«»  ", 5)
	f.Add(strings.Repeat("x", 500), 1)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !utf8.ValidString(text) {
			return
		}
		res := fixture()
		res.Pairs[0].Passages[0].Text = text
		out := write(t, res, Text, Options{Width: width})
		if !utf8.Valid(out) {
			t.Errorf("output is not valid UTF-8")
		}
	})
}

func BenchmarkWriteJSON(b *testing.B) {
	res := benchResult(1000, 2000)
	var buf bytes.Buffer
	if err := Write(&buf, res, JSON, Options{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, res, JSON, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchResult builds a result of docs documents and pairs pairs, each with
// two passages.
func benchResult(docs, pairs int) *reprint.Result {
	res := fixture()
	res.Documents = res.Documents[:0]
	for i := range docs {
		res.Documents = append(res.Documents, reprint.DocInfo{ID: "doc-" + strings.Repeat("x", i%7), Source: "feed.jsonl:1", Words: 400})
	}
	tmpl := fixture().Pairs[0]
	res.Pairs = res.Pairs[:0]
	for i := range pairs {
		p := tmpl
		p.A, p.B, p.Original = i%docs, (i+1)%docs, i%docs
		p.Passages = tmpl.Passages[:2]
		res.Pairs = append(res.Pairs, p)
	}
	res.Clusters = nil
	return res
}

// TestJSONStreamedLikeEncoder checks that the element-by-element JSON
// writer gives the bytes json.Encoder gives for the whole report.
func TestJSONStreamedLikeEncoder(t *testing.T) {
	many := fixture()
	for len(many.Pairs) < 1300 { // more than one batch of encodeInOrder
		many.Pairs = append(many.Pairs, many.Pairs...)
	}
	for name, res := range map[string]*reprint.Result{"fixture": fixture(), "empty": {}, "many pairs": many} {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			enc := newEncoder(&want)
			enc.SetIndent("", "  ")
			if err := enc.Encode(Build(res)); err != nil {
				t.Fatal(err)
			}
			if got := write(t, res, JSON, Options{}); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("got\n%s\nwant\n%s", got, want.Bytes())
			}
		})
	}
}

// TestJSONLPairsInOrder checks that pairs encoded on several cores come
// out in order, as one encoder would write them.
func TestJSONLPairsInOrder(t *testing.T) {
	res := fixture()
	for len(res.Pairs) < 1300 {
		res.Pairs = append(res.Pairs, res.Pairs...)
	}
	for i := range res.Pairs {
		res.Pairs[i].Score = float64(i) / 10000
	}
	var want bytes.Buffer
	enc := newEncoder(&want)
	for _, p := range Build(res).Pairs {
		if err := enc.Encode(jsonlPair{"pair", p}); err != nil {
			t.Fatal(err)
		}
	}
	got := write(t, res, JSONL, Options{})
	if !bytes.HasPrefix(got, want.Bytes()) {
		t.Errorf("the pair lines differ from one encoder's")
	}
}

// TestWriteHugeMeasure checks that a finite but huge measure is written as
// valid JSON, not rounded into an infinity.
func TestWriteHugeMeasure(t *testing.T) {
	res := fixture()
	res.Pairs[0].Score = math.MaxFloat64
	for _, f := range []Format{JSON, JSONL} {
		out := write(t, res, f, Options{})
		for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
			if f == JSON {
				line = out
			}
			if !json.Valid(line) {
				t.Fatalf("%s: output is not valid JSON", f)
			}
			if f == JSON {
				break
			}
		}
	}
}

func TestWriteRefusesNaN(t *testing.T) {
	res := fixture()
	res.Pairs[0].Score = math.NaN()
	for _, f := range []Format{JSON, JSONL, CSV, Text} {
		var buf bytes.Buffer
		if err := Write(&buf, res, f, Options{}); err == nil || buf.Len() > 0 {
			t.Errorf("%s: got error %v and %d bytes written, want an error and nothing written", f, err, buf.Len())
		}
	}
}

// encodeIndented is what json.Encoder writes for v with the report's
// settings, without the final newline.
func encodeIndented(t testing.TB, v any, prefix string) []byte {
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestAppendPairLikeEncoder(t *testing.T) {
	res := fixture()
	var pairs []JSONPair
	for _, p := range Build(res).Pairs {
		pairs = append(pairs, p)
	}
	pairs = append(pairs,
		JSONPair{A: "x", B: "y", Relation: "copy", Passages: []JSONPassage{}, Score: 1e-7, Jaccard: 1},
		JSONPair{A: "q\"\\\t\n\r\b\f\x01\x7f", B: "\u2028\u2029é\xff<>&", Reason: "fuller", Passages: nil},
		JSONPair{A: "a", Passages: []JSONPassage{{1, 2, 3, 4, "t"}, {5, 6, 7, 8, "\x00"}}, ContainAB: 0.1234, ContainBA: 1e22},
	)
	for i, p := range pairs {
		for _, prefix := range []string{"", "    "} {
			want := encodeIndented(t, p, prefix)
			if got := appendPair(nil, p, prefix); !bytes.Equal(got, want) {
				t.Errorf("pair %d, prefix %q:\ngot  %s\nwant %s", i, prefix, got, want)
			}
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "q\"\\", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "é—“”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := encodeIndented(t, s, "")
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q): got %s, want %s", s, got, want)
		}
	})
}

func FuzzAppendJSONFloat(f *testing.F) {
	for _, x := range []float64{0, 1, 0.5, 0.1234, 1e-7, 1e21, 123456789, -0.25} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		want := encodeIndented(t, x, "")
		if got := appendJSONFloat(nil, x); !bytes.Equal(got, want) {
			t.Errorf("appendJSONFloat(%v): got %s, want %s", x, got, want)
		}
	})
}

// TestClusterLinkSourceSide checks that a cluster member is listed with its
// own source link: in the chain d0 → d1 → d2 → d3, d2 is a rewrite of d1,
// not of d3, its own copy, even when that link is stronger.
func TestClusterLinkSourceSide(t *testing.T) {
	res := &reprint.Result{
		Documents: []reprint.DocInfo{{ID: "d0"}, {ID: "d1"}, {ID: "d2"}, {ID: "d3"}},
		Pairs: []reprint.Pair{
			{A: 0, B: 1, Relation: reprint.Rewrite, Original: 0, Score: 0.6},
			{A: 1, B: 2, Relation: reprint.Rewrite, Original: 1, Score: 0.5},
			{A: 2, B: 3, Relation: reprint.Rewrite, Original: 2, Score: 0.9},
		},
		Clusters: []reprint.Cluster{{Members: []int{0, 1, 2, 3}, Original: 0}},
	}
	in := map[int]bool{0: true, 1: true, 2: true, 3: true}
	tests := []struct {
		member int
		want   int // pair index
	}{
		{1, 0}, {2, 1}, {3, 2},
	}
	for _, tt := range tests {
		t.Run(res.Documents[tt.member].ID, func(t *testing.T) {
			var pairs []int
			for i, p := range res.Pairs {
				if p.A == tt.member || p.B == tt.member {
					pairs = append(pairs, i)
				}
			}
			if got := clusterLink(res, pairs, in, tt.member, 0); got != tt.want {
				t.Errorf("got pair %d, want pair %d", got, tt.want)
			}
		})
	}
}

// TestTextOtherWording checks that the text report quotes a passage's B
// side as well when B's text is at hand (Texts, or read through Text) and
// reads otherwise than A's, and that an error reading it stops Write.
func TestTextOtherWording(t *testing.T) {
	res := &reprint.Result{
		Documents: []reprint.DocInfo{{ID: "a.txt", Words: 9}, {ID: "b.txt", Words: 9}},
		Pairs: []reprint.Pair{{A: 0, B: 1, Relation: reprint.MachineRewrite, Score: 0.6,
			Passages: []reprint.Passage{{AStart: 0, AEnd: 33, BStart: 5, BEnd: 38, Text: "President Alexander Stubb said no"}}}},
	}
	const b = "Yes. President Alexander Stop said no."
	tests := []struct {
		name    string
		o       Options
		want    []string // lines the report holds
		wantErr string
	}{
		{"texts", Options{Texts: []string{"", b}}, []string{
			`      evidence, original: "President Alexander Stubb said no" (bytes 0–33)`,
			`         machine rewrite: "President Alexander Stop said no." (bytes 5–38)`,
		}, ""},
		{"read one at a time", Options{Text: func(i int) (string, error) { return []string{"", b}[i], nil }}, []string{
			`         machine rewrite: "President Alexander Stop said no." (bytes 5–38)`,
		}, ""},
		{"same wording", Options{Texts: []string{"", "Yes. President Alexander Stubb said no"}}, []string{
			`      evidence: "President Alexander Stubb said no" (original bytes 0–33,`, `                machine rewrite bytes 5–38)`,
		}, ""},
		{"no text", Options{}, []string{
			`      evidence: "President Alexander Stubb said no" (original bytes 0–33,`, `                machine rewrite bytes 5–38)`,
		}, ""},
		{"offsets past the text", Options{Texts: []string{"", "short"}}, []string{
			`      evidence: "President Alexander Stubb said no" (original bytes 0–33,`, `                machine rewrite bytes 5–38)`,
		}, ""},
		{"read error", Options{Text: func(int) (string, error) { return "", fmt.Errorf("spool gone") }}, nil, "text of b.txt: spool gone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, res, Text, tt.o)
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				return
			case err != nil:
				t.Fatalf("got error %v, want none", err)
			}
			lines := strings.Split(buf.String(), "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("got report\n%s\nwant the line\n%s", buf.String(), w)
				}
			}
		})
	}
}

// TestTextEscapesControls checks that the text report writes control
// characters and invalid UTF-8 from the input (IDs, sources, reasons,
// headlines, passages, input errors and warnings) as escapes, so that they
// cannot drive a terminal, and leaves other text as it is.
func TestTextEscapesControls(t *testing.T) {
	const esc = "\x1b[2J"
	res := &reprint.Result{
		Documents: []reprint.DocInfo{
			{ID: "a" + esc + ".txt", Source: "feed.jsonl:1\r", Words: 9},
			{ID: "b\nc\xff", Source: "b\tsrc", Words: 9},
			{ID: "zürich_«münze»", Source: "zürich_«münze»", Words: 9},
		},
		Pairs: []reprint.Pair{
			{A: 0, B: 1, Relation: reprint.Copy, Original: 0, Reason: "copy of a" + esc + ".txt", Score: 0.9,
				Passages: []reprint.Passage{{AStart: 0, AEnd: 9, BStart: 0, BEnd: 9, Text: "Bells\x07 ring \x1b]0;x\x07 here"}}},
			{A: 0, B: 2, Relation: reprint.Copy, Original: 0, Score: 0.8},
		},
		Clusters: []reprint.Cluster{{Members: []int{0, 1, 2}, Original: 0, Reason: "first of " + esc}},
		Errors:   []reprint.InputError{{Source: "bad\x1b.jsonl:2", Err: "invalid id \"\x1b\u0090\""}},
		Warnings: []string{"x\u009b.txt: odd\x00 name"},
	}
	out := string(write(t, res, Text, Options{Texts: []string{"Headline with a bell\x07 in it\nBody", "", ""}}))
	for i := 0; i < len(out); {
		r, n := utf8.DecodeRuneInString(out[i:])
		if r == utf8.RuneError && n == 1 || r != '\n' && unicode.IsControl(r) {
			t.Fatalf("got %q at byte %d of the report, want no control characters or invalid UTF-8:\n%s", out[i:i+n], i, out)
		}
		i += n
	}
	for _, want := range []string{
		`Cluster 1: 3 articles, original a\x1b[2J.txt`,
		`why: first of \x1b[2J`,
		`- b\nc\xff`,
		`b\nc\xff is a copy of a\x1b[2J.txt  score 0.90`,
		`from: b\tsrc / feed.jsonl:1\r`,
		`why a\x1b[2J.txt is the original: copy of a\x1b[2J.txt`,
		`headline: “Headline with a bell\a in it”`,
		`evidence: "Bells ring ]0;x here"`, // in an excerpt controls are white space
		`bad\x1b.jsonl:2: invalid id "\x1b\u0090"`,
		`warning: x\u009b.txt: odd\x00 name`,
		`zürich_«münze» is a copy of a\x1b[2J.txt  score 0.80`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("got report\n%s\nwant it to hold %q", out, want)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "wire-7", "wire-7"},
		{"unicode", "zürich_«münze» 東京", "zürich_«münze» 東京"},
		{"quotes and backslash", `a "b" \n`, `a "b" \n`},
		{"replacement character", "a\uFFFDb", "a\uFFFDb"},
		{"escape", "a\x1b[31mb", `a\x1b[31mb`},
		{"newline and tab", "a\nb\tc\r", `a\nb\tc\r`},
		{"delete", "a\x7f", `a\x7f`},
		{"C1 control", "a\u0085b", `a\u0085b`},
		{"invalid UTF-8", "caf\xe9", `caf\xe9`},
		{"bidi override", "evil\u202etxt.exe", `evil\u202etxt.exe`},
		{"bidi embedding and isolates", "a\u202ab\u2066c\u2069", `a\u202ab\u2066c\u2069`},
		{"right-to-left text and marks kept", "שלום \u200fעולם مرحبا", "שלום \u200fעולם مرحبا"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escape(tt.in); got != tt.want {
				t.Errorf("escape(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{0, "pair", "0 pairs"},
		{1, "pair", "1 pair"},
		{2, "pair", "2 pairs"},
		{1, "matching passage", "1 matching passage"},
		{-1, "document", "-1 documents"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := plural(tt.n, tt.noun); got != tt.want {
				t.Errorf("plural(%d, %q): got %q, want %q", tt.n, tt.noun, got, tt.want)
			}
		})
	}
}
