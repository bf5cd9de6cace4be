package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestJSON(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		workers   int
		wantDocs  []string
		wantErrs  []string
		wantWarns []string
	}{
		{
			name:     "json lines",
			in:       `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n",
			wantDocs: []string{`a @f.json:1 "x"`, `b @f.json:2 "y"`},
		},
		{
			name:     "json lines with a broken line read on",
			in:       `{"id":"a","te` + "\n" + `{"id":"b","text":"y"}`,
			wantDocs: []string{`b @f.json:2 "y"`},
			wantErrs: []string{"f.json:1: invalid JSON: unexpected end of line"},
		},
		{
			name:     "json lines on workers",
			in:       `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}`,
			workers:  3,
			wantDocs: []string{`a @f.json:1 "x"`, `b @f.json:2 "y"`},
		},
		{
			name:     "one object on one line",
			in:       `{"id":"a","text":"x","url":"https://e.com/a"}`,
			wantDocs: []string{`a @f.json:1 "x" url=https://e.com/a`},
		},
		{
			name:     "one pretty-printed object",
			in:       "\n{\n  \"id\": \"a\",\n  \"text\": \"x\",\n  \"published\": \"2024-05-01\"\n}\n",
			wantDocs: []string{`a @f.json:2 "x" published=2024-05-01T00:00:00Z`},
		},
		{
			name:     "pretty-printed objects one after another",
			in:       "{\n \"id\": 1,\n \"text\": \"x\"\n}\n{\n \"id\": 2,\n \"text\": \"y\"\n}\n",
			wantDocs: []string{`1 @f.json:1 "x"`, `2 @f.json:5 "y"`},
		},
		{
			name:     "array, pretty-printed",
			in:       "[\n  {\n    \"id\": \"a\",\n    \"text\": \"x\"\n  },\n  {\"id\": \"b\", \"text\": \"y\"}\n]\n",
			wantDocs: []string{`a @f.json:2 "x"`, `b @f.json:6 "y"`},
		},
		{
			name:     "array on one line, after a byte order mark",
			in:       "\xef\xbb\xbf" + `[{"id":"a","text":"x"},{"id":"b","text":"y"}]`,
			wantDocs: []string{`a @f.json:1 "x"`, `b @f.json:1 "y"`},
		},
		{
			name:     "array ignores workers",
			in:       "[\n" + `{"id":"a","text":"x"},` + "\n" + `{"id":"b","text":"y"}` + "\n]",
			workers:  3,
			wantDocs: []string{`a @f.json:2 "x"`, `b @f.json:3 "y"`},
		},
		{
			name: "array elements with bad fields are errors naming their line",
			in: "[\n" +
				`{"id":"a"},` + "\n" +
				`"just a string",` + "\n" +
				`null,` + "\n" +
				`{"id":"b","text":"y","source":7},` + "\n" +
				`{"id":"b","text":"again"},` + "\n" +
				`{"id":"c","text":"caf` + "\xe9" + `"}` + "\n]",
			wantDocs: []string{`b @f.json:5 "y"`, `c @f.json:7 "café"`},
			wantErrs: []string{
				`f.json:2: element 1: missing text (field "text")`,
				"f.json:3: element 2: not a JSON object (got string)",
				"f.json:4: element 3: not a JSON object (got null)",
				`f.json:6: element 5: duplicate id "b" (first at f.json:5)`,
			},
			wantWarns: []string{
				`f.json:5: field "source" ignored: must be a string, got number`,
				"f.json:7: not valid UTF-8, decoded as Windows-1252",
			},
		},
		{
			name:     "array cut short",
			in:       "[\n" + `{"id":"a","text":"x"},` + "\n" + `{"id":"b","te`,
			wantDocs: []string{`a @f.json:2 "x"`},
			wantErrs: []string{"f.json:3: invalid JSON: unexpected end of file"},
		},
		{
			name:     "array not closed",
			in:       "[\n" + `{"id":"a","text":"x"}` + "\n",
			wantDocs: []string{`a @f.json:2 "x"`},
			wantErrs: []string{"f.json:3: invalid JSON: unexpected end of file"},
		},
		{
			name:     "syntax error ends the file",
			in:       "[\n" + `{"id":"a","text":"x"},` + "\n\n" + `{"id" "b"},` + "\n" + `{"id":"c","text":"z"}]`,
			wantDocs: []string{`a @f.json:2 "x"`},
			wantErrs: []string{"f.json:4: invalid JSON: invalid character '\"' after object key (the rest of the file is not read)"},
		},
		{
			name:     "missing comma",
			in:       "[\n" + `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}]`,
			wantDocs: []string{`a @f.json:2 "x"`},
			wantErrs: []string{"f.json:3: invalid JSON: expected comma after array element (the rest of the file is not read)"},
		},
		{
			name:     "data after the array",
			in:       "[" + `{"id":"a","text":"x"}` + "]\n[]",
			wantDocs: []string{`a @f.json:1 "x"`},
			wantErrs: []string{"f.json:2: data after the top-level array"},
		},
		{
			name:     "garbage after the array",
			in:       "[" + `{"id":"a","text":"x"}` + "]\nnope",
			wantDocs: []string{`a @f.json:1 "x"`},
			wantErrs: []string{"f.json:2: invalid JSON: invalid character 'o' in literal null (expecting 'u') (the rest of the file is not read)"},
		},
		{
			name:     "pretty object then a broken one",
			in:       "{\n \"id\": 1,\n \"text\": \"x\"\n}\n{\n \"id\": 2,\n",
			wantDocs: []string{`1 @f.json:1 "x"`},
			wantErrs: []string{"f.json:5: invalid JSON: unexpected end of file"},
		},
		{name: "empty file", in: "", wantErrs: []string{"f.json: empty file: no JSON"}},
		{name: "blank file", in: " \n\t\n", wantErrs: []string{"f.json: empty file: no JSON"}},
		{name: "empty array", in: " [ ]\n", wantErrs: []string{"f.json: empty JSON array: no documents"}},
		{name: "top-level string", in: `"hello"`, wantErrs: []string{"f.json:1: not a JSON object (got string)"}},
		{name: "utf-16", in: "\xff\xfe[\x00]\x00", wantErrs: []string{"f.json: " + errUTF16JSONL.Error()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			o := warnings(&warns)
			o.Workers = tt.workers
			r := newJSON(strings.NewReader(tt.in), "f.json", o, seenIDs{})
			docs, errs := drain(t, r)
			r.Close()
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
			checkLines(t, "warnings", warns, tt.wantWarns)
		})
	}
}

