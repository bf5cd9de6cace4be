package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// defaultID is the ID of a pasted or posted article that names none.
const defaultID = "query"

// uploadTypes are the file name extensions the form accepts.
var uploadTypes = map[string]bool{".txt": true, ".html": true, ".htm": true}

// tooLarge is the error for a body over the limit.
func tooLarge(limit int64) *httpError {
	return errorf(http.StatusRequestEntityTooLarge, "request too large: the limit is %s; send a shorter article", humanBytes(limit))
}

// bodyError maps an error from reading the body: over the limit → 413,
// else 400 with what.
func (h *server) bodyError(err error, what string) *httpError {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || strings.Contains(err.Error(), "request body too large") {
		return tooLarge(h.o.MaxBytes)
	}
	return errorf(http.StatusBadRequest, "could not read the %s: %v", what, err)
}

// mediaType returns r's media type, lowercased, without parameters.
func mediaType(r *http.Request) string {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return ""
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(ct))
	}
	return mt
}

// decodeCharset is input.DecodeDeclared, an unknown charset a 415 error.
func decodeCharset(data []byte, contentType string) ([]byte, error) {
	out, err := input.DecodeDeclared(data, contentType)
	if err != nil {
		return nil, errorf(http.StatusUnsupportedMediaType,
			"%v in the Content-Type: send UTF-8, or name a charset such as windows-1252 or iso-8859-1", err)
	}
	return out, nil
}

// collector gathers the input warnings of one request.
type collector struct{ warnings []string }

func (c *collector) options() input.Options {
	return input.Options{Warn: func(msg string) { c.warnings = append(c.warnings, msg) }}
}

// formDocuments reads the article of a submitted form: pasted text (HTML
// if it starts like a web page) or an uploaded .txt, .html or .htm file.
func (h *server) formDocuments(r *http.Request) ([]reprint.Document, []string, error) {
	switch mt := mediaType(r); mt {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(h.o.MaxBytes); err != nil {
			return nil, nil, h.bodyError(err, "form")
		}
		defer r.MultipartForm.RemoveAll()
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, nil, h.bodyError(err, "form")
		}
	default:
		return nil, nil, errorf(http.StatusUnsupportedMediaType,
			"unsupported Content-Type %q: post the form as application/x-www-form-urlencoded or multipart/form-data", mt)
	}
	id := strings.TrimSpace(r.PostFormValue("id"))
	text := r.PostFormValue("text")
	var c collector
	var doc reprint.Document
	file, fh, err := r.FormFile("file")
	switch {
	case err == nil:
		defer file.Close()
		name := path.Base(fh.Filename)
		if strings.TrimSpace(text) != "" {
			return nil, nil, errorf(http.StatusBadRequest, "paste the text or upload a file, not both")
		}
		ext := strings.ToLower(path.Ext(name))
		if !uploadTypes[ext] {
			return nil, nil, errorf(http.StatusUnsupportedMediaType, "file %q: upload a .txt, .html or .htm file", name)
		}
		data, err := io.ReadAll(file)
		if err != nil {
			return nil, nil, h.bodyError(err, "uploaded file")
		}
		if int64(len(data)) > h.o.MaxBytes {
			return nil, nil, tooLarge(h.o.MaxBytes)
		}
		if data, err = decodeCharset(data, fh.Header.Get("Content-Type")); err != nil {
			return nil, nil, err
		}
		if id == "" {
			id = name
		}
		if ext == ".txt" {
			doc, err = input.ReadText(data, id, name, c.options())
		} else {
			doc, err = input.ReadHTML(data, id, name, c.options())
		}
		if err != nil {
			return nil, nil, errorf(http.StatusBadRequest, "%v", err)
		}
	case errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart):
		if strings.TrimSpace(text) == "" {
			return nil, nil, errorf(http.StatusBadRequest, "no article: paste its text or upload a .txt, .html or .htm file")
		}
		if id == "" {
			id = defaultID
		}
		// Browsers send a text area's line ends as CRLF: the limit is
		// on the text with LF, as a file of it would be.
		data := bytes.ReplaceAll([]byte(text), []byte("\r\n"), []byte("\n"))
		if int64(len(data)) > h.o.MaxBytes {
			return nil, nil, tooLarge(h.o.MaxBytes)
		}
		if input.LooksLikeHTML(data) || looksLikeFragment(data) {
			if !input.LooksLikeHTML(data) {
				data = paragraphBreaks(data)
			}
			doc, err = input.ReadHTML(data, id, "pasted page", c.options())
		} else {
			doc, err = input.ReadText(data, id, "pasted text", c.options())
		}
		if err != nil {
			return nil, nil, errorf(http.StatusBadRequest, "%v", err)
		}
	default:
		return nil, nil, h.bodyError(err, "uploaded file")
	}
	if err := setMeta(&doc, r.PostFormValue("url"), r.PostFormValue("published"), ""); err != nil {
		return nil, nil, errorf(http.StatusBadRequest, "%v", err)
	}
	return []reprint.Document{doc}, c.warnings, nil
}

