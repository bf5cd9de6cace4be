package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/reprint-dev/reprint"
)

// maxWARCHeader bounds a WARC record's header block, so that a file that
// is not WARC cannot make the reader buffer it whole.
const maxWARCHeader = 64 << 10

// maxResync bounds the bytes kept to go back to when a record turns out
// to run over the start of the next one, so that a bad Content-Length
// costs one record, not the ones it swallowed. Past it they are lost.
const maxResync = 4 << 20

// WARCReader reads the web pages archived in a WARC file (WARC/1.0 or
// 1.1), plain or gzipped (one gzip member per record, or one for the whole
// file).
//
// Each "response" record holding an HTTP 200 response of type text/html or
// application/xhtml+xml becomes one Document: ID and URL are the record's
// WARC-Target-URI, Published its WARC-Date, Source "name#record-N" (N
// counts records from 1) and Text the article extracted from the page, as
// for an HTML file. Other records (warcinfo, request, metadata, revisit,
// ...) and other responses (images, redirects, errors) are skipped and
// counted in Stats. A malformed record gives a *ParseError
// ("name: record 7: truncated block") and reading goes on with the next
// record: after a wrong Content-Length at the next version line, even one
// the block ran over; after a damaged gzip member at the next member. An
// error that ends the file, such as truncation, ends it after the
// documents before it. A byte order mark at the start is dropped, and
// bytes before the first record are skipped with a warning.
type WARCReader struct {
	in      io.Reader
	src     *pushback     // the (gunzipped) input under br
	gz      *gzipMembers  // the gunzipped input, nil for a plain file
	br      *bufio.Reader // nil until the first Read
	name    string
	opts    Options
	seen    seenIDs
	reread  int64         // bytes copied to be read again (resumeInBlock)
	record  int           // number of the last record started
	httpr   *bufio.Reader // reads each response's HTTP message, reused: 64 KiB a record otherwise
	started bool          // the first line was read
	done    bool
	isWARC  bool // a record started with a WARC version line (of any version)
	stats   WARCStats
}

// WARCStats counts what a WARCReader did with the records it read. Every
// record is counted once: Records = Docs + NonHTML + Other + Errors.
type WARCStats struct {
	Records int // records read, including malformed ones
	Docs    int // documents returned
	NonHTML int // response records skipped: not status 200, or not HTML
	Other   int // records of other types skipped
	Errors  int // records reported as *ParseError
}

// NewWARC returns a reader of the HTML pages archived in the WARC data in
// r, plain or gzipped. name names r in Document.Source and errors.
// Duplicate target URIs within r are reported as *ParseError.
func NewWARC(r io.Reader, name string, o Options) *WARCReader {
	return newWARC(r, name, o, seenIDs{})
}

// newWARC is NewWARC with a set of IDs shared with other readers.
func newWARC(r io.Reader, name string, o Options, seen seenIDs) *WARCReader {
	return &WARCReader{in: r, name: name, opts: o, seen: seen}
}

// Stats returns the counts of the records read so far.
func (r *WARCReader) Stats() WARCStats { return r.stats }

// warnSkipped warns, once the file has ended, of the responses skipped as
// not HTML pages with status 200, if any.
func (r *WARCReader) warnSkipped() {
	if r.stats.NonHTML > 0 {
		r.opts.warnf("%s: skipped %d of %d records: responses that are not HTML pages with status 200",
			r.name, r.stats.NonHTML, r.stats.Records)
	}
}

// Read returns the next document, io.EOF after the last, or a *ParseError
// for a record it could not read. It returns no other errors.
func (r *WARCReader) Read() (reprint.Document, error) {
	if r.br == nil && !r.done {
		if err := r.init(); err != nil {
			r.done = true
			return reprint.Document{}, &ParseError{Source: r.name, Err: err}
		}
	}
	for !r.done {
		doc, outcome, err := r.next()
		switch outcome {
		case outcomeEnd:
			r.done = true
			r.warnSkipped()
		case outcomeDoc:
			r.stats.Docs++
			return doc, nil
		case outcomeNonHTML:
			r.stats.NonHTML++
		case outcomeOther:
			r.stats.Other++
		case outcomeJunk:
			r.opts.warnf("%s: skipped what comes before the first record: %v", r.name, err)
		case outcomeError, outcomeFatal:
			r.stats.Errors++
			if outcome == outcomeFatal {
				r.done = true
				r.warnSkipped() // a file cut short: the records before the cut still count
			}
			pe := &ParseError{Source: r.name, Err: fmt.Errorf("record %d: %w", r.record, err)}
			if r.isWARC || isBadMember(err) {
				pe.Record = r.record // a record lost; a file with no WARC record at all fails whole
			}
			return reprint.Document{}, pe
		}
	}
	return reprint.Document{}, io.EOF
}