// TestJSONLongFirstObject reads a pretty-printed object larger than the
// reader's buffer, and JSON Lines whose first line is, so that the bytes
// looked at to tell them apart are all read again.
func TestJSONLongFirstObject(t *testing.T) {
	long := strings.Repeat("word ", 40000)
	tests := []struct {
		name     string
		in       string
		wantDocs []string
	}{
		{
			name:     "pretty",
			in:       fmt.Sprintf("{\n \"id\": \"a\",\n \"text\": %q\n}\n{\n \"id\": \"b\",\n \"text\": \"y\"\n}", long),
			wantDocs: []string{fmt.Sprintf("a @f.json:1 %q", long), `b @f.json:5 "y"`},
		},
		{
			name:     "json lines",
			in:       fmt.Sprintf("{\"id\":\"a\",\"text\":%q}\n{\"id\":\"b\",\"text\":\"y\"}", long),
			wantDocs: []string{fmt.Sprintf("a @f.json:1 %q", long), `b @f.json:2 "y"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := drain(t, newJSON(strings.NewReader(tt.in), "f.json", Options{}, seenIDs{}))
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, nil)
		})
	}
}

func TestJSONReadError(t *testing.T) {
	in := &failingReader{data: []byte("[\n" + `{"id":"a","text":"x"},` + "\n" + `{"id":"b",`), err: errors.New("boom")}
	r := newJSON(in, "f.json", Options{}, seenIDs{})
	if doc, err := r.Read(); err != nil || doc.ID != "a" {
		t.Fatalf("first Read: got %q, %v; want a, nil", doc.ID, err)
	}
	_, err := r.Read()
	if got, want := fmt.Sprint(err), "f.json:3: boom"; got != want {
		t.Errorf("second Read: got error %q, want %q", got, want)
	}
	if _, err := r.Read(); err == nil || err == io.EOF {
		t.Errorf("third Read: got %v, want the read error again", err)
	}
}

// TestOpenJSON reads .json files in a folder and named directly, and each
// document of a file named directly again from its Location.
func TestOpenJSON(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"feed/array.json":  "\xef\xbb\xbf[\n {\"id\": \"a1\",\n  \"text\": \"first\"},\n {\"id\": \"a2\", \"text\": \"caf\xe9\"}\n]\n",
		"feed/lines.json":  `{"id":"l1","text":"one"}` + "\n" + `{"id":"l2","text":"two"}` + "\n",
		"feed/pretty.json": "{\n  \"id\": \"p1\",\n  \"text\": \"pretty \\\"quoted\\\"\"\n}\n",
	})
	t.Chdir(dir)
	tests := []struct {
		name     string
		args     []string
		wantLoc  bool
		wantDocs []string
	}{
		{
			name: "folder",
			args: []string{"feed"},
			wantDocs: []string{
				`a1 @feed/array.json:2 "first"`,
				`a2 @feed/array.json:4 "café"`,
				`l1 @feed/lines.json:1 "one"`,
				`l2 @feed/lines.json:2 "two"`,
				`p1 @feed/pretty.json:1 "pretty \"quoted\""`,
			},
		},
		{
			name:    "named directly",
			args:    []string{"feed/array.json", "feed/lines.json", "feed/pretty.json"},
			wantLoc: true,
			wantDocs: []string{
				`a1 @feed/array.json:2 "first"`,
				`a2 @feed/array.json:4 "café"`,
				`l1 @feed/lines.json:1 "one"`,
				`l2 @feed/lines.json:2 "two"`,
				`p1 @feed/pretty.json:1 "pretty \"quoted\""`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Open(tt.args, nil, Options{Warn: func(string) {}})
			var docs []string
			for {
				doc, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				docs = append(docs, describe(doc))
				loc, ok := r.Location()
				if ok != tt.wantLoc {
					t.Errorf("%s: got location %+v (%v), want one: %v", doc.ID, loc, ok, tt.wantLoc)
				}
				if !ok {
					continue
				}
				f, err := os.Open(loc.Path)
				if err != nil {
					t.Fatal(err)
				}
				again, err := ReadLocation(f, loc, Options{})
				f.Close()
				if err != nil || again.ID != doc.ID || again.Text != doc.Text {
					t.Errorf("%s read again at %+v: got %q %q, %v; want %q %q", doc.ID, loc, again.ID, again.Text, err, doc.ID, doc.Text)
				}
			}
			checkLines(t, "docs", docs, tt.wantDocs)
		})
	}
}

func TestLineCounter(t *testing.T) {
	in := "a\nbb\n\nccc\nd"
	tests := []struct {
		off  int64
		want int
	}{
		{0, 1}, {1, 1}, {2, 2}, {4, 2}, {5, 3}, {6, 4}, {9, 4}, {10, 5}, {11, 5},
	}
	c := &lineCounter{r: strings.NewReader(in)}
	if _, err := io.ReadAll(c); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.off), func(t *testing.T) {
			if got := c.lineAt(tt.off); got != tt.want {
				t.Errorf("lineAt(%d) = %d, want %d", tt.off, got, tt.want)
			}
		})
	}
}

// FuzzJSON checks that a .json file of any content gives documents and
// *ParseErrors only, at least one of them, every document sound; and that
// a valid array or multi-line object gives one of them per object.
func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		"",
		"[]",
		`[{"id":"a","text":"x"},{"id":"a","text":"y"},3,null,[]]`,
		"{\n\"id\":1,\n\"text\":\"x\"}\n{\"id\":2,\"text\":\"y\"}",
		`{"id":"a","text":"x"}` + "\n" + `{"id":"b"}`,
		"\xef\xbb\xbf[\n{\"id\":\"a\",\"text\":\"caf\xe9\"}\n] x",
		"[{\"id\":\"a\",\"text\":\"x\"}",
		"\xff\xfe[\x00]\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		r := newJSON(bytes.NewReader(in), "fuzz", Options{Warn: func(string) {}}, seenIDs{})
		got := 0
		for {
			doc, err := r.Read()
			if err == io.EOF {
				break
			}
			var pe *ParseError
			switch {
			case err == nil:
				checkFuzzDoc(t, doc)
			case errors.As(err, &pe):
			default:
				t.Fatalf("fatal error from a bytes.Reader: %v", err)
			}
			got++
			if got > len(in)+1 {
				t.Fatalf("got %d docs and errors from %d bytes", got, len(in))
			}
		}
		if got == 0 {
			t.Fatal("got no document and no error")
		}
		body := bytes.TrimLeft(trimBOM(in), " \t\r\n")
		var arr []json.RawMessage
		var obj map[string]any
		switch {
		case len(body) > 0 && body[0] == '[' && json.Unmarshal(body, &arr) == nil && len(arr) > 0:
			if got != len(arr) {
				t.Fatalf("array of %d: got %d docs and errors", len(arr), got)
			}
		case json.Unmarshal(body, &obj) == nil && obj != nil && bytes.ContainsAny(body, "\n"):
			if got != 1 {
				t.Fatalf("one object: got %d docs and errors", got)
			}
		}
	})
}

func TestOpenJSONNotJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	if err := os.WriteFile(path, []byte("not json at all\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs := drain(t, Open([]string{path}, nil, Options{}))
	checkLines(t, "errors", errs, []string{path + ":1: invalid JSON: invalid character 'o' in literal null (expecting 'u')"})
}
