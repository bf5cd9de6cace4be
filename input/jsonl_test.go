package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reprint-dev/reprint"
)

// describe renders a document on one line for comparisons.
func describe(d reprint.Document) string {
	s := fmt.Sprintf("%s @%s %q", d.ID, d.Source, d.Text)
	if d.URL != "" {
		s += " url=" + d.URL
	}
	if d.Outlet != "" {
		s += " outlet=" + d.Outlet
	}
	if !d.Published.IsZero() {
		s += " published=" + d.Published.UTC().Format("2006-01-02T15:04:05Z")
	}
	return s
}

// drain reads r to the end, describing documents and parse errors. It
// fails t on a fatal error.
func drain(t *testing.T, r Reader) (docs, errs []string) {
	t.Helper()
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("reader does not end")
		}
		doc, err := r.Read()
		var pe *ParseError
		switch {
		case err == nil:
			docs = append(docs, describe(doc))
		case err == io.EOF:
			return docs, errs
		case errors.As(err, &pe):
			errs = append(errs, err.Error())
		default:
			t.Fatalf("fatal error: %v", err)
		}
	}
}

// warnings returns Options that collect warnings into *w.
func warnings(w *[]string) Options {
	return Options{Warn: func(msg string) { *w = append(*w, msg) }}
}

func checkLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\ngot  %q\nwant %q", what, got, want)
	}
}

