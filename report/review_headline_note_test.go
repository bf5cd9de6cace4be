package report

import "testing"

const reviewBanner = "  ----------\n\n  ----------\n\n   12:39 12/07/99: Page 1 (HHH) COURTS Singer\n  ----------\n"

// TestHeadlineUnderNoteClosedWithFullStop: 564103b passes over an editors'
// note that runs over lines until one ending in ")" or "]". A note whose
// last line ends ")." (METER's pa/12.07.99/walker/walker1: "... until the
// resolution of\nthe case).<") is never seen to close: the headline and
// the lines after it are all taken for the note, and Headline gives "".
func TestHeadlineUnderNoteClosedWithFullStop(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"a two-line note closed by ').'",
			reviewBanner + "(ADVISORY TO EDITORS _ NOT FOR PUBLICATION: reporting is postponed until the end of\nthe case).<\n\x19SINGER FACES DRUGS CHARGE<\n\x19By Jo Bloggs, PA News<\n\x19A singer appeared in court today charged with supplying drugs.<\n",
			"SINGER FACES DRUGS CHARGE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(tt.text); got != tt.want {
				t.Errorf("Headline(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
