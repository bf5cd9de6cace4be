// Package shingle tokenizes text into words that keep their byte spans in
// the original text, and hashes word shingles into sorted sets.
//
// Normalization is per token (lower case, apostrophes dropped, curly and
// straight forms folded) so that offsets into the original text survive and
// evidence can be highlighted in the real article.
package shingle

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TokenizerVersion numbers what Words makes of text. It changes when some
// text gives other words than before (version 2: invisible characters
// inside words, NFKC, Arabic and Hebrew optional marks, Cyrillic and Greek
// lookalikes), so that fingerprints kept from another version (an index)
// can be told apart: for such text they do not match new ones.
const TokenizerVersion = 2

// Token is one word: Text is its normalized form, Start and End its byte
// span in the original text (half-open).
type Token struct {
	Text       string
	Start, End int
}

// isApostrophe reports the characters that join "it's", "Zelenskyy’s".
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isWordRune reports letters, digits and combining marks (Mn, Mc, Me).
// Apostrophes are excluded even where Unicode calls them letters (U+02BC).
// The Basic Multilingual Plane is answered from a bitmap: the Unicode
// tables are binary searches, too slow for every curly quote of a text.
func isWordRune(r rune) bool {
	if uint32(r) < 1<<16 {
		return bmpWord[r>>6]&(1<<(r&63)) != 0
	}
	return isWordRuneAstral(r)
}

func isWordRuneAstral(r rune) bool {
	return !isApostrophe(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r))
}

// bmpWord has bit r set for each word rune r below U+10000.
var bmpWord = func() (t [1 << 16 / 64]uint64) {
	for _, tab := range []*unicode.RangeTable{unicode.L, unicode.Nd, unicode.M} {
		for _, rg := range tab.R16 {
			for r := uint32(rg.Lo); r <= uint32(rg.Hi); r += uint32(rg.Stride) {
				t[r>>6] |= 1 << (r & 63)
			}
		}
	}
	for _, r := range []rune{'\'', '’', 'ʼ'} {
		t[r>>6] &^= 1 << (r & 63)
	}
	return t
}()

// isIdeo reports the word runes that are words by themselves: Han
// ideographs, Hiragana and Katakana. Chinese and Japanese put no spaces
// between words, so a run of them is a clause, and shingles of clauses
// would find only texts copied clause for clause; one character to a word
// (as search engines index them without a dictionary) lets shingles and
// alignment work as they do on words. Thai, Lao, Khmer and Burmese, also
// written without spaces, are left as runs: their characters are letters
// of an alphabet, not words.
func isIdeo(r rune) bool {
	if uint32(r) < 1<<16 {
		return bmpIdeo[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) // Kana Supplement and Extended too
}

// Ideographic reports whether w, a word as Words gives it, is a Han,
// Hiragana or Katakana character (with its marks): one of the one-character
// words of Chinese and Japanese text.
func Ideographic(w []byte) bool {
	if len(w) < 3 || w[0] < 0xe2 {
		return false
	}
	r, _ := utf8.DecodeRune(w)
	return r >= minIdeo && isIdeo(r)
}

// isMark reports combining marks (Mn, Mc, Me): a voicing mark in
// decomposed kana (か + U+3099) or a variation selector (葛 + U+E0100)
// stays with the character before it.
func isMark(r rune) bool { return unicode.Is(unicode.M, r) }

// minIdeo is the least rune isIdeo reports (CJK Radicals Supplement):
// Latin, Greek and Cyrillic never reach the table.
const minIdeo = 0x2e80

// bmpIdeo has bit r set for each rune below U+10000 that isIdeo reports.
var bmpIdeo = func() (t [1 << 16 / 64]uint64) {
	for _, tab := range []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana} {
		for _, rg := range tab.R16 {
			for r := uint32(rg.Lo); r <= uint32(rg.Hi); r += uint32(rg.Stride) {
				if bmpWord[r>>6]&(1<<(r&63)) != 0 { // a word rune: not a symbol of the script
					t[r>>6] |= 1 << (r & 63)
				}
			}
		}
	}
	return t
}()

