// Package web is the newsroom web page of reprint ("reprint serve"): an
// HTTP adapter over search.Searcher where a journalist pastes or uploads an
// article and sees which indexed articles it copies or rewrites, and which
// copy or rewrite it.
//
// Routes:
//
//	GET  /           a form: paste text or upload a .txt, .html or .htm file
//	POST /check      the form's target (urlencoded or multipart): the HTML
//	                 report of "reprint scan --format html", with a link back
//	POST /api/check  JSON {"id","text"} or {"documents":[{"id","text"},...]},
//	                 or a raw text/plain or text/html body (?id= names it):
//	                 the JSON report of "reprint check --format json"
//	GET  /healthz    "ok"
//
// Every error gets a status (400 bad input, 404, 405, 413 too large, 415,
// 500, 503 timed out) and a message: JSON {"error": "..."} under /api/,
// a small HTML page elsewhere. Article text is only ever written through
// html/template or encoding/json, so a page holding <script> shows it as
// text, and a Content-Security-Policy allows no script but the report's
// own. The server never fetches a URL: a "url" field is only metadata.
package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/report"
	"github.com/reprint-dev/reprint/search"
)

// Defaults of Options.
const (
	DefaultMaxBytes     = 2 << 20 // request body limit: 2 MiB
	DefaultTimeout      = 10 * time.Second
	DefaultMaxDocuments = 100
)

// Options configure NewServer. The zero value means the defaults.
type Options struct {
	// MaxBytes limits a request body; a larger one gets 413.
	// 0 → DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds the work on one request; a check that takes longer
	// gets 503. 0 → DefaultTimeout.
	Timeout time.Duration
	// MaxDocuments limits the documents of one /api/check request.
	// 0 → DefaultMaxDocuments.
	MaxDocuments int
	// MaxChecks bounds the checks that run at once; a request beyond it
	// waits for one to end, within its Timeout (then 503), so that a
	// burst of long pastes does not take the memory of all of them at
	// once. 0 → runtime.GOMAXPROCS.
	MaxChecks int
	// ErrorLog receives the server-side errors (status 500 and 503);
	// nil → log.Default().
	ErrorLog *log.Logger
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxDocuments <= 0 {
		o.MaxDocuments = DefaultMaxDocuments
	}
	if o.MaxChecks <= 0 {
		o.MaxChecks = runtime.GOMAXPROCS(0)
	}
	if o.ErrorLog == nil {
		o.ErrorLog = log.Default()
	}
	return o
}

//go:embed templates/*.tmpl
var templateFS embed.FS

var templates = template.Must(template.New("web").ParseFS(templateFS, "templates/*.tmpl"))

// server is the handler NewServer returns.
type server struct {
	s      *search.Searcher
	o      Options
	csp    string
	routes map[string]route
	slots  chan struct{} // one per check running (MaxChecks)
}

// route is the handler of one path, by method.
type route struct {
	method string // GET routes also answer HEAD
	fn     func(w http.ResponseWriter, r *http.Request) error
}

// NewServer returns the handler of the web page and API, checking articles
// with s. It sets the security headers on every response.
func NewServer(s *search.Searcher, o Options) http.Handler {
	h := &server{s: s, o: o.withDefaults(), csp: contentSecurityPolicy()}
	h.slots = make(chan struct{}, h.o.MaxChecks)
	h.routes = map[string]route{
		"/":          {http.MethodGet, h.form},
		"/check":     {http.MethodPost, h.checkForm},
		"/api/check": {http.MethodPost, h.checkAPI},
		"/healthz":   {http.MethodGet, h.health},
	}
	return h
}

// NewHTTPServer returns an http.Server of h on addr whose timeouts suit
// Options o: headers within 5 s, a body within max(30 s, o.Timeout), the
// response within that plus o.Timeout and 10 s, idle connections closed
// after 60 s.
func NewHTTPServer(addr string, h http.Handler, o Options) *http.Server {
	o = o.withDefaults()
	read := max(30*time.Second, o.Timeout)
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       read,
		WriteTimeout:      read + o.Timeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          o.ErrorLog,
	}
}

// httpError is an error with the status it answers a request with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) *httpError {
	return &httpError{status, fmt.Sprintf(format, args...)}
}

// ServeHTTP routes r, sets the security headers and turns a handler's
// error (or panic) into an error response.
func (h *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", h.csp)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cache-Control", "no-store")
	api := strings.HasPrefix(r.URL.Path, "/api/")
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			h.o.ErrorLog.Printf("reprint: serve: %s %s: panic: %v", r.Method, r.URL.Path, p)
			h.fail(w, api, errorf(http.StatusInternalServerError, "internal error"))
		}
	}()
	rt, ok := h.routes[r.URL.Path]
	switch {
	case !ok:
		h.fail(w, api, errorf(http.StatusNotFound, "no page at %s; the form is at /", r.URL.Path))
		return
	case r.Method != rt.method && !(r.Method == http.MethodHead && rt.method == http.MethodGet):
		allow := rt.method
		if rt.method == http.MethodGet {
			allow += ", HEAD"
		}
		hdr.Set("Allow", allow)
		h.fail(w, api, errorf(http.StatusMethodNotAllowed, "method %s is not allowed on %s; use %s", r.Method, r.URL.Path, rt.method))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.o.Timeout)
	defer cancel()
	limit := h.o.MaxBytes
	if mediaType(r) == "multipart/form-data" {
		// The form's file or text may be MaxBytes long: its boundaries,
		// part headers and other fields come on top.
		limit += multipartSlack
	}
	if r.ContentLength > limit {
		h.fail(w, api, tooLarge(h.o.MaxBytes))
		return
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, limit)
	}
	if err := rt.fn(w, r.WithContext(ctx)); err != nil {
		h.fail(w, api, err)
	}
}

