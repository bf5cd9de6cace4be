package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/internal/golden"
)

// warcRecord is one record of a test WARC file.
type warcRecord struct {
	version string // "WARC/1.0" when empty
	typ     string // WARC-Type
	uri     string // WARC-Target-URI, left out when empty
	date    string // WARC-Date, left out when empty
	ctype   string // Content-Type, left out when empty
	length  string // Content-Length as written; len(block) when empty
	block   string
}

// bytes returns the record as written in a WARC file, with its two CRLFs.
func (w warcRecord) bytes() []byte {
	var b bytes.Buffer
	v := w.version
	if v == "" {
		v = "WARC/1.0"
	}
	fmt.Fprintf(&b, "%s\r\nWARC-Type: %s\r\n", v, w.typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", len(w.block)*31+len(w.uri))
	if w.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", w.uri)
	}
	if w.date != "" {
		fmt.Fprintf(&b, "WARC-Date: %s\r\n", w.date)
	}
	if w.ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", w.ctype)
	}
	length := w.length
	if length == "" {
		length = strconv.Itoa(len(w.block))
	}
	fmt.Fprintf(&b, "Content-Length: %s\r\n\r\n%s\r\n\r\n", length, w.block)
	return b.Bytes()
}

// response returns a response record for uri holding an HTTP response.
func response(uri, date, httpResp string) warcRecord {
	return warcRecord{typ: "response", uri: uri, date: date, ctype: "application/http; msgtype=response", block: httpResp}
}

// httpResponse returns an HTTP/1.1 response with the given status line
// ("200 OK"), header lines and body. It adds no headers of its own.
func httpResponse(status string, headers []string, body string) string {
	h := ""
	for _, l := range headers {
		h += l + "\r\n"
	}
	return "HTTP/1.1 " + status + "\r\n" + h + "\r\n" + body
}

// htmlResponse returns a 200 response holding page as text/html.
func htmlResponse(page string) string {
	return httpResponse("200 OK", []string{"Content-Type: text/html; charset=utf-8", "Content-Length: " + strconv.Itoa(len(page))}, page)
}

// chunked returns s in the chunked transfer coding, in chunks of size bytes.
func chunked(s string, size int) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(size, len(s))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, s[:n])
		s = s[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

// gzipped returns data as one gzip member.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// warcFile returns the records as a WARC file: plain, or with one gzip
// member per record as is usual for .warc.gz.
func warcFile(gz bool, recs ...warcRecord) []byte {
	var b []byte
	for _, r := range recs {
		if gz {
			b = append(b, gzipped(r.bytes())...)
		} else {
			b = append(b, r.bytes()...)
		}
	}
	return b
}

// newsPage returns a small news page with a title, paragraphs and boilerplate.
func newsPage(title string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>%s</h1>\n", title, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article>\n<footer>© Example News. All rights reserved.</footer></body></html>\n")
	return b.String()
}

var (
	pageA = newsPage("Floods close the river bridge",
		"The old river bridge was closed on Tuesday after floodwater rose above the walkway, the county council said.",
		"Engineers will inspect the structure once the water falls, and a ferry will run in the meantime.")
	pageB = newsPage("Council approves the new budget",
		"The city council approved a budget of 2.4 million pounds on Monday night after a three-hour debate.",
		"Opposition members said the plan cut too deeply into library opening hours.")
)

