package web

import "testing"

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