// apiDocument is one article of an /api/check JSON body.
type apiDocument struct {
	ID        any     `json:"id"` // string or number
	Text      *string `json:"text"`
	URL       string  `json:"url"`       // metadata only: never fetched
	Published string  `json:"published"` // RFC 3339 time or YYYY-MM-DD date
	Source    string  `json:"source"`    // the outlet
}

// apiRequest is an /api/check JSON body: one article, or several.
type apiRequest struct {
	apiDocument
	Documents []apiDocument `json:"documents"`
}

// apiDocuments reads the articles of an /api/check request.
func (h *server) apiDocuments(r *http.Request) ([]reprint.Document, []string, error) {
	var c collector
	var read func([]byte, string, string, input.Options) (reprint.Document, error) // nil: JSON
	switch mt := mediaType(r); mt {
	case "application/json":
	case "text/plain":
		read = input.ReadText
	case "text/html", "application/xhtml+xml":
		read = input.ReadHTML
	case "":
		return nil, nil, errorf(http.StatusUnsupportedMediaType, "no Content-Type: send application/json, text/plain or text/html")
	default:
		return nil, nil, errorf(http.StatusUnsupportedMediaType, "unsupported Content-Type %q: send application/json, text/plain or text/html", mt)
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, nil, h.bodyError(err, "request body")
	}
	if read == nil {
		// As a JSON Lines file's line is read: a byte order mark is
		// dropped, and text that is not UTF-8 is decoded as its
		// charset says, or as Windows-1252, with a warning.
		data = bytes.TrimPrefix(data, []byte("\ufeff"))
	}
	if data, err = decodeCharset(data, r.Header.Get("Content-Type")); err != nil {
		return nil, nil, err
	}
	if read == nil {
		var warnings []string
		if text, decoded := input.DecodeText(data); decoded {
			data = []byte(text)
			warnings = append(warnings, "request body: not valid UTF-8, decoded as Windows-1252")
		}
		docs, err := h.decodeJSON(bytes.NewReader(data))
		return docs, warnings, err
	}
	q := r.URL.Query()
	id := strings.TrimSpace(q.Get("id"))
	if id == "" {
		id = defaultID
	}
	doc, err := read(data, id, "request body", c.options())
	if err != nil {
		return nil, nil, errorf(http.StatusBadRequest, "%v", err)
	}
	if err := setMeta(&doc, q.Get("url"), q.Get("published"), q.Get("source")); err != nil {
		return nil, nil, errorf(http.StatusBadRequest, "%v", err)
	}
	return []reprint.Document{doc}, c.warnings, nil
}

// decodeJSON decodes a JSON body into documents.
func (h *server) decodeJSON(body io.Reader) ([]reprint.Document, error) {
	docs, err := decodeAPI(body, h.o.MaxDocuments)
	var he *httpError
	if err != nil && !errors.As(err, &he) {
		return nil, h.bodyError(err, "request body")
	}
	return docs, err
}

