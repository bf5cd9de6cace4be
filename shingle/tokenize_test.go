package shingle

import (
	"golang.org/x/text/unicode/norm"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// words returns the normalized texts of toks.
func words(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// spans returns text[t.Start:t.End] for each token.
func spans(text string, toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.Start:t.End]
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		wantText  []string
		wantSpans []string
	}{
		{"empty", "", []string{}, []string{}},
		{"only punctuation", " ,.;- \n\t!? ", []string{}, []string{}},
		{"simple", "The cat sat.", []string{"the", "cat", "sat"}, []string{"The", "cat", "sat"}},
		{"lower case", "BBC NEWS Reports", []string{"bbc", "news", "reports"}, []string{"BBC", "NEWS", "Reports"}},
		{"digits", "In 2024, 17 people", []string{"in", "2024", "17", "people"}, []string{"In", "2024", "17", "people"}},
		{"digits and letters mix", "covid19 3rd", []string{"covid19", "3rd"}, []string{"covid19", "3rd"}},
		{"decimal point splits", "3.5%", []string{"3", "5"}, []string{"3", "5"}},
		{"straight apostrophe joins", "it's", []string{"its"}, []string{"it's"}},
		{"curly apostrophe joins", "Zelenskyy’s plan", []string{"zelenskyys", "plan"}, []string{"Zelenskyy’s", "plan"}},
		{"two apostrophes", "rock'n'roll", []string{"rocknroll"}, []string{"rock'n'roll"}},
		{"leading apostrophe dropped", "'quoted'", []string{"quoted"}, []string{"quoted"}},
		{"trailing apostrophe dropped", "the players' union", []string{"the", "players", "union"}, []string{"the", "players", "union"}},
		{"apostrophe at end of text", "dogs'", []string{"dogs"}, []string{"dogs"}},
		{"double apostrophe splits", "it''s", []string{"it", "s"}, []string{"it", "s"}},
		{"apostrophe before space", "it' s", []string{"it", "s"}, []string{"it", "s"}},
		{"hyphen splits", "well-known", []string{"well", "known"}, []string{"well", "known"}},
		{"unicode letters", "Ünïcödé Straße", []string{"ünïcödé", "straße"}, []string{"Ünïcödé", "Straße"}},
		{"cyrillic, lookalikes folded", "Зеленский сказал", []string{"зeлehckий", "ckaзaл"}, []string{"Зеленский", "сказал"}},
		{"greek upper, lookalikes folded", "ΑΘΗΝΑ", []string{"aθhna"}, []string{"ΑΘΗΝΑ"}},
		{"cyrillic lookalikes in a latin word", "Kremlіn сopy", []string{"kremlin", "copy"}, []string{"Kremlіn", "сopy"}},
		{"invisible characters inside words", "gov\u00adern\u200bment said\u2060 x\u200b\u200by", []string{"government", "said", "xy"}, []string{"gov\u00adern\u200bment", "said", "x\u200b\u200by"}},
		{"invisible characters between words", "a \u200b b\u200b", []string{"a", "b"}, []string{"a", "b"}},
		{"arabic tatweel and vowel marks dropped", "كتـــاب كِتَابٌ", []string{"كتاب", "كتاب"}, []string{"كتـــاب", "كِتَابٌ"}},
		{"only optional marks", "\u064b x", []string{"x"}, []string{"x"}},
		{"fullwidth folded", "ＣＯＰＹ", []string{"copy"}, []string{"ＣＯＰＹ"}},
		{"cjk", "東京 2020", []string{"東", "京", "2020"}, []string{"東", "京", "2020"}},
		{"japanese mixed", "iPhone15を買ったカメラ", []string{"iphone15", "を", "買", "っ", "た", "カ", "メ", "ラ"}, []string{"iPhone15", "を", "買", "っ", "た", "カ", "メ", "ラ"}},
		{"chinese punctuation", "習近平表示，中國", []string{"習", "近", "平", "表", "示", "中", "國"}, []string{"習", "近", "平", "表", "示", "中", "國"}},
		{"korean has spaces", "서울에서 회담", []string{"서울에서", "회담"}, []string{"서울에서", "회담"}},
		{"thai is left in runs", "กรุงเทพ", []string{"กรุงเทพ"}, []string{"กรุงเทพ"}},
		{"combining mark composed (NFD to NFC)", "cafe\u0301 noir", []string{"caf\u00e9", "noir"}, []string{"cafe\u0301", "noir"}},
		{"invalid utf8 separates", "ab\xffcd", []string{"ab", "cd"}, []string{"ab", "cd"}},
		{"invalid utf8 alone", "\xff\xfe", []string{}, []string{}},
		{"truncated rune", "ok \xe2\x80", []string{"ok"}, []string{"ok"}},
		{"replacement char separates", "a\uFFFDb", []string{"a", "b"}, []string{"a", "b"}},
		{"apostrophe then invalid", "it'\xff", []string{"it"}, []string{"it"}},
		{"newlines and tabs", "one\ntwo\tthree", []string{"one", "two", "three"}, []string{"one", "two", "three"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(nil, tt.text)
			if got := words(toks); !slices.Equal(got, tt.wantText) {
				t.Errorf("Tokenize(%q) texts: got %q, want %q", tt.text, got, tt.wantText)
			}
			if got := spans(tt.text, toks); !slices.Equal(got, tt.wantSpans) {
				t.Errorf("Tokenize(%q) spans: got %q, want %q", tt.text, got, tt.wantSpans)
			}
		})
	}
}