// warcFixtures builds the files under testdata/warc.
func warcFixtures(t *testing.T) map[string][]byte {
	t.Helper()
	page := func(name string) string {
		return string(readFixture(t, filepath.Join("testdata", "html", name)))
	}
	times, balkan := page("times-trump-putin.html"), page("balkan-kremlin-summit.html")
	timesURI := "https://times.example.com/international/trump-pushes-for-putin-zelenskyy-summit"
	balkanURI := "https://www.balkandaily.example/news/world/kremlin-plays-down-summit-hopes-a1f93"
	latin1 := "<html><head><title>Caf\xe9 owners buy generators</title></head><body><p>Caf\xe9 owners in Lviv, where outages were shorter, said they had bought generators \x96 \x93just in case\x94.</p></body></html>"

	news := []warcRecord{
		{version: "WARC/1.1", typ: "warcinfo", date: "2025-08-21T06:00:00Z", ctype: "application/warc-fields",
			block: "software: reprint-test\r\nformat: WARC File Format 1.1\r\n"},
		{typ: "request", uri: timesURI, date: "2025-08-21T06:00:01Z", ctype: "application/http; msgtype=request",
			block: "GET /international/trump-pushes-for-putin-zelenskyy-summit HTTP/1.1\r\nHost: times.example.com\r\nAccept-Encoding: gzip\r\n\r\n"},
		response(timesURI, "2025-08-21T06:00:02Z", htmlResponse(times)),
		{typ: "metadata", uri: timesURI, date: "2025-08-21T06:00:02Z", ctype: "application/warc-fields",
			block: "via: https://times.example.com/\r\nhopsFromSeed: L\r\n"},
		response("https://times.example.com/uploads/2025/08/trump-putin.jpg", "2025-08-21T06:00:03Z",
			httpResponse("200 OK", []string{"Content-Type: image/jpeg", "Content-Length: 8"}, "\xff\xd8\xff\xe0\x00\x10JF")),
		response(balkanURI, "2025-08-21T06:01:00.250Z", httpResponse("200 OK",
			[]string{"Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"},
			chunked(string(gzipped([]byte(balkan))), 1000))),
		response("https://www.balkandaily.example/missing", "2025-08-21T06:01:01Z", httpResponse("404 Not Found",
			[]string{"Content-Type: text/html"}, newsPage("Page not found", "Sorry, we could not find that page on our site today."))),
		response("https://www.balkandaily.example/news", "2025-08-21T06:01:02Z", httpResponse("301 Moved Permanently",
			[]string{"Location: https://www.balkandaily.example/news/", "Content-Length: 0"}, "")),
		{version: "WARC/1.1", typ: "revisit", uri: timesURI, date: "2025-08-22T06:00:02Z", ctype: "application/http; msgtype=response",
			block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"},
		response("http://kyiv.example/cafe", "2025-08-21T06:02:00Z", httpResponse("200 OK",
			[]string{"Content-Type: text/html; charset=windows-1252"}, latin1)),
		{typ: "response", uri: "dns:times.example.com", date: "2025-08-21T06:00:00Z", ctype: "text/dns",
			block: "20250821060000\ntimes.example.com.\t300\tIN\tA\t192.0.2.7\n"},
	}
	single := []warcRecord{
		{version: "WARC/1.1", typ: "warcinfo", ctype: "application/warc-fields", block: "software: reprint-test\r\n"},
		response("https://news.example/floods", "2025-01-02T03:04:05Z", htmlResponse(pageA)),
		response("https://news.example/budget", "2025-01-02T03:04:06Z", htmlResponse(pageB)),
	}
	malformed := []warcRecord{
		response("https://news.example/floods", "2025-01-02T03:04:05Z", htmlResponse(pageA)),
		{typ: "response", uri: "https://news.example/x", length: "12x", block: "HTTP/1.1 200 OK\r\n\r\n"},
		{typ: "response", uri: "https://news.example/short", length: "40", block: htmlResponse(pageB)},
		{typ: "response", ctype: "application/http; msgtype=response", block: htmlResponse(pageB)},
		response("https://news.example/brotli", "2025-01-02T03:04:05Z", httpResponse("200 OK",
			[]string{"Content-Type: text/html", "Content-Encoding: br"}, "\x1b\x03\x00\xf8")),
		response("https://news.example/empty", "2025-01-02T03:04:05Z", htmlResponse("<html><body><script>app()</script></body></html>")),
		response("https://news.example/floods", "2025-01-03T03:04:05Z", htmlResponse(pageA)),
		{version: "WARC/1.1", typ: "response", uri: "https://news.example/budget", date: "yesterday",
			ctype: "application/http;msgtype=response", block: htmlResponse(pageB)},
	}
	// truncated.warc.gz ends in the middle of the third record's gzip member.
	trunc := warcFile(true, single...)
	last := gzipped(single[2].bytes())
	trunc = trunc[:len(trunc)-len(last)/2]

	// truncated.warc ends in the middle of the second record's block.
	plainTrunc := warcFile(false, single[:2]...)
	plainTrunc = plainTrunc[:len(plainTrunc)-200]

	garbage := make([]byte, 2048)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	garbage[0] = 0x7f // not the gzip magic number

	return map[string][]byte{
		"news.warc.gz":          warcFile(true, news...),
		"single-member.warc.gz": gzipped(warcFile(false, single...)),
		"malformed.warc":        warcFile(false, malformed...),
		"truncated.warc.gz":     trunc,
		"truncated.warc":        plainTrunc,
		"garbage.warc":          garbage,
	}
}

// updating reports whether the tests run with -update (internal/golden's flag).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// gunzipMembers returns the contents of each complete gzip member in b,
// and the error that ended reading, if any.
func gunzipMembers(b []byte) ([][]byte, error) {
	var members [][]byte
	br := bytes.NewReader(b)
	for br.Len() > 0 {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return members, err
		}
		zr.Multistream(false)
		data, err := io.ReadAll(zr)
		if err != nil {
			return members, err
		}
		members = append(members, data)
	}
	return members, nil
}

