package web_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/search"
	"github.com/reprint-dev/reprint/web"
)

// genServer indexes n generated articles (no planted copies) and serves
// them; it returns the server and the articles' texts.
func genServer(t *testing.T, n int) (*httptest.Server, []string) {
	return genServerOf(t, 4*n, n, func(string) bool { return true })
}

// genServerOf indexes the first n of total generated articles whose text
// keep accepts.
func genServerOf(t *testing.T, total, n int, keep func(text string) bool) (*httptest.Server, []string) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := gen.Write(&buf, nil, gen.Options{Docs: total, Planted: -1}); err != nil {
		t.Fatal(err)
	}
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "gen.idx"), det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	var docs []reprint.Document
	var fps []*reprint.Fingerprint
	var keys [][]uint64
	var texts []string
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && len(docs) < n {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if !keep(d.Text) {
			continue
		}
		doc := reprint.Document{ID: d.ID, Source: d.ID, Text: d.Text}
		fp := det.Fingerprint(doc)
		docs, fps, keys, texts = append(docs, doc), append(fps, fp), append(keys, det.Keys(fp)), append(texts, d.Text)
	}
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.NewServer(search.New(ix, det, search.Options{MaxCandidates: 100}), web.Options{ErrorLog: log.New(io.Discard, "", 0)}))
	t.Cleanup(srv.Close)
	return srv, texts
}

// TestFormPageSizeBounded: the result page of one pasted article should
// stay proportionate to the article. The HTML report repeats the query's
// whole text in every pair's side-by-side section, so a paste that takes
// from many indexed articles (a digest, a live blog) gets a page of
// pairs × its length: with the 20,000 generated articles of "reprint gen"
// indexed, a 1.6 MB paste (under the 2 MiB limit) got a 281 MB page and
// the server grew to 1.4 GB resident.
func TestFormPageSizeBounded(t *testing.T) {
	tests := []struct {
		name    string
		indexed int // articles indexed, all pasted together as one
		maxRate int // most page bytes per pasted byte
	}{
		{"digest of 10", 10, 20},
		{"digest of 40", 40, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, texts := genServer(t, tt.indexed)
			paste := strings.Join(texts, "\n\n")
			page := checkForm(t, srv.URL, url.Values{"id": {"digest"}, "text": {paste}})
			if got, limit := len(page), tt.maxRate*len(paste); got > limit {
				t.Errorf("pasting %d bytes: got a page of %d bytes (%d× the paste), want at most %d (%d×)",
					len(paste), got, got/len(paste), limit, tt.maxRate)
			}
		})
	}
}

// apiWords posts body as JSON and returns the status, the "words" of the
// document "x" and the warnings.
func apiWords(t *testing.T, srv *httptest.Server, body []byte) (status, words int, warnings []string, raw string) {
	t.Helper()
	r := do(t, http.MethodPost, srv.URL+"/api/check", "application/json", bytes.NewReader(body))
	if r.status != http.StatusOK {
		return r.status, 0, nil, r.body
	}
	rep, _ := decodePairs(t, r.body)
	for _, d := range rep.Documents {
		if d.ID == "x" {
			words = d.Words
		}
	}
	return r.status, words, rep.Warnings, r.body
}

// rawJSON writes {"id":"x","text":TEXT} with text's bytes as they are
// (escaping only what JSON must), as a legacy client would.
func rawJSON(text []byte) []byte {
	esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return []byte(`{"id":"x","text":"` + esc.Replace(string(text)) + `"}`)
}

// TestAPINonUTF8JSON: a JSON body whose text is not valid UTF-8 (a
// Windows-1252 "é") is read as "reprint check" reads the same JSON line:
// decoded as Windows-1252, with the warning "not valid UTF-8". The API
// instead lets encoding/json replace each bad byte with U+FFFD, silently:
// "Zelénsky" becomes two words, seed 000 counts 1177 words instead of
// 1168, and no warning says so.
func TestAPINonUTF8JSON(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	utf8 := strings.ReplaceAll(seedText(t, seed0), "Zelensky", "Zelénsky")
	cp1252 := bytes.ReplaceAll([]byte(utf8), []byte("é"), []byte{0xe9})
	_, wantWords, _, _ := apiWords(t, srv, rawJSON([]byte(utf8)))
	status, words, warnings, body := apiWords(t, srv, rawJSON(cp1252))
	if status != http.StatusOK {
		t.Fatalf("got %d %s, want 200", status, body)
	}
	if words != wantWords {
		t.Errorf("Windows-1252 text: got %d words, want %d (as the same text in UTF-8)", words, wantWords)
	}
	if !strings.Contains(strings.Join(warnings, "\n"), "not valid UTF-8") {
		t.Errorf("Windows-1252 text: got warnings %q, want one saying the text is not valid UTF-8", warnings)
	}
}

