package report

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/internal/golden"
)

// filler is the text fit pads with.
const filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "

// fit pads s to exactly n bytes with whole filler words, then spaces (s
// must be shorter).
func fit(s string, n int) string {
	for _, w := range strings.Fields(strings.Repeat(filler, 1+n/len(filler))) {
		if len(s)+len(w)+1 > n {
			break
		}
		s += w + " "
	}
	return s + strings.Repeat(" ", n-len(s))
}

// fixtureTexts returns texts for fixture()'s documents that agree with its
// passage offsets: doc 1 machine-rewrites three stretches of doc 0, and
// doc 2 copies doc 0's first 605 bytes.
func fixtureTexts() []string {
	a := fit("MOSCOW — The Kremlin said on Tuesday that talks would go on. ", 120) +
		fit("Officials said President Zelenskyy would meet the leaders in Geneva on Monday to discuss a ceasefire and a “lasting” peace. ", 140) +
		fit("\n\nZürich and Genève were named as venues. ", 640) +
		fit("Officials in Moscow said talks would continue next week. ", 80) +
		fit("\n", 220) +
		fit("Markets were calm on the news in Zürich. ", 50) +
		"\nEnd of story.\n"
	b := "\n" +
		fit("Officials told President Zellinsky would meet the leaders in Genf on Monday for discuss a ceasefire and a “permanent” peace. ", 139) +
		fit("\n\nUnrelated words fill the gap here. ", 710) +
		fit("Officials in Moscou said talks would continuing next week. ", 81) +
		fit("\n", 259) +
		fit("Markets were very calm on the news in Zürich. ", 50) +
		"\nThe end.\n"
	return []string{a, b, a[:605], "Die Zürcher Münze prägt neue Münzen.\nMehr.", "La monnaie de Genève frappe de nouvelles pièces.\nPlus."}
}

func TestHTMLGolden(t *testing.T) {
	tests := []struct {
		name string
		res  *reprint.Result
		o    Options
		file string
	}{
		{"fixture", fixture(), Options{}, "fixture.html"},
		{"fixture with texts", fixture(), Options{Texts: fixtureTexts()}, "fixture_texts.html"},
		{"fixture max 1 pair", fixture(), Options{Texts: fixtureTexts(), MaxHTMLPairs: 1}, "fixture_max1.html"},
		{"empty", &reprint.Result{}, Options{}, "empty.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, tt.res, HTML, tt.o)
			golden.Check(t, filepath.Join("testdata", "golden", tt.file), got)
			if again := write(t, tt.res, HTML, tt.o); !bytes.Equal(got, again) {
				t.Errorf("second run differs")
			}
			checkHTML(t, got)
		})
	}
}

// checkHTML checks what every HTML report must satisfy: valid UTF-8, the
// lang attribute, unique element IDs, a target for every fragment link,
// and highlights that link to each other in pairs.
func checkHTML(t *testing.T, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Errorf("output is not valid UTF-8")
	}
	if !bytes.HasPrefix(out, []byte("<!DOCTYPE html>\n<html lang=\"en\">")) {
		t.Errorf("output starts %.40q, want a doctype and lang", out)
	}
	if !bytes.HasSuffix(out, []byte("</html>\n")) {
		t.Errorf("output does not end with </html>")
	}
	if bytes.Contains(out, []byte("ZgotmplZ")) {
		t.Errorf("output holds ZgotmplZ: a value was rejected by the escaper")
	}
	ids := make(map[string]bool)
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllSubmatch(out, -1) {
		id := string(m[1])
		if ids[id] {
			t.Errorf("id %q is not unique", id)
		}
		ids[id] = true
	}
	for _, m := range regexp.MustCompile(` href="#([^"]*)"`).FindAllSubmatch(out, -1) {
		if !ids[string(m[1])] {
			t.Errorf("link to #%s: no element has that id", m[1])
		}
	}
	partner := make(map[string]string)
	for _, m := range regexp.MustCompile(`<mark class="hl c\d" id="([^"]+)"><a class="pn" href="#([^"]+)"`).FindAllSubmatch(out, -1) {
		partner[string(m[1])] = string(m[2])
	}
	for id, to := range partner {
		if back := partner[to]; back != id {
			t.Errorf("highlight %s links to %s, which links to %q, want %s", id, to, back, id)
		}
	}
}

