package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reprint-dev/reprint/internal/golden"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestNewFS(t *testing.T) {
	tests := []struct {
		name      string
		fsys      fstest.MapFS
		wantDocs  []string
		wantErrs  []string
		wantWarns []string
	}{
		{
			name: "lexical order, nested, hidden skipped",
			fsys: fstest.MapFS{
				"b.txt":            file("bee"),
				"a/z.md":           file("zed"),
				"a/y.txt":          file("why"),
				".hidden":          file("no"),
				".dir/x.txt":       file("no"),
				"a/.swap.txt":      file("no"),
				"a/.deep/q/r.txt":  file("no"),
				"c/d/e/deep.text":  file("deep"),
				"c/d/e/.keep":      file("no"),
				"c/empty-dir-only": &fstest.MapFile{Mode: fs.ModeDir},
			},
			wantDocs: []string{`a/y.txt @root/a/y.txt "why"`, `a/z.md @root/a/z.md "zed"`, `b.txt @root/b.txt "bee"`, `c/d/e/deep.text @root/c/d/e/deep.text "deep"`},
		},
		{
			name: "jsonl, ndjson and json by extension, any case",
			fsys: fstest.MapFS{
				"x.jsonl":  file(`{"id":"j","text":"jay"}`),
				"y.NDJSON": file(`{"id":"k","text":"kay"}`),
				"z.json":   file(`{"id":"l","text":"one object"}`),
				"z2.JSON":  file("[\n{\"id\":\"m\",\"text\":\"in an array\"}\n]"),
			},
			wantDocs: []string{`j @root/x.jsonl:1 "jay"`, `k @root/y.NDJSON:1 "kay"`, `l @root/z.json:1 "one object"`, `m @root/z2.JSON:2 "in an array"`},
		},
		{
			name: "bad files are errors, reading goes on",
			fsys: fstest.MapFS{
				"1-empty.txt":  file(""),
				"2-blank.txt":  file(" \n\r\n\t"),
				"3-bin.dat":    file("\x89PNG\r\n\x1a\n\x00\x00"),
				"4-bom.txt":    file("\xef\xbb\xbf"),
				"5-ok.txt":     file("\xef\xbb\xbfok"),
				"6-bad.jsonl":  file("{}\n\n{\"id\":\"j\",\"text\":\"t\"}\nnope"),
				"7-latin1.txt": file("na\xefve"),
			},
			wantDocs: []string{`5-ok.txt @root/5-ok.txt "ok"`, `j @root/6-bad.jsonl:3 "t"`, `7-latin1.txt @root/7-latin1.txt "naïve"`},
			wantErrs: []string{
				"root/1-empty.txt: empty document",
				"root/2-blank.txt: empty document",
				"root/3-bin.dat: binary file, not text",
				"root/4-bom.txt: empty document",
				`root/6-bad.jsonl:1: field "id": missing id`,
				"root/6-bad.jsonl:4: invalid JSON: invalid character 'o' in literal null (expecting 'u')",
			},
			wantWarns: []string{"root/7-latin1.txt: not valid UTF-8, decoded as Windows-1252"},
		},
		{
			name: "duplicate ids across files",
			fsys: fstest.MapFS{
				"a.jsonl": file(`{"id":"b.txt","text":"from jsonl"}` + "\n" + `{"id":"x","text":"x1"}`),
				"b.txt":   file("from file"),
				"c.jsonl": file(`{"id":"x","text":"x2"}`),
			},
			wantDocs: []string{`b.txt @root/a.jsonl:1 "from jsonl"`, `x @root/a.jsonl:2 "x1"`},
			wantErrs: []string{`root/b.txt: duplicate id "b.txt" (first at root/a.jsonl:1)`, `root/c.jsonl:1: duplicate id "x" (first at root/a.jsonl:2)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			docs, errs := drain(t, NewFS(tt.fsys, "root", warnings(&warns)))
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
			checkLines(t, "warnings", warns, tt.wantWarns)
		})
	}
}

// writeFiles creates files (slash paths) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"seeds/001_x.txt": "seed one",
		"seeds/002_y.txt": "seed two",
		"seeds/sub/3.md":  "three",
		"one.txt":         "single file",
		"docs.jsonl":      `{"id":"j","text":"jay"}` + "\n",
	})
	t.Chdir(dir)
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantDocs []string
		wantErrs []string
	}{
		{
			name:     "folder ids are relative to the argument",
			args:     []string{"seeds"},
			wantDocs: []string{`001_x.txt @seeds/001_x.txt "seed one"`, `002_y.txt @seeds/002_y.txt "seed two"`, `sub/3.md @seeds/sub/3.md "three"`},
		},
		{
			name:     "folder named with a path",
			args:     []string{"./seeds/sub/"},
			wantDocs: []string{`3.md @seeds/sub/3.md "three"`},
		},
		{
			name:     "file argument keeps its cleaned path",
			args:     []string{"./seeds//001_x.txt", "one.txt"},
			wantDocs: []string{`seeds/001_x.txt @seeds/001_x.txt "seed one"`, `one.txt @one.txt "single file"`},
		},
		{
			name:     "arguments in the order given, missing ones reported",
			args:     []string{"one.txt", "nope.txt", "docs.jsonl", "nodir/", "seeds/sub"},
			wantDocs: []string{`one.txt @one.txt "single file"`, `j @docs.jsonl:1 "jay"`, `3.md @seeds/sub/3.md "three"`},
			wantErrs: []string{"nope.txt: no such file or directory", "nodir/: no such file or directory"},
		},
		{
			name:     "the same file twice is a duplicate",
			args:     []string{"one.txt", "./one.txt"},
			wantDocs: []string{`one.txt @one.txt "single file"`},
			wantErrs: []string{`one.txt: duplicate id "one.txt" (first at one.txt)`},
		},
		{
			name:     "two folders with a file of the same name",
			args:     []string{"seeds/sub", "seeds"},
			wantDocs: []string{`3.md @seeds/sub/3.md "three"`, `001_x.txt @seeds/001_x.txt "seed one"`, `002_y.txt @seeds/002_y.txt "seed two"`, `sub/3.md @seeds/sub/3.md "three"`},
		},
		{
			name:     "stdin among files",
			args:     []string{"one.txt", "-", "docs.jsonl"},
			stdin:    `{"id":"s","text":"from stdin"}`,
			wantDocs: []string{`one.txt @one.txt "single file"`, `s @-:1 "from stdin"`, `j @docs.jsonl:1 "jay"`},
		},
		{
			name:     "stdin named twice",
			args:     []string{"-", "-"},
			stdin:    "text",
			wantDocs: []string{`- @- "text"`},
			wantErrs: []string{"-: standard input named more than once"},
		},
		{
			name:     "empty argument",
			args:     []string{"", "one.txt"},
			wantDocs: []string{`one.txt @one.txt "single file"`},
			wantErrs: []string{`"": empty path`},
		},
		{name: "no arguments", args: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Open(tt.args, strings.NewReader(tt.stdin), Options{})
			docs, errs := drain(t, r)
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
		})
	}
}

func TestOpenStdin(t *testing.T) {
	tests := []struct {
		name     string
		stdin    string
		wantDocs []string
		wantErrs []string
	}{
		{name: "plain text", stdin: "Hello world.\n", wantDocs: []string{`- @- "Hello world.\n"`}},
		{name: "text starting with a bracket", stdin: "[Reuters] story", wantDocs: []string{`- @- "[Reuters] story"`}},
		{name: "jsonl", stdin: `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}`, wantDocs: []string{`a @-:1 "x"`, `b @-:2 "y"`}},
		{name: "jsonl after blank lines keeps line numbers", stdin: "\n \r\n\t{\"id\":\"a\",\"text\":\"x\"}\n{", wantDocs: []string{`a @-:3 "x"`}, wantErrs: []string{"-:4: invalid JSON: unexpected end of line"}},
		{name: "jsonl after byte order mark", stdin: "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"x\"}", wantDocs: []string{`a @-:1 "x"`}},
		{name: "text after byte order mark", stdin: "\xef\xbb\xbfhi", wantDocs: []string{`- @- "hi"`}},
		{name: "whitespace beyond a buffer", stdin: strings.Repeat(" ", 10000) + `{"id":"a","text":"x"}`, wantDocs: []string{`a @-:1 "x"`}},
		{name: "empty", stdin: "", wantErrs: []string{"-: empty document"}},
		{name: "blank", stdin: "\n\n  ", wantErrs: []string{"-: empty document"}},
		{name: "binary", stdin: "\x00\x01", wantErrs: []string{"-: binary file, not text"}},
		{name: "utf-16 little-endian", stdin: "\xff\xfeh\x00\xe9\x00", wantDocs: []string{`- @- "hé"`}},
		{name: "utf-16 big-endian", stdin: "\xfe\xff\x00h\x00\xe9", wantDocs: []string{`- @- "hé"`}},
		{name: "utf-16 without a byte order mark", stdin: "h\x00i\x00", wantErrs: []string{"-: binary file, not text"}},
		{name: "utf-16 web page", stdin: "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00<\x00p\x00>\x00h\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00<\x00/\x00p\x00>\x00", wantDocs: []string{`- @- "hi there"`}},
		{name: "utf-16 jsonl", stdin: "\xff\xfe{\x00}\x00", wantErrs: []string{"-: UTF-16 text: JSON Lines must be UTF-8 (convert it, for example with iconv -f UTF-16 -t UTF-8)"}},
		{name: "utf-16 blank", stdin: "\xff\xfe \x00\n\x00", wantErrs: []string{"-: empty document"}},
		{name: "text starting with brackets of numbers", stdin: "[1] Police said", wantDocs: []string{`- @- "[1] Police said"`}},
		{name: "pretty object after blank lines", stdin: "\n{  \n \"id\": \"a\",\n \"text\": \"x\"\n}\n", wantDocs: []string{`a @-:2 "x"`}},
		{name: "empty array", stdin: "[ ]", wantErrs: []string{"-: empty JSON array: no documents"}},
		{name: "gzipped text", stdin: gz(t, "Hello world."), wantDocs: []string{`- @- "Hello world."`}},
		{name: "gzipped jsonl", stdin: gz(t, `{"id":"a","text":"x"}`+"\n"+`{"id":"b","text":"y"}`), wantDocs: []string{`a @-:1 "x"`, `b @-:2 "y"`}},
		{name: "gzipped html", stdin: gz(t, "<html><body><p>hi there</p></body></html>"), wantDocs: []string{`- @- "hi there"`}},
		{name: "truncated gzip", stdin: gz(t, strings.Repeat("Hello world. ", 400))[:60], wantErrs: []string{"-: truncated gzip stream"}},
		{name: "gzipped tar", stdin: gz(t, tarOf(t, "inside")), wantErrs: []string{"-: gzipped tar archive: unpack it (tar -xzf FILE) and give the folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := drain(t, Open([]string{"-"}, strings.NewReader(tt.stdin), Options{}))
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
		})
	}
	t.Run("no stdin", func(t *testing.T) {
		_, errs := drain(t, Open([]string{"-"}, nil, Options{}))
		checkLines(t, "errors", errs, []string{"-: no standard input"})
	})
	t.Run("stdin fails", func(t *testing.T) {
		_, errs := drain(t, Open([]string{"-"}, &failingReader{data: []byte("  "), err: errors.New("broken pipe")}, Options{}))
		checkLines(t, "errors", errs, []string{"-: broken pipe"})
	})
	t.Run("stdin jsonl fails midway", func(t *testing.T) {
		in := &failingReader{data: []byte(`{"id":"a","text":"x"}` + "\n{"), err: errors.New("broken pipe")}
		docs, errs := drain(t, Open([]string{"-", "-"}, in, Options{}))
		checkLines(t, "docs", docs, []string{`a @-:1 "x"`})
		checkLines(t, "errors", errs, []string{"-:2: broken pipe", "-: standard input named more than once"})
	})
}

func TestOpenSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"real/a.txt": "target", "other/b.txt": "bee", "in/z.txt": "zed"})
	for link, target := range map[string]string{
		"in/link.txt":     "../real/a.txt",
		"in/dirlink":      "../other",
		"in/dangling.txt": "../missing.txt",
		"in/loop":         "loop",
		"in/up":           "..",
		"in/.hidden-link": "../other",
	} {
		p := filepath.Join(dir, link)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	t.Chdir(dir)
	tests := []struct {
		name      string
		args      []string
		wantDocs  []string
		wantErrs  []string
		wantWarns []string
	}{
		{
			name:     "in a folder",
			args:     []string{"in"},
			wantDocs: []string{`link.txt @in/link.txt "target"`, `z.txt @in/z.txt "zed"`},
			wantErrs: []string{"in/dangling.txt: no such file or directory", "in/loop: too many levels of symbolic links"},
			wantWarns: []string{
				"in/dirlink: skipped: symbolic link to a folder, not followed (name the folder itself to read it)",
				"in/up: skipped: symbolic link to a folder, not followed (name the folder itself to read it)",
			},
		},
		{
			name:     "a link to a folder named directly is followed",
			args:     []string{"in/dirlink"},
			wantDocs: []string{`b.txt @in/dirlink/b.txt "bee"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			docs, errs := drain(t, Open(tt.args, nil, warnings(&warns)))
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
			checkLines(t, "warnings", warns, tt.wantWarns)
		})
	}
	t.Run("warnings in lexical order", func(t *testing.T) {
		var log []string
		r := Open([]string{"in"}, nil, Options{Warn: func(msg string) { log = append(log, msg) }})
		for {
			doc, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				log = append(log, err.Error())
				continue
			}
			log = append(log, doc.ID)
		}
		want := []string{
			"in/dangling.txt: no such file or directory",
			"in/dirlink: skipped: symbolic link to a folder, not followed (name the folder itself to read it)",
			"link.txt",
			"in/loop: too many levels of symbolic links",
			"in/up: skipped: symbolic link to a folder, not followed (name the folder itself to read it)",
			"z.txt",
		}
		checkLines(t, "log", log, want)
	})
}