func TestJSONL(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		fields    Fields
		wantDocs  []string
		wantErrs  []string
		wantWarns []string
	}{
		{
			name:     "basic",
			in:       `{"id":"a","text":"one"}` + "\n" + `{"id":"b","text":"two"}` + "\n",
			wantDocs: []string{`a @f:1 "one"`, `b @f:2 "two"`},
		},
		{
			name:     "all fields and unknown ones",
			in:       `{"id":"a","text":"t","url":"http://x/1","source":"Daily","published":"2024-03-05","extra":[1,{"y":2}]}`,
			wantDocs: []string{`a @f:1 "t" url=http://x/1 outlet=Daily published=2024-03-05T00:00:00Z`},
		},
		{
			name:     "numeric ids kept as written",
			in:       `{"id":42,"text":"x"}` + "\n" + `{"id":-1.5e3,"text":"y"}`,
			wantDocs: []string{`42 @f:1 "x"`, `-1.5e3 @f:2 "y"`},
		},
		{
			name:     "blank lines, CRLF, no final newline",
			in:       "\n  \n{\"id\":\"a\",\"text\":\"x\"}\r\n\t\r\n{\"id\":\"b\",\"text\":\"y\"}",
			wantDocs: []string{`a @f:3 "x"`, `b @f:5 "y"`},
		},
		{
			name:     "byte order mark",
			in:       "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"x\"}\n",
			wantDocs: []string{`a @f:1 "x"`},
		},
		{
			name: "broken lines are skipped and counted",
			in: strings.Join([]string{
				`{"id":"ok1","text":"fine"}`,
				`{"id":"x","text":`,
				`[1,2]`,
				`"just a string"`,
				`null`,
				`{"text":"no id"}`,
				`{"id":"","text":"empty id"}`,
				`{"id":null,"text":"null id"}`,
				`{"id":true,"text":"bool id"}`,
				`{"id":"m"}`,
				`{"id":"n","text":7}`,
				`{"id":"o","text":"  \n "}`,
				`{"id":"p","text":null}`,
				`{"id":"ok2","text":"also fine"} trailing`,
				"{\"id\":\"q\",\"text\":\"old Mac\"}\r{\"id\":\"r\",\"text\":\"line ends\"}\r",
				`{"id":"ok3","text":"fine"}`,
			}, "\n"),
			wantDocs: []string{`ok1 @f:1 "fine"`, `ok3 @f:16 "fine"`},
			wantErrs: []string{
				`f:2: invalid JSON: unexpected end of line`,
				`f:3: not a JSON object (got array)`,
				`f:4: not a JSON object (got string)`,
				`f:5: not a JSON object (got null)`,
				`f:6: field "id": missing id`,
				`f:7: field "id": missing id`,
				`f:8: field "id": missing id`,
				`f:9: field "id": id must be a string or number, got boolean`,
				`f:10: missing text (field "text")`,
				`f:11: field "text": must be a string, got number`,
				`f:12: empty text (field "text")`,
				`f:13: missing text (field "text")`,
				`f:14: invalid JSON: data after the object`,
				`f:15: invalid JSON: data after the object, past a lone CR: the file's lines seem to end in CR alone (old Mac line ends); JSON Lines needs LF or CRLF`,
			},
		},
		{
			name:     "duplicate ids",
			in:       `{"id":"a","text":"1"}` + "\n" + `{"id":"b","text":"2"}` + "\n" + `{"id":"a","text":"3"}`,
			wantDocs: []string{`a @f:1 "1"`, `b @f:2 "2"`},
			wantErrs: []string{`f:3: duplicate id "a" (first at f:1)`},
		},
		{
			name:     "numeric and string ids of the same text collide",
			in:       `{"id":7,"text":"1"}` + "\n" + `{"id":"7","text":"2"}`,
			wantDocs: []string{`7 @f:1 "1"`},
			wantErrs: []string{`f:2: duplicate id "7" (first at f:1)`},
		},
		{
			name: "published formats",
			in: strings.Join([]string{
				`{"id":"a","text":"x","published":"2024-03-05T10:20:30Z"}`,
				`{"id":"b","text":"x","published":"2024-03-05T12:20:30+02:00"}`,
				`{"id":"c","text":"x","published":"2024-03-05T10:20:30"}`,
				`{"id":"d","text":"x","published":"2024-03-05 10:20:30"}`,
				`{"id":"e","text":"x","published":" 2024-03-05 "}`,
			}, "\n"),
			wantDocs: []string{
				`a @f:1 "x" published=2024-03-05T10:20:30Z`,
				`b @f:2 "x" published=2024-03-05T10:20:30Z`,
				`c @f:3 "x" published=2024-03-05T10:20:30Z`,
				`d @f:4 "x" published=2024-03-05T10:20:30Z`,
				`e @f:5 "x" published=2024-03-05T00:00:00Z`,
			},
		},
		{
			name:      "bad optional fields warn and are dropped",
			in:        `{"id":"a","text":"x","published":"last week","url":5,"source":["s"]}` + "\n" + `{"id":"b","text":"y","published":1700000000}`,
			wantDocs:  []string{`a @f:1 "x"`, `b @f:2 "y"`},
			wantWarns: []string{`f:1: field "url" ignored: must be a string, got number`, `f:1: field "source" ignored: must be a string, got array`, `f:1: field "published" ignored: unrecognised time "last week"`, `f:2: field "published" ignored: must be a string, got number`},
		},
		{
			name:      "windows-1252 line",
			in:        `{"id":"a","text":"caf` + "\xe9 \x93hi\x94" + `"}` + "\n" + `{"id":"b","text":"ok"}`,
			wantDocs:  []string{`a @f:1 "café “hi”"`, `b @f:2 "ok"`},
			wantWarns: []string{`f:1: not valid UTF-8, decoded as Windows-1252`},
		},
		{
			name:     "custom field names",
			in:       `{"doc":"a","body":"x","link":"u","when":"2024-01-02","site":"S","id":"ignored","text":"ignored"}`,
			fields:   Fields{ID: "doc", Text: "body", URL: "link", Published: "when", Source: "site"},
			wantDocs: []string{`a @f:1 "x" url=u outlet=S published=2024-01-02T00:00:00Z`},
		},
		{
			name:     "field names are case-sensitive",
			in:       `{"ID":"a","Text":"x"}`,
			wantErrs: []string{`f:1: field "id": missing id`},
		},
		{
			name:     "escapes decode, lone surrogates become U+FFFD",
			in:       `{"id":"a\u00e9","text":"line\nbreak \ud800 \u2014"}`,
			wantDocs: []string{`aé @f:1 "line\nbreak ` + "\ufffd" + ` —"`},
		},
		{name: "empty input", in: "", wantErrs: []string{"f: empty file: no JSON lines"}},
		{name: "blank lines only", in: "\n  \n\t\n", wantErrs: []string{"f: empty file: no JSON lines"}},
		{name: "utf-16", in: "\xff\xfe{\x00\"\x00", wantErrs: []string{"f: UTF-16 text: JSON Lines must be UTF-8 (convert it, for example with iconv -f UTF-16 -t UTF-8)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			o := warnings(&warns)
			o.Fields = tt.fields
			docs, errs := drain(t, NewJSONL(strings.NewReader(tt.in), "f", o))
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
			checkLines(t, "warnings", warns, tt.wantWarns)
		})
	}
}

func TestJSONLLongLines(t *testing.T) {
	for _, size := range []int{64<<10 - 20, 64 << 10, 64<<10 + 1, 1 << 20} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			long := strings.Repeat("word ", size/5)
			in := `{"id":"s","text":"short"}` + "\n" +
				`{"id":"long","text":"` + long + `"}` + "\n" +
				`{"id":"bad","text":"` + long + "\n" +
				`{"id":"t","text":"tail"}`
			r := NewJSONL(strings.NewReader(in), "big.jsonl", Options{})
			docs, errs, err := ReadAll(r)
			if err != nil {
				t.Fatalf("ReadAll: %v", err)
			}
			if len(docs) != 3 {
				t.Fatalf("got %d docs, want 3", len(docs))
			}
			if got := docs[1]; got.ID != "long" || got.Text != long || got.Source != "big.jsonl:2" {
				t.Errorf("got doc %q at %s with %d bytes, want long at big.jsonl:2 with %d", got.ID, got.Source, len(got.Text), len(long))
			}
			if got := docs[2].Source; got != "big.jsonl:4" {
				t.Errorf("got last doc at %s, want big.jsonl:4", got)
			}
			if len(errs) != 1 || errs[0].Source != "big.jsonl:3" {
				t.Errorf("got errors %v, want one at big.jsonl:3", errs)
			}
		})
	}
}

