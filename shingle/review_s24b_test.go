package shingle

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Found in review (s24b): normWord strips what NFKC makes of a word, and
// the Arabic mark presentation forms (U+FE70..U+FE7F: "ﹽ" is a space and
// a shadda; the ligatures U+FC5E..U+FC63 likewise) become nothing but
// optional marks and a space. Words then calls fn with an empty word and
// Tokenize returns a Token whose Text is "" (FuzzTokenize finds "ﹽ" in a
// second). refWordsLoop has the same flaw (it tests len(buf) before it
// re-derives an exotic word), so FuzzWords cannot see it. It also breaks
// the promise that a text reads the same in NFKC: "a ّ b", the NFKC form
// of "a ﹽ b", gives two words, "a ﹽ b" three.
func TestWordsNoEmptyWordAfterNFKC(t *testing.T) {
	for _, s := range []string{"ﹽ", "a ﹽ b", "ﹰ", "ﹱ", "ﹲ", "ﹴ", "ﹶ", "ﹸ", "ﹺ", "ﹼ", "ﹾ", "ﱞ", "ﱟ", "ﱠ", "ﱡ", "ﱢ"} {
		Words(s, func(w []byte, start, end int) {
			if len(w) == 0 {
				t.Errorf("Words(%q): empty word at [%d,%d)", s, start, end)
			}
		})
		if got, want := words(Tokenize(nil, s)), words(Tokenize(nil, norm.NFKC.String(s))); !slices.Equal(got, want) {
			t.Errorf("Tokenize(%q) = %q, its NFKC form %q", s, got, want)
		}
	}
}

// Found in review (s24b), older than this change: the README promises a
// word is the same in NFD or NFC, and version 2 of the tokenizer
// normalizes every other script, but a Han, Hiragana or Katakana
// character is copied as it is, marks and all. Japanese in NFD (macOS,
// some PDFs: "が" as か + U+3099; TestIdeoKeepsCombiningMarks names the
// case) gives none of the NFC words with a voiced kana, and a CJK
// compatibility ideograph (U+F94B, which NFC and NFKC map to U+8964)
// another word than its canonical form. FuzzTokenize finds "襤" (U+F94B)
// within a minute once the empty-word failure above is out of its way.
func TestWordsSameInNFDAndNFCJapanese(t *testing.T) {
	for _, s := range []string{
		"政府は記者会見で新しい経済対策を発表した。ガソリン価格の高騰が続いている。",
		"\uF94B褸", // compatibility ideographs, as a text not yet in NFC has them
	} {
		for _, form := range []norm.Form{norm.NFC, norm.NFD} {
			ref := words(Tokenize(nil, norm.NFC.String(s)))
			got := words(Tokenize(nil, form.String(s)))
			if form == norm.NFC {
				got = words(Tokenize(nil, s)) // the text as written
			}
			for i := range min(len(got), len(ref)) {
				if got[i] != ref[i] {
					t.Errorf("%+q: word %d is %+q, in the NFC text %+q", form.String(s), i, got[i], ref[i])
				}
			}
		}
	}
}

// Found in review (s24b): whether a zero-width non-joiner before an
// Arabic letter ends a word depends on the invisible character before it,
// not on itself: breaksArabic is given the first invisible rune of the
// run. "می‌گوید" with a zero-width space put before its ZWNJ (a checker
// dodge) reads as one word, "میگوید", with one put after it as two, like
// the text without it.
func TestWordsZWNJAfterOtherInvisible(t *testing.T) {
	plain := words(Tokenize(nil, "می\u200cگوید"))
	for _, s := range []string{"می\u200b\u200cگوید", "می\u00ad\u200cگوید", "می\u200c\u200bگوید"} {
		if got := words(Tokenize(nil, s)); !slices.Equal(got, plain) {
			t.Errorf("Tokenize(%+q) = %q, without the extra invisible %q", s, got, plain)
		}
	}
}