// multipartSlack is what a form's body may hold beyond MaxBytes: the
// boundaries, part headers and short fields around its article (some 600
// bytes from a browser), and the CR of each CRLF line end a browser sends
// for a text area.
const multipartSlack = 64 << 10

// fail writes err as an error response: JSON under /api/, else HTML.
func (h *server) fail(w http.ResponseWriter, api bool, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = errorf(http.StatusInternalServerError, "%v", err)
	}
	if he.status >= 500 {
		h.o.ErrorLog.Printf("reprint: serve: %d: %s", he.status, he.msg)
	}
	if api {
		writeJSON(w, he.status, struct {
			Error string `json:"error"`
		}{he.msg})
		return
	}
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "error", struct {
		Status int
		Text   string
		Msg    string
	}{he.status, http.StatusText(he.status), he.msg}); err != nil {
		h.o.ErrorLog.Printf("reprint: serve: error page: %v", err)
	}
	writeBody(w, he.status, "text/html; charset=utf-8", buf.Bytes())
}

// writeBody writes a complete response.
func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	if strings.HasPrefix(contentType, "text/html") {
		body = report.ShowControls(body) // IDs and file names can hold them
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	w.Write(body)
}

// writeJSON writes v as indented JSON. Encoding/json escapes <, > and &
// in strings, so article text stays inert even if a client renders it.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil { // a result with NaN: never expected
		status = http.StatusInternalServerError
		b = []byte(`{"error": "could not encode the report"}`)
	}
	writeBody(w, status, "application/json", append(b, '\n'))
}

// form serves the page with the form.
func (h *server) form(w http.ResponseWriter, r *http.Request) error {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "form", h.formData(r.Host)); err != nil {
		return fmt.Errorf("form page: %w", err)
	}
	writeBody(w, http.StatusOK, "text/html; charset=utf-8", buf.Bytes())
	return nil
}

// formView is what the form page shows.
type formView struct {
	Documents int    // indexed articles; -1 if unknown
	MaxBytes  string // "2 MiB"
	Host      string // the request's host, for the API example
}

func (h *server) formData(host string) formView {
	if host == "" {
		host = "localhost"
	}
	v := formView{Documents: -1, MaxBytes: humanBytes(h.o.MaxBytes), Host: host}
	if st, err := h.s.Index().Stats(); err == nil {
		v.Documents = st.Documents
	}
	return v
}

// health answers "ok" while the server runs.
func (h *server) health(w http.ResponseWriter, r *http.Request) error {
	writeBody(w, http.StatusOK, "text/plain; charset=utf-8", []byte("ok\n"))
	return nil
}

// checkForm checks the article of a submitted form and shows the report.
func (h *server) checkForm(w http.ResponseWriter, r *http.Request) error {
	docs, warnings, err := h.formDocuments(r)
	if err != nil {
		return err
	}
	res, texts, err := h.check(r.Context(), docs, warnings)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, res, report.HTML, report.Options{Texts: texts, Check: true}); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	var banner bytes.Buffer
	if err := templates.ExecuteTemplate(&banner, "banner", bannerView(res, docs)); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	writeBody(w, http.StatusOK, "text/html; charset=utf-8", spliceBanner(buf.Bytes(), banner.Bytes()))
	return nil
}

// checkAPI checks the articles of a JSON, text or HTML body and answers
// with the JSON report.
func (h *server) checkAPI(w http.ResponseWriter, r *http.Request) error {
	docs, warnings, err := h.apiDocuments(r)
	if err != nil {
		return err
	}
	res, _, err := h.check(r.Context(), docs, warnings)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, report.Build(res))
	return nil
}

// check runs the search and maps its errors to statuses.
func (h *server) check(ctx context.Context, docs []reprint.Document, warnings []string) (*reprint.Result, []string, error) {
	select {
	case h.slots <- struct{}{}: // a free slot: taken whatever the time left
	default:
		select {
		case h.slots <- struct{}{}:
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil, nil, errorf(http.StatusServiceUnavailable, "busy: %d checks were running for longer than %v; try again", h.o.MaxChecks, h.o.Timeout)
			}
			return nil, nil, errorf(http.StatusServiceUnavailable, "the check was cancelled (client gone or server shutting down)")
		}
	}
	defer func() { <-h.slots }()
	res, texts, err := h.s.Check(ctx, docs)
	var ie *search.IndexError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return nil, nil, errorf(http.StatusServiceUnavailable, "the check took longer than %v and was stopped; try again or send a shorter article", h.o.Timeout)
	case errors.Is(err, context.Canceled):
		return nil, nil, errorf(http.StatusServiceUnavailable, "the check was cancelled (client gone or server shutting down)")
	case errors.As(err, &ie):
		return nil, nil, errorf(http.StatusInternalServerError, "could not read the index: %v", err)
	case err != nil:
		return nil, nil, errorf(http.StatusInternalServerError, "check failed: %v", err)
	}
	res.Warnings = append(res.Warnings, warnings...)
	return res, texts, nil
}