// init looks at the first bytes of the input and sets up gunzipping if
// they are a gzip header. Gzip members are read one after the other, as
// one stream, and a damaged one costs the record it holds (see
// gzipMembers).
func (r *WARCReader) init() error {
	br := bufio.NewReaderSize(r.in, 64<<10)
	magic, err := br.Peek(2)
	switch {
	case len(magic) == 0 && err == io.EOF:
		return errors.New("empty WARC file")
	case err != nil && err != io.EOF:
		return err
	}
	var src io.Reader = br
	if bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		gz, err := newGzipMembers(br)
		if err != nil {
			return fmt.Errorf("bad gzip stream: %w", err)
		}
		r.gz, src = gz, gz
	}
	r.src = &pushback{r: src}
	r.br = bufio.NewReaderSize(r.src, 64<<10)
	return nil
}

// pushback is the input of a WARCReader: bytes put back by unread, then
// the file. The bytes put back are a stack of segments, the next to read
// last, so that putting back costs the bytes put back, not those put back
// before (a run of bad records inside bytes put back would otherwise copy
// them all again for each).
type pushback struct {
	segs [][]byte
	r    io.Reader
	n    int64 // bytes read from r
}

// Read reads the bytes put back first.
func (p *pushback) Read(b []byte) (int, error) {
	for len(p.segs) > 0 {
		top := &p.segs[len(p.segs)-1]
		if len(*top) == 0 {
			p.segs = p.segs[:len(p.segs)-1]
			continue
		}
		n := copy(b, *top)
		*top = (*top)[n:]
		return n, nil
	}
	n, err := p.r.Read(b)
	p.n += int64(n)
	return n, err
}

// unread puts b back in front of the input not read yet, for reading to
// go back to the start of a record found after reading past it. b is
// copied, so it may be a slice of r.br's buffer.
func (r *WARCReader) unread(b []byte) {
	buffered, _ := r.br.Peek(r.br.Buffered()) // never reads, so never fails
	r.src.segs = append(r.src.segs, slices.Concat(b, buffered))
	r.br.Reset(r.src)
}

// outcome is what became of one record.
type outcome int

const (
	outcomeEnd     outcome = iota // no more records
	outcomeDoc                    // a document
	outcomeNonHTML                // a response skipped: not an HTML page with status 200
	outcomeOther                  // a record of another type, skipped
	outcomeError                  // a malformed record; the next can be read
	outcomeFatal                  // an error that ends the file
	outcomeJunk                   // bytes before the first record, skipped and not counted
)

// next reads one record.
func (r *WARCReader) next() (reprint.Document, outcome, error) {
	version, err := r.versionLine()
	if r.badChecksum(version, err) {
		version, err = r.versionLine()
	}
	if err == io.EOF {
		return reprint.Document{}, outcomeEnd, nil
	}
	r.record++
	r.stats.Records++
	switch {
	case errors.Is(err, errLongLine):
		return r.notARecord(fmt.Errorf("not a WARC record: first line longer than %d bytes", maxWARCHeader))
	case err != nil:
		return r.readFailed(err, "truncated record")
	}
	if bytes.HasPrefix(version, []byte("WARC/")) {
		r.isWARC = true // a version not read is a record lost, not a file that is not WARC
	}
	if !isVersionLine(version) {
		return r.notARecord(fmt.Errorf("not a WARC record: starts with %s", describeStart(version)))
	}
	hdr, err := r.header()
	switch {
	case errors.Is(err, errLongLine):
		return r.resyncAfter(fmt.Errorf("bad header: longer than %d bytes", maxWARCHeader))
	case errors.Is(err, errBadHeader):
		return r.resyncAfter(err)
	case err != nil:
		return r.readFailed(err, "truncated header")
	}
	length, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || length < 0 {
		return r.resyncAfter(fmt.Errorf("bad header: bad Content-Length %q", hdr.Get("Content-Length")))
	}

	lr := &io.LimitedReader{R: r.br, N: length}
	block := newBlockWatch(lr)
	var doc reprint.Document
	out, recErr := outcomeOther, error(nil)
	if strings.EqualFold(strings.TrimSpace(hdr.Get("WARC-Type")), "response") {
		doc, out, recErr = r.response(block, hdr)
		if out == outcomeFatal {
			return r.blockFailed(recErr, block)
		}
	}
	// Whatever the payload was, the block ends after exactly length bytes.
	if _, err := io.Copy(io.Discard, block); err != nil {
		return r.blockFailed(err, block)
	}
	if lr.N > 0 {
		return r.blockFailed(io.ErrUnexpectedEOF, block)
	}
	if err := r.trailer(); err != nil {
		if !errors.Is(err, errNoTrailer) {
			return r.readFailed(err, "truncated record")
		}
		if r.resumeInBlock(block) {
			return reprint.Document{}, outcomeError, errRunsOver
		}
		return r.resyncAfter(err)
	}
	if out != outcomeDoc {
		return reprint.Document{}, out, recErr
	}
	if err := r.seen.check(doc.ID, doc.Source); err != nil {
		return reprint.Document{}, outcomeError, err
	}
	if d := hdr.Get("WARC-Date"); doc.Published.IsZero() && d != "" {
		r.opts.warnf("%s: WARC-Date ignored: not an RFC 3339 time: %q", doc.Source, d)
	}
	return doc, outcomeDoc, nil
}

