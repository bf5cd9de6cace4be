package input

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/reprint-dev/reprint"
)

// Limits on the HTML pages read, so that one odd page costs bounded memory
// and time. Real news pages are far below them.
const (
	maxHTMLSize     = 16 << 20 // bytes of one page
	maxHTMLElements = 100_000  // elements of one page
)

// minArticleChars is the article length below which the extractor tries
// again with looser rules (Readability's default is 500). Lower than the
// default, it keeps the strict first try for short news items, which
// would otherwise gain the page's cookie notice or link lists: for finding
// copies, boilerplate shared by unrelated pages is worse than a short text.
const minArticleChars = 100

// errNoArticle is the error for a page the extractor finds no text in.
var errNoArticle = errors.New("no article text found in HTML")

// article is what extractArticle finds in an HTML page.
type article struct {
	Title     string    // headline; may be empty
	Body      string    // paragraphs joined by blank lines, without the title
	URL       string    // canonical URL, absolute; may be empty
	Published time.Time // publication time; zero if unknown
	DateErr   error     // set when the page gives a date that could not be parsed
}

// Text is the document text: the title as the first paragraph, then the
// body. A body that already starts with the title does not repeat it.
func (a article) Text() string {
	if a.Title == "" || sameParagraph(a.Title, firstParagraph(a.Body)) {
		return a.Body
	}
	return a.Title + "\n\n" + a.Body
}

// extractArticle finds the article in an HTML page: its body text without
// navigation, cookie notices, comments, related links, footers and
// scripts (Readability's algorithm, codeberg.org/readeck/go-readability),
// and its title, canonical URL and publication time. page must be UTF-8.
// base, if not nil, is the page's address; it resolves a relative
// canonical URL. A page with no body text gives errNoArticle.
func extractArticle(page string, base *url.URL) (article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return article{}, fmt.Errorf("parsing HTML: %w", err)
	}
	// The parser itself refuses elements nested more than 512 deep.
	if n := countElements(doc); n > maxHTMLElements {
		return article{}, fmt.Errorf("HTML page too large (%d elements, limit %d)", n, maxHTMLElements)
	}
	canonical := canonicalURL(doc, base)

	p := readability.NewParser()
	p.CharThresholds = minArticleChars
	ra, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return article{}, fmt.Errorf("extracting article: %w", err)
	}
	a := article{Title: strings.Join(strings.Fields(ra.Title()), " "), URL: canonical}
	if ra.Node != nil {
		var b bytes.Buffer
		if err := ra.RenderText(&b); err != nil {
			return article{}, fmt.Errorf("extracting article: %w", err)
		}
		a.Body = paragraphs(b.String())
	}
	if a.Body == "" {
		return article{}, errNoArticle
	}
	t, err := publishedTime(ra)
	switch {
	case errors.Is(err, readability.ErrTimestampMissing):
	case err != nil:
		a.DateErr = err
	default:
		a.Published = t
	}
	return a, nil
}

// publishedTime returns the article's publication time, one given without
// a zone taken as UTC, as the JSONL reader takes it, so that the result
// does not depend on the machine's zone. Article.PublishedTime parses in
// time.Local, where a time without a zone and one whose offset is the
// machine's own ("09:30-04:00" in New York) come out alike, so the
// metadata's text is parsed here in UTC (with the parser Article uses) when
// it can be read; it is an unexported field, read by reflection, and if a
// later version of the extractor renames it, the Local parse is used as
// before (TestExtractArticleOffsetOfLocalZone then fails).
func publishedTime(ra readability.Article) (time.Time, error) {
	if f := reflect.ValueOf(ra).FieldByName("publishedTime"); f.IsValid() && f.Kind() == reflect.String {
		raw := f.String()
		if raw == "" {
			return time.Time{}, readability.ErrTimestampMissing
		}
		t, err := dateparse.ParseIn(raw, time.UTC)
		if err != nil {
			return time.Time{}, fmt.Errorf("error parsing publishedTime: %w", err)
		}
		return t, nil
	}
	t, err := ra.PublishedTime()
	if err != nil {
		return t, err
	}
	return zonelessAsUTC(t), nil
}

// zonelessAsUTC reads a time the extractor parsed without a zone, which it
// puts in the local zone, as UTC instead, like the JSONL reader does, so
// that the result does not depend on the machine.
func zonelessAsUTC(t time.Time) time.Time {
	if t.Location() != time.Local {
		return t
	}
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, t.Nanosecond(), time.UTC)
}

// adLabels are paragraphs that only label an advertisement slot. The
// extractor keeps them when the slot's script is removed and the label is
// all that is left.
var adLabels = map[string]bool{
	"advertisement":                       true,
	"advertisement - scroll to continue":  true,
	"story continues below advertisement": true,
	"sponsored content":                   true,
}

