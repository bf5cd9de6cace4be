package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/web"
)

// TestFormPasteAtLimitCRLF checks that a pasted text may be --max-bytes
// long, as the README and --max-bytes' help say ("a form's file or pasted
// text may be this long"), when the browser sends its line ends as CRLF,
// as browsers do for a text area: the limit is checked on the text before
// its CRLFs become LFs, so a paste of an article under the limit, with
// many short lines, gets 413, where the same article uploaded as a file
// is taken.
func TestFormPasteAtLimitCRLF(t *testing.T) {
	const limit = 64 << 10
	srv := newTestServer(t, web.Options{MaxBytes: limit})
	base := strings.ReplaceAll(seedText(t, seed2), ". ", ".\n") // a line a sentence
	tests := []struct {
		name string
		size int // of the article, LF line ends
	}{
		{"half the limit", limit / 2},
		{"2 KiB under the limit", limit - 2048},
		{"200 bytes under the limit", limit - 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			article := strings.Repeat(base, tt.size/len(base)+1)[:tt.size]
			lines := strings.Count(article, "\n")
			sent := strings.ReplaceAll(article, "\n", "\r\n") // as a browser sends a text area
			ct, body := multipartBody(t, map[string]string{"id": "", "text": sent, "published": "", "url": ""}, "", "")
			r := do(t, http.MethodPost, srv.URL+"/check", ct, body)
			if r.status != http.StatusOK {
				t.Errorf("pasted article of %d bytes, %d lines (the form allows %d): got %d, want 200", tt.size, lines, limit, r.status)
			}
			ct, body = multipartBody(t, map[string]string{"id": "", "text": "", "published": "", "url": ""}, "story.txt", article)
			if r := do(t, http.MethodPost, srv.URL+"/check", ct, body); r.status != http.StatusOK {
				t.Errorf("the same article as a file: got %d, want 200", r.status)
			}
		})
	}
}
