package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/web"
)

// TestFormVerdictDetails checks what the result page's verdict adds to
// its one line: that a weak call is one, how many more indexed articles
// the paste matches, and that a paste too short to match says so.
func TestFormVerdictDetails(t *testing.T) {
	seeds := newTestServer(t, web.Options{})
	gen, texts := genServer(t, 3)
	tests := []struct {
		name string
		srv  string
		text string
		want string
	}{
		{"weak call", seeds.URL, seedText(t, seed1), "Which is the original is a weak call: already in the index"},
		{"more matches", gen.URL, strings.Join(texts, "\n\n"), "It matches 2 more indexed articles, below."},
		{"too short", seeds.URL, "Kremlin talks", "“paste” is too short to judge: 2 words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := checkForm(t, tt.srv, url.Values{"id": {"paste"}, "text": {tt.text}})
			if !strings.Contains(page, tt.want) {
				t.Errorf("got %q, want %q", near(page, "“paste”", 300), tt.want)
			}
		})
	}
}
