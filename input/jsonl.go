package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"github.com/reprint-dev/reprint"
)

// JSONLReader reads documents from JSON Lines: one JSON object per line.
// Lines may be of any length up to 64 MB (maxRecordSize). Blank lines are
// skipped; a broken line gives a *ParseError naming it and reading goes
// on. Unknown fields are ignored.
type JSONLReader struct {
	br     *bufio.Reader
	name   string
	fields Fields
	opts   Options
	seen   seenIDs
	line   int      // number of the last line read
	buf    []byte   // holds a line longer than br's buffer
	off    int64    // bytes consumed from the input
	start  int64    // offset of the line readLine returned last
	span   [2]int64 // byte span of the last document's line (Span)
	err    error    // sticky: io.EOF or a read error
	pipe   *jsonlPipe
	parser fastjson.Parser // scratch for decodeLine; the pipe's workers have their own
	begun  bool            // the first Read checked the encoding
	items  int             // documents and line errors returned
	whole  bool            // an error about the whole file was returned: no more
	failAt int             // the line a read error (err) is about
	json   bool            // a .json file: sniffJSON decides how to read it
	vals   *jsonValues     // set when a .json file is not JSON Lines
}

// NewJSONL returns a reader of the JSON Lines in r. name names r in each
// Document.Source ("name:line") and in errors; use "-" for standard input.
// Duplicate IDs within r are reported as *ParseError.
func NewJSONL(r io.Reader, name string, o Options) *JSONLReader {
	return newJSONL(r, name, o, seenIDs{})
}

// newJSONL is NewJSONL with a set of IDs shared with other readers.
func newJSONL(r io.Reader, name string, o Options, seen seenIDs) *JSONLReader {
	return &JSONLReader{
		br:     bufio.NewReaderSize(r, 64<<10),
		name:   name,
		fields: o.Fields.withDefaults(),
		opts:   o,
		seen:   seen,
	}
}

// Read returns the next document. It returns io.EOF at the end, a
// *ParseError for a line it skipped, and a fatal error (naming the line)
// if r fails. A file with no line of JSON (empty, or blank lines only)
// and a UTF-16 file give one *ParseError about the whole file (Line 0).
func (r *JSONLReader) Read() (reprint.Document, error) {
	if r.whole {
		return reprint.Document{}, io.EOF
	}
	if !r.begun {
		r.begun = true
		if b, _ := r.br.Peek(2); hasUTF16BOM(b) {
			r.whole = true
			return reprint.Document{}, &ParseError{Source: r.name, Err: errUTF16JSONL}
		}
		if r.json {
			r.sniffJSON()
		}
	}
	doc, err := r.read()
	var pe *ParseError
	switch {
	case err == nil || errors.As(err, &pe):
		r.items++
	case err == io.EOF && r.items == 0:
		r.whole = true
		msg := "empty file: no JSON lines"
		switch {
		case r.vals != nil && r.vals.array:
			msg = "empty JSON array: no documents"
		case r.json:
			msg = "empty file: no JSON"
		}
		return reprint.Document{}, &ParseError{Source: r.name, Err: errors.New(msg)}
	}
	return doc, err
}

// read is Read without the checks of the whole file.
func (r *JSONLReader) read() (reprint.Document, error) {
	if r.vals != nil {
		return r.readValue()
	}
	if r.opts.Workers > 1 {
		return r.readParallel()
	}
	for r.err == nil {
		line, err := r.readLine()
		if err != nil {
			if err != io.EOF {
				r.failAt = r.line + 1
				err = fmt.Errorf("%s:%d: %w", r.name, r.failAt, err)
			}
			r.err = err
			break
		}
		r.line++
		start := r.start
		if r.line == 1 {
			n := len(line)
			line = trimBOM(line)
			start += int64(n - len(line))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r.span = [2]int64{start, start + int64(len(line))}
		doc, err := r.parse(line)
		if err != nil {
			return reprint.Document{}, &ParseError{Source: r.name, Line: r.line, Err: err}
		}
		return doc, nil
	}
	return reprint.Document{}, r.err
}

// Span returns the byte span, in the input, of the line that held the
// document Read returned last, so that a caller can read its text again
// later instead of keeping it (FileReader.Location and ReadLocation do
// this for files). ok is false when lines are
// decoded on several goroutines (Options.Workers > 1). For a .json file
// that is not JSON Lines, the span is the object's.
func (r *JSONLReader) Span() (start, end int64, ok bool) {
	if r.opts.Workers > 1 && r.vals == nil {
		return 0, 0, false
	}
	return r.span[0], r.span[1], true
}

// tooLongLine stands for a line over maxRecordSize, which readLine skipped;
// decodeLine, given it, reports errLineTooLong. Compared by identity.
var tooLongLine = []byte{0}

var errLineTooLong = fmt.Errorf("line longer than %d MB: too large for one article", maxRecordSize>>20)

// isTooLong reports whether line is tooLongLine.
func isTooLong(line []byte) bool { return len(line) == 1 && &line[0] == &tooLongLine[0] }

// readLine returns the next line without its newline, or io.EOF when there
// is none; tooLongLine for a line over maxRecordSize. The slice is valid
// until the next call.
func (r *JSONLReader) readLine() ([]byte, error) {
	r.buf = r.buf[:0]
	r.start = r.off
	skip := false // past maxRecordSize: read to the newline, keep nothing
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		if !skip && len(r.buf)+len(chunk) > maxRecordSize+1 {
			skip, r.buf = true, r.buf[:0]
		}
		switch {
		case skip && (err == nil || err == io.EOF):
			return tooLongLine, nil
		case skip && errors.Is(err, bufio.ErrBufferFull):
		case err == nil:
			if len(r.buf) == 0 {
				return chunk[:len(chunk)-1], nil // no copy for lines that fit
			}
			r.buf = append(r.buf, chunk[:len(chunk)-1]...)
			return r.buf, nil
		case errors.Is(err, bufio.ErrBufferFull):
			r.buf = append(r.buf, chunk...)
		case err == io.EOF:
			r.buf = append(r.buf, chunk...)
			if len(r.buf) == 0 {
				return nil, io.EOF
			}
			return r.buf, nil // last line, no newline
		default:
			return nil, err
		}
	}
}

