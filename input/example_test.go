package input_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/reprint-dev/reprint/input"
)

// Read JSON Lines from standard input ("-"), collecting the lines that
// could not be read instead of stopping at the first.
func ExampleOpen() {
	stdin := strings.NewReader(`{"id":"a1","text":"Council approves budget.","source":"Gazette"}
{"id":"a2","text":
{"id":"a3","text":"Council approves the budget.","published":"2024-03-05"}
`)
	docs, errs, err := input.ReadAll(input.Open([]string{"-"}, stdin, input.Options{}))
	if err != nil {
		fmt.Println("fatal:", err)
		return
	}
	for _, d := range docs {
		fmt.Printf("%s from %s: %q\n", d.ID, d.Source, d.Text)
	}
	for _, e := range errs {
		fmt.Printf("skipped %s: %s\n", e.Source, e.Err)
	}
	// Output:
	// a1 from -:1: "Council approves budget."
	// a3 from -:3: "Council approves the budget."
	// skipped -:2: invalid JSON: unexpected end of line
}

// Read a folder of plain-text files; here an in-memory one.
func ExampleNewFS() {
	fsys := fstest.MapFS{
		"2024/03/story.txt": {Data: []byte("Floods close the bridge.")},
		"2024/03/.draft":    {Data: []byte("hidden files are skipped")},
		"feed.jsonl":        {Data: []byte(`{"id":"f1","text":"Bridge closed by floods."}`)},
	}
	docs, _, _ := input.ReadAll(input.NewFS(fsys, "news", input.Options{}))
	for _, d := range docs {
		fmt.Printf("%s (%s)\n", d.ID, d.Source)
	}
	// Output:
	// 2024/03/story.txt (news/2024/03/story.txt)
	// f1 (news/feed.jsonl:1)
}

// Read JSON Lines whose fields have other names.
func ExampleNewJSONL() {
	in := strings.NewReader(`{"guid":17,"body":"Text of the article.","site":"Courier"}`)
	r := input.NewJSONL(in, "feed.jsonl", input.Options{
		Fields: input.Fields{ID: "guid", Text: "body", Source: "site"},
	})
	doc, err := r.Read()
	fmt.Println(doc.ID, doc.Outlet, doc.Source, err)
	// Output: 17 Courier feed.jsonl:1 <nil>
}

// Offsets into a document, such as a passage's, count bytes of its decoded
// Text, not of the file: here the byte order mark is dropped and the
// Latin-1 "é" (one byte in the file) is two bytes of UTF-8.
func ExampleReadText_offsets() {
	data := []byte("\xef\xbb\xbfCaf\xe9 owner fined")
	doc, _ := input.ReadText(data, "a.txt", "a.txt", input.Options{})
	fmt.Println(strings.Index(doc.Text, "owner"), strings.Index(string(data), "owner"))
	// Output: 6 8
}
