package report

import "testing"

// TestHeadlineUnderLongNote: 564103b passes over an editors' note "over
// several lines", but each note line counts against maxBannerLines (6),
// and a PA take's banner is already 4 lines, so a note of 3 lines or more
// hides the headline under it. On METER that loses the headlines of
// pa/29.03.00/ruling/ruling1 (3-line note), pa/03.04.00/priest/priest1,
// priest1nl and pa/03.04.00/teenager/teenager1 (4-line notes), all closed
// by ")" and followed by a capitals headline.
func TestHeadlineUnderLongNote(t *testing.T) {
	const note3 = "(Corrected repetition. Note amends the name of the defendant in the third para\nand the date of the trial in the fifth para, which now begins in\nOctober.)<\n"
	const note4 = "(ATTENTION EDITORS: the girl may not be identified. The judge ordered that no\ndetails be given of the school she attended or of the hospital where she\nwas treated, and no photograph of her house or of her parents, who\nmay also not be named.)<\n"
	const story = "\x19SINGER FACES DRUGS CHARGE<\n\x19By Jo Bloggs, PA News<\n\x19A singer appeared in court today charged with supplying drugs.<\n"
	tests := []struct {
		name, text, want string
	}{
		{"a three-line note", reviewBanner + note3 + story, "SINGER FACES DRUGS CHARGE"},
		{"a four-line note", reviewBanner + note4 + story, "SINGER FACES DRUGS CHARGE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(tt.text); got != tt.want {
				t.Errorf("Headline(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