// TestWARCFixtures checks that the files under testdata/warc are the ones
// warcFixtures builds; -update rewrites them. Gzipped files are compared
// member by member after gunzipping, as compressed bytes may differ
// between Go versions.
func TestWARCFixtures(t *testing.T) {
	files := warcFixtures(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range files {
			if !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "warc", name)
			data := files[name]
			if !strings.HasSuffix(name, ".gz") {
				golden.Check(t, path, data)
				return
			}
			if updating() {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, wantErr := gunzipMembers(data)
			if n, ok := map[string]int{"news.warc.gz": 11, "single-member.warc.gz": 1}[name]; ok && len(want) != n {
				t.Errorf("%s: built %d gzip members, want %d", name, len(want), n)
			}
			got, gotErr := gunzipMembers(readFixture(t, path))
			if !slices.EqualFunc(got, want, bytes.Equal) || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("%s: got %d members (error %v), want %d (error %v); run with -update to rewrite it",
					path, len(got), gotErr, len(want), wantErr)
			}
		})
	}
}

// describeWARC describes a document read from a WARC file by its first
// paragraph and metadata.
func describeWARC(d reprint.Document) string {
	first, _, _ := strings.Cut(d.Text, "\n\n")
	s := fmt.Sprintf("%s @%s %q", d.ID, d.Source, first)
	if d.URL != d.ID {
		s += " url=" + d.URL
	}
	if !d.Published.IsZero() {
		s += " published=" + d.Published.UTC().Format("2006-01-02T15:04:05.999Z07:00")
	}
	return s
}

// drainWARC reads r to the end, checking each result.
func drainWARC(t *testing.T, r *WARCReader) (docs, errs []string) {
	t.Helper()
	for i := 0; ; i++ {
		if i > 1e5 {
			t.Fatal("reader does not end")
		}
		doc, err := r.Read()
		var pe *ParseError
		switch {
		case err == nil:
			checkParagraphs(t, doc.Text)
			docs = append(docs, describeWARC(doc))
		case err == io.EOF:
			return docs, errs
		case errors.As(err, &pe):
			errs = append(errs, err.Error())
		default:
			t.Fatalf("got error %v of type %T, want *ParseError or io.EOF", err, err)
		}
	}
}