// TestOpenIrregular reads a folder holding a named pipe and a socket, and
// a named pipe named directly: those in the folder are errors, and the
// one named directly is read.
func TestOpenIrregular(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d/a.txt": "a", "d/z.txt": "z"})
	t.Chdir(dir)
	if err := syscallMkfifo("d/pipe.jsonl"); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink("pipe.jsonl", "d/pipelink.txt"); err != nil {
		t.Skipf("symlinks not supported: %v", err)
	}
	wantErrs := []string{"d/pipe.jsonl: not a regular file: named pipe", "d/pipelink.txt: not a regular file: named pipe (through a symbolic link)"}
	if l, err := net.Listen("unix", "d/sock"); err == nil {
		defer l.Close()
		wantErrs = append(wantErrs, "d/sock: not a regular file: socket")
	}
	t.Run("in a folder", func(t *testing.T) {
		docs, errs := drain(t, Open([]string{"d"}, nil, Options{}))
		checkLines(t, "docs", docs, []string{`a.txt @d/a.txt "a"`, `z.txt @d/z.txt "z"`})
		checkLines(t, "errors", errs, wantErrs)
	})
	t.Run("named directly", func(t *testing.T) {
		go func() {
			f, err := os.OpenFile("d/pipe.jsonl", os.O_WRONLY, 0)
			if err != nil {
				return
			}
			f.WriteString(`{"id":"p","text":"through a pipe"}` + "\n")
			f.Close()
		}()
		docs, errs := drain(t, Open([]string{"d/pipe.jsonl"}, nil, Options{}))
		checkLines(t, "docs", docs, []string{`p @d/pipe.jsonl:1 "through a pipe"`})
		checkLines(t, "errors", errs, nil)
	})
}