// failingReader returns data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestJSONLReadError(t *testing.T) {
	boom := errors.New("boom")
	r := NewJSONL(&failingReader{data: []byte(`{"id":"a","text":"x"}` + "\n" + `{"id":"b",`), err: boom}, "f", Options{})
	docs, errs, err := ReadAll(r)
	if len(docs) != 1 || len(errs) != 0 {
		t.Errorf("got %d docs, %d errors; want 1, 0", len(docs), len(errs))
	}
	if !errors.Is(err, boom) || err.Error() != "f:2: boom" {
		t.Errorf("got error %v, want f:2: boom", err)
	}
	if _, err2 := r.Read(); err2 != err {
		t.Errorf("got %v on the next Read, want the same error again", err2)
	}
}

func TestReadAll(t *testing.T) {
	in := `{"id":"a","text":"x"}` + "\n" + `oops` + "\n" + `{"id":"a","text":"y"}`
	docs, errs, err := ReadAll(NewJSONL(strings.NewReader(in), "in.jsonl", Options{}))
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	if len(docs) != 1 {
		t.Errorf("got %d docs, want 1", len(docs))
	}
	want := []reprint.InputError{
		{Source: "in.jsonl:2", Err: "invalid JSON: invalid character 'o' looking for beginning of value", Line: 2},
		{Source: "in.jsonl:3", Err: `duplicate id "a" (first at in.jsonl:1)`, Line: 3},
	}
	if !slices.Equal(errs, want) {
		t.Errorf("got errors %+v, want %+v", errs, want)
	}
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		"",
		"\n\n",
		`{"id":"a","text":"x"}`,
		`{"id":1,"text":"x","url":"u","source":"s","published":"2024-01-02"}` + "\n" + `{"id":1,"text":"y"}`,
		"{\"id\":\"a\",\"text\":\"caf\xe9\"}\r\n[]\nnull\n\"s\"\n{",
		"\xef\xbb\xbf{\"id\":\"a\",\"text\":\"x\"}\n \t \n{\"id\":\"b\"}",
		`{"id":"a","text":"\ud800"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		// Count the lines that are not blank, as the reader sees them.
		want := 0
		for i, line := range bytes.Split(in, []byte("\n")) {
			if i == 0 {
				line = trimBOM(line)
			}
			if len(bytes.TrimSpace(line)) > 0 {
				want++
			}
		}
		// A file with no line, or in UTF-16, is one error about the file.
		if want == 0 || bytes.HasPrefix(in, []byte{0xFF, 0xFE}) || bytes.HasPrefix(in, []byte{0xFE, 0xFF}) {
			want = 1
		}
		r := NewJSONL(bytes.NewReader(in), "fuzz", Options{Warn: func(string) {}})
		seen := map[int]bool{}
		got := 0
		for {
			doc, err := r.Read()
			if err == io.EOF {
				break
			}
			var line int
			var pe *ParseError
			switch {
			case err == nil:
				checkFuzzDoc(t, doc)
				if _, err := fmt.Sscanf(doc.Source, "fuzz:%d", &line); err != nil {
					t.Fatalf("doc source %q: %v", doc.Source, err)
				}
			case errors.As(err, &pe):
				line = pe.Line
			default:
				t.Fatalf("fatal error from a bytes.Reader: %v", err)
			}
			if seen[line] {
				t.Fatalf("line %d yielded twice", line)
			}
			seen[line] = true
			got++
		}
		if got != want {
			t.Fatalf("got %d docs and errors, want one per non-blank line: %d", got, want)
		}
	})
}

func BenchmarkJSONL(b *testing.B) {
	var buf bytes.Buffer
	para := strings.Repeat(strings.Repeat("The court heard that the defendant had denied the charge. ", 8)+"\n\n", 5)
	for i := range 500 {
		fmt.Fprintf(&buf, `{"id":"doc-%d","text":%q,"url":"https://example.com/%d","published":"2024-03-05T10:20:30Z","source":"Example News"}`+"\n", i, para, i)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewJSONL(bytes.NewReader(data), "bench.jsonl", Options{})
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 500 {
			b.Fatalf("got %d docs, want 500", n)
		}
	}
}

// checkFuzzDoc fails the test if a document a reader returned has invalid
// UTF-8 or an empty ID or text: what the JSON and JSON Lines fuzz targets
// ask of every document.
func checkFuzzDoc(t *testing.T, doc reprint.Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.ID) {
		t.Fatalf("doc %q has invalid UTF-8", doc.Source)
	}
	if doc.ID == "" || strings.TrimSpace(doc.Text) == "" {
		t.Fatalf("doc at %s has empty id or text", doc.Source)
	}
}
