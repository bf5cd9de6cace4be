package web_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/internal/golden"
	"github.com/reprint-dev/reprint/report"
	"github.com/reprint-dev/reprint/search"
	"github.com/reprint-dev/reprint/web"
)

const (
	seeds = "../testdata/seeds"
	seed0 = "000_e2e2f117c2aa15b3.txt"
	seed1 = "001_1fe8c6310e030e24.txt"
	seed2 = "002_29c4d0543742b1d0.txt"
	seed3 = "003_13c99c3a09f8c316.txt"
	seed4 = "004_8557ead743fed211.txt"
)

// seedText returns a seed article's text.
func seedText(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(seeds, name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// newSearcher indexes the named seeds, with their file names as IDs, and
// returns a searcher of the index.
func newSearcher(tb testing.TB, names ...string) *search.Searcher {
	tb.Helper()
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(tb.TempDir(), "seeds.idx"), det.Params(), index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	var docs []reprint.Document
	var fps []*reprint.Fingerprint
	var keys [][]uint64
	for _, n := range names {
		d := reprint.Document{ID: n, Source: n, Text: seedText(tb, n)}
		fp := det.Fingerprint(d)
		docs, fps, keys = append(docs, d), append(fps, fp), append(keys, det.Keys(fp))
	}
	if _, err := ix.Add(docs, fps, keys); err != nil {
		tb.Fatal(err)
	}
	return search.New(ix, det, search.Options{MaxCandidates: 100})
}

// newTestServer serves the seeds 0, 1 and 4 with o.
func newTestServer(tb testing.TB, o web.Options) *httptest.Server {
	tb.Helper()
	if o.ErrorLog == nil {
		o.ErrorLog = log.New(io.Discard, "", 0)
	}
	srv := httptest.NewServer(web.NewServer(newSearcher(tb, seed0, seed1, seed4), o))
	tb.Cleanup(srv.Close)
	return srv
}

// response is what a test request got.
type response struct {
	status int
	header http.Header
	body   string
}

// checkForm posts form to the server's /check page, as the browser's form
// does, and returns the page; any status but 200 fails tb.
func checkForm(tb testing.TB, base string, form url.Values) string {
	tb.Helper()
	r := do(tb, http.MethodPost, base+"/check", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if r.status != http.StatusOK {
		tb.Fatalf("got %d %s, want 200", r.status, r.body)
	}
	return r.body
}

// near returns the n bytes of page from mark on, or "no verdict" when
// page lacks mark: what a failing verdict test shows.
func near(page, mark string, n int) string {
	i := strings.Index(page, mark)
	if i < 0 {
		return "no verdict"
	}
	return page[i:min(len(page), i+n)]
}

func do(tb testing.TB, method, u, contentType string, body io.Reader) response {
	tb.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		tb.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

// multipartBody encodes fields and, if fileName is set, a file part.
func multipartBody(tb testing.TB, fields map[string]string, fileName, fileContent string) (string, io.Reader) {
	tb.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		mw.WriteField(k, fields[k])
	}
	if fileName != "" {
		fw, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			tb.Fatal(err)
		}
		io.WriteString(fw, fileContent)
	}
	mw.Close()
	return mw.FormDataContentType(), &buf
}

func jsonBody(tb testing.TB, v any) io.Reader {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return bytes.NewReader(b)
}

// pairKey describes a pair by its IDs, relation and original.
type pairKey struct{ a, b, relation, original string }

func decodePairs(tb testing.TB, body string) (report.JSONReport, []pairKey) {
	tb.Helper()
	var rep report.JSONReport
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		tb.Fatalf("decode report: %v\n%s", err, body)
	}
	var ps []pairKey
	for _, p := range rep.Pairs {
		ps = append(ps, pairKey{p.A, p.B, string(p.Relation), p.Original})
	}
	return rep, ps
}

func TestSecurityHeaders(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	for _, path := range []string{"/", "/healthz", "/nowhere", "/api/check"} {
		t.Run(path, func(t *testing.T) {
			r := do(t, http.MethodGet, srv.URL+path, "", nil)
			csp := r.header.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'none'", "style-src 'unsafe-inline'", "script-src 'sha256-", "form-action 'self'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("got CSP %q, want it to hold %q", csp, want)
				}
			}
			if strings.Contains(csp, "script-src 'unsafe-inline'") {
				t.Errorf("got CSP %q, want scripts allowed by hash only", csp)
			}
			if got := r.header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("got X-Content-Type-Options %q, want nosniff", got)
			}
		})
	}
}

