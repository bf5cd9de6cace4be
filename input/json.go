package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/reprint-dev/reprint"
)

// newJSON returns a reader of a .json file: JSON Lines if it is that, else
// the objects of a top-level array, or top-level objects one after another
// (one object, pretty-printed, or a stream of them as jq prints them).
// Each object is decoded as a JSONL line is, with the same fields and
// errors; its line is the one its first byte is on. Which it is, sniffJSON
// decides at the first Read.
func newJSON(r io.Reader, name string, o Options, seen seenIDs) *JSONLReader {
	jr := newJSONL(r, name, o, seen)
	jr.json = true
	return jr
}

// sniffJSON decides how to read a .json file from its start: as the
// elements of an array if its first byte other than white space and a
// byte order mark is '['; as JSON values one after another if it is '{'
// and the object it starts spans lines; else as JSON Lines, which also
// reads a file of one object on one line. A first object that does not
// decode goes to JSON Lines too, which reports the broken line and reads
// on, unless its "{" is alone on its line (pretty-printed): then it is
// reported as a broken object of a stream is. The bytes looked at are read
// again by whichever reader is chosen.
func (r *JSONLReader) sniffJSON() {
	bom := 0
	if b, _ := r.br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		bom = len(utf8BOM)
	}
	c, ok := firstNonSpace(r.br, bom)
	switch {
	case ok && c == '[':
		r.br.Discard(bom)
		r.vals = newJSONValues(r.br, int64(bom), true)
	case ok && c == '{':
		r.br.Discard(bom)
		rec := &recorder{r: r.br, on: true}
		v := newJSONValues(rec, int64(bom), false)
		first, err := v.value()
		rec.on = false
		if err == nil && bytes.ContainsAny(first.raw, "\r\n") {
			v.pending, rec.buf = &first, nil
			r.vals = v
			return
		}
		if err != nil && startsPretty(rec.buf) {
			// A broken object that starts with "{" alone on its line is
			// pretty-printed: reported once, at the line it starts on,
			// as a broken later object is, not as a run of broken lines.
			r.vals = newJSONValues(io.MultiReader(bytes.NewReader(rec.buf), r.br), int64(bom), false)
			return
		}
		replay := append(bytes.Clone(utf8BOM[:bom]), rec.buf...)
		r.br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(replay), r.br), 64<<10)
	}
}

// startsPretty reports whether b, the start of a file after its byte order
// mark, opens an object with "{" alone on its line.
func startsPretty(b []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && t[0] == '{' && isLoneBrace(t[1:])
}

// firstNonSpace returns the first byte of br after skip bytes and JSON
// white space, without consuming any; ok is false if there is none in
// br's buffer.
func firstNonSpace(br *bufio.Reader, skip int) (c byte, ok bool) {
	for n := 512; ; n *= 2 {
		b, err := br.Peek(n)
		if rest := bytes.TrimLeft(b[min(skip, len(b)):], " \t\r\n"); len(rest) > 0 {
			return rest[0], true
		}
		if err != nil {
			return 0, false // the end, a read error, or a buffer of white space
		}
	}
}

// recorder keeps a copy of what is read through it while on.
type recorder struct {
	r   io.Reader
	on  bool
	buf []byte
}

func (rec *recorder) Read(p []byte) (int, error) {
	n, err := rec.r.Read(p)
	if rec.on {
		rec.buf = append(rec.buf, p[:n]...)
	}
	return n, err
}

// jsonValues yields the top-level values of a JSON text, or the elements
// of its top-level array, with where each starts. It reads as it goes, so
// a file of any size takes memory for one value at a time.
type jsonValues struct {
	dec     *json.Decoder
	lines   *lineCounter
	capr    *capReader // bounds each value
	base    int64      // bytes before the decoder's input: a byte order mark
	array   bool       // the values are the elements of a top-level array
	opened  bool       // the array's '[' was read
	pending *jsonValue // a value decoded by sniffJSON, not yet returned
	n       int        // values returned
}

// jsonValue is one value and where it is.
type jsonValue struct {
	raw   []byte
	start int64 // offset of its first byte in the file
	line  int   // line of its first byte
}

// jsonSyntaxError is a *ParseError's Err for JSON that cannot be decoded
// on from: the rest of the file is lost. line is where the value it is in
// starts.
type jsonSyntaxError struct {
	line int
	err  error
}

func (e *jsonSyntaxError) Error() string { return e.err.Error() }

func newJSONValues(r io.Reader, base int64, array bool) *jsonValues {
	cr := &capReader{r: r}
	lc := &lineCounter{r: cr}
	return &jsonValues{dec: json.NewDecoder(lc), lines: lc, capr: cr, base: base, array: array}
}

// capReader fails a read that would take more than limit bytes in all
// (0: no limit): a value is bounded as a JSON Lines line is (maxRecordSize),
// so that a gzip bomb of one value cannot take the memory.
type capReader struct {
	r        io.Reader
	n, limit int64
}

var errValueTooLarge = fmt.Errorf("a JSON value larger than %d MB: too large for one article (the rest of the file is not read)", maxRecordSize>>20)