// paragraphs normalizes the extractor's text: each non-blank line is one
// paragraph with its white space collapsed, and paragraphs are separated
// by a blank line. Advertisement labels are dropped.
func paragraphs(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		p := strings.Join(fields, " ")
		if adLabels[strings.ToLower(p)] {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

// firstParagraph returns text up to its first blank line.
func firstParagraph(text string) string {
	p, _, _ := strings.Cut(text, "\n\n")
	return p
}

// sameParagraph reports whether a and b are equal but for case and white space.
func sameParagraph(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// countElements returns the number of elements below n. It walks without
// recursion, so that any tree is safe.
func countElements(n *html.Node) int {
	count := 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			count++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return count
}

// canonicalURL returns the page's canonical address: the first <link
// rel="canonical"> with an href, else <meta property="og:url">, resolved
// against base. Only absolute http and https URLs are returned.
func canonicalURL(doc *html.Node, base *url.URL) string {
	var link, og string
	stack := []*html.Node{doc}
	for len(stack) > 0 && link == "" {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") {
					link = absURL(attr(n, "href"), base)
				}
			case atom.Meta:
				if og == "" && strings.EqualFold(attr(n, "property"), "og:url") {
					og = absURL(attr(n, "content"), base)
				}
			case atom.Body:
				continue // the head is enough; bodies are large
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	if link != "" {
		return link
	}
	return og
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether the space-separated list s holds tok, ignoring case.
func hasToken(s, tok string) bool {
	for f := range strings.FieldsSeq(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// absURL resolves ref against base and returns it if it is an absolute
// http or https URL, else "".
func absURL(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// looksLikeHTML reports whether b starts, after a byte order mark and
// white space, with "<!doctype html" or "<html", in any case.
func looksLikeHTML(b []byte) bool {
	b = bytes.TrimLeft(trimBOM(b), " \t\r\n\f")
	for _, prefix := range []string{"<!doctype html", "<html"} {
		if len(b) < len(prefix) || !strings.EqualFold(string(b[:len(prefix)]), prefix) {
			continue
		}
		if len(b) == len(prefix) || strings.IndexByte(" \t\r\n\f>/", b[len(prefix)]) >= 0 {
			return true
		}
	}
	return false
}

// htmlSniffLen is how many bytes looksLikeHTML needs after leading white space.
const htmlSniffLen = len("<!doctype html") + 1

// readPage decodes an HTML page to UTF-8 and extracts its article. A page
// that is not valid UTF-8 is decoded as it declares, by the charset of
// contentType (its HTTP Content-Type, if known) or of a <meta> in its
// first 1,024 bytes (golang.org/x/net/html/charset, the WHATWG rules: a
// scraped archive's windows-1251 or Shift_JIS pages); one that declares
// nothing else, or UTF-8, is read as decodeText reads text, and fixed
// reports that it was a guess. Valid UTF-8 is taken as it is, whatever the
// page declares: a page saved again as UTF-8 often keeps its old <meta>.
func readPage(data []byte, base *url.URL, contentType string) (a article, fixed bool, err error) {
	if len(data) > maxHTMLSize {
		return article{}, false, fmt.Errorf("HTML page too large (%d bytes, limit %d)", len(data), maxHTMLSize)
	}
	text, fixed := decodePage(trimBOM(data), contentType)
	a, err = extractArticle(text, base)
	return a, fixed, err
}

// decodePage returns page as UTF-8, as readPage says; fixed reports a
// guess (Windows-1252 for bytes that are not UTF-8, nothing declared).
func decodePage(page []byte, contentType string) (text string, fixed bool) {
	if utf8.Valid(page) {
		return string(page), false
	}
	enc, name, certain := charset.DetermineEncoding(page, contentType)
	switch name {
	case "utf-8", "replacement": // declared but not so, or a label WHATWG reads as one U+FFFD (ISO-2022-KR): the Windows-1252 guess, warned
		return decodeText(page)
	case "windows-1252": // declared (Latin-1 is read so too), or the default
		text, _ := decodeText(page)
		return text, !certain && !declaresCharset(page)
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil { // a decoder replaces what it cannot decode; to be safe
		return decodeText(page)
	}
	return string(out), false
}

// declaresCharset reports whether the first 1,024 bytes of a page (where
// the WHATWG prescan looks) name a charset.
func declaresCharset(page []byte) bool {
	head := page[:min(len(page), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}

// htmlDoc makes a document of an HTML file's contents.
func (r *FileReader) htmlDoc(data []byte, id, source string) (reprint.Document, error) {
	fail := func(err error) (reprint.Document, error) {
		return reprint.Document{}, &ParseError{Source: source, Err: err}
	}
	data, _ = fromUTF16(data)
	if isBinary(data) {
		return fail(errors.New("binary file, not text"))
	}
	if len(bytes.TrimSpace(trimBOM(data))) == 0 {
		return fail(errors.New("empty document"))
	}
	a, fixed, err := safeReadPage(data, nil, "")
	if err != nil {
		return fail(err)
	}
	if fixed {
		r.opts.warnf("%s: not valid UTF-8, decoded as Windows-1252", source)
	}
	if a.DateErr != nil {
		r.opts.warnf("%s: publication date ignored: %v", source, a.DateErr)
	}
	if err := r.seen.check(id, source); err != nil {
		return fail(err)
	}
	return reprint.Document{ID: id, Source: source, Text: a.Text(), URL: a.URL, Published: a.Published}, nil
}

// safeReadPage is readPage, with a panic in the extractor turned into an
// error, so that one odd page cannot stop a whole batch.
func safeReadPage(data []byte, base *url.URL, contentType string) (a article, fixed bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, fixed, err = article{}, false, fmt.Errorf("HTML extractor failed: %v", p)
		}
	}()
	return readPage(data, base, contentType)
}