func TestForm(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	r := do(t, http.MethodGet, srv.URL+"/", "", nil)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("got %d %s, want 200 text/html", r.status, r.header.Get("Content-Type"))
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	golden.Check(t, filepath.Join("testdata", "golden", "form.html"), []byte(strings.ReplaceAll(r.body, host, "HOST")))
	doc, err := html.Parse(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	// Every input has a label, the form posts to /check, and there is no script.
	labels, inputs := map[string]bool{}, map[string]string{}
	var form, scripts int
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "label":
			labels[attr(n, "for")] = true
		case "input", "textarea":
			inputs[attr(n, "name")] = attr(n, "id")
		case "form":
			form++
			if attr(n, "action") != "/check" || attr(n, "method") != "post" || attr(n, "enctype") != "multipart/form-data" {
				t.Errorf("got form action=%q method=%q enctype=%q, want /check post multipart/form-data", attr(n, "action"), attr(n, "method"), attr(n, "enctype"))
			}
		case "script":
			scripts++
		}
	})
	for _, name := range []string{"id", "text", "file"} {
		id, ok := inputs[name]
		if !ok {
			t.Errorf("got no %q field, want one", name)
		} else if !labels[id] {
			t.Errorf("field %q (id %q) has no label", name, id)
		}
	}
	if form != 1 || scripts != 0 {
		t.Errorf("got %d forms and %d scripts, want 1 and 0", form, scripts)
	}
	if !strings.Contains(r.body, "(3 indexed)") {
		t.Errorf("got no index size on the form, want (3 indexed)")
	}
	t.Run("HEAD", func(t *testing.T) {
		r := do(t, http.MethodHead, srv.URL+"/", "", nil)
		if r.status != http.StatusOK || r.body != "" {
			t.Errorf("got %d with %d bytes, want 200 and no body", r.status, len(r.body))
		}
	})
}

func TestHealthz(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	r := do(t, http.MethodGet, srv.URL+"/healthz", "", nil)
	if r.status != http.StatusOK || r.body != "ok\n" {
		t.Errorf("got %d %q, want 200 \"ok\\n\"", r.status, r.body)
	}
}