func TestWARCFiles(t *testing.T) {
	const (
		times   = `https://times.example.com/international/trump-pushes-for-putin-zelenskyy-summit @%s#record-3 "Trump pushes for Putin-Zelenskyy summit as Kremlin downplays early talks" published=2025-08-21T06:00:02Z`
		balkan  = `https://www.balkandaily.example/news/world/kremlin-plays-down-summit-hopes-a1f93 @%s#record-6 "Kremlin plays down hopes of Putin-Zelensky summit" published=2025-08-21T06:01:00.25Z`
		cafe    = `http://kyiv.example/cafe @%s#record-10 "Café owners buy generators" published=2025-08-21T06:02:00Z`
		floods  = `https://news.example/floods @%s#record-%d "Floods close the river bridge" published=2025-01-02T03:04:05Z`
		budget  = `https://news.example/budget @%s#record-%d "Council approves the new budget"`
		budgetT = budget + " published=2025-01-02T03:04:06Z"
	)
	tests := []struct {
		file      string
		wantDocs  []string
		wantErrs  []string
		wantWarns []string
		wantStats WARCStats
	}{
		{
			file:     "news.warc.gz",
			wantDocs: []string{times, balkan, cafe},
			wantWarns: []string{
				// record 10 is Windows-1252 as its Content-Type says: no guess, no warning
				"%s: skipped 4 of 11 records: responses that are not HTML pages with status 200",
			},
			wantStats: WARCStats{Records: 11, Docs: 3, NonHTML: 4, Other: 4},
		},
		{
			file:      "single-member.warc.gz",
			wantDocs:  []string{fmt.Sprintf(floods, "%s", 2), fmt.Sprintf(budgetT, "%s", 3)},
			wantStats: WARCStats{Records: 3, Docs: 2, Other: 1},
		},
		{
			file:     "malformed.warc",
			wantDocs: []string{fmt.Sprintf(floods, "%s", 1), fmt.Sprintf(budget, "%s", 8)},
			wantErrs: []string{
				`%s: record 2: bad header: bad Content-Length "12x"`,
				"%s: record 3: content length mismatch: block not followed by CRLF CRLF",
				"%s: record 4: response without WARC-Target-URI",
				`%s: record 5: https://news.example/brotli: unsupported content encoding "br"`,
				"%s: record 6: https://news.example/empty: no article text found in HTML",
				`%s: record 7: duplicate id "https://news.example/floods" (first at %[1]s#record-1)`,
			},
			wantWarns: []string{`%s#record-8: WARC-Date ignored: not an RFC 3339 time: "yesterday"`},
			wantStats: WARCStats{Records: 8, Docs: 2, Errors: 6},
		},
		{
			file:      "truncated.warc.gz",
			wantDocs:  []string{fmt.Sprintf(floods, "%s", 2)},
			wantErrs:  []string{"%s: record 3: truncated block"},
			wantStats: WARCStats{Records: 3, Docs: 1, Other: 1, Errors: 1},
		},
		{
			file:      "truncated.warc",
			wantErrs:  []string{"%s: record 2: truncated block"},
			wantStats: WARCStats{Records: 2, Other: 1, Errors: 1},
		},
		{
			file:      "garbage.warc",
			wantErrs:  []string{`%s: record 1: not a WARC record: starts with binary data`},
			wantStats: WARCStats{Records: 1, Errors: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "warc", tt.file)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var warns []string
			r := NewWARC(f, path, warnings(&warns))
			docs, errs := drainWARC(t, r)
			fill := func(lines []string) []string {
				var out []string
				for _, l := range lines {
					out = append(out, fmt.Sprintf(l, path))
				}
				return out
			}
			checkLines(t, "docs", docs, fill(tt.wantDocs))
			checkLines(t, "errors", errs, fill(tt.wantErrs))
			checkLines(t, "warnings", warns, fill(tt.wantWarns))
			if got := r.Stats(); got != tt.wantStats {
				t.Errorf("stats: got %+v, want %+v", got, tt.wantStats)
			}
		})
	}
}

