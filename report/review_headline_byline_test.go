package report

import "testing"

// TestHeadlineBylineWithArticle: 56b6b63 stops taking a line opening "By"
// for a byline when a later word is "the", "a", "an", ... (notInNames),
// so that "BY THE NUMBERS: ..." stays a headline. But ordinary bylines
// hold those words: "By The Associated Press" (the top of AP copy), "By A
// Staff Reporter", "BY A STAFF REPORTER". A text opening with one (no
// headline) now gets the byline shown as its headline; before, none.
func TestHeadlineBylineWithArticle(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"an agency byline", "By The Associated Press\nWASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.", ""},
		{"a staff byline", "By A Staff Reporter\nThe council has approved plans for a new bridge.", ""},
		{"a staff byline in capitals", "BY A STAFF REPORTER\nThe council has approved plans for a new bridge.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(tt.text); got != tt.want {
				t.Errorf("Headline(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