func TestAPICheck(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	q2, q3 := seedText(t, seed2), seedText(t, seed3)
	page := "<!DOCTYPE html><html><head><title>x</title></head><body><article><p>" +
		strings.ReplaceAll(html.EscapeString(q2), "\n", "</p>\n<p>") + "</p></article></body></html>"
	mr := pairKey{seed1, "002", "machine_rewrite", seed1}
	tests := []struct {
		name        string
		contentType string
		query       string
		body        io.Reader
		want        []pairKey
	}{
		{"one article", "application/json", "", jsonBody(t, map[string]string{"id": "002", "text": q2, "url": "http://127.0.0.1:1/never-fetched"}), []pairKey{mr}},
		{"numeric id", "application/json; charset=utf-8", "", strings.NewReader(`{"id": 2, "text": ` + mustJSON(t, q2) + `}`),
			[]pairKey{{seed1, "2", "machine_rewrite", seed1}}},
		{"documents", "application/json", "", jsonBody(t, map[string]any{"documents": []map[string]string{{"id": "002", "text": q2}, {"id": "003", "text": q3}}}),
			[]pairKey{mr, {seed1, "003", "rewrite", seed1}}},
		{"no id", "application/json", "", jsonBody(t, map[string]string{"text": q2}), []pairKey{{seed1, "query", "machine_rewrite", seed1}}},
		{"published as JSONL takes it", "application/json", "", jsonBody(t, map[string]string{"id": "002", "text": q2, "published": "2025-08-20 10:30:00"}), []pairKey{mr}},
		{"plain text", "text/plain; charset=utf-8", "?id=002", strings.NewReader(q2), []pairKey{mr}},
		{"HTML page", "text/html", "?id=002", strings.NewReader(page), []pairKey{mr}},
		{"unrelated", "application/json", "", jsonBody(t, map[string]string{"id": "new", "text": strings.Repeat("An unrelated sentence about the weather in a small town. ", 10)}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, http.MethodPost, srv.URL+"/api/check"+tt.query, tt.contentType, tt.body)
			if r.status != http.StatusOK {
				t.Fatalf("got %d %s, want 200", r.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("got Content-Type %q, want application/json", ct)
			}
			rep, got := decodePairs(t, r.body)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got pairs %v, want %v", got, tt.want)
			}
			for _, p := range rep.Pairs {
				if len(p.Passages) == 0 || p.Passages[0].Text == "" {
					t.Errorf("pair %s-%s: got no evidence text, want passages", p.A, p.B)
				}
			}
		})
	}
}

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestFormCheck(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	q2 := seedText(t, seed2)
	form := url.Values{"id": {"002"}, "text": {strings.ReplaceAll(q2, "\n", "\r\n")}}
	mpType, mpBody := multipartBody(t, map[string]string{"id": "002", "text": q2, "published": "2025-08-20", "url": "https://news.example/a"}, "", "")
	upType, upBody := multipartBody(t, map[string]string{"id": ""}, "002.txt", q2)
	htmlType, htmlBody := multipartBody(t, nil, "002.html", "<html><body><article><p>"+strings.ReplaceAll(html.EscapeString(q2), "\n", "</p><p>")+"</p></article></body></html>")
	tests := []struct {
		name        string
		contentType string
		body        io.Reader
		query       string
	}{
		{"urlencoded", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()), "002"},
		{"multipart", mpType, mpBody, "002"},
		{"text upload", upType, upBody, "002.txt"},
		{"HTML upload", htmlType, htmlBody, "002.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, http.MethodPost, srv.URL+"/check", tt.contentType, tt.body)
			if r.status != http.StatusOK {
				t.Fatalf("got %d %s, want 200", r.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("got Content-Type %q, want text/html; charset=utf-8", ct)
			}
			for _, want := range []string{`<a href="/">`, "Check another article", "<q>" + tt.query + "</q>", "1 match", seed1, "machine rewrite", "reprint report",
				"“" + tt.query + "” looks like a machine rewrite of the indexed article " + seed1 + " (score 0.46)."} {
				if !strings.Contains(r.body, want) {
					t.Errorf("got a page without %q", want)
				}
			}
			checkScripts(t, r)
		})
	}
}

// checkScripts fails unless every script of the page is allowed by the
// response's Content-Security-Policy hash.
func checkScripts(t *testing.T, r response) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	csp := r.header.Get("Content-Security-Policy")
	walk(doc, func(n *html.Node) {
		if n.Data != "script" {
			return
		}
		var text string
		if n.FirstChild != nil {
			text = n.FirstChild.Data
		}
		sum := sha256.Sum256([]byte(text))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, h) {
			t.Errorf("script %.40q... not allowed by CSP %q", text, csp)
		}
	})
}

