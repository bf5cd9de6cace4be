package shingle

import (
	"testing"
	"unicode"
)

// TestIdeoKeepsCombiningMarks checks that a combining mark or variation
// selector after a Han, Hiragana or Katakana character stays with it, as
// marks stay with the letter before them elsewhere: Japanese in NFD
// ("が" as か + U+3099, as macOS and some PDFs write it) and
// ideographic variation sequences in names (葛 + U+E0100) otherwise
// yield words made of a mark alone, each a content word of its own.
func TestIdeoKeepsCombiningMarks(t *testing.T) {
	for _, s := range []string{"か\u3099っこう", "葛\U000E0100城市", "神\uFE00社"} {
		for _, tk := range Tokenize(nil, s) {
			alone := true
			for _, r := range tk.Text {
				alone = alone && unicode.Is(unicode.M, r)
			}
			if alone {
				t.Errorf("Tokenize(%q): got word %q (%U) of marks alone, want it kept with the character before it", s, tk.Text, []rune(tk.Text))
			}
		}
	}
}
