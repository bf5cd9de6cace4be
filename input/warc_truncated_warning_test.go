package input

import (
	"bytes"
	"strings"
	"testing"
)

// The warning that counts the responses skipped as not HTML pages with
// status 200 is given when the file ends in a truncated record too. Found
// in review: a WARC with a 404 response and a PDF, whose last record is
// cut short, reports "record 3: truncated block" but never "skipped 2 of
// ... records: responses that are not HTML pages with status 200"; the
// same file without its cut record does.
func TestWARCSkippedWarningWithTruncatedEnd(t *testing.T) {
	whole := warcFile(false,
		response("http://a.example/ok", "2024-05-01T10:00:00Z", htmlResponse(pageA)),
		response("http://a.example/404", "2024-05-01T10:00:00Z", httpResponse("404 Not Found", []string{"Content-Type: text/html"}, pageB)),
		response("http://a.example/x.pdf", "2024-05-01T10:00:00Z", httpResponse("200 OK", []string{"Content-Type: application/pdf"}, "%PDF-1.4")),
	)
	cut := response("http://a.example/cut", "2024-05-01T10:00:00Z", htmlResponse(pageB)).bytes()
	data := append(append([]byte{}, whole...), cut[:len(cut)/2]...)
	var warnings []string
	r := NewWARC(bytes.NewReader(data), "crawl.warc", Options{Warn: func(m string) { warnings = append(warnings, m) }})
	docs, errs := drainWARC(t, r)
	if len(docs) != 1 || len(errs) != 1 || !strings.Contains(errs[0], "truncated") {
		t.Fatalf("got docs %q, errors %q; want one document and one truncation error", docs, errs)
	}
	found := false
	for _, w := range warnings {
		found = found || strings.Contains(w, "skipped 2 of")
	}
	if !found {
		t.Errorf("warnings %q; want one counting the 2 skipped responses", warnings)
	}
}