// TestTokenizeApostropheForms checks that every apostrophe form folds to the
// same token, so that "it's", "it’s" and "itʼs" share shingles.
func TestTokenizeApostropheForms(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"straight U+0027", "it's"},
		{"right single quote U+2019", "it’s"},
		// U+02BC is a modifier letter (category Lm), so unicode.IsLetter
		// accepts it and it is kept inside the word instead of dropped.
		{"modifier letter apostrophe U+02BC", "itʼs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(nil, tt.text)
			if got, want := words(toks), []string{"its"}; !slices.Equal(got, want) {
				t.Errorf("Tokenize(%q): got %q, want %q", tt.text, got, want)
			}
			if len(toks) == 1 && (toks[0].Start != 0 || toks[0].End != len(tt.text)) {
				t.Errorf("Tokenize(%q) span: got [%d,%d), want [0,%d)", tt.text, toks[0].Start, toks[0].End, len(tt.text))
			}
		})
	}
	t.Run("modifier letter apostrophe alone is not a word", func(t *testing.T) {
		if got := words(Tokenize(nil, "ʼ ’ '")); len(got) != 0 {
			t.Errorf("Tokenize of lone apostrophes: got %q, want none", got)
		}
	})
}

// TestTokenizeSpacingMarks checks that spacing combining marks (category
// Mc), which most Indic scripts use for vowels, stay inside the word as the
// doc comment ("letters, digits and combining marks") promises.
func TestTokenizeSpacingMarks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"hindi", "हिन्दी भाषा", []string{"हिन्दी", "भाषा"}},
		{"tamil", "தமிழ்", []string{"தமிழ்"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := words(Tokenize(nil, tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q): got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenizeAppends(t *testing.T) {
	dst := []Token{{Text: "keep", Start: 0, End: 4}}
	got := Tokenize(dst, "new words")
	if len(got) != 3 {
		t.Fatalf("Tokenize(dst, ...) len: got %d, want 3", len(got))
	}
	if got[0].Text != "keep" {
		t.Errorf("Tokenize(dst, ...)[0]: got %q, want %q", got[0].Text, "keep")
	}
	if got[1].Start != 0 || got[2].Start != 4 {
		t.Errorf("appended spans: got %d,%d, want 0,4", got[1].Start, got[2].Start)
	}
}

// refWords is a simple reference tokenizer for valid UTF-8 text without
// apostrophes: maximal runs of letters, decimal digits and nonspacing marks,
// each Han, Hiragana or Katakana letter a word alone.
func refWords(s string) []string {
	var out []string
	start, ideoEnd := -1, 0
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if ideoEnd > i { // a mark after an ideograph, taken with it
			continue
		}
		if word && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			ideoEnd = i + utf8.RuneLen(r)
			for _, m := range s[ideoEnd:] {
				if !unicode.Is(unicode.Mn, m) {
					break
				}
				ideoEnd += utf8.RuneLen(m)
			}
			out = append(out, s[i:ideoEnd])
			continue
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// refApplies reports whether refWords is a valid oracle for s: valid UTF-8,
// no apostrophe forms (they join words) and no spacing or enclosing marks
// (whose handling TestTokenizeSpacingMarks pins down separately).
func refApplies(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if isApostrophe(r) || unicode.In(r, unicode.Mc, unicode.Me) || isInvisible(r) || isOptionalMark(r) {
			return false
		}
	}
	return true
}

// refFold is what a word's text becomes: brought to NFKC if it holds a
// rune needsNorm names, then lowered with lookalike letters folded.
func refFold(w string) string {
	if strings.IndexFunc(w, func(r rune) bool { return needsNorm(r) || r < 0x800 && !norm.NFKC.IsNormalString(string(r)) }) >= 0 {
		w = norm.NFKC.String(w)
	}
	return strings.Map(func(r rune) rune {
		if !refWordRune(r) || isOptionalMark(r) {
			return -1 // what NFKC makes of a presentation form: a space and a mark
		}
		return foldLookalike(unicode.ToLower(r))
	}, w)
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "The cat sat.", "it's Zelenskyy’s itʼs", "ab\xffcd", "'''", "a'", "'a",
		"Ünïcödé Straße 東京 2020", "cafe\u0301", "हिन्दी", "\xe2\x80\x99s", "x’\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(nil, s)
		prevEnd := 0
		for i, tok := range toks {
			if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("token %d span [%d,%d): want prevEnd %d <= Start < End <= %d", i, tok.Start, tok.End, prevEnd, len(s))
			}
			prevEnd = tok.End
			if tok.Text == "" {
				t.Fatalf("token %d [%d,%d) has empty Text", i, tok.Start, tok.End)
			}
		}
		if !refApplies(s) {
			return
		}
		// A word that NFKC leaves only marks of (ﹽ) is no word.
		var ref, folded []string
		for _, w := range refWords(s) {
			if f := refFold(w); f != "" {
				ref, folded = append(ref, w), append(folded, f)
			}
		}
		if got := spans(s, toks); !slices.Equal(got, ref) {
			t.Fatalf("spans of %q: got %q, want %q", s, got, ref)
		}
		ref = folded
		if got := words(toks); !slices.Equal(got, ref) {
			t.Fatalf("texts of %q: got %q, want %q", s, got, ref)
		}
	})
}

