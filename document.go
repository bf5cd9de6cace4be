package reprint

import "time"

// Document is one input article.
type Document struct {
	// ID identifies the document in reports: the JSONL "id", or the file
	// path relative to the argument it was found under.
	ID string
	// Source says where it came from, for people: "path" or "path:line".
	Source string
	// Text is the article body, valid UTF-8.
	Text string
	// URL is the article's address, when known.
	URL string
	// Published is the publication time; the zero value means unknown.
	Published time.Time
	// Outlet names the publisher (JSONL "source" field), when known.
	Outlet string
}

// InputError records a document or line that could not be read. It is
// reported with the result so that no input is silently lost.
type InputError struct {
	Source string `json:"source"` // "path" or "path:line"
	Err    string `json:"error"`
	Line   int    `json:"-"` // the line or record of Source; 0: the whole file or path
}