// TestAPIJSONByteOrderMark: a JSON body that starts with a UTF-8 byte
// order mark (what Windows tools such as PowerShell 5's UTF8 encoding
// write) is an article, as the same line is to "reprint check" of a
// .jsonl file and as a BOM is dropped from text and HTML bodies. The API
// answers 400 "malformed JSON at byte 1: invalid character 'ï' looking for
// beginning of value", a message that names no visible character.
func TestAPIJSONByteOrderMark(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	body := mustJSON(t, map[string]string{"id": "x", "text": seedText(t, seed2)})
	tests := []struct {
		name string
		body string
	}{
		{"no BOM", body},
		{"UTF-8 BOM", "\ufeff" + body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, http.MethodPost, srv.URL+"/api/check", "application/json", strings.NewReader(tt.body))
			if r.status != http.StatusOK {
				t.Fatalf("got %d %s, want 200", r.status, strings.TrimSpace(r.body))
			}
			if _, got := decodePairs(t, r.body); len(got) != 1 {
				t.Errorf("got pairs %v, want one", got)
			}
		})
	}
}

// TestFormPublishedDateSameDay: the form's "Published on" field is a date
// (<input type="date">), which the server takes as midnight UTC. Against
// an indexed article with a publication time later that day, the pasted
// copy is then "published earlier" and named the original, although a
// date says nothing of which came first that day: an editor checking a
// suspected copy of this morning's story, dated today, is told the suspect
// is the original and the newsroom's own story its copy.
func TestFormPublishedDateSameDay(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "dated.idx"), det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	ours := reprint.Document{ID: "ours", Source: "ours", Text: seedText(t, seed1), Published: time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)}
	fp := det.Fingerprint(ours)
	if _, err := ix.Add([]reprint.Document{ours}, []*reprint.Fingerprint{fp}, [][]uint64{det.Keys(fp)}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.NewServer(search.New(ix, det, search.Options{MaxCandidates: 100}), web.Options{ErrorLog: log.New(io.Discard, "", 0)}))
	t.Cleanup(srv.Close)
	tests := []struct {
		published    string // what the form sends
		wantOriginal string
	}{
		{"2025-08-19", "suspect"}, // the day before: the suspect is earlier
		{"2025-08-20", "ours"},    // the same day: nothing says the suspect is earlier
		{"2025-08-21", "ours"},
	}
	for _, tt := range tests {
		t.Run(tt.published, func(t *testing.T) {
			form := url.Values{"id": {"suspect"}, "text": {seedText(t, seed1)}, "published": {tt.published}}
			r := do(t, http.MethodPost, srv.URL+"/api/check", "application/json", jsonBody(t, map[string]string{"id": "suspect", "text": form.Get("text"), "published": tt.published}))
			rep, _ := decodePairs(t, r.body)
			if r.status != http.StatusOK || len(rep.Pairs) != 1 {
				t.Fatalf("got %d with %d pairs, want 200 and one pair: %s", r.status, len(rep.Pairs), r.body)
			}
			if p := rep.Pairs[0]; p.Original != tt.wantOriginal {
				t.Errorf("API, published %s: got original %q (%s), want %q", tt.published, p.Original, p.Reason, tt.wantOriginal)
			}
			r = do(t, http.MethodPost, srv.URL+"/check", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
			want := "“suspect” looks like a copy of the indexed article ours"
			if tt.wantOriginal == "suspect" {
				want = "“suspect” looks like the original: the indexed article ours is a copy of it"
			}
			if !strings.Contains(r.body, want) {
				t.Errorf("form, published %s: got a page without %q", tt.published, want)
			}
		})
	}
}