// TestOpenWARC reads WARC files among other files through Open: IDs are
// unique across files, and a bad or truncated archive does not stop the
// batch.
func TestOpenWARC(t *testing.T) {
	var warns []string
	args := []string{
		"testdata/warc/truncated.warc.gz",
		"testdata/warc/garbage.warc",
		"testdata/tree/a.txt",
		"testdata/warc/single-member.warc.gz",
		"testdata/html/times-trump-putin.html",
		"testdata/warc/missing.warc",
	}
	docs, _, err := ReadAll(Open(args, nil, warnings(&warns)))
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.ID+" @"+d.Source)
	}
	checkLines(t, "docs", got, []string{
		"https://news.example/floods @testdata/warc/truncated.warc.gz#record-2",
		"testdata/tree/a.txt @testdata/tree/a.txt",
		"https://news.example/budget @testdata/warc/single-member.warc.gz#record-3",
		"testdata/html/times-trump-putin.html @testdata/html/times-trump-putin.html",
	})
	_, errs := drain(t, Open(args, nil, Options{}))
	checkLines(t, "errors", errs, []string{
		"testdata/warc/truncated.warc.gz: record 3: truncated block",
		"testdata/warc/garbage.warc: record 1: not a WARC record: starts with binary data",
		`testdata/warc/single-member.warc.gz: record 2: duplicate id "https://news.example/floods" (first at testdata/warc/truncated.warc.gz#record-2)`,
		"testdata/warc/missing.warc: no such file or directory",
	})
}