// toLower is unicode.ToLower, then lookalike folding (foldLookalike).
// Words takes the runes below U+0800 from lower2enc, built with it; it
// calls it for the others and for the words it normalizes.
func toLower(r rune) rune { return foldLookalike(unicode.ToLower(r)) }

// lower2enc holds, for each word rune below U+0800, its lowered and
// folded form in UTF-8 (b, n bytes; n is 0 for a rune that is not a word
// rune, or one that lowers past U+0800) and what else Words does with it
// (flags): Words writes the bytes
// without a branch on their length, which a Cyrillic text, half its
// letters folded to one byte, would mispredict.
var lower2enc = func() (t [0x800]struct {
	b     [2]byte
	n     uint8
	flags uint8
}) {
	for r := range rune(len(t)) {
		if !isWordRune(r) {
			continue
		}
		l := toLower(r)
		if l >= 0x800 {
			continue // Ⱥ and a few more: Words takes them the long way
		}
		n := utf8.EncodeRune(t[r].b[:], l)
		t[r].n = uint8(n)
		switch {
		case isOptionalMark(r):
			t[r].flags = encDrop
		case needsNorm(r) || !norm.NFKC.IsNormalString(string(r)):
			t[r].flags = encNorm // and µ ſ ĳ ǆ ª ϐ ϑ ..., compatibility letters
		}
	}
	return t
}()

// lower2enc's flags.
const (
	encNorm = 1 << iota // the word is brought to NFKC (needsNorm)
	encDrop             // the rune is left out (isOptionalMark)
)

// lookalikes maps the lower-case Cyrillic and Greek letters that look
// like Latin ones, in either case, to those Latin letters. A copy with
// every "a", "e" and "o" swapped for the Cyrillic letter of the same
// shape reads the same to an editor and must hash the same. The map is
// one to one within each script, so Russian or Greek text keeps every
// distinction between its words; only a Cyrillic word and the Latin word
// of the same shape meet, which is the point.
var lookalikes = map[rune]rune{
	// Cyrillic: а в е к м н о р с т у х і ј ѕ ԁ ӏ ԛ ԝ
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c',
	'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ӏ': 'l', 'ԛ': 'q', 'ԝ': 'w',
	// Greek: α β ε ζ η ι κ μ ν ο ρ τ υ χ
	'α': 'a', 'β': 'b', 'ε': 'e', 'ζ': 'z', 'η': 'h', 'ι': 'i', 'κ': 'k', 'μ': 'm', 'ν': 'n',
	'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'y', 'χ': 'x',
}

// foldLookalike returns the Latin letter a lower-case Cyrillic or Greek
// letter looks like (lookalikes), else r.
func foldLookalike(r rune) rune {
	if l, ok := lookalikes[r]; ok {
		return l
	}
	return r
}

// isInvisible reports the characters that show nothing inside a word: the
// soft hyphen (&shy;, in many scraped pages), zero-width space, non-joiner
// and joiner, word joiner and a byte order mark. A word holding them is
// the word without them, so that a copy strewn with them (to dodge a
// checker, or by a page's hyphenation) still matches.
func isInvisible(r rune) bool {
	switch r {
	case 0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff:
		return true
	}
	return false
}

// isOptionalMark reports the word runes that a text may have or leave out
// without being another text: the Arabic tatweel (a stretch of the line)
// and vowel marks, and the Hebrew points. They are dropped from words.
// (U+0653–U+0655, madda and hamza, are not: in NFD they are part of a
// letter, أ إ آ.)
func isOptionalMark(r rune) bool {
	return r == 0x0640 || r >= 0x064b && r <= 0x0652 || r >= 0x0656 && r <= 0x065f || r == 0x0670 || r >= 0x0591 && r <= 0x05c7
}

// breaksArabic reports whether a run of invisible characters between two
// letters, holding a zero-width non-joiner or joiner (joiner), ends a word
// before next: so they do in Persian, Urdu and Kurdish spelling
// (می‌گوید), which many write with a space.
func breaksArabic(joiner bool, next string) bool {
	if !joiner {
		return false
	}
	n, _ := utf8.DecodeRuneInString(next)
	return isArabicScript(n)
}