// decodeAPI decodes a JSON body: {"id","text"} or {"documents":[...]}. A
// read error is returned as it is; every other error is an *httpError.
func decodeAPI(body io.Reader, maxDocs int) ([]reprint.Document, error) {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	dec.UseNumber()
	var req apiRequest
	if err := dec.Decode(&req); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case err == io.EOF:
			return nil, errorf(http.StatusBadRequest, `empty request body: send {"id": "...", "text": "..."}`)
		case errors.As(err, &se):
			return nil, errorf(http.StatusBadRequest, "malformed JSON at byte %d: %v", se.Offset, err)
		case errors.As(err, &te):
			return nil, typeError(te)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, errorf(http.StatusBadRequest, "malformed JSON: the body ends inside a value")
		case strings.HasPrefix(err.Error(), "json: "):
			return nil, errorf(http.StatusBadRequest, "malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
		}
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errorf(http.StatusBadRequest, "malformed JSON: more data after the object; send one object")
	}
	single := req.Text != nil || req.ID != nil || req.URL != "" || req.Published != "" || req.Source != ""
	var in []apiDocument
	switch {
	case single && req.Documents != nil:
		return nil, errorf(http.StatusBadRequest, `give either "text" (one article) or "documents" (several), not both`)
	case single:
		in = []apiDocument{req.apiDocument}
	case len(req.Documents) == 0:
		return nil, errorf(http.StatusBadRequest, `no article: send {"id": "...", "text": "..."} or {"documents": [{"id": "...", "text": "..."}, ...]}`)
	case len(req.Documents) > maxDocs:
		return nil, errorf(http.StatusRequestEntityTooLarge, "too many documents: %d, the limit is %d", len(req.Documents), maxDocs)
	default:
		in = req.Documents
	}
	docs := make([]reprint.Document, len(in))
	seen := map[string]int{}
	for i, d := range in {
		where, source := "", "request body"
		if !single {
			where = fmt.Sprintf("documents[%d]: ", i)
			source = fmt.Sprintf("request body: documents[%d]", i)
		}
		id, err := idString(d.ID)
		if err != nil {
			return nil, errorf(http.StatusBadRequest, "%s%v", where, err)
		}
		switch {
		case id == "" && single:
			id = defaultID
		case id == "":
			id = defaultID + "-" + strconv.Itoa(i+1)
		}
		if j, ok := seen[id]; ok {
			return nil, errorf(http.StatusBadRequest, "%sid %q repeats documents[%d]'s; give each article its own id", where, id, j)
		}
		seen[id] = i
		switch {
		case d.Text == nil:
			return nil, errorf(http.StatusBadRequest, `%smissing "text"`, where)
		case strings.TrimSpace(*d.Text) == "":
			return nil, errorf(http.StatusBadRequest, `%sempty "text"`, where)
		}
		docs[i] = reprint.Document{ID: id, Source: source, Text: *d.Text}
		if err := setMeta(&docs[i], d.URL, d.Published, d.Source); err != nil {
			return nil, errorf(http.StatusBadRequest, "%s%v", where, err)
		}
	}
	return docs, nil
}

// idString returns a JSON id (string or number) as a string.
func idString(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return strings.TrimSpace(v), nil
	case json.Number:
		return v.String(), nil
	}
	return "", fmt.Errorf(`"id" must be a string or a number`)
}

// typeError says which part of a JSON body has the wrong type, in the
// API's terms: encoding/json's own message names Go types
// ("cannot unmarshal array into Go value of type web.apiRequest").
func typeError(te *json.UnmarshalTypeError) *httpError {
	got := jsonKind(te.Value)
	field := strings.TrimPrefix(te.Field, "apiDocument.")
	switch {
	case field == "":
		return errorf(http.StatusBadRequest, `request body: want a JSON object, {"id": "...", "text": "..."} or {"documents": [...]}, got %s`, got)
	case te.Type == reflect.TypeFor[apiDocument]():
		return errorf(http.StatusBadRequest, `request body: field %q: got %s in the array, want an object {"id": "...", "text": "..."}`, field, got)
	}
	return errorf(http.StatusBadRequest, "request body: field %q: got %s, want %s", field, got, wantKind(te.Type))
}

// jsonKind names the JSON value that encoding/json describes as v
// ("array", "bool", "number 1e999"): "a JSON array".
func jsonKind(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "bool":
		return "a JSON boolean"
	case "":
		return "a JSON value of another type"
	}
	return "a JSON " + kind
}