func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestErrors(t *testing.T) {
	const limit = 64 << 10
	srv := newTestServer(t, web.Options{MaxBytes: limit, MaxDocuments: 3})
	big := strings.Repeat("A long article. ", limit/8)
	q2 := seedText(t, seed2)
	mpType := func(fields map[string]string, name, content string) (string, io.Reader) {
		return multipartBody(t, fields, name, content)
	}
	type req struct {
		method, path, contentType string
		body                      io.Reader
	}
	post := func(path, ct string, body io.Reader) req { return req{http.MethodPost, path, ct, body} }
	form := func(fields map[string]string, name, content string) req {
		ct, body := mpType(fields, name, content)
		return post("/check", ct, body)
	}
	// unsized hides the body's length, so that the limit is met while reading.
	unsized := func(s string) io.Reader { return io.MultiReader(strings.NewReader(s)) }
	tests := []struct {
		name   string
		req    req
		status int
		msg    string
	}{
		{"unknown path", req{http.MethodGet, "/nowhere", "", nil}, 404, "no page at /nowhere"},
		{"unknown API path", req{http.MethodGet, "/api/nowhere", "", nil}, 404, "no page at /api/nowhere"},
		{"GET /api/check", req{http.MethodGet, "/api/check", "", nil}, 405, "method GET is not allowed on /api/check; use POST"},
		{"PUT /api/check", req{http.MethodPut, "/api/check", "application/json", strings.NewReader("{}")}, 405, "use POST"},
		{"GET /check", req{http.MethodGet, "/check", "", nil}, 405, "use POST"},
		{"POST /", post("/", "text/plain", strings.NewReader("x")), 405, "method POST is not allowed on /; use GET"},
		{"DELETE /healthz", req{http.MethodDelete, "/healthz", "", nil}, 405, "use GET"},
		{"oversized JSON", post("/api/check", "application/json", jsonBody(t, map[string]string{"text": big})), 413, "request too large: the limit is 64 KiB"},
		{"oversized JSON, unsized", post("/api/check", "application/json", unsized(mustJSON(t, map[string]string{"text": big}))), 413, "request too large"},
		{"oversized text, unsized", post("/api/check", "text/plain", unsized(big)), 413, "request too large"},
		{"oversized form", form(map[string]string{"text": big}, "", ""), 413, "request too large: the limit is 64 KiB"},
		{"oversized upload, unsized", post("/check", "", nil), 413, "request too large"}, // body set below
		{"malformed JSON", post("/api/check", "application/json", strings.NewReader(`{"text": "abc`)), 400, "malformed JSON"},
		{"JSON syntax error", post("/api/check", "application/json", strings.NewReader(`{"text": x}`)), 400, "malformed JSON at byte"},
		{"JSON wrong type", post("/api/check", "application/json", strings.NewReader(`{"text": 5}`)), 400, `field "text": got a JSON number, want a string`},
		{"JSON unknown field", post("/api/check", "application/json", strings.NewReader(`{"txt": "abc"}`)), 400, `unknown field "txt"`},
		{"JSON two objects", post("/api/check", "application/json", strings.NewReader(`{"text": "a b c"} {}`)), 400, "more data after the object"},
		{"JSON list", post("/api/check", "application/json", strings.NewReader(`["a"]`)), 400, `request body: want a JSON object, {"id": "...", "text": "..."} or {"documents": [...]}, got a JSON array`},
		{"empty body", post("/api/check", "application/json", strings.NewReader("")), 400, "empty request body"},
		{"empty object", post("/api/check", "application/json", strings.NewReader("{}")), 400, "no article"},
		{"missing text", post("/api/check", "application/json", strings.NewReader(`{"id": "a"}`)), 400, `missing "text"`},
		{"empty text", post("/api/check", "application/json", strings.NewReader(`{"id": "a", "text": " \n "}`)), 400, `empty "text"`},
		{"empty document text", post("/api/check", "application/json", strings.NewReader(`{"documents": [{"text": "a b"}, {"text": ""}]}`)), 400, `documents[1]: empty "text"`},
		{"text and documents", post("/api/check", "application/json", strings.NewReader(`{"text": "a", "documents": [{"text": "b"}]}`)), 400, "not both"},
		{"repeated id", post("/api/check", "application/json", strings.NewReader(`{"documents": [{"id": "a", "text": "b"}, {"id": "a", "text": "c"}]}`)), 400, `documents[1]: id "a" repeats documents[0]'s`},
		{"bad id", post("/api/check", "application/json", strings.NewReader(`{"id": true, "text": "b"}`)), 400, `"id" must be a string or a number`},
		{"bad date", post("/api/check", "application/json", strings.NewReader(`{"text": "b", "published": "yesterday"}`)), 400, `"published" "yesterday" is not a date`},
		{"too many documents", post("/api/check", "application/json", strings.NewReader(`{"documents": [{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": "d"}]}`)), 413, "too many documents: 4, the limit is 3"},
		{"empty raw text", post("/api/check", "text/plain", strings.NewReader(" \n")), 400, "request body: empty document"},
		{"empty raw page", post("/api/check", "text/html", strings.NewReader("<html><body></body></html>")), 400, "request body: no article text found in HTML"},
		{"no content type", post("/api/check", "", strings.NewReader("abc")), 415, "no Content-Type"},
		{"wrong content type", post("/api/check", "application/pdf", strings.NewReader("abc")), 415, `unsupported Content-Type "application/pdf"`},
		{"empty form", form(map[string]string{"id": "x", "text": "  "}, "", ""), 400, "no article: paste its text or upload"},
		{"empty urlencoded form", post("/check", "application/x-www-form-urlencoded", strings.NewReader("text=")), 400, "no article"},
		{"form wrong content type", post("/check", "application/json", strings.NewReader("{}")), 415, "unsupported Content-Type"},
		{"empty upload", form(nil, "a.txt", ""), 400, "a.txt: empty document"},
		{"binary upload", form(nil, "a.txt", "\x00\x01\x02PK"), 400, "a.txt: binary file"},
		{"upload type", form(nil, "a.pdf", "%PDF"), 415, `file "a.pdf": upload a .txt, .html or .htm file`},
		{"text and upload", form(map[string]string{"text": q2}, "a.txt", q2), 400, "not both"},
		{"form bad date", form(map[string]string{"text": q2, "published": "31/12/2024"}, "", ""), 400, "is not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rq := tt.req
			if tt.name == "oversized upload, unsized" {
				ct, body := mpType(nil, "big.txt", big)
				b, _ := io.ReadAll(body)
				rq.contentType, rq.body = ct, unsized(string(b))
			}
			r := do(t, rq.method, srv.URL+rq.path, rq.contentType, rq.body)
			if r.status != tt.status {
				t.Errorf("got status %d, want %d (%s)", r.status, tt.status, r.body)
			}
			msg := r.body
			if strings.HasPrefix(rq.path, "/api/") {
				if ct := r.header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("got Content-Type %q, want application/json", ct)
				}
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(r.body), &e); err != nil || e.Error == "" {
					t.Fatalf("got body %q, want a JSON error message (%v)", r.body, err)
				}
				msg = e.Error
			} else {
				if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
					t.Errorf("got Content-Type %q, want text/html; charset=utf-8", ct)
				}
				if !strings.Contains(r.body, `<a href="/">Back to the form</a>`) {
					t.Errorf("got an error page without a link back to the form")
				}
				msg = html.UnescapeString(msg)
			}
			if !strings.Contains(msg, tt.msg) {
				t.Errorf("got message %q, want it to hold %q", msg, tt.msg)
			}
			if tt.status == 405 && r.header.Get("Allow") == "" {
				t.Errorf("got no Allow header with 405")
			}
		})
	}
	t.Run("serves after errors", func(t *testing.T) {
		r := do(t, http.MethodPost, srv.URL+"/api/check", "application/json", jsonBody(t, map[string]string{"id": "002", "text": q2}))
		if _, got := decodePairs(t, r.body); r.status != 200 || len(got) != 1 {
			t.Errorf("got %d with pairs %v, want 200 and one pair", r.status, got)
		}
	})
}