// badChecksum reports whether a record starts with the end of a gzip
// member whose checksum is bad, after all its data: the data of the
// records read, which are gone, so it warns of the last one and skips to
// the next member rather than count a record lost.
func (r *WARCReader) badChecksum(version []byte, err error) bool {
	if len(version) > 0 || r.record == 0 || !isBadMember(err) || !errors.Is(err, gzip.ErrChecksum) {
		return false
	}
	r.opts.warnf("%s: record %d: %v: the record may be damaged", r.name, r.record, err)
	r.skipMember()
	return true
}

// errRunsOver is the error of a record whose block, by its
// Content-Length, runs over the start of the next record.
var errRunsOver = errors.New("content length mismatch: block runs over the next record")

// blockFailed is the outcome of a record whose block could not be read to
// its end. If the input ended, the Content-Length may have run past the
// records after it: reading resumes at the first of them; else the file
// was cut short and ends here.
func (r *WARCReader) blockFailed(err error, block *blockWatch) (reprint.Document, outcome, error) {
	if (errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF) && r.resumeInBlock(block) {
		return reprint.Document{}, outcomeError, errRunsOver
	}
	return r.readFailed(err, "truncated block")
}

// readFailed is the outcome of a record whose reading failed with err. A
// damaged gzip member costs the record, and reading goes on at the next
// member; the end of the input inside the record (cut names what was cut)
// ends the file, as does a read error.
func (r *WARCReader) readFailed(err error, cut string) (reprint.Document, outcome, error) {
	switch {
	case isBadMember(err):
		r.skipMember()
		return reprint.Document{}, outcomeError, err
	case errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
		return reprint.Document{}, outcomeFatal, errors.New(cut)
	}
	return reprint.Document{}, outcomeFatal, err
}

// skipMember drops what is left of a damaged gzip member, so that reading
// goes on at the next one.
func (r *WARCReader) skipMember() {
	r.src.segs = nil
	r.br.Reset(r.src)
	r.gz.resume()
}

// resumeInBlock makes reading go back to the first line that starts a
// record within the block just read, if there is one, and reports whether
// there was.
func (r *WARCReader) resumeInBlock(block *blockWatch) bool {
	ahead, _ := r.br.Peek(r.br.Size()) // what follows the block, as far as it is buffered
	start, ok := block.resumeAt(ahead[:min(len(ahead), versionLineMax)])
	if !ok {
		return false
	}
	// Which way the next record is, the version line nearest the block's
	// end says: one ahead means the Content-Length was short (resync goes
	// on forward, past a payload that holds WARC records, such as an
	// archived WARC file or a page quoting one), one before the end that it
	// was long (reading goes back to the first, for the records it ran
	// over).
	if fwd := findVersionLine(append(block.lastByte(), ahead...)); fwd >= 0 && fwd < lastVersionLine(start) {
		return false
	}
	// Going back copies what is put back and reads it again.
	cost := int64(len(start) + r.br.Buffered())
	if r.reread+cost > rereadFree+2*r.src.n {
		return false
	}
	r.reread += cost
	r.unread(start)
	return true
}