func TestWARCRecords(t *testing.T) {
	ok := response("https://news.example/floods", "2025-01-02T03:04:05Z", htmlResponse(pageA))
	okDoc := `https://news.example/floods @in#record-%d "Floods close the river bridge" published=2025-01-02T03:04:05Z`
	withBody := func(headers []string, body string) []byte {
		return warcFile(false, response("https://news.example/floods", "2025-01-02T03:04:05Z", httpResponse("200 OK", headers, body)))
	}
	tests := []struct {
		name      string
		in        []byte
		wantDocs  []string
		wantErrs  []string
		wantStats WARCStats
	}{
		{name: "empty", in: nil, wantErrs: []string{"in: empty WARC file"}},
		{name: "plain", in: warcFile(false, ok), wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "gzip per record", in: warcFile(true, ok, ok), wantDocs: []string{fmt.Sprintf(okDoc, 1)},
			wantErrs:  []string{`in: record 2: duplicate id "https://news.example/floods" (first at in#record-1)`},
			wantStats: WARCStats{Records: 2, Docs: 1, Errors: 1}},
		{name: "bad gzip", in: []byte("\x1f\x8bnot really"), wantErrs: []string{"in: bad gzip stream: gzip: invalid header"}},
		{name: "gzip with garbage after", in: append(warcFile(true, ok), "trailing junk"...), wantDocs: []string{fmt.Sprintf(okDoc, 1)},
			wantErrs: []string{"in: record 2: gzip: invalid header"}, wantStats: WARCStats{Records: 2, Docs: 1, Errors: 1}},
		{name: "blank lines between records and no final CRLFs", in: append(append([]byte("\r\n\n"), warcFile(false, ok)...), bytes.TrimSuffix(warcFile(false, ok), []byte("\r\n\r\n"))...),
			wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantErrs: []string{`in: record 2: duplicate id "https://news.example/floods" (first at in#record-1)`},
			wantStats: WARCStats{Records: 2, Docs: 1, Errors: 1}},
		{name: "unknown version, then a good record", in: append([]byte("WARC/0.17\r\nWARC-Type: response\r\n\r\n"), warcFile(false, ok)...),
			wantDocs: []string{fmt.Sprintf(okDoc, 2)}, wantErrs: []string{`in: record 1: not a WARC record: starts with "WARC/0.17\r\n"`},
			wantStats: WARCStats{Records: 2, Docs: 1, Errors: 1}},
		{name: "bad header line", in: append([]byte("WARC/1.0\r\nno colon here\r\n\r\n"), warcFile(false, ok)...),
			wantDocs: []string{fmt.Sprintf(okDoc, 2)}, wantErrs: []string{`in: record 1: bad header: malformed MIME header*`},
			wantStats: WARCStats{Records: 2, Docs: 1, Errors: 1}},
		{name: "header too long", in: append([]byte("WARC/1.0\r\nX: "+strings.Repeat("x", 70000)+"\r\n\r\n"), warcFile(false, ok)...),
			wantDocs: []string{fmt.Sprintf(okDoc, 2)}, wantErrs: []string{`in: record 1: bad header: longer than 65536 bytes`},
			wantStats: WARCStats{Records: 2, Docs: 1, Errors: 1}},
		{name: "missing Content-Length", in: []byte("WARC/1.0\r\nWARC-Type: response\r\n\r\n"),
			wantErrs: []string{`in: record 1: bad header: bad Content-Length ""`}, wantStats: WARCStats{Records: 1, Errors: 1}},
		{name: "header cut short", in: []byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Len"),
			wantErrs: []string{"in: record 1: truncated header"}, wantStats: WARCStats{Records: 1, Errors: 1}},
		{name: "huge Content-Length", in: []byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 9223372036854775807\r\n\r\nabc"),
			wantErrs: []string{"in: record 1: truncated block"}, wantStats: WARCStats{Records: 1, Errors: 1}},
		{name: "chunked", in: withBody([]string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, chunked(pageA, 7)),
			wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "chunked header but stored dechunked", in: withBody([]string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, pageA),
			wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "gzip header but stored gunzipped", in: withBody([]string{"Content-Type: text/html", "Content-Encoding: gzip"}, pageA),
			wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "broken gzip body", in: withBody([]string{"Content-Type: text/html", "Content-Encoding: x-gzip"}, "\x1f\x8b\x08\x00broken"),
			wantErrs:  []string{"in: record 1: https://news.example/floods: bad gzip content encoding: unexpected EOF"},
			wantStats: WARCStats{Records: 1, Errors: 1}},
		{name: "xhtml", in: withBody([]string{"Content-Type: application/xhtml+xml"}, pageA),
			wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "no content type, sniffed as HTML", in: withBody(nil, pageA),
			wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
		{name: "no content type, not HTML", in: withBody(nil, "%PDF-1.7"), wantStats: WARCStats{Records: 1, NonHTML: 1}},
		{name: "plain text response", in: withBody([]string{"Content-Type: text/plain"}, "hello"), wantStats: WARCStats{Records: 1, NonHTML: 1}},
		{name: "bad HTTP", in: warcFile(false, response("https://news.example/floods", "", "SMTP ready\r\n\r\n")),
			wantErrs:  []string{`in: record 1: https://news.example/floods: bad HTTP response: malformed HTTP*`},
			wantStats: WARCStats{Records: 1, Errors: 1}},
		{name: "angle brackets around the URI", in: warcFile(false, response("<https://news.example/floods>", "2025-01-02T03:04:05Z", htmlResponse(pageA))),
			wantDocs: []string{fmt.Sprintf(okDoc, 1)}, wantStats: WARCStats{Records: 1, Docs: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewWARC(bytes.NewReader(tt.in), "in", Options{})
			docs, errs := drainWARC(t, r)
			checkLines(t, "docs", docs, tt.wantDocs)
			// A want ending in "*" matches any error it starts, for
			// messages from the standard library.
			for i, w := range tt.wantErrs {
				if prefix, ok := strings.CutSuffix(w, "*"); ok && i < len(errs) && strings.HasPrefix(errs[i], prefix) {
					errs[i] = w
				}
			}
			checkLines(t, "errors", errs, tt.wantErrs)
			if got := r.Stats(); got != tt.wantStats {
				t.Errorf("stats: got %+v, want %+v", got, tt.wantStats)
			}
		})
	}
}

// failAfter returns data, then err.
type failAfter struct {
	data []byte
	err  error
}

func (f *failAfter) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestWARCReadError(t *testing.T) {
	ok := response("https://news.example/floods", "2025-01-02T03:04:05Z", htmlResponse(pageA))
	data := warcFile(false, ok, ok)
	in := &failAfter{data: data[:len(data)-100], err: errors.New("input/output error")}
	docs, errs := drainWARC(t, NewWARC(in, "disk.warc", Options{}))
	checkLines(t, "docs", docs, []string{`https://news.example/floods @disk.warc#record-1 "Floods close the river bridge" published=2025-01-02T03:04:05Z`})
	checkLines(t, "errors", errs, []string{"disk.warc: record 2: input/output error"})
}

// FuzzWARC reads arbitrary bytes as a WARC file. It must never panic or
// loop, return only documents, *ParseError values and io.EOF, and account
// for every record as a document, a skip or an error.
func FuzzWARC(f *testing.F) {
	for _, data := range warcFixturesForFuzz(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewWARC(bytes.NewReader(data), "fuzz", Options{Warn: func(string) {}})
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatalf("%d reads of %d bytes and no end", i, len(data))
			}
			doc, err := r.Read()
			if err == io.EOF {
				break
			}
			var pe *ParseError
			switch {
			case err == nil:
				if doc.ID == "" || !strings.HasPrefix(doc.Source, "fuzz#record-") || !utf8.ValidString(doc.Text) || strings.TrimSpace(doc.Text) == "" {
					t.Fatalf("bad document %+v", doc)
				}
			case errors.As(err, &pe):
				if pe.Source != "fuzz" {
					t.Fatalf("error %q does not name the input", err)
				}
			default:
				t.Fatalf("got error %v of type %T, want *ParseError or io.EOF", err, err)
			}
		}
		if _, err := r.Read(); err != io.EOF {
			t.Fatalf("Read after the end: got %v, want io.EOF", err)
		}
		s := r.Stats()
		if s.Records != s.Docs+s.NonHTML+s.Other+s.Errors {
			t.Fatalf("stats %+v do not add up", s)
		}
	})
}