// wantKind names the JSON value a field of type t takes.
func wantKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array of objects" // the only list field is "documents"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another type"
}

// setMeta sets doc's URL, publication time and outlet from optional
// fields. The URL is only recorded, never fetched.
func setMeta(doc *reprint.Document, url, published, outlet string) error {
	if u := strings.TrimSpace(url); u != "" {
		doc.URL = u
	}
	if s := strings.TrimSpace(outlet); s != "" {
		doc.Outlet = s
	}
	p := strings.TrimSpace(published)
	if p == "" {
		return nil
	}
	if t, ok := input.ParseTime(p); ok {
		doc.Published = t.UTC()
		return nil
	}
	return fmt.Errorf(`"published" %q is not a date (2006-01-02) or a time (2006-01-02T15:04:05Z, 2006-01-02 15:04:05)`, p)
}

// paragraphBreaks returns a pasted fragment with a paragraph tag at each
// blank line of its text when it has no block-level tag of its own:
// "<b>Headline</b>" over paragraphs parted by blank lines, which HTML
// would run together into one. A fragment with block tags is left as it
// is. Tags, comments and the text of script, style, title, textarea and
// pre elements are copied as they are (html.Tokenizer tells them apart).
func paragraphBreaks(data []byte) []byte {
	var out []byte
	z := html.NewTokenizer(bytes.NewReader(data))
	raw := 0 // inside elements whose text is not paragraphs
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if out == nil {
				return data
			}
			return out
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if blockTags[a] {
				return data
			}
			if rawTags[a] && tt != html.SelfClosingTagToken {
				if tt == html.StartTagToken {
					raw++
				} else if raw > 0 {
					raw--
				}
			}
		case html.TextToken:
			if t := z.Raw(); raw == 0 && blankLines.Match(t) {
				out = append(out, blankLines.ReplaceAll(t, []byte("\n<p>\n"))...)
				continue
			}
		}
		out = append(out, z.Raw()...)
	}
}

// blockTags are the elements that part a fragment into paragraphs of
// their own; rawTags those whose text paragraphBreaks leaves alone.
var (
	blockTags = map[atom.Atom]bool{atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true,
		atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
		atom.Article: true, atom.Section: true, atom.Main: true, atom.Body: true, atom.Header: true, atom.Footer: true,
		atom.Table: true, atom.Tr: true, atom.Td: true, atom.Pre: true, atom.Figure: true, atom.Hr: true}
	rawTags    = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Title: true, atom.Textarea: true, atom.Pre: true}
	blankLines = regexp.MustCompile(`\r?\n[ \t\f\r]*\n\s*`)
)

// fragmentTags are the elements an article's HTML source, copied from a
// CMS or a browser's inspector without its page, starts with.
var fragmentTags = map[string]bool{"p": true, "div": true, "article": true, "section": true, "main": true, "body": true,
	"head": true, "header": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "span": true,
	"figure": true, "blockquote": true, "ul": true, "ol": true, "li": true, "table": true, "a": true, "strong": true,
	"em": true, "b": true, "i": true, "br": true, "meta": true, "title": true, "link": true, "script": true, "style": true}

// looksLikeFragment reports whether a paste starts, after white space,
// with an HTML element's opening tag ("<p class=...>", "<article>") or a
// comment: the source of an article without its page, which the form
// reads as HTML as it reads a whole page, so that its tags are not taken
// for words.
func looksLikeFragment(data []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n\f")
	if bytes.HasPrefix(b, []byte("<!--")) {
		return true
	}
	if len(b) < 3 || b[0] != '<' {
		return false
	}
	i := 1
	for i < len(b) && (b[i] >= 'a' && b[i] <= 'z' || b[i] >= 'A' && b[i] <= 'Z' || b[i] >= '0' && b[i] <= '9') {
		i++
	}
	if i == 1 || i == len(b) || !bytes.ContainsRune([]byte(" \t\r\n>/"), rune(b[i])) {
		return false
	}
	return fragmentTags[strings.ToLower(string(b[1:i]))]
}
