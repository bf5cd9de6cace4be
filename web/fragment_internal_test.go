package web

import (
	"testing"

	"github.com/reprint-dev/reprint/input"
)

func TestLooksLikeFragment(t *testing.T) {
	tests := []struct {
		paste string
		want  bool
	}{
		{"<p class=\"body-text\">Council approves bridge</p>", true},
		{"\n  <ARTICLE>\n<p>x</p>", true},
		{"<br/>text", true},
		{"<!-- copied -->\n<p>x</p>", true},
		{"\ufeff<div>x</div>", true},
		{"<3 hearts for the winners", false},
		{"< p>not a tag", false},
		{"<foo>an unknown element</foo>", false},
		{"<p", false},
		{"Council approves <p> tags", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := looksLikeFragment([]byte(tt.paste)); got != tt.want {
			t.Errorf("looksLikeFragment(%q) = %v, want %v", tt.paste, got, tt.want)
		}
	}
}

// TestParagraphBreaks checks that a pasted fragment without block tags
// keeps its blank-line paragraphs when read as HTML, and that one with
// its own is read as it is.
func TestParagraphBreaks(t *testing.T) {
	tests := []struct {
		name, paste, want string
	}{
		{"inline tags only", "<b>Court hears of murder</b>\n\nMiss Walker was murdered, said the judge at the Old Bailey today.\r\n \r\nHer body was found in a grave near the gardens at Wisley six weeks later.",
			"Court hears of murder\n\nMiss Walker was murdered, said the judge at the Old Bailey today.\n\nHer body was found in a grave near the gardens at Wisley six weeks later."},
		{"block tags", "<p>Miss Walker was murdered,\n\nsaid the judge at the Old Bailey today.</p><p>Her body was found in a grave near the gardens at Wisley six weeks later.</p>",
			"Miss Walker was murdered, said the judge at the Old Bailey today.\n\nHer body was found in a grave near the gardens at Wisley six weeks later."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := input.ReadHTML(paragraphBreaks([]byte(tt.paste)), "x", "pasted page", input.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("got %q, want %q", doc.Text, tt.want)
			}
		})
	}
}