// isJoiner reports the zero-width non-joiner and joiner.
func isJoiner(r rune) bool { return r == 0x200c || r == 0x200d }

// isCompatIdeo reports the ideographs and kana that NFKC writes otherwise:
// CJK compatibility ideographs, halfwidth katakana and the kana digraphs
// ゟ and ヿ.
func isCompatIdeo(r rune) bool {
	return r >= 0xf900 && r <= 0xfaff || r >= 0xff65 && r <= 0xff9f || r >= 0x2f800 && r <= 0x2fa1f || r == 0x309f || r == 0x30ff
}

// isArabicScript reports the letters of the Arabic blocks.
func isArabicScript(r rune) bool {
	return r >= 0x0600 && r <= 0x06ff || r >= 0x0750 && r <= 0x077f || r >= 0x08a0 && r <= 0x08ff || r >= 0xfb50 && r <= 0xfdff || r >= 0xfe70 && r <= 0xfeff
}

// needsNorm reports the word runes after which a word is brought to
// Unicode NFKC (normWord): combining diacritics (an NFD "é" is e and
// U+0301) and everything from Hebrew on (fullwidth letters, ligatures,
// mathematical letters, Indic and Arabic presentation forms), so that one
// text in two normalization forms gives the same words. Latin, Greek and
// Cyrillic letters, most words that are not ASCII, skip the normalizer.
func needsNorm(r rune) bool { return r >= 0x0300 && (r < 0x0370 || r >= 0x0590) }

// Tokenize appends the words of text to dst and returns it. A word is a run
// of letters, digits and combining marks; an apostrophe between two such
// runs joins them ("it's" → "its"). A Han, Hiragana or Katakana character
// is a word by itself (isIdeo). Invalid UTF-8 bytes separate words.
func Tokenize(dst []Token, text string) []Token {
	Words(text, func(w []byte, start, end int) {
		dst = append(dst, Token{Text: string(w), Start: start, End: end})
	})
	return dst
}

