package shingle

import (
	"slices"
	"testing"
)

// A copy that differs from its original only by characters a reader does
// not see (zero-width spaces and joiners, soft hyphens, word joiners, a
// byte order mark inside the text) or by Unicode normalization form (NFD
// "é" as e + U+0301 against NFC U+00E9) must give the same words: these
// are what scraped pages carry (&shy; on German and Dutch sites, NFD text
// from macOS) and what a copier inserts to dodge a checker. Found in
// review: `reprint compare orig.txt copy.txt` with U+200B or U+00AD put in
// the middle of each word gives same_story, Jaccard 0.004, not copy; the
// NFD copy of an accented text gives no pair at all.
func TestWordsIgnoreInvisibleAndNormalizationForm(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"zero-width space", "Zelen\u200bskyy said", "Zelenskyy said"},
		{"soft hyphen", "govern\u00adment said", "government said"},
		{"zero-width joiner", "Minis\u200dter said", "Minister said"},
		{"zero-width non-joiner", "Minis\u200cter said", "Minister said"},
		{"word joiner", "Minis\u2060ter said", "Minister said"},
		{"BOM inside text", "Minis\ufeffter said", "Minister said"},
		{"NFD against NFC", "caf\u0065\u0301 r\u0065\u0301sum\u0065\u0301", "caf\u00e9 r\u00e9sum\u00e9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := words(Tokenize(nil, tt.text))
			want := words(Tokenize(nil, tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("Tokenize(%q) = %q, want %q (as for %q)", tt.text, got, want, tt.want)
			}
		})
	}
}
