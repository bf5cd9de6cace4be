package input

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/reprint-dev/reprint"
	"github.com/valyala/fastjson"
)

// FileReader reads the documents in a list of files and folders, in a fixed
// order: arguments as given, the files in a folder in lexical order.
// Document IDs are unique across everything it reads; a repeated ID is a
// *ParseError. Close it if you stop reading before io.EOF.
type FileReader struct {
	args      []string  // arguments not yet expanded
	stdin     io.Reader // for the argument "-"
	stdinUsed bool
	opts      Options
	seen      seenIDs
	queue     []task       // files found but not yet read
	jsonl     *JSONLReader // the JSONL file being read, if any
	jsonlPath string       // its operating-system path; "" for stdin or an fs.FS
	last      Location     // where the last document came from, if Path is set
	warc      *WARCReader  // the WARC file being read, if any
	closer    io.Closer    // closes the file jsonl or warc reads
}

// task is one file to read, or an error to report in its place.
type task struct {
	fsys   fs.FS  // nil: name is an operating-system path
	name   string // path in fsys, or OS path
	id     string
	source string
	err    error  // if set, the task only reports this (a *ParseError with Line 0)
	warn   string // if set, the task only gives this warning about source
}

// Open returns a reader of the documents named by args. Each argument is a
// file, a folder (read recursively, skipping names that start with "."),
// or "-" for stdin. Files ending in .jsonl or .ndjson hold JSON Lines;
// files ending in .json hold JSON Lines, an array of objects or objects
// one after another (see the package doc); files ending in .html or .htm are web
// pages, each one document; files ending in .warc or .warc.gz are web
// archives (see WARCReader); any other file is one plain-text document.
// A file that starts with the gzip magic number is gunzipped as it is
// read, and a .gz at the end of its name is ignored in choosing how to
// read it; zip and tar archives and bzip2, xz and zstd files are
// *ParseError values saying how to unpack them. Standard input is JSON
// Lines if its first non-space byte is '{', a web page if it starts with
// "<!doctype html" or "<html" (in any case), else one plain-text
// document; its ID is "-".
//
// A file's ID is its path relative to the folder argument it was found
// in, with forward slashes, or the cleaned argument itself if it was named
// directly. Missing or unreadable paths, empty or binary files and
// duplicate IDs are *ParseError values, and reading goes on. In a
// folder, a symbolic link to a folder is skipped with a warning, and a
// named pipe, socket or device is a *ParseError. A web page
// with a canonical URL or a publication time sets Document.URL and
// Document.Published.
func Open(args []string, stdin io.Reader, o Options) *FileReader {
	return &FileReader{args: args, stdin: stdin, opts: o, seen: seenIDs{}}
}

// NewFS returns a reader of every file in fsys, as Open reads a folder.
// IDs are paths in fsys; name is joined before them in Document.Source
// and errors, as the folder's name would be.
func NewFS(fsys fs.FS, name string, o Options) *FileReader {
	r := &FileReader{opts: o, seen: seenIDs{}}
	r.walk(fsys, name)
	return r
}

// Read returns the next document, io.EOF at the end, or a *ParseError for
// a line or file it skipped. It returns no other errors.
func (r *FileReader) Read() (reprint.Document, error) {
	r.last = Location{} // only a JSONL line read now sets it
	for {
		switch {
		case r.jsonl != nil:
			doc, err := r.jsonl.Read()
			var pe *ParseError
			if err == nil || errors.As(err, &pe) {
				if start, end, ok := r.jsonl.Span(); ok && err == nil && r.jsonlPath != "" {
					r.last = Location{Path: r.jsonlPath, Start: start, End: end}
				}
				return doc, err
			}
			jr := r.jsonl
			r.Close()
			if err != io.EOF {
				// A read error ends this file, not the whole input.
				// JSONLReader wraps it with its name and line; unwrap.
				return reprint.Document{}, &ParseError{Source: jr.name, Line: jr.failAt, Err: errors.Unwrap(err)}
			}
		case r.warc != nil:
			doc, err := r.warc.Read()
			if err != io.EOF {
				return doc, err // WARCReader returns only *ParseError besides io.EOF
			}
			r.Close()
		case len(r.queue) > 0:
			t := r.queue[0]
			r.queue = r.queue[1:]
			if doc, ok, err := r.start(t); ok {
				return doc, err
			}
		case len(r.args) > 0:
			arg := r.args[0]
			r.args = r.args[1:]
			if arg == "-" {
				if doc, ok, err := r.startStdin(); ok {
					return doc, err
				}
				continue
			}
			r.expand(arg)
		default:
			return reprint.Document{}, io.EOF
		}
	}
}

