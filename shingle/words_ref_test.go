package shingle

import (
	"golang.org/x/text/unicode/norm"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// This file keeps the original, straightforward implementations of Words
// and of the stop-word and stem logic as oracles for the optimized ones.

// refWordsLoop is the original Words: one rune at a time, append per byte.
func refWordsLoop(text string, fn func(w []byte, start, end int)) {
	var buf []byte
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !refASCIIWord(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !refWordRune(r) || r == utf8.RuneError {
			i += size
			continue
		} else if refIdeo(r) {
			j := i + size
			for j < len(text) {
				m, n := utf8.DecodeRuneInString(text[j:])
				if m == utf8.RuneError || !unicode.Is(unicode.M, m) {
					break
				}
				j += n
			}
			w := text[i:j]
			if !norm.NFKC.IsNormalString(w) {
				w = norm.NFKC.String(w)
			}
			fn([]byte(w), i, j)
			i = j
			continue
		}
		start := i
		buf = buf[:0]
		exotic := false
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if refASCIIWord(c) {
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf = append(buf, c)
					i++
					continue
				}
				if c == '\'' && i+1 < len(text) && refStartsWord(text[i+1:]) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if refWordRune(r) && !refIdeo(r) {
				if !isOptionalMark(r) {
					buf = utf8.AppendRune(buf, foldLookalike(unicode.ToLower(r)))
					exotic = exotic || needsNorm(r) || r < 0x800 && !norm.NFKC.IsNormalString(string(r))
				}
				i += size
				continue
			}
			if refApostrophe(r) && i+size < len(text) && refStartsWord(text[i+size:]) {
				i += size
				continue
			}
			if isInvisible(r) {
				j, joiner := i+size, r == 0x200c || r == 0x200d
				for j < len(text) {
					r, n := utf8.DecodeRuneInString(text[j:])
					if !strings.ContainsRune("\u00ad\u200b\u200c\u200d\u2060\ufeff", r) {
						break
					}
					joiner = joiner || r == 0x200c || r == 0x200d
					j += n
				}
				if j < len(text) && refStartsWord(text[j:]) && !breaksArabic(joiner, text[j:]) {
					if r, _ := utf8.DecodeRuneInString(text[j:]); !refIdeo(r) {
						i = j
						continue
					}
				}
			}
			break
		}
		if exotic {
			buf = buf[:0]
			for _, r := range norm.NFKC.String(text[start:i]) {
				if refWordRune(r) && !isOptionalMark(r) {
					buf = utf8.AppendRune(buf, foldLookalike(unicode.ToLower(r)))
				}
			}
		}
		if len(buf) == 0 {
			continue
		}
		fn(buf, start, i)
	}
}

func refApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func refWordRune(r rune) bool {
	return !refApostrophe(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r))
}