// rereadFree and twice the bytes read from the file bound the bytes that
// going back into blocks that ran over (resumeInBlock) may copy and read
// again. Each time costs up to maxResync: a file of many records each
// claiming a block to its end would otherwise take time in the square of
// its size. Past the bound, a block that runs over costs the records it
// ran over, as before going back was possible.
const rereadFree = 1 << 20

// versionLineMax is the length of the longest version line with the
// newline before it ("\nWARC/1.0\r\n"), less one: what blockWatch keeps
// of the bytes it saw, for a line cut between two reads.
const versionLineMax = len("\nWARC/1.0\r\n") - 1

// blockWatch reads a record's block, watching for a line that starts a
// WARC record and keeping the bytes from the first one on (up to
// maxResync), so that reading can resume there if the Content-Length
// turns out too large. Most blocks have none, and cost one scan.
type blockWatch struct {
	r       io.Reader
	tail    []byte // the last bytes seen, at most versionLineMax
	capture []byte // from the first version line on
	found   bool   // capture holds one
}

// newBlockWatch watches the block read from r, which starts a line.
func newBlockWatch(r io.Reader) *blockWatch {
	return &blockWatch{r: r, tail: append(make([]byte, 0, 2*versionLineMax), '\n')}
}

// Read reads the block.
func (w *blockWatch) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	w.watch(p[:n])
	return n, err
}

// watch looks at the next bytes of the block.
func (w *blockWatch) watch(b []byte) {
	if w.found {
		if len(w.capture)+len(b) <= maxResync {
			w.capture = append(w.capture, b...)
			return
		}
		// Too far to go back to: look for a later record.
		w.found, w.capture, w.tail = false, w.capture[:0], w.tail[:0]
	}
	n := len(w.tail)
	head := append(w.tail, b[:min(len(b), versionLineMax)]...) // lines cut between reads
	if i := findVersionLine(head); i >= 0 && i < n {
		w.found, w.capture = true, append(append(w.capture[:0], head[i+1:n]...), b...)
		return
	}
	if i := findVersionLine(b); i >= 0 {
		w.found, w.capture = true, append(w.capture[:0], b[i+1:]...)
		return
	}
	if len(b) >= versionLineMax {
		w.tail = append(w.tail[:0], b[len(b)-versionLineMax:]...)
	} else {
		w.tail = append(w.tail[:0], head[max(0, len(head)-versionLineMax):]...)
	}
}

// resumeAt returns the bytes from the first line in the block that starts
// a record to the end of the block, if there is one. next is what follows
// the block, for a version line that ends after it.
func (w *blockWatch) resumeAt(next []byte) ([]byte, bool) {
	if w.found {
		return w.capture, true
	}
	n := len(w.tail)
	head := append(w.tail, next[:min(len(next), versionLineMax)]...)
	if i := findVersionLine(head); i >= 0 && i < n {
		return head[i+1 : n], true
	}
	return nil, false
}

// lastVersionLine returns how far before the end of b, which starts with
// a version line, the last version line in it starts.
func lastVersionLine(b []byte) int {
	last := 0
	for i := 0; ; {
		j := findVersionLine(b[i:])
		if j < 0 {
			return len(b) - last
		}
		last = i + j + 1
		i = last
	}
}

// lastByte returns the block's last byte, or a newline for an empty
// block (which starts a line).
func (w *blockWatch) lastByte() []byte {
	if len(w.capture) > 0 {
		return w.capture[len(w.capture)-1:]
	}
	if len(w.tail) > 0 {
		return w.tail[len(w.tail)-1:]
	}
	return []byte{'\n'}
}

// findVersionLine returns the index of the first newline in b followed by
// a whole version line ("WARC/1.0" or "WARC/1.1", and a newline), or -1.
func findVersionLine(b []byte) int {
	const prefix = "\nWARC/1."
	for i := 0; ; i++ {
		j := bytes.Index(b[i:], []byte(prefix))
		if j < 0 {
			return -1
		}
		i += j
		rest := b[i+len(prefix):]
		if len(rest) >= 2 && (rest[0] == '0' || rest[0] == '1') &&
			(rest[1] == '\n' || len(rest) >= 3 && rest[1] == '\r' && rest[2] == '\n') {
			return i
		}
	}
}

// errBadHeader marks header errors after which the next record can be found.
var errBadHeader = errors.New("bad header")

// isVersionLine reports whether line, with its newline, starts a record
// of a WARC version read.
func isVersionLine(line []byte) bool {
	v := string(bytes.TrimRight(line, "\r\n"))
	return v == "WARC/1.0" || v == "WARC/1.1"
}