// parse turns one non-blank line into a document.
func (r *JSONLReader) parse(line []byte) (reprint.Document, error) {
	return r.finish(decodeLine(line, r.line, r.name, r.fields, &r.parser))
}

// decoded is one line decoded, before the checks that need the lines
// before it (duplicate IDs) and before its warnings are given.
type decoded struct {
	line      int
	blank     bool
	doc       reprint.Document
	err       error
	pre, post []string // warnings given before and after the ID check
}

// decodeLine decodes line number n of the file called name, with parser as
// scratch. It depends on nothing else, so lines can be decoded on several
// goroutines, each with its own parser.
func decodeLine(line []byte, n int, name string, f Fields, parser *fastjson.Parser) (d decoded) {
	if isTooLong(line) {
		return decoded{line: n, err: errLineTooLong}
	}
	d.line = n
	source := name + ":" + strconv.Itoa(n)
	if !utf8.Valid(line) {
		s, _ := decodeText(line)
		line = []byte(s)
		d.pre = append(d.pre, fmt.Sprintf("%s: not valid UTF-8, decoded as Windows-1252", source))
	}
	obj, err := decodeFields(line, f, parser)
	if err != nil {
		d.err = err
		return d
	}
	doc := reprint.Document{Source: source}
	id, err := idField(obj.id)
	if err != nil {
		d.err = fmt.Errorf("field %q: %w", f.ID, err)
		return d
	}
	doc.ID = id

	text, ok, err := stringField(obj.text)
	switch {
	case err != nil:
		d.err = fmt.Errorf("field %q: %w", f.Text, err)
		return d
	case !ok:
		d.err = fmt.Errorf("missing text (field %q)", f.Text)
		return d
	case strings.TrimSpace(text) == "":
		d.err = fmt.Errorf("empty text (field %q)", f.Text)
		return d
	}
	doc.Text = text

	// Optional fields: a wrong type loses only that field, with a warning.
	optional := func(name string, v any) string {
		s, _, err := stringField(v)
		if err != nil {
			d.post = append(d.post, fmt.Sprintf("%s: field %q ignored: %v", source, name, err))
		}
		return strings.TrimSpace(s)
	}
	doc.URL = optional(f.URL, obj.url)
	doc.Outlet = optional(f.Source, obj.source)
	if p := optional(f.Published, obj.published); p != "" {
		t, ok := ParseTime(p)
		if !ok {
			d.post = append(d.post, fmt.Sprintf("%s: field %q ignored: unrecognised time %q", source, f.Published, p))
		}
		doc.Published = t
	}
	d.doc = doc
	return d
}

// finish gives a decoded line's warnings and checks its ID against the
// lines before it, in input order.
func (r *JSONLReader) finish(d decoded) (reprint.Document, error) {
	for _, w := range d.pre {
		r.opts.warnf("%s", w)
	}
	if d.err != nil {
		return reprint.Document{}, d.err
	}
	if err := r.seen.check(d.doc.ID, d.doc.Source); err != nil {
		return reprint.Document{}, err
	}
	for _, w := range d.post {
		r.opts.warnf("%s", w)
	}
	return d.doc, nil
}

// decodeObject decodes a line holding one JSON object with encoding/json.
// Numbers are kept as json.Number, so that numeric IDs keep the digits
// written. It is decodeFields' fallback and defines its behaviour.
func decodeObject(line []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" {
			return nil, fmt.Errorf("not a JSON object (got %s)", te.Value)
		}
		if err == io.ErrUnexpectedEOF {
			err = errors.New("unexpected end of line")
		}
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if obj == nil {
		return nil, errors.New("not a JSON object (got null)")
	}
	if rest := line[dec.InputOffset():]; len(bytes.TrimSpace(rest)) > 0 {
		if r := bytes.TrimLeft(rest, " \t"); len(r) > 1 && r[0] == '\r' && r[1] != '\n' {
			// JSON takes a lone CR for spacing, so a file of old Mac
			// line ends reads as one line of many objects.
			return nil, errors.New("invalid JSON: data after the object, past a lone CR: the file's lines seem to end in CR alone (old Mac line ends); JSON Lines needs LF or CRLF")
		}
		return nil, errors.New("invalid JSON: data after the object")
	}
	return obj, nil
}

// errMissingID is returned for an absent, null or empty id.
var errMissingID = errors.New("missing id")

// idField decodes a document ID: a non-empty string, or a number kept as
// written in the line.
func idField(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", errMissingID
	case string:
		if strings.TrimSpace(v) == "" {
			return "", errMissingID
		}
		return v, nil
	case json.Number:
		return v.String(), nil
	}
	return "", fmt.Errorf("id must be a string or number, got %s", jsonKind(v))
}

// stringField decodes an optional string field: ok is false when it is
// absent or null, err non-nil when it is not a string.
func stringField(v any) (s string, ok bool, err error) {
	switch v := v.(type) {
	case nil:
		return "", false, nil
	case string:
		return v, true, nil
	}
	return "", false, fmt.Errorf("must be a string, got %s", jsonKind(v))
}

// jsonKind names the JSON type of a decoded value, for error messages.
func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	}
	return "null"
}
