package shingle

import (
	"strings"
	"testing"
)

// TestBytesFormsAgree checks the allocation-free forms against the
// string forms they stand in for.
func TestBytesFormsAgree(t *testing.T) {
	text := "The Kremlin's pushes: pushing, PUSHED; it’s Zelenskyy’s 2019 naïve café — said 'quoted' a I"
	for _, tok := range Tokenize(nil, text) {
		if got, want := HashBytes([]byte(tok.Text)), HashWord(tok.Text); got != want {
			t.Errorf("HashBytes(%q) = %x, want %x", tok.Text, got, want)
		}
		gotW, gotOK := ContentWordBytes([]byte(tok.Text))
		wantW, wantOK := ContentWord(tok.Text)
		if string(gotW) != wantW || gotOK != wantOK {
			t.Errorf("ContentWordBytes(%q) = %q,%v, want %q,%v", tok.Text, gotW, gotOK, wantW, wantOK)
		}
	}
	var n int
	Words(text, func(w []byte, s, e int) {
		if strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(text[s:e])) != string(w) {
			t.Errorf("word %q at %d:%d, text there %q", w, s, e, text[s:e])
		}
		n++
	})
	if want := len(Tokenize(nil, text)); n != want {
		t.Errorf("Words gave %d words, want %d", n, want)
	}
}