func TestNewFSIrregular(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":         file("a"),
		"b-pipe":        &fstest.MapFile{Mode: fs.ModeNamedPipe},
		"c-sock":        &fstest.MapFile{Mode: fs.ModeSocket},
		"d-tty":         &fstest.MapFile{Mode: fs.ModeDevice | fs.ModeCharDevice},
		"e-disk":        &fstest.MapFile{Mode: fs.ModeDevice},
		"f-odd":         &fstest.MapFile{Mode: fs.ModeIrregular},
		"g-dirlink":     &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("sub")},
		"h-filelink":    &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("sub/s.txt")},
		"i-pipelink":    &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("b-pipe")},
		"sub/s.txt":     file("s"),
		".hidden-pipe":  &fstest.MapFile{Mode: fs.ModeNamedPipe},
		"sub/.hidden-l": &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("..")},
	}
	var warns []string
	docs, errs := drain(t, NewFS(fsys, "root", warnings(&warns)))
	checkLines(t, "docs", docs, []string{`a.txt @root/a.txt "a"`, `h-filelink @root/h-filelink "s"`, `sub/s.txt @root/sub/s.txt "s"`})
	checkLines(t, "errors", errs, []string{
		"root/b-pipe: not a regular file: named pipe",
		"root/c-sock: not a regular file: socket",
		"root/d-tty: not a regular file: character device",
		"root/e-disk: not a regular file: device",
		"root/f-odd: not a regular file: irregular file",
		"root/i-pipelink: not a regular file: named pipe (through a symbolic link)",
	})
	checkLines(t, "warnings", warns, []string{"root/g-dirlink: skipped: symbolic link to a folder, not followed (name the folder itself to read it)"})
}

func TestOpenUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read unreadable files")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d/a.txt": "a", "d/b.txt": "b", "d/c.jsonl": "{}", "d/sub/x.txt": "x", "d/z.txt": "z"})
	for _, p := range []string{"d/b.txt", "d/c.jsonl", "d/sub"} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, p), 0o755) })
	}
	t.Chdir(dir)
	docs, errs := drain(t, Open([]string{"d"}, nil, Options{}))
	checkLines(t, "docs", docs, []string{`a.txt @d/a.txt "a"`, `z.txt @d/z.txt "z"`})
	checkLines(t, "errors", errs, []string{"d/b.txt: permission denied", "d/c.jsonl: permission denied", "d/sub: permission denied"})
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		path string
		want kind
	}{
		{"a.jsonl", kindJSONL},
		{"dir/A.JSONL", kindJSONL},
		{"x.ndjson", kindJSONL},
		{"x.json", kindJSON},
		{"x.JSON", kindJSON},
		{"x.txt", kindText},
		{"x.md", kindText},
		{"x.html", kindHTML},
		{"x.HTM", kindHTML},
		{"a.warc", kindWARC},
		{"a.WARC.GZ", kindWARC},
		{"a.gz", kindText},
		{"warc.gz.txt", kindText},
		{"x.jsonl.gz", kindJSONL},
		{"x.NDJSON.GZ", kindJSONL},
		{"x.json.gz", kindJSON},
		{"p.html.gz", kindHTML},
		{"p.htm.gz", kindHTML},
		{"story.txt.gz", kindText},
		{"x.gz.jsonl", kindJSONL},
		{"x.jsonl.gz.gz", kindText},
		{"jsonl", kindText},
		{"x.jsonl.txt", kindText},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := kindOf(tt.path); got != tt.want {
				t.Errorf("kindOf(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

// TestGolden reads testdata/tree, a folder with every kind of file and
// mistake, and compares a log of what was read with a golden file.
func TestGolden(t *testing.T) {
	var log strings.Builder
	o := Options{Warn: func(msg string) { fmt.Fprintf(&log, "warning %s\n", msg) }}
	args := []string{"testdata/tree", "testdata/tree/a.txt", "testdata/missing", "-"}
	r := Open(args, strings.NewReader("Plain text on stdin.\n"), o)
	for {
		doc, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(&log, "error   %v\n", err)
			continue
		}
		fmt.Fprintf(&log, "doc     %s\n", describe(doc))
	}
	golden.Check(t, "testdata/golden/tree.txt", []byte(log.String()))
}

// TestEvalCorpus reads the shared evaluation corpus when it is present.
func TestEvalCorpus(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "eval", "meter-courts", "docs.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no eval corpus: %v", err)
	}
	var warns []string
	docs, errs, err := ReadAll(Open([]string{path}, nil, warnings(&warns)))
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	if len(docs) != 1429 || len(errs) != 0 {
		t.Errorf("got %d docs, %d errors (%v); want 1429, 0", len(docs), len(errs), errs)
	}
	t.Logf("%d warnings", len(warns))
}

func TestOpenTwoFoldersSameNames(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d1/x.txt": "one", "d2/x.txt": "two"})
	t.Chdir(dir)
	docs, errs := drain(t, Open([]string{"d1", "d2"}, nil, Options{}))
	checkLines(t, "docs", docs, []string{`x.txt @d1/x.txt "one"`})
	checkLines(t, "errors", errs, []string{`d2/x.txt: duplicate id "x.txt" (first at d1/x.txt): a file's ID is its path inside the folder named, so two folders with files of the same name clash; name a folder that holds both`})
}