func TestTimeout(t *testing.T) {
	srv := newTestServer(t, web.Options{Timeout: time.Nanosecond})
	r := do(t, http.MethodPost, srv.URL+"/api/check", "application/json", jsonBody(t, map[string]string{"text": seedText(t, seed2)}))
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "took longer than 1ns") {
		t.Errorf("got %d %s, want 503 and a message about the time limit", r.status, r.body)
	}
}

// xss holds markup that must come out as text.
const xss = `<script>alert(1)</script> "><img src=x onerror=alert(1)> 'single' "double" &amp;`

func TestEscaping(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	// The seed's machine rewrite with the markup in its ID and text, so that
	// the report shows both in the pair's side-by-side texts.
	text := xss + "\n\n" + seedText(t, seed2) + "\n\n" + xss
	t.Run("HTML", func(t *testing.T) {
		ct, body := multipartBody(t, map[string]string{"id": xss, "text": text}, "", "")
		r := do(t, http.MethodPost, srv.URL+"/check", ct, body)
		if r.status != http.StatusOK {
			t.Fatalf("got %d %s, want 200", r.status, r.body)
		}
		for _, bad := range []string{"<script>alert", "<img", "onerror=alert(1)>"} {
			if strings.Contains(r.body, bad) {
				t.Errorf("got raw %q in the page", bad)
			}
		}
		if !strings.Contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("got no escaped <script> in the page, want it shown as text")
		}
		doc, err := html.Parse(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		walk(doc, func(n *html.Node) {
			if n.Data == "img" {
				t.Errorf("got an <img> element")
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("got an event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
			if n.Data == "script" && n.FirstChild != nil && strings.Contains(n.FirstChild.Data, "alert(1)") {
				t.Errorf("got the article's script as a script element")
			}
		})
		checkScripts(t, r)
	})
	t.Run("error page", func(t *testing.T) {
		ct, body := multipartBody(t, nil, xss+".pdf", "x")
		r := do(t, http.MethodPost, srv.URL+"/check", ct, body)
		if r.status != http.StatusUnsupportedMediaType || strings.Contains(r.body, "<script>alert") || strings.Contains(r.body, "<img") {
			t.Errorf("got %d %s, want 415 with the file name escaped", r.status, r.body)
		}
	})
	t.Run("JSON", func(t *testing.T) {
		r := do(t, http.MethodPost, srv.URL+"/api/check", "application/json", jsonBody(t, map[string]string{"id": xss, "text": text}))
		if r.status != http.StatusOK {
			t.Fatalf("got %d %s, want 200", r.status, r.body)
		}
		if strings.Contains(r.body, "<script>") || strings.Contains(r.body, "<img") {
			t.Errorf("got raw markup in the JSON, want it escaped as \\u003c")
		}
		rep, pairs := decodePairs(t, r.body)
		if len(pairs) != 1 || pairs[0].b != xss || rep.Documents[len(rep.Documents)-1].ID != xss {
			t.Errorf("got pairs %v, want one whose B is the query ID %q as a JSON string", pairs, xss)
		}
	})
}

func TestConcurrent(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	q2 := seedText(t, seed2)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			var r response
			if i%4 == 3 {
				r = do(t, http.MethodPost, srv.URL+"/api/check", "application/json", strings.NewReader("{"))
				if r.status != http.StatusBadRequest {
					t.Errorf("malformed request %d: got %d, want 400", i, r.status)
				}
				return
			}
			r = do(t, http.MethodPost, srv.URL+"/api/check", "application/json", jsonBody(t, map[string]string{"id": "002", "text": q2}))
			if _, got := decodePairs(t, r.body); r.status != 200 || len(got) != 1 {
				t.Errorf("request %d: got %d with pairs %v, want 200 and one pair", i, r.status, got)
			}
		})
	}
	wg.Wait()
}

func TestNewHTTPServer(t *testing.T) {
	s := web.NewHTTPServer("127.0.0.1:0", http.NotFoundHandler(), web.Options{Timeout: time.Minute})
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout < time.Minute || s.WriteTimeout <= s.ReadTimeout || s.IdleTimeout == 0 {
		t.Errorf("got timeouts header %v, read %v, write %v, idle %v; want all set, write > read >= the request timeout",
			s.ReadHeaderTimeout, s.ReadTimeout, s.WriteTimeout, s.IdleTimeout)
	}
}
