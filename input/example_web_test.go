package input_test

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/reprint-dev/reprint/input"
)

// Read the HTML pages in a web archive. Records other than HTML responses
// with status 200 are skipped and counted.
func ExampleNewWARC() {
	page := `<!DOCTYPE html><html><head><title>Bridge closed</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local news</a></nav>
<article><h1>Bridge closed</h1>
<p>The river bridge was closed on Tuesday after floodwater rose above the walkway.</p>
<p>A ferry will run until engineers have inspected the structure.</p></article>
<footer>© Example News. All rights reserved.</footer></body></html>`
	httpResp := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
	record := func(typ, uri, block string) string {
		return "WARC/1.1\r\nWARC-Type: " + typ + "\r\nWARC-Target-URI: " + uri +
			"\r\nWARC-Date: 2025-03-04T05:06:07Z\r\nContent-Type: application/http; msgtype=" + typ +
			"\r\nContent-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n"
	}
	warc := record("request", "https://news.example/bridge", "GET /bridge HTTP/1.1\r\nHost: news.example\r\n\r\n") +
		record("response", "https://news.example/bridge", httpResp)

	r := input.NewWARC(strings.NewReader(warc), "crawl.warc", input.Options{})
	docs, errs, err := input.ReadAll(r)
	if err != nil {
		fmt.Println("fatal:", err)
		return
	}
	for _, d := range docs {
		fmt.Printf("%s (%s, %s)\n%s\n", d.ID, d.Source, d.Published.Format("2006-01-02"), d.Text)
	}
	fmt.Printf("%d errors, %+v\n", len(errs), r.Stats())
	// Output:
	// https://news.example/bridge (crawl.warc#record-2, 2025-03-04)
	// Bridge closed
	//
	// The river bridge was closed on Tuesday after floodwater rose above the walkway.
	//
	// A ferry will run until engineers have inspected the structure.
	// 0 errors, {Records:2 Docs:1 NonHTML:0 Other:1 Errors:0}
}

// Web pages on standard input are recognized by their start; the article
// is kept and the page's boilerplate dropped.
func ExampleOpen_html() {
	stdin := strings.NewReader(`<!doctype html>
<html><head><title>Council approves budget</title>
<link rel="canonical" href="https://gazette.example/budget">
<meta property="article:published_time" content="2024-03-05T18:30:00Z"></head>
<body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><p>The council approved the budget on Monday night after a three-hour debate.</p>
<p>Opposition members said the plan cut too deeply into library opening hours.</p></main>
<aside><h2>Related articles</h2><ul><li><a href="/x">Library hours cut</a></li></ul></aside>
</body></html>`)
	docs, _, _ := input.ReadAll(input.Open([]string{"-"}, stdin, input.Options{}))
	for _, d := range docs {
		fmt.Printf("%s %s %s\n%s\n", d.ID, d.URL, d.Published.Format("2006-01-02 15:04"), d.Text)
	}
	// Output:
	// - https://gazette.example/budget 2024-03-05 18:30
	// Council approves budget
	//
	// The council approved the budget on Monday night after a three-hour debate.
	//
	// Opposition members said the plan cut too deeply into library opening hours.
}