// versionLine returns the line that starts the next record: the next
// non-blank line. A byte order mark at the start of the input, which
// some tools write, is dropped. It returns io.EOF at the end of the input.
func (r *WARCReader) versionLine() ([]byte, error) {
	for {
		line, err := r.readLine(maxWARCHeader)
		if !r.started {
			r.started = true
			line = trimBOM(line)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			return line, nil // a last line without newline is checked too
		}
		if err != nil {
			return nil, err
		}
	}
}

// header reads the header fields after the version line, up to the blank
// line that ends them. Bad fields give an error wrapping errBadHeader, too
// many bytes errLongLine, and a header cut short by the end of the input
// io.ErrUnexpectedEOF.
func (r *WARCReader) header() (textproto.MIMEHeader, error) {
	var block []byte
	for {
		line, err := r.readLine(maxWARCHeader - len(block))
		block = append(block, line...)
		switch {
		case err == io.EOF:
			return nil, io.ErrUnexpectedEOF
		case err != nil:
			return nil, err
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			break
		}
	}
	hdr, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(block))).ReadMIMEHeader()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadHeader, err)
	}
	return hdr, nil
}

// errLongLine is returned by readLine for a line longer than its limit.
var errLongLine = errors.New("line too long")

// readLine returns the next line with its newline, or what is left before
// the end of the input with io.EOF. A line longer than limit gives
// errLongLine, after keeping only limit bytes of it and reading past it,
// so that reading goes on at the next line.
func (r *WARCReader) readLine(limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(line)+len(chunk) > limit {
			return nil, r.skipLine(err)
		}
		line = append(line, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

// errNoTrailer is the error of a block not followed by its two CRLFs.
var errNoTrailer = errors.New("content length mismatch: block not followed by CRLF CRLF")

// skipLine reads past the rest of a line too long, after a chunk of it
// read with err. It returns errLongLine, or the read error that stopped it.
func (r *WARCReader) skipLine(err error) error {
	for errors.Is(err, bufio.ErrBufferFull) {
		_, err = r.br.ReadSlice('\n')
	}
	if err != nil && err != io.EOF {
		return err
	}
	return errLongLine
}

// trailer reads the two CRLFs after a block. Missing ones at the end of
// the input are forgiven; other bytes mean the Content-Length was wrong,
// and give errNoTrailer.
func (r *WARCReader) trailer() error {
	b, err := r.br.Peek(4)
	switch {
	case string(b) == "\r\n\r\n":
		_, err = r.br.Discard(4)
		return err
	case err == io.EOF && strings.HasPrefix("\r\n\r\n", string(b)):
		_, err = r.br.Discard(len(b))
		return err
	case err != nil && err != io.EOF:
		return err
	}
	return errNoTrailer
}

// resync skips to the next line that starts a WARC record, which the
// next Read starts at. The input is taken to be at the start of a line:
// its callers have read whole lines, or a block that should have ended
// where a line starts. It returns nil if it found one, else io.EOF at the
// end of the input or the read error that stopped it.
func (r *WARCReader) resync() error {
	atLineStart := true
	for {
		chunk, err := r.br.ReadSlice('\n')
		if atLineStart && err == nil && isVersionLine(chunk) {
			r.unread(chunk)
			return nil
		}
		switch {
		case err == nil:
			atLineStart = true
		case errors.Is(err, bufio.ErrBufferFull):
			atLineStart = false
		default:
			return err
		}
	}
}

// resyncAfter resyncs and returns err as the outcome of the record in
// hand.
func (r *WARCReader) resyncAfter(err error) (reprint.Document, outcome, error) {
	return r.afterResync(err, r.resync())
}

// afterResync is the outcome of a record skipped for err, after resync
// returned rerr.
func (r *WARCReader) afterResync(err, rerr error) (reprint.Document, outcome, error) {
	switch {
	case rerr == nil || rerr == io.EOF:
		return reprint.Document{}, outcomeError, err
	case isBadMember(rerr):
		r.skipMember() // the next record starts the next member
		return reprint.Document{}, outcomeError, fmt.Errorf("%w (then %w)", err, rerr)
	}
	return reprint.Document{}, outcomeFatal, fmt.Errorf("%w (then %w)", err, rerr)
}

// notARecord resyncs after the start of a record that is not a version
// line, err saying what it is. Before the first record, if a record
// follows, it is junk (a stray line, a banner) rather than a record lost:
// it is not counted as a record, and the file is read on rather than
// failed; if none follows, the file is not WARC at all.
func (r *WARCReader) notARecord(err error) (reprint.Document, outcome, error) {
	rerr := r.resync()
	if rerr == nil && !r.isWARC {
		r.record-- // counted by next before it was known
		r.stats.Records--
		return reprint.Document{}, outcomeJunk, err
	}
	return r.afterResync(err, rerr)
}

// response reads the HTTP response in a response record's block.
func (r *WARCReader) response(block io.Reader, hdr textproto.MIMEHeader) (reprint.Document, outcome, error) {
	if ct := hdr.Get("Content-Type"); ct != "" && mediaType(ct) != "application/http" {
		return reprint.Document{}, outcomeNonHTML, nil // dns:, or a resource stored as a response
	}
	uri := strings.TrimSpace(hdr.Get("WARC-Target-URI"))
	uri = strings.TrimSuffix(strings.TrimPrefix(uri, "<"), ">") // WARC/1.0 drafts wrote <uri>
	if uri == "" {
		return reprint.Document{}, outcomeError, errors.New("response without WARC-Target-URI")
	}
	// http.ReadResponse reads a line whole however long it is: the
	// header must end within maxWARCHeader, as a WARC header must.
	if r.httpr == nil {
		r.httpr = bufio.NewReaderSize(block, maxWARCHeader)
	}
	pr := r.httpr
	pr.Reset(block)
	if head, _ := pr.Peek(maxWARCHeader); len(head) == maxWARCHeader &&
		!bytes.Contains(head, []byte("\r\n\r\n")) && !bytes.Contains(head, []byte("\n\n")) {
		return reprint.Document{}, outcomeError, fmt.Errorf("%s: bad HTTP response: header longer than %d bytes", uri, maxWARCHeader)
	}
	resp, err := http.ReadResponse(pr, nil)
	if err != nil {
		return reprint.Document{}, outcomeError, fmt.Errorf("%s: bad HTTP response: %w", uri, err)
	}
	if resp.StatusCode != http.StatusOK {
		return reprint.Document{}, outcomeNonHTML, nil
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return reprint.Document{}, outcomeNonHTML, nil
	}
	// The payload is read raw from pr, not through resp.Body, to undo the
	// transfer coding leniently (see httpBody).
	raw, err := io.ReadAll(io.LimitReader(pr, maxHTMLSize+1))
	if err != nil {
		return reprint.Document{}, outcomeFatal, err
	}
	body, err := httpBody(raw, resp)
	if err != nil {
		return reprint.Document{}, outcomeError, fmt.Errorf("%s: %w", uri, err)
	}
	if ct == "" && !looksLikeHTML(body) {
		return reprint.Document{}, outcomeNonHTML, nil
	}
	base, _ := url.Parse(uri)
	source := fmt.Sprintf("%s#record-%d", r.name, r.record)
	a, fixed, err := safeReadPage(body, base, ct)
	if err != nil {
		return reprint.Document{}, outcomeError, fmt.Errorf("%s: %w", uri, err)
	}
	if fixed {
		r.opts.warnf("%s: not valid UTF-8, decoded as Windows-1252", source)
	}
	doc := reprint.Document{ID: uri, Source: source, Text: a.Text(), URL: uri}
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(hdr.Get("WARC-Date"))); err == nil {
		doc.Published = t
	}
	return doc, outcomeDoc, nil
}

// httpBody undoes the transfer and content codings of an HTTP response
// body. Archivers often store a body already decoded but keep the headers
// that name its codings, so a body that does not decode as chunked is
// taken as it is, and one that does not start with the gzip magic number
// is taken as already gunzipped.
func httpBody(raw []byte, resp *http.Response) ([]byte, error) {
	if len(raw) > maxHTMLSize {
		return nil, fmt.Errorf("HTML page too large (over %d bytes)", maxHTMLSize)
	}
	body := raw
	if len(resp.TransferEncoding) > 0 && resp.TransferEncoding[0] == "chunked" {
		if b, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(raw)), maxHTMLSize+1)); err == nil {
			body = b
		}
	}
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			break
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("bad gzip content encoding: %w", err)
		}
		b, err := io.ReadAll(io.LimitReader(zr, maxHTMLSize+1))
		if err != nil {
			return nil, fmt.Errorf("bad gzip content encoding: %w", err)
		}
		body = b
	default:
		return nil, fmt.Errorf("unsupported content encoding %q", enc)
	}
	if len(body) > maxHTMLSize {
		return nil, fmt.Errorf("HTML page too large (over %d bytes)", maxHTMLSize)
	}
	return body, nil
}