func TestHTMLPassageView(t *testing.T) {
	out := string(write(t, fixture(), HTML, Options{Texts: fixtureTexts()}))
	for _, want := range []string{
		// Passage 1 of pair 1, highlighted on both sides and linked.
		`<mark class="hl c0" id="p1-1-a"><a class="pn" href="#p1-1-b"`,
		`<mark class="hl c0" id="p1-1-b"><a class="pn" href="#p1-1-a"`,
		// Garbled words marked with their counterpart.
		`<del title="B has: Zellinsky">Zelenskyy</del>`,
		`<ins title="A has: Zelenskyy">Zellinsky</ins>`,
		`<del title="B has: Moscou">Moscow</del>`,
		`<ins title="not in A">very</ins>`,
		// The excerpt pair is not diffed.
		`id="p2-1-a"><a class="pn" href="#p2-1-b" aria-label="Passage 1: go to side B">1</a>MOSCOW — The Kremlin`,
		// Every pair is reachable from the overview.
		`<a href="#pair-3" aria-label="Pair 3 details">3</a>`,
		`<section class="pair" id="pair-3"`,
		`<details>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if strings.Count(out, "<del") < 3 {
		t.Errorf("got %d <del> elements, want several", strings.Count(out, "<del"))
	}
}

func TestHTMLMaxPairs(t *testing.T) {
	res := benchResult(50, 600)
	texts := benchTexts(50)
	tests := []struct {
		name        string
		max         int
		wantDetails int
		wantNote    string // "": none
	}{
		{"default", 0, 600, ""},
		{"ten", 10, 10, "passages are included for the first 10 pairs of 600;"},
		{"one", 1, 1, "passages are included for the first pair of 600;"},
		{"none", -1, 0, "no passages are included; each pair shows its scores only."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, res, HTML, Options{Texts: texts, MaxHTMLPairs: tt.max})
			if got := bytes.Count(out, []byte("<details>")); got != tt.wantDetails {
				t.Errorf("got %d <details>, want %d", got, tt.wantDetails)
			}
			switch {
			case tt.wantNote == "" && bytes.Contains(out, []byte("To keep this page fast")):
				t.Errorf("got a note on the pairs left out, want none")
			case tt.wantNote != "" && !bytes.Contains(out, []byte(tt.wantNote)):
				t.Errorf("got no note %q", tt.wantNote)
			}
			for _, n := range []int{1, 600} {
				for _, want := range []string{fmt.Sprintf(`href="#pair-%d"`, n), fmt.Sprintf(`id="pair-%d"`, n)} {
					if !bytes.Contains(out, []byte(want)) {
						t.Errorf("output lacks %s", want)
					}
				}
			}
			checkHTML(t, out)
		})
	}
}

// TestHTMLEscapes checks that hostile IDs, texts and reasons come out as
// text, never as markup.
func TestHTMLEscapes(t *testing.T) {
	const (
		script = `<script>alert(1)</script>`
		img    = `"><img src=x onerror=alert(1)>`
		quotes = `it's "quoted" & 'single' ` + "`tick`"
	)
	textA := "Intro " + script + " then " + img + " and " + quotes + " end of the shared passage here."
	textB := "Other " + script + " than " + img + " und " + quotes + " end of the shared passage here."
	passage := func(a, b string, s string) reprint.Passage {
		i, j := strings.Index(a, s), strings.Index(b, s)
		return reprint.Passage{AStart: i - 10, AEnd: len(a), BStart: j - 10, BEnd: len(b), Text: img + s}
	}
	res := &reprint.Result{
		Documents: []reprint.DocInfo{
			{ID: script, Source: img},
			{ID: img, Source: quotes},
		},
		Pairs: []reprint.Pair{
			{A: 0, B: 1, Relation: reprint.MachineRewrite, Original: 0, Reason: script + img, Score: 0.5,
				Passages: []reprint.Passage{passage(textA, textB, script)}},
			{A: 0, B: 1, Relation: reprint.Relation(script), Original: 1, Reason: img,
				Passages: []reprint.Passage{{AStart: 0, AEnd: 5, BStart: 0, BEnd: 5, Text: script}}},
		},
		Clusters: []reprint.Cluster{{Members: []int{0, 1}, Original: 0, Reason: img + script}},
		Errors:   []reprint.InputError{{Source: script, Err: img}},
		Warnings: []string{script + quotes},
	}
	for _, tt := range []struct {
		name string
		o    Options
	}{
		{"texts", Options{Texts: []string{textA, textB}}},
		{"no texts", Options{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := string(write(t, res, HTML, tt.o))
			if strings.Contains(strings.ToLower(out), "<script>alert") {
				t.Errorf("output holds a raw <script>alert")
			}
			if strings.Contains(out, "<img") {
				t.Errorf("output holds a raw <img")
			}
			if n, esc := strings.Count(out, "onerror="), strings.Count(out, "&lt;img src=x onerror="); n != esc || n == 0 {
				t.Errorf("got %d onerror= of which %d escaped, want all escaped (and some)", n, esc)
			}
			if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("output lacks the escaped script tag")
			}
			if got := strings.Count(out, "<script>"); got != 1 {
				t.Errorf("got %d <script> tags, want 1 (the page's own)", got)
			}
			checkHTML(t, []byte(out))
		})
	}
}