// TestWordsAllocs checks that Words allocates its buffer once per text,
// not per word.
func TestWordsAllocs(t *testing.T) {
	text := newsText + cyrillicText
	allocs := testing.AllocsPerRun(20, func() {
		Words(text, func([]byte, int, int) {})
	})
	if allocs > 1 {
		t.Errorf("Words: got %v allocations, want at most 1", allocs)
	}
}

// TestMinIdeo checks that no rune below minIdeo is a word alone.
func TestMinIdeo(t *testing.T) {
	for r := rune(0); r < minIdeo; r++ {
		if isIdeo(r) {
			t.Fatalf("isIdeo(%U) = true, want false below minIdeo %U", r, minIdeo)
		}
	}
}

// A word mixing an accent in NFD with a compatibility letter (ĳ, ſ, µ)
// reads as its NFC form does.
func TestWordsCompatibilityLettersNFD(t *testing.T) {
	for _, s := range []string{"ĳse\u0301", "ſe\u0301", "µe\u0301", "ªe\u0301", "ϐe\u0301"} {
		got, want := words(Tokenize(nil, s)), words(Tokenize(nil, norm.NFC.String(s)))
		if !slices.Equal(got, want) {
			t.Errorf("Tokenize(%+q) = %+q, its NFC form gives %+q", s, got, want)
		}
	}
}