// Location is where a document's text can be read again: the byte span,
// in the file as it is on disk, of its line in a JSON Lines file (or of
// its object in a .json file). It is not where the text's bytes are:
// offsets into Document.Text, such as a passage's, count bytes of the
// decoded text, which the span holds JSON-escaped and perhaps not as UTF-8.
type Location struct {
	Path       string // operating-system path of the file
	Start, End int64  // byte span of the line
}

// Location returns where the document Read returned last can be read
// again (ReadLocation), so that a caller can drop its text meanwhile. ok
// is false for a document that cannot be: one read from standard input,
// from an fs.FS, or from a file that is not JSON Lines.
func (r *FileReader) Location() (loc Location, ok bool) {
	return r.last, r.last.Path != ""
}

// ReadLocation reads again the document at loc in f, the file at loc.Path
// opened by the caller, as Open's reader read it with options o (its
// Fields and Workers matter; no warnings are given again).
func ReadLocation(f io.ReaderAt, loc Location, o Options) (reprint.Document, error) {
	if loc.End < loc.Start || loc.End-loc.Start > 1<<31 {
		return reprint.Document{}, fmt.Errorf("%s: bad location %d-%d", loc.Path, loc.Start, loc.End)
	}
	line := make([]byte, loc.End-loc.Start)
	if _, err := f.ReadAt(line, loc.Start); err != nil {
		return reprint.Document{}, fmt.Errorf("%s: read again at byte %d: %w", loc.Path, loc.Start, err)
	}
	var p fastjson.Parser
	d := decodeLine(line, 0, loc.Path, o.Fields.withDefaults(), &p)
	if d.err != nil {
		return reprint.Document{}, fmt.Errorf("%s: read again at byte %d: %w", loc.Path, loc.Start, d.err)
	}
	return d.doc, nil
}

// Close closes the file being read, if any. Reading to io.EOF closes
// every file, so Close is only needed when stopping early.
func (r *FileReader) Close() error {
	var err error
	if r.jsonl != nil {
		r.jsonl.Close() // stops its decoding goroutines
	}
	if r.closer != nil {
		err = r.closer.Close()
	}
	r.jsonl, r.warc, r.closer, r.jsonlPath = nil, nil, nil, ""
	return err
}

// expand queues the files named by one argument other than "-".
func (r *FileReader) expand(arg string) {
	fi, err := os.Stat(arg)
	switch {
	case arg == "":
		r.queue = append(r.queue, task{source: `""`, err: errors.New("empty path")})
	case err != nil:
		r.queue = append(r.queue, task{source: arg, err: pathErr(err)})
	case fi.IsDir():
		r.walk(osDir(arg), arg)
	default:
		clean := filepath.Clean(arg)
		r.queue = append(r.queue, task{name: clean, id: filepath.ToSlash(clean), source: clean})
	}
}

// osDir is the files under a folder as an fs.FS, like os.DirFS but for any
// name the system gives: os.DirFS refuses a path that is not valid UTF-8
// (fs.ValidPath) with a bare "invalid argument", so a file or a folder named
// in Latin-1 would not be read. The names are those fs.WalkDir builds from
// the folder's own entries, which never climb out of it.
type osDir string

func (d osDir) path(name string) string { return filepath.Join(string(d), filepath.FromSlash(name)) }

func (d osDir) Open(name string) (fs.File, error) { return os.Open(d.path(name)) }

func (d osDir) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(d.path(name)) }

func (d osDir) Stat(name string) (fs.FileInfo, error) { return os.Stat(d.path(name)) }

// walk queues every file in fsys, in lexical order, skipping hidden files
// and folders. Symbolic links to files are read. Links to folders are not
// followed, since they can lead out of the folder, into a loop or to files
// read already; each is skipped with a warning, in its place in the order.
// Named pipes, sockets and devices, which hold no article and can block a
// read, are each a *ParseError, so that none goes unseen. prefix is joined
// before each path in the Source.
func (r *FileReader) walk(fsys fs.FS, prefix string) {
	source := func(p string) string { return filepath.Join(prefix, filepath.FromSlash(p)) }
	fail := func(p string, err error) {
		r.queue = append(r.queue, task{source: source(p), err: pathErr(err)})
	}
	warn := func(p string, msg string) {
		r.queue = append(r.queue, task{source: source(p), warn: msg})
	}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fail(p, err) // an unreadable folder: report it and go on
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			if d.Type()&fs.ModeSymlink == 0 {
				fail(p, fmt.Errorf("not a regular file: %s", irregularKind(d.Type())))
				return nil
			}
			fi, err := fs.Stat(fsys, p)
			switch {
			case err != nil:
				fail(p, err)
				return nil
			case fi.IsDir():
				warn(p, "skipped: symbolic link to a folder, not followed (name the folder itself to read it)")
				return nil
			case !fi.Mode().IsRegular():
				fail(p, fmt.Errorf("not a regular file: %s (through a symbolic link)", irregularKind(fi.Mode())))
				return nil
			}
		}
		r.queue = append(r.queue, task{fsys: fsys, name: p, id: p, source: source(p)})
		return nil
	})
}