// sideText rebuilds a side's text from its segments.
func sideText(s htmlSide) string {
	var b strings.Builder
	for _, seg := range s.Segs {
		if seg.M == nil {
			b.WriteString(seg.Text)
			continue
		}
		for _, p := range seg.M.Parts {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// TestHTMLBadOffsets checks that offsets out of range, reversed,
// overlapping or inside a multi-byte character neither panic nor lose or
// break text.
func TestHTMLBadOffsets(t *testing.T) {
	const a = "Zürich “Genf” — naïve café, 東京 and more words here."
	const b = "Genève «Zürich» — 東京 naïve café and other words there."
	mid := strings.Index(a, "ü") + 1 // inside ü
	tests := []struct {
		name     string
		ps       []reprint.Passage
		wantKept int
	}{
		{"fine", []reprint.Passage{{AStart: 0, AEnd: 7, BStart: 0, BEnd: 7}}, 1},
		{"negative", []reprint.Passage{{AStart: -5, AEnd: 3, BStart: -1, BEnd: 2}}, 1},
		{"beyond end", []reprint.Passage{{AStart: 10, AEnd: 1 << 20, BStart: 5, BEnd: len(b) + 1}}, 1},
		{"extremes", []reprint.Passage{{AStart: math.MinInt, AEnd: math.MaxInt, BStart: math.MaxInt, BEnd: math.MinInt}}, 0},
		{"reversed", []reprint.Passage{{AStart: 9, AEnd: 3, BStart: 0, BEnd: 4}}, 0},
		{"empty", []reprint.Passage{{AStart: 4, AEnd: 4, BStart: 0, BEnd: 4}}, 0},
		{"inside a rune", []reprint.Passage{{AStart: mid, AEnd: mid + 1, BStart: 1, BEnd: 2}}, 0},
		{"split runes", []reprint.Passage{{AStart: mid, AEnd: len(a) + 3, BStart: strings.Index(b, "è") + 1, BEnd: 21}}, 1},
		{"all out of range", []reprint.Passage{{AStart: 900, AEnd: 1000, BStart: 900, BEnd: 1000}}, 0},
		{"overlap on A", []reprint.Passage{{AStart: 0, AEnd: 10, BStart: 0, BEnd: 5}, {AStart: 5, AEnd: 15, BStart: 20, BEnd: 25}}, 1},
		{"overlap on B", []reprint.Passage{{AStart: 0, AEnd: 10, BStart: 10, BEnd: 20}, {AStart: 20, AEnd: 30, BStart: 0, BEnd: 11}}, 1},
		{"touching", []reprint.Passage{{AStart: 0, AEnd: 10, BStart: 0, BEnd: 10}, {AStart: 10, AEnd: 20, BStart: 10, BEnd: 20}}, 2},
		{"same twice", []reprint.Passage{{AStart: 0, AEnd: 10, BStart: 0, BEnd: 10}, {AStart: 0, AEnd: 10, BStart: 0, BEnd: 10}}, 1},
	}
	for _, tt := range tests {
		for _, rel := range []reprint.Relation{reprint.Copy, reprint.MachineRewrite} {
			t.Run(tt.name+"/"+string(rel), func(t *testing.T) {
				res := &reprint.Result{
					Documents: []reprint.DocInfo{{ID: "a"}, {ID: "b"}},
					Pairs:     []reprint.Pair{{A: 0, B: 1, Relation: rel, Passages: tt.ps}},
				}
				o := Options{Texts: []string{a, b}}.withDefaults()
				out := write(t, res, HTML, o)
				checkHTML(t, out)
				h := &htmlWriter{res: res, o: o, cluster: make([]int, 2)}
				d := h.pair(0)
				if len(d.Sides) != 2 {
					t.Fatalf("got %d sides, want 2", len(d.Sides))
				}
				for i, want := range []string{a, b} {
					if got := sideText(d.Sides[i]); got != want {
						t.Errorf("side %s: got text %q, want %q", d.Sides[i].Label, got, want)
					}
					marks := 0
					for _, seg := range d.Sides[i].Segs {
						if seg.M != nil {
							marks++
						}
						if !utf8.ValidString(seg.Text) {
							t.Errorf("segment %q is not valid UTF-8", seg.Text)
						}
					}
					if marks != tt.wantKept {
						t.Errorf("side %s: got %d highlights, want %d", d.Sides[i].Label, marks, tt.wantKept)
					}
				}
				if got, want := len(d.Unplaced), len(tt.ps)-tt.wantKept; got != want {
					t.Errorf("got %d unplaced passages, want %d", got, want)
				}
			})
		}
	}
}

func TestHTMLMissingTexts(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
	}{
		{"nil", nil},
		{"too few", []string{"only the first"}},
		{"empty entry", []string{"", "", "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(write(t, fixture(), HTML, Options{Texts: tt.texts}))
			if strings.Contains(out, "<mark") {
				t.Errorf("got highlights without both texts")
			}
			if !strings.Contains(out, `<ol class="plist">`) {
				t.Errorf("got no passage list")
			}
			checkHTML(t, []byte(out))
		})
	}
}

func TestClampSpan(t *testing.T) {
	const s = "aü東b" // a, ü (2 bytes), 東 (3 bytes), b
	tests := []struct {
		name         string
		start, end   int
		wantS, wantE int
	}{
		{"whole", 0, 7, 0, 7},
		{"negative", -3, 1, 0, 1},
		{"past end", 3, 99, 3, 7},
		{"start inside ü", 2, 7, 3, 7},
		{"end inside 東", 0, 5, 0, 3},
		{"both inside 東", 4, 5, 5, 5},
		{"reversed", 5, 2, 5, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gs, ge := clampSpan(s, tt.start, tt.end)
			if gs != tt.wantS || ge != tt.wantE {
				t.Errorf("clampSpan(%d, %d): got [%d,%d), want [%d,%d)", tt.start, tt.end, gs, ge, tt.wantS, tt.wantE)
			}
		})
	}
}

func TestDiffParts(t *testing.T) {
	type part struct{ Op, Text, Title string } // Op "", "del" or "ins"
	tests := []struct {
		name   string
		a, b   string
		wantA  []part
		wantB  []part
		noDiff bool
	}{
		{"same", "one two three", "one two three", []part{{"", "one two three", ""}}, []part{{"", "one two three", ""}}, false},
		{"case and punctuation", "Talks, said he.", "talks said he", []part{{"", "Talks, said he.", ""}}, []part{{"", "talks said he", ""}}, false},
		{"replace", "met Zelenskyy at the White House", "met Zelinski at the White House",
			[]part{{"", "met ", ""}, {"del", "Zelenskyy", "B has: Zelinski"}, {"", " at the White House", ""}},
			[]part{{"", "met ", ""}, {"ins", "Zelinski", "A has: Zelenskyy"}, {"", " at the White House", ""}}, false},
		{"insert and delete", "the old bridge closed", "the bridge was closed",
			[]part{{"", "the ", ""}, {"del", "old", "not in B"}, {"", " bridge closed", ""}},
			[]part{{"", "the bridge ", ""}, {"ins", "was", "not in A"}, {"", " closed", ""}}, false},
		{"run of words", "a b c d e", "a x y e",
			[]part{{"", "a ", ""}, {"del", "b c d", "B has: x y"}, {"", " e", ""}},
			[]part{{"", "a ", ""}, {"ins", "x y", "A has: b c d"}, {"", " e", ""}}, false},
		{"white space kept", "a\n\nb  c", "a b\tz",
			[]part{{"", "a\n\nb  ", ""}, {"del", "c", "B has: z"}},
			[]part{{"", "a b\t", ""}, {"ins", "z", "A has: c"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h htmlWriter
			pa, pb := h.diffParts(tt.a, tt.b)
			conv := func(ps []htmlPart) []part {
				var out []part
				for _, p := range ps {
					op := ""
					switch {
					case p.Del:
						op = "del"
					case p.Ins:
						op = "ins"
					}
					out = append(out, part{op, p.Text, p.Title})
				}
				return out
			}
			if got := conv(pa); !slices.Equal(got, tt.wantA) {
				t.Errorf("A parts: got %q, want %q", got, tt.wantA)
			}
			if got := conv(pb); !slices.Equal(got, tt.wantB) {
				t.Errorf("B parts: got %q, want %q", got, tt.wantB)
			}
		})
	}
}

// TestDiffTooLong checks that passages too long to diff are shown whole.
func TestDiffTooLong(t *testing.T) {
	a := strings.Repeat("alpha beta ", 1200)
	b := strings.Repeat("beta gamma ", 1200)
	var h htmlWriter
	pa, pb := h.diffParts(a, b)
	if len(pa) != 1 || len(pb) != 1 || pa[0].Text != a || pb[0].Text != b {
		t.Errorf("got %d and %d parts, want the passages whole", len(pa), len(pb))
	}
}

// FuzzHTMLPassages checks that any texts and offsets give a well-formed
// report that keeps every byte of both texts.
func FuzzHTMLPassages(f *testing.F) {
	f.Add("Zürich “Genf” naïve", "Genève «Zürich» naïve", 0, 8, 1, 9, true)
	f.Add("abc", "abd", -1, 99, 2, 1, false)
	f.Add("<b>x</b>", `"><i>`, 1, 3, 0, 5, true)
	f.Fuzz(func(t *testing.T, a, b string, as, ae, bs, be int, garbled bool) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		rel := reprint.Copy
		if garbled {
			rel = reprint.MachineRewrite
		}
		res := &reprint.Result{
			Documents: []reprint.DocInfo{{ID: "a"}, {ID: "b"}},
			Pairs: []reprint.Pair{{A: 0, B: 1, Relation: rel, Passages: []reprint.Passage{
				{AStart: as, AEnd: ae, BStart: bs, BEnd: be},
				{AStart: ae / 2, AEnd: ae, BStart: be / 2, BEnd: be},
			}}},
		}
		o := Options{Texts: []string{a, b}}.withDefaults()
		out := write(t, res, HTML, o)
		if !utf8.Valid(out) {
			t.Errorf("output is not valid UTF-8")
		}
		if a == "" || b == "" {
			return
		}
		h := &htmlWriter{res: res, o: o, cluster: make([]int, 2)}
		d := h.pair(0)
		if got := sideText(d.Sides[0]); got != a {
			t.Errorf("side A: got %q, want %q", got, a)
		}
		if got := sideText(d.Sides[1]); got != b {
			t.Errorf("side B: got %q, want %q", got, b)
		}
	})
}

// benchTexts returns n texts of about 1,500 bytes, each a light rewrite
// of the one before, so that passages land in text and diffs have work.
func benchTexts(n int) []string {
	words := strings.Fields("the council voted on monday to close the old bridge for repairs while officials in moscow said talks would continue and markets were calm zürich genève")
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for j := 0; b.Len() < 1500; j++ {
			w := words[(j*7+i*(j%3))%len(words)]
			b.WriteString(w)
			if j%17 == 16 {
				b.WriteString(".\n")
			} else {
				b.WriteByte(' ')
			}
		}
		texts[i] = b.String()
	}
	return texts
}