// warcFixturesForFuzz returns small WARC files to seed FuzzWARC: the
// fixtures (but the large ones) and a few records.
func warcFixturesForFuzz(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, name := range []string{"single-member.warc.gz", "malformed.warc", "truncated.warc.gz", "truncated.warc"} {
		out = append(out, readFixture(tb, filepath.Join("testdata", "warc", name)))
	}
	ok := response("https://news.example/floods", "2025-01-02T03:04:05Z", htmlResponse(pageA))
	out = append(out,
		warcFile(false, ok),
		warcFile(true, ok),
		[]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"),
		[]byte("WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"),
		withHeaders(pageA, "Transfer-Encoding: chunked", "Content-Encoding: gzip"),
	)
	return out
}

// withHeaders returns a WARC response record holding page, gzipped and
// chunked, under the given HTTP headers.
func withHeaders(page string, headers ...string) []byte {
	body := chunked(string(gzipped([]byte(page))), 64)
	return warcFile(false, response("https://news.example/z", "2025-01-02T03:04:05Z",
		httpResponse("200 OK", append([]string{"Content-Type: text/html"}, headers...), body)))
}

// TestWARCRecordOrFile: a record lost (here a URL an earlier file had) is
// counted as a record, a file with no WARC record at all as a whole file.
func TestWARCRecordOrFile(t *testing.T) {
	dir := t.TempDir()
	rec := response("https://news.example/floods", "2025-01-02T03:04:05Z", htmlResponse(pageA))
	writeFiles(t, dir, map[string]string{
		"a.warc":    string(warcFile(false, rec)),
		"b.warc":    string(warcFile(false, rec)),
		"fake.warc": "this is not a web archive\n",
	})
	t.Chdir(dir)
	_, errs, err := ReadAll(Open([]string{"a.warc", "b.warc", "fake.warc"}, nil, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"b.warc": 1, "fake.warc": 0}
	if len(errs) != len(want) {
		t.Fatalf("got errors %+v, want one per file of %v", errs, want)
	}
	for _, e := range errs {
		if l, ok := want[e.Source]; !ok || e.Line != l {
			t.Errorf("got %+v, want line %d (0: the whole file)", e, l)
		}
	}
}