func (c *capReader) Read(p []byte) (int, error) {
	if c.limit > 0 && c.n >= c.limit {
		return 0, errValueTooLarge
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// next returns the next value, io.EOF after the last, a *jsonSyntaxError
// for JSON that does not decode, or the error of the reader.
func (v *jsonValues) next() (jsonValue, error) {
	if v.pending != nil {
		val := *v.pending
		v.pending = nil
		v.n++
		return val, nil
	}
	if v.array && !v.opened {
		if _, err := v.dec.Token(); err != nil { // sniffJSON saw the '['
			return jsonValue{}, v.fail(err)
		}
		v.opened = true
	}
	if v.array && !v.dec.More() {
		if _, err := v.dec.Token(); err != nil { // the ']', or why not
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return jsonValue{}, v.fail(err)
		}
		line := v.errLine()
		switch _, err := v.dec.Token(); {
		case err == io.EOF:
			return jsonValue{}, io.EOF
		case err != nil:
			return jsonValue{}, v.fail(err)
		}
		return jsonValue{}, &jsonSyntaxError{line: line, err: errors.New("data after the top-level array")}
	}
	val, err := v.value()
	if err != nil {
		if err == io.EOF && v.array {
			err = io.ErrUnexpectedEOF
		}
		return jsonValue{}, v.fail(err)
	}
	v.n++
	return val, nil
}

// value decodes the next value.
func (v *jsonValues) value() (jsonValue, error) {
	v.capr.limit = v.capr.n + maxRecordSize // what the decoder holds already is less
	var raw json.RawMessage
	if err := v.dec.Decode(&raw); err != nil {
		return jsonValue{}, err
	}
	if len(raw) > maxRecordSize { // capReader's bound is loose by what was buffered
		return jsonValue{}, errValueTooLarge
	}
	start := v.dec.InputOffset() - int64(len(raw))
	return jsonValue{raw: raw, start: v.base + start, line: v.lines.lineAt(start)}, nil
}

// fail turns a decoder error into what next returns: io.EOF and read
// errors as they are, JSON errors as a *jsonSyntaxError.
func (v *jsonValues) fail(err error) error {
	var se *json.SyntaxError
	switch {
	case err == io.ErrUnexpectedEOF:
		return &jsonSyntaxError{line: v.errLine(), err: errors.New("invalid JSON: unexpected end of file")}
	case errors.As(err, &se):
		return &jsonSyntaxError{line: v.errLine(), err: fmt.Errorf("invalid JSON: %v (the rest of the file is not read)", se)}
	}
	return err
}

// errLine returns the line of the first byte the decoder has not yet
// taken other than white space: where the value that failed starts.
func (v *jsonValues) errLine() int {
	off := v.dec.InputOffset()
	rest, _ := io.ReadAll(v.dec.Buffered())
	off += int64(len(rest) - len(bytes.TrimLeft(rest, " \t\r\n")))
	return v.lines.lineAt(off)
}

// lineCounter counts the newlines read through it, so that lineAt can
// tell the line of an offset. It keeps only the offsets of newlines after
// the last offset asked about, so its memory is bounded by what its
// reader's caller reads ahead.
type lineCounter struct {
	r      io.Reader
	n      int64   // bytes read
	nl     []int64 // offsets of the newlines read, from the last offset asked about
	passed int     // newlines before the last offset asked about
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for b, off := p[:n], c.n; ; {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			break
		}
		c.nl = append(c.nl, off+int64(i))
		b, off = b[i+1:], off+int64(i)+1
	}
	c.n += int64(n)
	return n, err
}

// lineAt returns the 1-based line of the byte at offset off. Offsets must
// not decrease from one call to the next.
func (c *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.passed += i
	c.nl = c.nl[i:]
	return c.passed + 1
}

// readValue is read for a .json file that is not JSON Lines. JSON that
// does not decode ends the file with a *ParseError naming the line of the
// value it is in; a read error ends it as it ends JSON Lines.
func (r *JSONLReader) readValue() (reprint.Document, error) {
	if r.err != nil {
		return reprint.Document{}, r.err
	}
	val, err := r.vals.next()
	var se *jsonSyntaxError
	switch {
	case err == io.EOF:
		r.err = err
		return reprint.Document{}, err
	case errors.As(err, &se):
		r.err = io.EOF
		return reprint.Document{}, &ParseError{Source: r.name, Line: se.line, Err: se.err}
	case err != nil:
		r.failAt = r.vals.errLine()
		r.err = fmt.Errorf("%s:%d: %w", r.name, r.failAt, err)
		return reprint.Document{}, r.err
	}
	r.line = val.line
	r.span = [2]int64{val.start, val.start + int64(len(val.raw))}
	doc, err := r.parse(val.raw)
	if err != nil {
		if r.vals.array {
			err = fmt.Errorf("element %d: %w", r.vals.n, err)
		}
		return reprint.Document{}, &ParseError{Source: r.name, Line: r.line, Err: err}
	}
	return doc, nil
}
