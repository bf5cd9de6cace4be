package web

import (
	"bytes"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"testing"
)

// story is enough text for an HTML page's article to be extracted.
const story = "The council voted on Tuesday to close the old bridge for repairs after engineers found cracks in two of its piers. "

// TestCharset checks that a raw /api/check body and an uploaded file are
// decoded as their Content-Type's charset declares, and that valid UTF-8
// is kept whatever is declared, as input keeps a page's.
func TestCharset(t *testing.T) {
	const (
		cafe1252  = "Le caf\xe9 ouvre \x93t\xf4t\x94. "
		cafe      = "Le café ouvre “tôt”. "
		privet    = "Привет, мир. " // "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0. " in windows-1251
		privet125 = "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0. "
	)
	page := func(head, body string) string {
		return "<html><head>" + head + "<title>Bridge</title></head><body><article><p>" + body + strings.Repeat(story, 3) + "</p></article></body></html>"
	}
	tests := []struct {
		name        string
		contentType string
		body        string
		want        string // the text holds it
		wantWarning string // "": none
		wantStatus  int    // 0: no error
	}{
		{"text windows-1252", "text/plain; charset=windows-1252", cafe1252 + story, cafe, "", 0},
		{"text iso-8859-1", "text/plain; charset=ISO-8859-1", cafe1252 + story, cafe, "", 0},
		{"text quoted latin1", `text/plain; charset="latin1"`, cafe1252 + story, cafe, "", 0},
		{"text windows-1251", "text/plain; charset=windows-1251", privet125 + story, privet, "", 0},
		{"text UTF-16LE", "text/plain; charset=utf-16le", "h\x00i\x00 \x00", "hi", "", 0},
		{"text UTF-16 with a byte order mark", "text/plain; charset=utf-16", "\xff\xfeh\x00i\x00", "hi", "", 0},
		{"text valid UTF-8 declared windows-1252", "text/plain; charset=windows-1252", cafe + story, cafe, "", 0},
		{"text undeclared", "text/plain", cafe1252 + story, cafe, "not valid UTF-8, decoded as Windows-1252", 0},
		{"text declared UTF-8, stray bytes", "text/plain; charset=utf-8", cafe1252 + story, cafe, "not valid UTF-8, decoded as Windows-1252", 0},
		{"text unknown charset, valid UTF-8", "text/plain; charset=x-martian", cafe + story, cafe, "", 0},
		{"text unknown charset", "text/plain; charset=x-martian", cafe1252 + story, "", "", http.StatusUnsupportedMediaType},
		{"html windows-1252", "text/html; charset=windows-1252", page("", cafe1252), cafe, "", 0},
		{"html windows-1251", "text/html; charset=windows-1251", page("", privet125), privet, "", 0},
		{"html header over meta", "text/html; charset=windows-1251", page(`<meta charset="windows-1252">`, privet125), privet, "", 0},
		{"html meta only", "text/html", page(`<meta charset="windows-1251">`, privet125), privet, "", 0},
		{"html valid UTF-8 declared windows-1251", "text/html; charset=windows-1251", page("", cafe), cafe, "", 0},
	}
	h := &server{o: Options{MaxBytes: 1 << 20, MaxDocuments: 5}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(t *testing.T, text string, warnings []string, err error) {
				t.Helper()
				if tt.wantStatus != 0 {
					var he *httpError
					if !errors.As(err, &he) || he.status != tt.wantStatus || !strings.Contains(he.msg, `charset "x-martian"`) {
						t.Fatalf("got error %v, want status %d naming the charset", err, tt.wantStatus)
					}
					return
				}
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				if !strings.Contains(text, strings.TrimSpace(tt.want)) {
					t.Errorf("got text %q, want it to hold %q", text, tt.want)
				}
				switch {
				case tt.wantWarning == "" && len(warnings) > 0:
					t.Errorf("got warnings %q, want none", warnings)
				case tt.wantWarning != "" && (len(warnings) != 1 || !strings.Contains(warnings[0], tt.wantWarning)):
					t.Errorf("got warnings %q, want one holding %q", warnings, tt.wantWarning)
				}
			}
			t.Run("api", func(t *testing.T) {
				r := httptest.NewRequest(http.MethodPost, "/api/check", strings.NewReader(tt.body))
				r.Header.Set("Content-Type", tt.contentType)
				docs, warnings, err := h.apiDocuments(r)
				text := ""
				if len(docs) == 1 {
					text = docs[0].Text
				}
				check(t, text, warnings, err)
			})
			t.Run("upload", func(t *testing.T) {
				name := "a.txt"
				if strings.HasPrefix(tt.contentType, "text/html") {
					name = "a.html"
				}
				var buf bytes.Buffer
				mw := multipart.NewWriter(&buf)
				part := textproto.MIMEHeader{}
				part.Set("Content-Disposition", `form-data; name="file"; filename="`+name+`"`)
				part.Set("Content-Type", tt.contentType)
				w, err := mw.CreatePart(part)
				if err != nil {
					t.Fatal(err)
				}
				w.Write([]byte(tt.body))
				mw.Close()
				r := httptest.NewRequest(http.MethodPost, "/check", &buf)
				r.Header.Set("Content-Type", mw.FormDataContentType())
				docs, warnings, err := h.formDocuments(r)
				text := ""
				if len(docs) == 1 {
					text = docs[0].Text
				}
				check(t, text, warnings, err)
			})
		})
	}
}