// mediaType returns the lower-case media type of a Content-Type value,
// without parameters.
func mediaType(ct string) string {
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// isHTMLType reports whether a Content-Type value names an HTML page.
func isHTMLType(ct string) bool {
	mt := mediaType(ct)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// describeStart describes the first line of something that is not a WARC
// record, for error messages: quoted if it is text, else "binary data".
func describeStart(line []byte) string {
	line = line[:min(len(line), 40)]
	for len(line) > 0 && !utf8.Valid(line) { // a rune cut at the end
		line = line[:len(line)-1]
	}
	if len(line) == 0 || bytes.ContainsFunc(line, func(r rune) bool {
		return r == utf8.RuneError || (unicode.IsControl(r) && r != '\t' && r != '\r' && r != '\n')
	}) {
		return "binary data"
	}
	return strconv.Quote(string(line))
}

// memberMagic starts a gzip member: ID1, ID2 and CM (deflate) of RFC 1952.
var memberMagic = []byte{0x1f, 0x8b, 0x08}

// gzipMembers gunzips the members of a .warc.gz one after the other, as
// one stream, like gzip.Reader. Unlike it, it goes on after a damaged
// member: it returns a *badMemberError until resume is called, and then
// reads on from the next member it finds, so that in a file gzipped per
// record a damaged member costs one record. A file cut short ends in
// io.ErrUnexpectedEOF as with gzip.Reader; all errors are sticky.
type gzipMembers struct {
	raw    *rawWatch
	zr     *gzip.Reader
	head   []byte // data of a member found by resync, checked and not yet read
	ended  bool   // the member read has ended
	resync bool   // the member read was damaged, and resume was called
	err    error
}

// newGzipMembers reads the members in br, which starts with one.
func newGzipMembers(br *bufio.Reader) (*gzipMembers, error) {
	raw := &rawWatch{in: br, skip: true}
	zr, err := gzip.NewReader(raw)
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	return &gzipMembers{raw: raw, zr: zr}, nil
}

// badMemberError is a damaged gzip member, after which reading can go on.
type badMemberError struct{ err error }

func (e *badMemberError) Error() string { return e.err.Error() }
func (e *badMemberError) Unwrap() error { return e.err }

// isBadMember reports whether err is a damaged gzip member.
func isBadMember(err error) bool {
	var bm *badMemberError
	return errors.As(err, &bm)
}

// Read reads the data of the members.
func (m *gzipMembers) Read(p []byte) (int, error) {
	for {
		switch {
		case m.err != nil:
			return 0, m.err
		case len(m.head) > 0:
			n := copy(p, m.head)
			m.head = m.head[n:]
			return n, nil
		case m.resync:
			m.err = m.findMember()
			continue
		case m.ended:
			m.err = m.nextMember()
			continue
		}
		n, err := m.zr.Read(p)
		switch {
		case err == io.EOF:
			m.ended = true
			if n == 0 {
				continue
			}
			err = nil
		case err != nil:
			m.err = m.damaged(err)
			err = m.err
		}
		return n, err
	}
}

// resume makes reading go on at the next member after a damaged one.
func (m *gzipMembers) resume() {
	if isBadMember(m.err) {
		m.err, m.resync = nil, true
	}
}

// nextMember starts the member after one that ended. It returns io.EOF
// at the end of the input.
func (m *gzipMembers) nextMember() error {
	m.ended = false
	m.raw.restart()
	err := m.zr.Reset(m.raw)
	switch {
	case err == io.EOF && m.raw.err == nil:
		return io.EOF
	case err != nil:
		return m.damaged(err)
	}
	m.zr.Multistream(false)
	return nil
}

// damaged classes an error reading a member: a read error of the file,
// the end of a file cut short, or damage that reading can go on after.
// A member cut short but followed by another is damage.
func (m *gzipMembers) damaged(err error) error {
	switch {
	case m.raw.err != nil:
		return m.raw.err
	case errors.Is(err, io.ErrUnexpectedEOF) && !m.raw.capturing:
		return io.ErrUnexpectedEOF
	}
	return &badMemberError{err}
}

// findMember goes on after a damaged member at the next member: the first
// gzip magic number after the damaged member's start (in the bytes read
// since, or further on) that starts a valid member holding a WARC record.
// The check makes a chance match in compressed data, or a member that
// does not start a record, be passed over rather than cost another
// record. It returns io.EOF if there is none.
func (m *gzipMembers) findMember() error {
	m.resync, m.ended = false, false
	for {
		if !m.raw.capturing {
			if err := m.raw.seek(); err != nil {
				return err
			}
		}
		m.raw.rewind()
		if m.zr.Reset(m.raw) == nil {
			m.zr.Multistream(false)
			head := make([]byte, len("WARC/"))
			if _, err := io.ReadFull(m.zr, head); err == nil && string(head) == "WARC/" {
				m.head = head
				return nil
			}
		}
		if m.raw.err != nil {
			return m.raw.err
		}
	}
}

// rawWatch reads the compressed bytes for gzipMembers, watching for the
// gzip magic number after the first byte of the member read and keeping
// the bytes from the first one found on (up to maxResync): a member cut
// short or damaged is often read into the next one before the damage
// shows, and reading must go back there.
type rawWatch struct {
	in        *bufio.Reader
	back      []byte // bytes put back by rewind, read first
	skip      bool   // the next byte starts the member: not a match
	matched   int    // bytes of memberMagic just seen
	capturing bool   // capture holds a magic number and what followed it
	capture   []byte
	err       error // a read error of in, other than io.EOF
}

// ReadByte reads a byte, for flate.
func (w *rawWatch) ReadByte() (byte, error) {
	if len(w.back) > 0 {
		c := w.back[0]
		w.back = w.back[1:]
		w.watch(c)
		return c, nil
	}
	c, err := w.in.ReadByte()
	if err != nil {
		w.noteErr(err)
		return 0, err
	}
	w.watch(c)
	return c, nil
}

// Read reads bytes, for gzip headers and stored blocks.
func (w *rawWatch) Read(p []byte) (int, error) {
	var n int
	var err error
	if len(w.back) > 0 {
		n = copy(p, w.back)
		w.back = w.back[n:]
	} else {
		n, err = w.in.Read(p)
		w.noteErr(err)
	}
	w.watchBytes(p[:n])
	return n, err
}

// noteErr keeps a read error of the file, to tell it from damage.
func (w *rawWatch) noteErr(err error) {
	if err != nil && err != io.EOF {
		w.err = err
	}
}

// watch looks at the next byte.
func (w *rawWatch) watch(c byte) {
	switch {
	case w.capturing:
		if len(w.capture) < maxResync {
			w.capture = append(w.capture, c)
			return
		}
		w.capturing, w.capture = false, w.capture[:0] // too far back: look for a later one
	case w.skip:
		w.skip = false
		return
	}
	switch {
	case c == memberMagic[w.matched]:
		w.matched++
	case c == memberMagic[0]:
		w.matched = 1
	default:
		w.matched = 0
	}
	if w.matched == len(memberMagic) {
		w.matched, w.capturing = 0, true
		w.capture = append(w.capture[:0], memberMagic...)
	}
}

// watchBytes looks at the next bytes, as watch does one by one but
// faster, for stored blocks of data that does not compress.
func (w *rawWatch) watchBytes(p []byte) {
	for len(p) > 0 {
		if w.capturing {
			if room := maxResync - len(w.capture); len(p) <= room {
				w.capture = append(w.capture, p...)
				return
			}
		}
		if w.capturing || w.skip || w.matched > 0 {
			w.watch(p[0]) // a magic number cut between reads, or the end of a capture
			p = p[1:]
			continue
		}
		i := bytes.Index(p, memberMagic)
		if i < 0 {
			for _, c := range p[max(0, len(p)-len(memberMagic)+1):] {
				w.watch(c) // the start of one, cut at the end
			}
			return
		}
		w.capturing, w.capture = true, append(w.capture[:0], memberMagic...)
		p = p[i+len(memberMagic):]
	}
}

// restart watches a new member, which starts at the next byte.
func (w *rawWatch) restart() {
	w.capturing, w.capture, w.matched, w.skip = false, w.capture[:0], 0, true
}

// rewind goes back to the magic number found, to read a member from it.
func (w *rawWatch) rewind() {
	w.back = slices.Concat(w.capture, w.back)
	w.restart()
}

// seek reads on until a magic number is found. It returns io.EOF at the
// end of the input.
func (w *rawWatch) seek() error {
	buf := make([]byte, 4096)
	for !w.capturing {
		if _, err := w.Read(buf); err != nil {
			return err
		}
	}
	return nil
}