// Words calls fn for each word of text, as Tokenize finds them, with the
// normalized word and its byte span. w is only valid during the call; Words
// allocates nothing per word (but for a word it brings to NFKC), which
// makes it the tokenizer of hot paths.
//
// Runs of ASCII letters and digits, most of most texts, are lowered and
// copied by one tight loop; other bytes (apostrophes, non-ASCII runes,
// words longer than the buffer) leave it for the general path.
func Words(text string, fn func(w []byte, start, end int)) {
	buf := make([]byte, 64)
	i := 0
	for i < len(text) {
		if c := text[i]; asciiLower[c] == 0 {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			r, size := decodeRune(text, i)
			if !isWordRune(r) {
				i += size
				continue
			}
			if r >= minIdeo && isIdeo(r) { // a word alone, with its marks
				start := i
				i += size
				for i < len(text) && text[i] >= utf8.RuneSelf {
					m, n := utf8.DecodeRuneInString(text[i:])
					if !isMark(m) {
						break
					}
					i += n
				}
				if i-start > size || isCompatIdeo(r) { // NFD kana, compatibility forms
					if w := text[start:i]; !norm.NFKC.IsNormalString(w) {
						fn([]byte(norm.NFKC.String(w)), start, i)
						continue
					}
				}
				if i-start > len(buf) {
					buf = make([]byte, i-start)
				}
				fn(buf[:copy(buf, text[start:i])], start, i)
				continue
			}
		}
		start := i
		k := 0
		exotic := false // the word holds a rune after which it is normalized (needsNorm)
		for {
			for i < len(text) && k < len(buf) {
				l := asciiLower[text[i]]
				if l == 0 {
					break
				}
				buf[k] = l
				k++
				i++
			}
			if i == len(text) {
				break
			}
			c := text[i]
			if asciiLower[c] != 0 { // buf is full
				buf = growBuf(buf, k)
				continue
			}
			if c < utf8.RuneSelf {
				if c == '\'' && i+1 < len(text) && startsWord(text[i+1:]) {
					i++
					continue
				}
				break
			}
			var r rune
			var size int
			if c < 0xe0 && i+1 < len(text) && text[i+1]&0xc0 == 0x80 && c >= 0xc2 {
				r, size = rune(c&0x1f)<<6|rune(text[i+1]&0x3f), 2 // decodeRune, inlined by hand
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if r < 0x800 { // Latin, Greek, Cyrillic, Hebrew, Arabic ...: from a table
				if e := lower2enc[r]; e.n != 0 {
					if e.flags != 0 {
						if e.flags&encDrop != 0 {
							i += size
							continue
						}
						exotic = true
					}
					if k+2 > len(buf) {
						buf = growBuf(buf, k)
					}
					buf[k], buf[k+1] = e.b[0], e.b[1] // the second is overwritten if n is 1
					k += int(e.n)
					i += size
					continue
				}
			}
			if isWordRune(r) { // past U+0800, or lowered past it (Ⱥ, ⱥ)
				if r >= minIdeo && isIdeo(r) { // a word of its own: it ends this one
					break
				}
				exotic = exotic || needsNorm(r)
				if k+utf8.UTFMax > len(buf) {
					buf = growBuf(buf, k)
				}
				k += utf8.EncodeRune(buf[k:], toLower(r))
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) && startsWord(text[i+size:]) {
				i += size
				continue
			}
			if isInvisible(r) {
				j, joiner := i+size, isJoiner(r)
				for j < len(text) {
					if r, n := utf8.DecodeRuneInString(text[j:]); isInvisible(r) {
						j += n
						joiner = joiner || isJoiner(r)
						continue
					}
					break
				}
				if j < len(text) && startsWord(text[j:]) && !startsIdeo(text[j:]) && !breaksArabic(joiner, text[j:]) {
					i = j
					continue
				}
			}
			break
		}
		if k == 0 {
			continue // only marks a text may leave out (isOptionalMark)
		}
		if exotic {
			if w := normWord(buf[:k], text[start:i]); len(w) > 0 { // NFKC may leave only marks (ﹽ)
				fn(w, start, i)
			}
			continue
		}
		fn(buf[:k], start, i)
	}
}

// normWord returns the word whose text is span (as Words found it)
// brought to NFKC first and then lowered, folded and stripped as Words
// does each rune: normalizing after folding would leave an NFD Greek "ά"
// (α and U+0301) a Latin "á", its NFC form a Greek one.
//
// w is the word as Words made it of span, returned as it is when span is
// in NFKC already (most exotic words: Hindi, Arabic, Hebrew text).
func normWord(w []byte, span string) []byte {
	if norm.NFKC.IsNormalString(span) {
		return w
	}
	var dst []byte
	for _, r := range norm.NFKC.String(span) {
		if isWordRune(r) && !isOptionalMark(r) {
			dst = utf8.AppendRune(dst, toLower(r))
		}
	}
	return dst
}

// startsIdeo reports whether s starts with a rune isIdeo reports.
func startsIdeo(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= minIdeo && isIdeo(r)
}

// decodeRune is utf8.DecodeRuneInString(text[i:]) for a non-ASCII
// text[i], with the two-byte sequences of Latin, Greek and Cyrillic inline.
func decodeRune(text string, i int) (rune, int) {
	if c := text[i]; c >= 0xc2 && c < 0xe0 && i+1 < len(text) && text[i+1]&0xc0 == 0x80 {
		return rune(c&0x1f)<<6 | rune(text[i+1]&0x3f), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// growBuf returns a buffer twice as long as buf holding its first k bytes.
func growBuf(buf []byte, k int) []byte {
	b := make([]byte, 2*len(buf))
	copy(b, buf[:k])
	return b
}

// asciiLower maps ASCII letters and digits to their lower-case form and
// every other byte to 0.
var asciiLower = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

func isASCIIWord(c byte) bool { return asciiLower[c] != 0 }

// startsWord reports whether s begins with a word rune.
func startsWord(s string) bool {
	if s[0] < utf8.RuneSelf {
		return isASCIIWord(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}