// banner is what the result page shows above the report: how many
// matches, and for each checked article the verdict of its strongest
// derived pair in plain words.
type banner struct {
	Queries  []string
	Matches  int
	Verdicts []string
	Notes    []string // of articles with no match: too short to judge
}

// tooShort is the word count under which an article cannot match: a
// derived pair needs reprint.MinMatched content words in common (a
// Chinese or Japanese text more characters, which this does not tell).
const tooShort = reprint.MinMatched

func bannerView(res *reprint.Result, docs []reprint.Document) banner {
	b := banner{}
	for _, d := range docs {
		b.Queries = append(b.Queries, d.ID)
	}
	first := len(res.Documents) - len(docs) // the queries come last
	matches := map[int]int{}                // derived pairs of each query
	for _, p := range res.Pairs {
		if p.Relation.Derived() && p.B >= first { // a pair with a query (B > A)
			b.Matches++
			matches[p.B]++
			if p.A >= first {
				matches[p.A]++
			}
		}
	}
	for qi := max(first, 0); qi < len(res.Documents); qi++ {
		best := -1
		for i, p := range res.Pairs {
			if p.Relation.Derived() && (p.A == qi || p.B == qi) && (best < 0 || p.Score > res.Pairs[best].Score) {
				best = i
			}
		}
		q := res.Documents[qi].ID
		if best < 0 {
			b.Verdicts = append(b.Verdicts, fmt.Sprintf("“%s”: no copies, excerpts or rewrites of it or by it in the index.", q))
			if w := res.Documents[qi].Words; w < tooShort {
				b.Notes = append(b.Notes, fmt.Sprintf("“%s” is too short to judge: %d words, where a copy or rewrite shares at least %d with its source.", q, w, tooShort))
			}
			continue
		}
		p := res.Pairs[best]
		other := res.Documents[p.A+p.B-qi].ID
		var v string
		if p.Original == qi {
			v = fmt.Sprintf("“%s” looks like the original: the indexed article %s %s it (score %.2f).", q, other, report.CopyOf(p), p.Score)
		} else if report.TakesIn(p) {
			v = fmt.Sprintf("“%s” looks like it takes in most of the indexed article %s (score %.2f).", q, other, p.Score)
		} else {
			v = fmt.Sprintf("“%s” looks like %s of the indexed article %s (score %.2f).", q, report.RelationPhrase(p.Relation), other, p.Score)
		}
		if report.WeakCall(p.OriginalBy) {
			v += " Which is the original is a weak call: " + p.Reason + "."
		}
		switch n := matches[qi] - 1; {
		case n == 1:
			v += " It matches 1 more indexed article, below."
		case n > 1:
			v += fmt.Sprintf(" It matches %d more indexed articles, below.", n)
		}
		b.Verdicts = append(b.Verdicts, v)
	}
	return b
}

// spliceBanner inserts banner into the report page before its <header>:
// after the skip link, before any article text. The report escapes every
// text, so the first "<header>" is the template's own.
func spliceBanner(page, banner []byte) []byte {
	at := bytes.Index(page, []byte("<header>"))
	if at < 0 {
		return append(banner, page...)
	}
	out := make([]byte, 0, len(page)+len(banner))
	out = append(out, page[:at]...)
	out = append(out, banner...)
	return append(out, page[at:]...)
}

// scriptRE finds the inline scripts of a report page.
var scriptRE = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// contentSecurityPolicy allows nothing but inline styles (the report's
// style sheet and score bars) and the report's own inline script, by its
// hash, so that no injected script could run even if escaping failed.
func contentSecurityPolicy() string {
	var buf bytes.Buffer
	script := "'none'"
	if err := report.Write(&buf, &reprint.Result{}, report.HTML, report.Options{}); err == nil {
		var hashes []string
		for _, m := range scriptRE.FindAllSubmatch(buf.Bytes(), -1) {
			sum := sha256.Sum256(m[1])
			hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		}
		if len(hashes) > 0 {
			script = strings.Join(hashes, " ")
		}
	}
	return "default-src 'none'; style-src 'unsafe-inline'; script-src " + script +
		"; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}

// humanBytes formats n as "2 MiB", "512 KiB" or "100 bytes".
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return plural(n, "byte")
}

// plural returns n and noun, with an s for any count but one: "1 byte",
// "100 bytes". noun must take a plain s in the plural.
func plural[N int | int64](n N, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