// TestDigestNotOriginalByItsOwnToday: a newsletter that reprints five
// indexed articles whole, under an intro of its own that says "today", is
// their copy (an excerpt of each, "embedded", as it is without that word).
// The check instead names the digest the original of all five, "written
// nearer the events (it says "today", the other no day)": the day word of
// the digest's own intro, which lies in none of the passages they share,
// outranks the embedding. The page tells the editor "“digest” looks like
// the original: the indexed article d0000001 is an excerpt of it".
func TestDigestNotOriginalByItsOwnToday(t *testing.T) {
	noDay := regexp.MustCompile(`(?i)\b(today|yesterday|tonight|tomorrow)\b`)
	srv, texts := genServerOf(t, 20, 5, func(text string) bool { return !noDay.MatchString(text) })
	if len(texts) != 5 {
		t.Fatalf("got %d generated articles without a day word, want 5", len(texts))
	}
	body := strings.Join(texts, "\n\n")
	tests := []struct {
		name  string
		intro string
	}{
		{"intro without a day", "Morning briefing: the stories you need to know.\n\n"},
		{"intro saying today", "Morning briefing: the stories you need to know today.\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, http.MethodPost, srv.URL+"/api/check", "application/json", jsonBody(t, map[string]string{"id": "digest", "text": tt.intro + body}))
			rep, _ := decodePairs(t, r.body)
			if r.status != http.StatusOK || len(rep.Pairs) != len(texts) {
				t.Fatalf("got %d with %d pairs, want 200 and %d: %s", r.status, len(rep.Pairs), len(texts), r.body)
			}
			for _, p := range rep.Pairs {
				if p.Original == "digest" {
					t.Errorf("pair %s–%s (%s): got original %q by %s (%s), want %q", p.A, p.B, p.Relation, p.Original, p.OriginalBy, p.Reason, p.A)
				}
			}
			form := url.Values{"id": {"digest"}, "text": {tt.intro + body}}
			r = do(t, http.MethodPost, srv.URL+"/check", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
			if bad := "“digest” looks like the original"; strings.Contains(r.body, bad) {
				t.Errorf("form: got a page saying %q, want the digest named the copy", bad)
			}
		})
	}
}

// TestFormPasteHTMLFragment: the form takes "the HTML source of a news
// page (its article is extracted)", but only a paste that starts with
// <!doctype html> or <html> is read as HTML. The source of an article's
// body copied from a CMS or a page's inspector (<p>...</p> paragraphs) is
// read as plain text: its tags count as words, the paste comes out
// "longer (817 vs 717 words)" than the indexed article it copies, and it
// is named their original, under a headline of "<p class="body-text">...".
// The same fragment posted to /api/check as text/html is read right.
func TestFormPasteHTMLFragment(t *testing.T) {
	srv := newTestServer(t, web.Options{})
	var frag strings.Builder
	for _, p := range strings.Split(seedText(t, seed1), "\n") {
		if strings.TrimSpace(p) != "" {
			frag.WriteString(`<p class="body-text">` + html.EscapeString(p) + "</p>\n")
		}
	}
	tests := []struct {
		name string
		text string
	}{
		{"plain text", seedText(t, seed1)},
		{"HTML page", "<html><body><article>" + frag.String() + "</article></body></html>"},
		{"HTML fragment", frag.String()},
		{"HTML article element", "<article>\n" + frag.String() + "</article>\n"},
	}
	want := "“frag” looks like a copy of the indexed article " + seed1
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := checkForm(t, srv.URL, url.Values{"id": {"frag"}, "text": {tt.text}})
			if !strings.Contains(page, want) {
				t.Errorf("got %q, want %q", near(page, "“frag” looks like", 140), want)
			}
			if strings.Contains(page, "&lt;p class=") {
				t.Errorf("got a page quoting the paste's <p> tags as its text, want them read as markup")
			}
		})
	}
}

// TestFormUploadAtLimit: the form says "A .txt, .html or .htm file of at
// most 64 KiB" (its --max-bytes), but the limit is applied to the whole
// multipart body, boundaries, part headers and the other fields included,
// so a file of the limit, or a few hundred bytes under it, is refused with
// 413 "request too large: the limit is 64 KiB" (the browser's overhead is
// some 600 bytes for the form's five fields).
func TestFormUploadAtLimit(t *testing.T) {
	const limit = 64 << 10
	srv := newTestServer(t, web.Options{MaxBytes: limit})
	page := do(t, http.MethodGet, srv.URL+"/", "", nil)
	if !strings.Contains(page.body, "file of at most 64 KiB") {
		t.Fatalf("got a form without \"file of at most 64 KiB\"")
	}
	base := seedText(t, seed2)
	tests := []struct {
		name string
		size int
	}{
		{"half the limit", limit / 2},
		{"1 KiB under the limit", limit - 1024},
		{"200 bytes under the limit", limit - 200},
		{"at the limit", limit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := strings.Repeat(base, tt.size/len(base)+1)[:tt.size]
			ct, body := multipartBody(t, map[string]string{"id": "", "text": "", "published": "", "url": ""}, "story.txt", content)
			r := do(t, http.MethodPost, srv.URL+"/check", ct, body)
			if r.status != http.StatusOK {
				t.Errorf("file of %d bytes (the form allows %d): got %d, want 200", tt.size, limit, r.status)
			}
		})
	}
}