// start begins reading t. ok is false when t yielded nothing yet (a JSONL
// file was opened and Read must go on).
func (r *FileReader) start(t task) (doc reprint.Document, ok bool, err error) {
	if t.err != nil {
		return doc, true, &ParseError{Source: t.source, Err: t.err}
	}
	if t.warn != "" {
		r.opts.warnf("%s: %s", t.source, t.warn)
		return doc, false, nil
	}
	switch k := kindOf(t.name); k {
	case kindJSONL, kindJSON:
		f, err := t.open()
		if err != nil {
			return doc, true, &ParseError{Source: t.source, Err: pathErr(err)}
		}
		in, gz, err := unpack(f)
		if err != nil {
			f.Close()
			return doc, true, &ParseError{Source: t.source, Err: pathErr(err)}
		}
		if k == kindJSON {
			r.jsonl = newJSON(in, t.source, r.opts, r.seen)
		} else {
			r.jsonl = newJSONL(in, t.source, r.opts, r.seen)
		}
		r.closer = f
		r.jsonlPath = ""
		// Spans are offsets in the gunzipped data, which ReadLocation cannot read.
		if st, ok := f.(interface{ Stat() (fs.FileInfo, error) }); ok && t.fsys == nil && !gz {
			if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
				r.jsonlPath = t.name // a pipe cannot be read again
			}
		}
		return doc, false, nil
	case kindWARC:
		f, err := t.open()
		if err != nil {
			return doc, true, &ParseError{Source: t.source, Err: pathErr(err)}
		}
		r.warc, r.closer = newWARC(f, t.source, r.opts, r.seen), f
		return doc, false, nil
	case kindHTML:
		data, err := t.readFile()
		if err != nil {
			return doc, true, &ParseError{Source: t.source, Err: pathErr(err)}
		}
		doc, err = r.htmlDoc(data, t.id, t.source)
		return doc, true, err
	default:
		data, err := t.readFile()
		if err != nil {
			return doc, true, &ParseError{Source: t.source, Err: pathErr(err)}
		}
		doc, err = r.textDoc(data, t.id, t.source)
		return doc, true, err
	}
}

// startStdin begins reading standard input, like start.
func (r *FileReader) startStdin() (doc reprint.Document, ok bool, err error) {
	fail := func(err error) (reprint.Document, bool, error) {
		return reprint.Document{}, true, &ParseError{Source: "-", Err: err}
	}
	switch {
	case r.stdin == nil:
		return fail(errors.New("no standard input"))
	case r.stdinUsed:
		return fail(errors.New("standard input named more than once"))
	}
	r.stdinUsed = true
	src, err := gunzipStdin(r.stdin)
	if err != nil {
		return fail(err)
	}
	in, k, err := sniffKind(src)
	if err != nil {
		return fail(err)
	}
	switch k {
	case kindJSONL:
		r.jsonl, r.jsonlPath = newJSONL(in, "-", r.opts, r.seen), "" // stdin cannot be read again
		return doc, false, nil
	case kindJSON:
		r.jsonl, r.jsonlPath = newJSON(in, "-", r.opts, r.seen), ""
		return doc, false, nil
	}
	// Past the bound a file has, the rest is not read: one article of
	// gigabytes would take the memory.
	data, err := readBounded(in, "standard input")
	if err != nil {
		return fail(err)
	}
	if d, ok := fromUTF16(data); ok { // sniffKind saw only the byte order mark
		switch t := bytes.TrimLeft(d, " \t\r\n"); {
		case looksLikeHTML(d):
			k = kindHTML
		case len(t) > 0 && t[0] == '{':
			return fail(errUTF16JSONL)
		}
	}
	if k == kindHTML {
		doc, err = r.htmlDoc(data, "-", "-")
	} else {
		doc, err = r.textDoc(data, "-", "-")
	}
	return doc, true, err
}