// refIdeo is isIdeo by the Unicode tables.
func refIdeo(r rune) bool {
	return refWordRune(r) && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func refASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func refStartsWord(s string) bool {
	if s[0] < utf8.RuneSelf {
		return refASCIIWord(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && refWordRune(r)
}

// refStopWords is the original map-based stop list.
var refStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
	because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into
	is it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves
	then there these they this those through to too under until up very was we were what when where
	which while who whom why will with would you your yours yourself yourselves may might must shall
	said says say told tell according also yet however although though whether upon within without
	mr mrs ms dr one two three s t d ll m re ve`) {
		m[w] = true
	}
	return m
}()

func refStem(w string) string {
	for _, suf := range [...]string{"ing", "ed", "es", "ly", "s"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func refContentWord(w string) (string, bool) {
	if len(w) < 2 || refStopWords[w] {
		return "", false
	}
	return refStem(w), true
}

type refWord struct {
	w          string
	start, end int
}

func collectWords(words func(string, func([]byte, int, int)), text string) []refWord {
	var out []refWord
	words(text, func(w []byte, start, end int) { out = append(out, refWord{string(w), start, end}) })
	return out
}

// checkWords compares Words with refWordsLoop on text.
func checkWords(t *testing.T, text string) {
	t.Helper()
	got, want := collectWords(Words, text), collectWords(refWordsLoop, text)
	if !slices.Equal(got, want) {
		t.Fatalf("Words(%q):\ngot  %v\nwant %v", text, got, want)
	}
}

// checkContent compares the stop-word and stem functions with the
// map-based originals on w.
func checkContent(t *testing.T, w string) {
	t.Helper()
	if got, want := IsStopWord(w), refStopWords[w]; got != want {
		t.Fatalf("IsStopWord(%q): got %v, want %v", w, got, want)
	}
	if got, want := Stem(w), refStem(w); got != want {
		t.Fatalf("Stem(%q): got %q, want %q", w, got, want)
	}
	wantC, wantOK := refContentWord(w)
	if got, ok := ContentWord(w); got != wantC || ok != wantOK {
		t.Fatalf("ContentWord(%q): got (%q, %v), want (%q, %v)", w, got, ok, wantC, wantOK)
	}
	b := []byte(w)
	got, ok := ContentWordBytes(b)
	if string(got) != wantC || ok != wantOK {
		t.Fatalf("ContentWordBytes(%q): got (%q, %v), want (%q, %v)", w, got, ok, wantC, wantOK)
	}
	if ok && len(got) > 0 && &got[0] != &b[0] {
		t.Fatalf("ContentWordBytes(%q): stem is not a prefix of w", w)
	}
}

// wordsCases are inputs that probe the boundaries of the fast paths.
var wordsCases = []string{
	"", "a", "A", "'", "’", "ʼ", "a'", "'a", "a'b", "a’b", "aʼb", "a''b", "a'’b", "a' b",
	"The cat sat.", "it's Zelenskyy’s itʼs", "ab\xffcd", "'''", "x’\xff", "x'\xff", "x’",
	"Ünïcödé Straße 東京 2020", "cafe\u0301", "हिन्दी भाषा", "தமிழ்", "\xe2\x80\x99s", "\xe2\x80",
	"MiXeD CaSe 123abcXYZ", "a\uFFFDb", "ΑΘΗΝΑ", "İstanbul", "ǅ", "K", // title case, Kelvin sign
	"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	strings.Repeat("x", 63) + "Y" + strings.Repeat("z", 70), // past the stack buffer
	strings.Repeat("é", 40) + "A" + strings.Repeat("b", 40),
	strings.Repeat("it's ", 20) + "'",
	"@[`{/:", // the bytes around the ASCII word ranges
	"Café owners in Lviv — “quoted” ‘single’ 'straight' ... 4.5% $10",
}

func TestWordsMatchesReference(t *testing.T) {
	for _, s := range wordsCases {
		t.Run("", func(t *testing.T) { checkWords(t, s) })
	}
	t.Run("news", func(t *testing.T) { checkWords(t, newsText) })
	t.Run("cyrillic", func(t *testing.T) { checkWords(t, cyrillicText) })
	t.Run("every two-rune text", func(t *testing.T) {
		// Each interesting rune at the start, inside and at the end of a
		// word, next to an apostrophe and to another such rune.
		var runes []string
		for c := 0; c < utf8.RuneSelf; c++ {
			runes = append(runes, string(rune(c)))
		}
		runes = append(runes, "’", "ʼ", "é", "É", "\u0301", "\u0903", "\u20dd", "\uFFFD",
			"\xff", "\xe2\x80", "Ж", "ж", "東", "٣", "ǅ", "\u2028", "\U0001F600", "\U00010400")
		for _, a := range runes {
			for _, b := range runes {
				for _, f := range []string{"%s%s", "x%s%sy", "x%s'%sy", "%s’%s", "X%s%s"} {
					checkWords(t, strings.Replace(strings.Replace(f, "%s", a, 1), "%s", b, 1))
				}
			}
		}
	})
}

func FuzzWords(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWords(t, s) })
}

// TestContentMatchesReference checks the stop-word table and the stemmer
// against the map on every stop word and every string one edit away from
// one (the keys most likely to collide), and on all short strings.
func TestContentMatchesReference(t *testing.T) {
	alphabet := []byte("abcdefghijklmnopqrstuvwxyz0'A\x00\xff")
	seen := map[string]bool{}
	check := func(w string) {
		if !seen[w] {
			seen[w] = true
			checkContent(t, w)
		}
	}
	for w := range refStopWords {
		check(w)
		for i := 0; i <= len(w); i++ {
			if i < len(w) {
				check(w[:i] + w[i+1:]) // deletion
			}
			for _, c := range alphabet {
				check(w[:i] + string(c) + w[i:]) // insertion
				if i < len(w) {
					check(w[:i] + string(c) + w[i+1:]) // substitution
				}
			}
		}
		check(w + w)
		check(w + "ing")
		check(w + "es")
	}
	var all func(prefix string, n int)
	all = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(prefix+string(c), n-1)
		}
	}
	all("", 3)
	for _, tok := range Tokenize(nil, newsText+cyrillicText) {
		check(tok.Text)
	}
}

func FuzzContentWord(f *testing.F) {
	for _, s := range []string{"", "the", "themselves", "pushing", "yourselvez", "ll", "sing", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkContent(t, s) })
}

// TestRuneTables checks the tables of isWordRune and of lowering
// (lower2enc) against the unicode package on every rune.
func TestRuneTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := isWordRune(r), refWordRune(r); got != want {
			t.Fatalf("isWordRune(%U): got %v, want %v", r, got, want)
		}
		if r >= 0x800 {
			continue
		}
		e, l := lower2enc[r], foldLookalike(unicode.ToLower(r))
		if !refWordRune(r) || l >= 0x800 {
			if e.n != 0 {
				t.Fatalf("lower2enc[%U]: got %d bytes, want none (not a word rune, or lowered past U+0800)", r, e.n)
			}
			continue
		}
		if got, want := string(e.b[:e.n]), string(l); got != want {
			t.Fatalf("lower2enc[%U]: got %+q, want %+q", r, got, want)
		}
		wantFlags := uint8(0)
		switch {
		case isOptionalMark(r):
			wantFlags = encDrop
		case needsNorm(r) || !norm.NFKC.IsNormalString(string(r)):
			wantFlags = encNorm
		}
		if e.flags != wantFlags {
			t.Fatalf("lower2enc[%U]: got flags %d, want %d", r, e.flags, wantFlags)
		}
	}
}
