package report

import "testing"

// TestHeadlineOverOneLineParagraphs: a plain-text article laid out as
// testdata/seeds/000 is (a headline line, then each paragraph on one line,
// no blank line between) loses a headline of over 8 words and 60 or more
// characters since 564103b/56b6b63: the "run-on" rule takes the headline
// for the first line of a wrapped paragraph because the next line (a whole
// paragraph) ends in a full stop. Before those commits these were found.
func TestHeadlineOverOneLineParagraphs(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"headline over a one-line lead",
			"Chancellor unveils £20bn package to help families with energy bills\nThe Chancellor said on Monday that every household would get help this winter.\nShe added that the scheme would start in October.",
			"Chancellor unveils £20bn package to help families with energy bills"},
		{"headline over a long one-line paragraph",
			"Trump says first Putin-Zelensky meeting would go better without him\nTrump met with Russian President Vladimir Putin in Alaska on Friday and hosted Ukrainian leader Vladimir Zelensky in Washington three days later.\n'I had a very successful meeting,' he said.",
			"Trump says first Putin-Zelensky meeting would go better without him"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(tt.text); got != tt.want {
				t.Errorf("Headline(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
