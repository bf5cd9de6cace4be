package web

import (
	"bytes"
	"testing"

	"github.com/reprint-dev/reprint/input"
)

// TestParagraphBreaksMarkup checks that a pasted fragment without block
// tags keeps its blank-line paragraphs when read as HTML, that one with
// its own is read as it is, and fragments whose blank lines fall where a
// paragraph tag is not text: a
// block tag that only a comment or a script names is no block tag of
// the fragment, and a tag or a title split by a blank line must not lose
// its markup into the article's text.
func TestParagraphBreaksMarkup(t *testing.T) {
	tests := []struct {
		name, paste, want string
	}{
		{"inline tags only", "<b>Court hears of murder</b>\n\nMiss Walker was murdered, said the judge.\r\n \r\nHer body was found in a grave.",
			"Court hears of murder\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave."},
		{"block tags", "<p>Miss Walker was murdered,\n\nsaid the judge.</p><p>Her body was found in a grave.</p>",
			"Miss Walker was murdered, said the judge.\n\nHer body was found in a grave."},
		{"block tag named in a comment", "<!-- was <p class=\"lede\"> in the CMS -->\n<b>Court hears of murder</b>\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave.",
			"Court hears of murder\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave."},
		{"block tag named in a script", "<script>document.write('<div id=\"ad\"></div>');</script>\n<b>Court hears of murder</b>\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave.",
			"Court hears of murder\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave."},
		{"blank line inside a tag", "<a href=\"/court\"\n\ntitle=\"Court\">Court hears of murder</a>\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave.",
			"Court hears of murder\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave."},
		{"blank line inside a title", "<title>Court hears\n\nof murder</title>\n<b>Court hears of murder</b>\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave.",
			"Court hears of murder\n\nMiss Walker was murdered, said the judge.\n\nHer body was found in a grave."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !looksLikeFragment([]byte(tt.paste)) {
				t.Fatalf("looksLikeFragment(%q) = false; the form would read it as text", tt.paste)
			}
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

// BenchmarkParagraphBreaks measures paragraphBreaks against reading the
// paste as HTML on hostile pastes of the default body limit: it runs
// before a check takes one of the server's slots (MaxChecks). The review
// measured 1.2 s for a 2 MiB paste of "<" with the first, regexp-based
// version, where ReadHTML took 0.3 s.
func BenchmarkParagraphBreaks(b *testing.B) {
	for _, bb := range []struct {
		name string
		data []byte
	}{
		{"2MiB of <", bytes.Repeat([]byte("<"), DefaultMaxBytes)},
		{"2MiB of <a", bytes.Repeat([]byte("<a "), DefaultMaxBytes/3)},
	} {
		b.Run(bb.name+"/breaks", func(b *testing.B) {
			b.SetBytes(int64(len(bb.data)))
			b.ReportAllocs()
			for b.Loop() {
				paragraphBreaks(bb.data)
			}
		})
		b.Run(bb.name+"/readHTML", func(b *testing.B) {
			b.SetBytes(int64(len(bb.data)))
			b.ReportAllocs()
			for b.Loop() {
				input.ReadHTML(bb.data, "x", "pasted page", input.Options{})
			}
		})
	}
}
