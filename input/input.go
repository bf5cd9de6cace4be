// Package input turns files, folders, JSONL and standard input into
// reprint.Document values.
//
// A JSONL file (.jsonl or .ndjson) holds one document per line as a JSON
// object with an id and a text. A .json file is read as JSON Lines too if
// it is that; otherwise each object of its top-level array, or each of its
// top-level objects (one, or several as jq prints them), is a document
// read as a JSONL line is. An HTML file (.html or .htm) is one document:
// the article in the page, without navigation, comments and other
// boilerplate. A WARC file (.warc or .warc.gz) holds one document per
// archived HTML page. Every other file is one plain-text document whose
// ID is its path. A gzipped file is gunzipped as it is read, and read as
// its name without .gz says (x.jsonl.gz is JSON Lines); zip and tar
// archives and other compressed files are errors saying how to unpack
// them. Bad input never stops reading: each unreadable line, record or
// file becomes a *ParseError naming it ("path:line: reason", "path:
// record 7: reason") and reading goes on, so that every input ends up
// either as a document or as an error.
//
// Document.Text is the decoded text, always valid UTF-8: gunzipped,
// without a byte order mark, decoded from UTF-16, Windows-1252 or an HTML
// page's charset, unescaped from its JSON string, or extracted from the
// page's markup. The byte offsets of the passages a scan finds
// (reprint.Passage) are offsets into that text, not into the file's
// bytes; only a Location is in the file's bytes.
package input

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reprint-dev/reprint"
)

// Fields names the JSONL fields a document is read from. An empty name
// means the default given beside it.
type Fields struct {
	ID        string // "id": string or number, required
	Text      string // "text": string, required
	URL       string // "url": string, optional
	Published string // "published": date or time string, optional
	Source    string // "source": publisher name, optional; becomes Document.Outlet
}

// withDefaults fills in the default field names.
func (f Fields) withDefaults() Fields {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&f.ID, "id")
	def(&f.Text, "text")
	def(&f.URL, "url")
	def(&f.Published, "published")
	def(&f.Source, "source")
	return f
}

// Options configure the readers. The zero value is ready to use.
type Options struct {
	// Fields names the JSONL fields.
	Fields Fields
	// Warn receives non-fatal notes about the input, each naming the file
	// (and line), such as text decoded as Windows-1252 or an unparseable
	// publication date. Nil means they are dropped.
	Warn func(msg string)
	// Workers decodes JSON Lines on this many goroutines; 0 or 1 decodes
	// in the caller's. Documents, errors and warnings come in input order
	// either way.
	Workers int
}

// warnf calls o.Warn, if set, with a formatted message.
func (o *Options) warnf(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// ParseError is a recoverable error about one input item: a JSONL line or
// a file that was skipped. Reading can go on after it.
type ParseError struct {
	Source string // the file as the user named it, "-" for standard input
	Line   int    // 1-based line number; 0 when the error is about the whole file
	Record int    // 1-based WARC record (named in Err too); 0 when not about a record
	Err    error
}

// Error returns "source:line: reason", or "source: reason" when Line is 0.
func (e *ParseError) Error() string {
	return e.where() + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// where returns "source:line" or "source".
func (e *ParseError) where() string {
	if e.Line == 0 {
		return e.Source
	}
	return fmt.Sprintf("%s:%d", e.Source, e.Line)
}

// Reader yields documents one at a time, like encoding/csv's Reader.
// Read returns io.EOF after the last document. A *ParseError means that one
// item was skipped and Read may be called again; any other error is fatal.
type Reader interface {
	Read() (reprint.Document, error)
}

// ReadAll reads r to the end. It returns the documents read, an
// InputError for every item skipped with a *ParseError, and the fatal
// error that stopped it, if any (never io.EOF).
func ReadAll(r Reader) (docs []reprint.Document, errs []reprint.InputError, err error) {
	for {
		doc, err := r.Read()
		if err == nil {
			docs = append(docs, doc)
			continue
		}
		if err == io.EOF {
			return docs, errs, nil
		}
		ie, ok := AsInputError(err)
		if !ok {
			return docs, errs, err
		}
		errs = append(errs, ie)
	}
}

// AsInputError turns a *ParseError from Read into the InputError a report
// lists; ok is false for any other error (a fatal one).
func AsInputError(err error) (ie reprint.InputError, ok bool) {
	var pe *ParseError
	if !errors.As(err, &pe) {
		return ie, false
	}
	return reprint.InputError{Source: pe.where(), Err: pe.Err.Error(), Line: max(pe.Line, pe.Record)}, true
}

// kind is how a file is read, decided by its name.
type kind int

const (
	kindText  kind = iota // the whole file is one plain-text document
	kindJSONL             // one JSON object per line
	kindJSON              // JSON Lines, an array of objects, or objects one after another
	kindHTML              // a web page; its article is one document
	kindWARC              // a web archive; each HTML page in it is one document
)

// maxRecordSize bounds what one article is read from: a text or HTML
// file (read whole), a JSON Lines line (a longer one is skipped whole) or
// a .json value. Far beyond any article, it keeps a gzip bomb (a few KB
// that gunzip to gigabytes) or a mistaken path from taking the memory.
const maxRecordSize = 64 << 20

// MaxRecordSize is maxRecordSize for programs that read JSON Lines
// themselves (reprint filter): a line longer than this is skipped, with
// ErrLineTooLong, without being held in memory.
const MaxRecordSize = maxRecordSize

// ErrLineTooLong is the error for a JSON Lines line over MaxRecordSize.
var ErrLineTooLong = errLineTooLong

// kindOf tells how to read the file at p from its extension, less a .gz
// suffix: x.jsonl.gz is JSON Lines, gunzipped as it is read (unpack). New
// formats get a kind here and a case in FileReader.start.
func kindOf(p string) kind {
	p = strings.ToLower(p)
	if strings.HasSuffix(p, ".warc.gz") {
		return kindWARC // WARCReader gunzips it, record by record
	}
	switch filepath.Ext(strings.TrimSuffix(p, ".gz")) {
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".json":
		return kindJSON
	case ".html", ".htm":
		return kindHTML
	case ".warc":
		return kindWARC
	}
	return kindText
}

// inFolder reports whether source is a file found in a folder argument
// under the ID id (its path inside the folder).
func inFolder(id, source string) bool {
	return strings.HasSuffix(filepath.ToSlash(source), "/"+id)
}

// seenIDs remembers the Source of each document ID read so far, so that
// duplicates are reported instead of silently shadowing each other.
type seenIDs map[string]string

// MaxIDBytes is the longest document ID read, in bytes; a longer one is
// an input error (of its line or record). An index keys its articles by ID,
// and its store takes keys of at most 32 KiB, so every command reads the
// same documents.
const MaxIDBytes = 32 << 10

// check records id at source, or returns the error for a duplicate or an
// ID longer than MaxIDBytes.
func (s seenIDs) check(id, source string) error {
	if len(id) > MaxIDBytes {
		return fmt.Errorf("id of %d bytes is longer than the %d an ID may have", len(id), MaxIDBytes)
	}
	if first, dup := s[id]; dup {
		if inFolder(id, source) && inFolder(id, first) {
			return fmt.Errorf("duplicate id %q (first at %s): a file's ID is its path inside the folder named, so two folders with files of the same name clash; name a folder that holds both", id, first)
		}
		return fmt.Errorf("duplicate id %q (first at %s)", id, first)
	}
	s[id] = source
	return nil
}