// gunzipStdin returns standard input gunzipped if it starts with the gzip
// magic number (zcat-less pipes: curl ... | reprint scan -), else as it
// is. Unlike a file, a read error is not returned at once: the input read
// before it is still read, and the error comes after it.
func gunzipStdin(stdin io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(stdin, 64<<10)
	if head, _ := br.Peek(len(gzipMagic)); !bytes.Equal(head, gzipMagic) {
		return br, nil
	}
	in, _, err := unpack(br)
	return in, err
}

// jsonSniffLen is how far past the first "{" or "[" of standard input
// sniffKind looks to tell JSON from JSON Lines or text.
const jsonSniffLen = 512

// isLoneBrace reports whether after, the input after a first "{", ends
// that line with only white space: a pretty-printed object.
func isLoneBrace(after []byte) bool {
	for _, c := range after {
		switch c {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return false
}

// startsArrayOfObjects reports whether after, the input after a first
// "[", goes on with white space and then "{" or "]".
func startsArrayOfObjects(after []byte) bool {
	t := bytes.TrimLeft(after, " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == ']')
}

// textDoc makes a plain-text document of a file's contents.
func (r *FileReader) textDoc(data []byte, id, source string) (reprint.Document, error) {
	fail := func(msg string) (reprint.Document, error) {
		return reprint.Document{}, &ParseError{Source: source, Err: errors.New(msg)}
	}
	data, _ = fromUTF16(data)
	if isBinary(data) {
		return fail("binary file, not text")
	}
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return fail("empty document")
	}
	text, fixed := decodeText(data)
	if fixed {
		r.opts.warnf("%s: not valid UTF-8, decoded as Windows-1252", source)
	}
	if err := r.seen.check(id, source); err != nil {
		return reprint.Document{}, &ParseError{Source: source, Err: err}
	}
	return reprint.Document{ID: id, Source: source, Text: text}, nil
}

// irregularKind names the type of a file that is neither regular nor a
// folder, for errors.
func irregularKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}

// open opens the task's file.
func (t task) open() (io.ReadCloser, error) {
	if t.fsys == nil {
		return os.Open(t.name)
	}
	return t.fsys.Open(t.name)
}

// readFile reads the task's file, gunzipped if it is gzipped (unpack).
func (t task) readFile() ([]byte, error) {
	f, err := t.open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	in, gz, err := unpack(f)
	if err != nil {
		return nil, err
	}
	what := "file"
	if gz {
		what = "file, gunzipped,"
	}
	return readBounded(in, what)
}

// readBounded reads all of in, one article's text, but not past
// maxRecordSize: a larger one is an error saying so, and what names it.
func readBounded(in io.Reader, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(in, maxRecordSize+1))
	if err == nil && len(data) > maxRecordSize {
		return nil, fmt.Errorf("%s larger than %d MB: too large for one article (give many articles as JSON Lines)", what, maxRecordSize>>20)
	}
	return data, err
}

// pathErr drops the operation and path from an *fs.PathError, since the
// ParseError that carries it names the path as the user gave it.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sniffKind tells how to read r from its first bytes other than white
// space and a byte order mark: JSON Lines if the first is '{', HTML if
// they look like the start of a web page (looksLikeHTML), else text. The
// returned reader yields all of r, including the bytes looked at.
func sniffKind(r io.Reader) (io.Reader, kind, error) {
	br := bufio.NewReader(r)
	var seen []byte
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			return bytes.NewReader(seen), kindText, nil
		}
		if err != nil {
			return nil, kindText, err
		}
		seen = append(seen, c)
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case len(seen) <= len(utf8BOM) && bytes.HasPrefix(utf8BOM, seen):
			continue
		}
		in := io.MultiReader(bytes.NewReader(seen), br)
		if c == '{' {
			// A line of "{" alone starts a pretty-printed object (jq .,
			// json.dump with indent): JSON, read as a .json file is.
			if line, _ := br.Peek(jsonSniffLen); isLoneBrace(line) {
				return in, kindJSON, nil
			}
			return in, kindJSONL, nil
		}
		if c == '[' {
			// An array of objects (jq -s ., an API's answer) is JSON;
			// "[Reuters] Police said ..." is text.
			if next, _ := br.Peek(jsonSniffLen); startsArrayOfObjects(next) {
				return in, kindJSON, nil
			}
		}
		if c == '<' {
			// Peek returns what there is if r ends sooner, with an error
			// that reading in will give again.
			next, _ := br.Peek(htmlSniffLen - 1)
			if looksLikeHTML(append([]byte{c}, next...)) {
				return in, kindHTML, nil
			}
		}
		return in, kindText, nil
	}
}
