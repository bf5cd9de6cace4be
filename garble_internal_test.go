package reprint

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// garbleReference holds the regular expressions garbleSigns implements by
// hand; the fuzz test holds the two to the same counts.
var garbleReference = []*regexp.Regexp{
	regexp.MustCompile(`\w [,.;:!?](?:\s|$)`),
	regexp.MustCompile(`[a-z] -[a-z]`),
	regexp.MustCompile(`[a-z,]  +[a-z]`),
	regexp.MustCompile(`\b[aA] [aeiAEI][a-z]+`),
	regexp.MustCompile(`(?:^|\s)[*#@][A-Za-z]`),
	regexp.MustCompile(`[A-Za-z]{2}#(?:\W|$)`),
}

func referenceSigns(t string) int {
	n := 0
	for _, re := range garbleReference {
		n += len(re.FindAllStringIndex(t, -1))
	}
	return n
}

func TestGarbleSigns(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"fluent", "The Kremlin played down the talks, a familiar line.", 0},
		{"space before comma", "the talks , he said", 1},
		{"glued hyphen", "Kiev is far -reaching", 1},
		{"dropped word", "which underwear  spent", 1},
		{"article before vowel", "faced a approximate position", 1},
		{"unknown-word mark", "the *xyzzy word", 1},
		{"mark at start", "#Tag here", 1},
		{"two hyphens", "a -b -c", 1},
		{"end of text", "word .", 1},
		{"mark after a word", "would never give# up his", 1},
		{"marks after words", "take# ail than go#.", 2},
		{"language name", "written in C# and F#", 0},
		{"hashtag", "a #tag", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := garbleSigns(tt.text); got != tt.want {
				t.Errorf("garbleSigns(%q) = %d, want %d", tt.text, got, tt.want)
			}
			if got, want := garbleSigns(tt.text), referenceSigns(tt.text); got != want {
				t.Errorf("garbleSigns(%q) = %d, reference %d", tt.text, got, want)
			}
		})
	}
}

func FuzzGarbleSigns(f *testing.F) {
	for _, s := range []string{"a -b", "x ,", "a  b", "a apple", " *a", "A Eel.", "a  ,  b  c", "go# up", "ab#\u00e9", "C#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := garbleSigns(s), referenceSigns(s); got != want {
			t.Errorf("garbleSigns(%q) = %d, reference %d", s, got, want)
		}
	})
}

func TestCreditedSource(t *testing.T) {
	tests := []struct{ text, want string }{
		{"though he gave no further details, reports BBC.", "BBC"},
		{"he told the BBC that nobody had ruled out talks", "BBC"},
		{"according to the BBC and Gazeta Express.", "BBC"},
		{"LONDON (Reuters) - Shares fell.", "Reuters"},
		{"he told reporters on Monday", ""},
		{"supporters told McClatchy", "McClatchy"},
		{"nothing credited here", ""},
		{"", ""},
		{"told ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := creditedSource(tt.text); got != tt.want {
				t.Errorf("creditedSource(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWireAgency(t *testing.T) {
	tests := []struct{ text, want string }{
		{"COMPOSER CHALLENGED<\nBy Stephen Howard, PA News<\n", "PA News"},
		{"LONDON (Reuters) - Shares fell", "Reuters"},
		{"WASHINGTON (AP) — The Senate", "AP"},
		{"an IMPALA News item", ""},
		{"  ------\n   12:21 28/09/99: Page 2 (HHH) COURTS Pinochet Substitute\n  ------\nThe judge was told", "wire banner"},
		{"  ------\n   12:21 28/09/99: Page 1 (HHH) COURTS Pinochet\nHEADLINE<\nBy John Deane, PA News<\n", "PA News"},
		{"The hearing at 10:30 28/09/99: Page 1 of the file was read", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := wireAgency(tt.text); got != tt.want {
				t.Errorf("wireAgency(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// creditReference is the phrase-by-phrase search creditedSource replaced;
// the fuzz test holds the single pass to the same answers.
func creditReference(text string) string {
	best, name := len(text), ""
	for _, ph := range creditPhrases {
		for off := 0; off < best; {
			i := strings.Index(text[off:], ph)
			if i < 0 || off+i >= best {
				break
			}
			at := off + i
			off = at + len(ph)
			if at > 0 && isWordByte(text[at-1]) {
				continue
			}
			rest := strings.TrimLeft(text[off:], " \t\n")
			rest = strings.TrimPrefix(rest, "the ")
			if w := capitalizedName(rest); w != "" {
				best, name = at, w
				break
			}
		}
	}
	for _, ag := range [...]string{"(Reuters)", "(AFP)", "(AP)", "(PA)", "(BBC)"} {
		if i := strings.Index(text, ag); i >= 0 && i < best {
			best, name = i, ag[1:len(ag)-1]
		}
	}
	return name
}

func FuzzCreditedSource(f *testing.F) {
	for _, s := range []string{"reports BBC", "told the CNN (AP)", "according to  McClatchy", "(Reuters) told BBC", "source: AFP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := creditedSource(s), creditReference(s); got != want {
			t.Errorf("creditedSource(%q) = %q, reference %q", s, got, want)
		}
	})
}

func TestSentenceStart(t *testing.T) {
	tests := []struct {
		name, text, word string
		want             bool
	}{
		{"text start", "These came.", "These", true},
		{"after a full stop", "It ended. These came.", "These", true},
		{"after a quote", "He said: \"Total loss.\"", "Total", true},
		{"after a curly quote", "It ended. “Total loss.”", "Total", true},
		{"new paragraph", "no stop\n\nWhite House", "White", true},
		{"wrapped line", "in the\nWhite House", "White", false},
		{"mid sentence", "at the White House", "White", false},
		{"after a comma", "Kyiv, Zelensky said", "Zelensky", false},
		{"after a title", "said Mr. Zelinski today", "Zelinski", false},
		{"after an initial", "President George W. Bush said", "Bush", false},
		{"after a short word", "it was so. Zelinski said", "Zelinski", true},
		{"wire paragraph", "end of take.<\n\x19Zelinski said", "Zelinski", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.text, tt.word)
			if got := sentenceStart(tt.text, start); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNameVariants(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  int
	}{
		{"machine spellings", []string{"zelensky", "zelinski", "zilinski"}, 2},
		{"long names two apart", []string{"vladimir", "volodimir"}, 1},
		{"short words two apart", []string{"cross", "crown", "county", "court", "their", "these"}, 0},
		{"short names one apart", []string{"worsley", "wortley"}, 1},
		{"a prefix", []string{"stephen", "stephens"}, 0},
		{"other first letter", []string{"smith", "meith"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nameVariants(tt.names); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestDoubledWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       float64 // signs per 100 words
	}{
		{"doubled word", "he said the the court was full of people and of noise today there", 7.14},
		{"across a line", "Page 1 COURTS Chemists\nCHEMISTS FINED AFTER BABY DIES IN A HOSPITAL WARD", 0},
		{"across a full stop", "and so was it. It was the end of the long day in the court", 0},
		{"in a time and date", "15:04 04/10/99: the court heard the case of the man on trial", 0},
		{"no-break space", "he said the\u00a0the court was full of people and of noise today there", 7.14},
		{"chinese doubled character", "他们常常说人人都应该参加", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fp := prepare(&Document{Text: tt.text}, DefaultOptions(), &scratch{}, prepFull)
			if got := math.Round(fp.garble*100) / 100; got != tt.want {
				t.Errorf("got %.2f signs per 100 words (%d words), want %.2f", fp.garble, fp.words, tt.want)
			}
		})
	}
}