func BenchmarkWriteHTML(b *testing.B) {
	res := benchResult(1000, 2000)
	o := Options{Texts: benchTexts(1000)}
	var buf bytes.Buffer
	if err := Write(&buf, res, HTML, o); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, res, HTML, o); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"first line", "Trump pushes for summit as Kremlin downplays talks\n\nTIMES International\n", "Trump pushes for summit as Kremlin downplays talks"},
		{"after blank lines", "\n\n  Council approves new bridge  \nBody.", "Council approves new bridge"},
		{"a paragraph, not a headline", "The Kremlin reduced the talk about an imminent summit between Russian President Vladimir Putin and Volodimir Zellinsky from Ukraine, where Donald Trump renewed his call.\n", ""},
		{"a rule of dashes", "  ------------------------------------------------------------------------\nCOMPOSER CHALLENGED\n", ""},
		{"a page header of codes", "16:54 01/03/00: Page 1 (ZSM) COURTS Burstein\n", ""},
		{"a lead sentence", "TWO PHARMACISTS from Boots the chemist have been fined for a catastrophic error in preparing medicine.\nBody.", ""},
		{"a short sentence", "Council approves the new bridge.\nBody.", "Council approves the new bridge."},
		{"a sentence ending in a quote", "TWO teenage sweethearts killed themselves, leaving a note begging: \"Please forgive us.\"\nBody.", ""},
		{"a sentence going on", "A WOMAN was jailed for seven years yesterday\r\n\r\nfor torturing her husband.", ""},
		{"an ellipsis", "Trump says he will meet Putin soon, and then the talks with Kyiv will begin at last...\nBody.", "Trump says he will meet Putin soon, and then the talks with Kyiv will begin at last..."},
		{"two words", "Breaking news\nBody text here.", ""},
		{"under a wire banner", "  ----------\n\n  ----------\n   12:21 28/09/99: Page 1 (HHH) COURTS Pinochet\n  ----------\nCOURT SHOULD STRIKE OUT MOST CHARGES, SAYS PINOCHET QC<\n\x19By John Deane, PA News<\nGeneral Pinochet's lawyers today urged", "COURT SHOULD STRIKE OUT MOST CHARGES, SAYS PINOCHET QC"},
		{"under an editors' note", "(corrected repetition, amending surname throughout)\nJUDGE CRITICISES LABOUR OVER PLEDGES\nBy John Aston, PA News", "JUDGE CRITICISES LABOUR OVER PLEDGES"},
		{"a wrapped paragraph", "Dr John Grenville, a GP called by the prosecution as an expert witness, said Mrs\nSmith had been given a dose that was far too high for a woman of her age.", ""},
		{"a sentence's end", "whom pay for their own care.\nThe court heard", ""},
		{"a brand in lower case", "eBay sells its Korean arm to a rival\nBody.", "eBay sells its Korean arm to a rival"},
		{"only banners", strings.Repeat("  ----------\n", 7) + "A headline too far down\nBody.", ""},
		{"a byline", "By Jane Smith, Home Affairs Editor\nThe minister said.", ""},
		{"a byline in capitals", "BY JANE SMITH AND JOHN ROE\nThe minister said.", ""},
		{"a headline in capitals opening with by", "BY THE NUMBERS: HOW THE COUNCIL SPENDS\nBody.", "BY THE NUMBERS: HOW THE COUNCIL SPENDS"},
		{"a headline in title case opening with by", "By The Sea, A Town Waits For Its Pier\nBody.", "By The Sea, A Town Waits For Its Pier"},
		{"a headline opening with by", "By the numbers: how the council spends\nBody.", "By the numbers: how the council spends"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(tt.text); got != tt.want {
				t.Errorf("Headline(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzHeadline(f *testing.F) {
	for _, s := range []string{"", "A b c\nd", "\n\n x y z \n", "-----\nA b c", "é è ê\r\nz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		h := Headline(text)
		if h == "" {
			return
		}
		if strings.ContainsRune(h, '\n') || h != strings.TrimSpace(h) || !strings.Contains(text, h) || len(h) > 160 {
			t.Fatalf("Headline(%q) = %q, want one trimmed line of the text, at most 160 bytes", text, h)
		}
	})
}
