package shingle

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// A text gives the same words in NFD as in NFC, as the tokenizer's
// comment and TestWordsIgnoreInvisibleAndNormalizationForm promise; the
// test only tried Latin. Found in review: Greek, Cyrillic and Arabic do
// not. Lookalike folding runs on each rune before the word is brought to
// NFKC, so an NFD Greek "ά" (α + U+0301) becomes the Latin "á" while the
// NFC "ά" stays Greek (9 of the 15 words of the Greek sentence differ),
// and Russian "ё" and Ukrainian "ї" become Latin "ë" and "ï"; the Arabic
// hamza and madda (U+0653..U+0655) are dropped as optional marks, but in
// NFD they are what is left of "أ", "إ", "آ", so "إن" is "ان" in NFD and
// "إن" in NFC (8 of 19 words differ).
func TestWordsSameInNFDAndNFCOtherScripts(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"Greek", "Ο πρωθυπουργός ανακοίνωσε την Τετάρτη νέα μέτρα στήριξης για τις οικογένειες, σύμφωνα με την κυβέρνηση."},
		{"Russian", "Президент заявил в четверг, что ещё не решено, будут ли новые меры."},
		{"Ukrainian", "Міністр закордонних справ України заявив, що її позиція не зміниться."},
		{"Arabic", "قال وزير الخارجية إن المحادثات مع الجانب الأمريكي كانت إيجابية، وأضاف أن الاتفاق سيوقع في الأسبوع المقبل آخر."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			nfc := words(Tokenize(nil, norm.NFC.String(tt.text)))
			nfd := words(Tokenize(nil, norm.NFD.String(tt.text)))
			if !slices.Equal(nfc, nfd) {
				t.Errorf("NFC words %q\nNFD words %q", nfc, nfd)
			}
		})
	}
}

// NFKC's output is a word's form too: it must be lower-cased like any
// other. Found in review: the mathematical bold letters that "fancy text"
// generators use for disguised copies come out upper case ("𝐓𝐡𝐞" is
// "The", not "the"), so they meet the plain text only where it is lower
// case already.
func TestWordsNFKCOutputLowered(t *testing.T) {
	got := words(Tokenize(nil, "𝐓𝐡𝐞 𝐏𝐑𝐄𝐒𝐈𝐃𝐄𝐍𝐓 said"))
	want := words(Tokenize(nil, "The PRESIDENT said"))
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// In Persian (and Urdu, Kurdish, Pashto) the zero-width non-joiner is
// ordinary spelling, not a dodge: "می‌گوید", "طرف‌های" are written with it,
// and with a space where a keyboard or a site lacks it. At 814afda a word
// ended at the ZWNJ, so the two spellings gave the same words; joining
// across it (7e3eb49) makes them differ: `reprint compare` of a Persian
// article of 182 words with 26 ZWNJs and the same article with spaces for
// them was a copy (Jaccard 1) and is now a machine_rewrite (Jaccard 0.26).
func TestWordsPersianZWNJIsASpace(t *testing.T) {
	text := "وزیر امور خارجه می‌گوید که گفت‌وگوها با طرف‌های اروپایی ادامه خواهد داشت."
	got := words(Tokenize(nil, text))
	want := words(Tokenize(nil, strings.ReplaceAll(text, "\u200c", " ")))
	if !slices.Equal(got, want) {
		t.Errorf("with ZWNJ %q\nwith spaces %q", got, want)
	}
}
