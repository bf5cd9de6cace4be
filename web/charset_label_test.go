package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCharsetReplacementLabel: a label that WHATWG maps to the
// "replacement" encoding (iso-2022-kr, iso-2022-cn, hz-gb-2312, csiso2022kr)
// decodes every body to a single U+FFFD, so the article vanishes without an
// error or a warning (the check runs on a 0-word text). It should be refused
// as an unusable charset, as an unknown one is (415).
func TestCharsetReplacementLabel(t *testing.T) {
	body := "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0. " + story // windows-1251 bytes, mislabelled
	h := &server{o: Options{MaxBytes: 1 << 20, MaxDocuments: 5}}
	for _, label := range []string{"iso-2022-kr", "hz-gb-2312"} {
		r := httptest.NewRequest(http.MethodPost, "/api/check", strings.NewReader(body))
		r.Header.Set("Content-Type", "text/plain; charset="+label)
		docs, warnings, err := h.apiDocuments(r)
		var he *httpError
		if errors.As(err, &he) && he.status == http.StatusUnsupportedMediaType {
			continue
		}
		text := ""
		if len(docs) == 1 {
			text = docs[0].Text
		}
		if !strings.Contains(text, "council voted") {
			t.Errorf("charset=%s: got text %q, warnings %q, err %v; want a 415 or the article's text", label, text, warnings, err)
		}
	}
}
