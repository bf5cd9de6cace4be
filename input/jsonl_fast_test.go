package input

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"github.com/reprint-dev/reprint"
)

// decodeLineRef is decodeLine as it was before fastjson: every line
// decoded by encoding/json into a map. It is the reference decodeLine must
// agree with.
func decodeLineRef(line []byte, n int, name string, f Fields) (d decoded) {
	d.line = n
	source := name + ":" + strconv.Itoa(n)
	if !utf8.Valid(line) {
		s, _ := decodeText(line)
		line = []byte(s)
		d.pre = append(d.pre, fmt.Sprintf("%s: not valid UTF-8, decoded as Windows-1252", source))
	}
	obj, err := decodeObject(line)
	if err != nil {
		d.err = err
		return d
	}
	doc := reprint.Document{Source: source}
	id, err := idField(obj[f.ID])
	if err != nil {
		d.err = fmt.Errorf("field %q: %w", f.ID, err)
		return d
	}
	doc.ID = id

	text, ok, err := stringField(obj[f.Text])
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

	optional := func(name string) string {
		s, _, err := stringField(obj[name])
		if err != nil {
			d.post = append(d.post, fmt.Sprintf("%s: field %q ignored: %v", source, name, err))
		}
		return strings.TrimSpace(s)
	}
	doc.URL = optional(f.URL)
	doc.Outlet = optional(f.Source)
	if p := optional(f.Published); p != "" {
		t, ok := ParseTime(p)
		if !ok {
			d.post = append(d.post, fmt.Sprintf("%s: field %q ignored: unrecognised time %q", source, f.Published, p))
		}
		doc.Published = t
	}
	d.doc = doc
	return d
}

// describeDecoded renders everything a caller can see of d.
func describeDecoded(d decoded) string {
	errText := "<nil>"
	if d.err != nil {
		errText = d.err.Error()
	}
	return fmt.Sprintf("line=%d blank=%v doc={%q %q %q %q %q %q} err=%q pre=%q post=%q",
		d.line, d.blank, d.doc.ID, d.doc.Source, d.doc.Text, d.doc.URL, d.doc.Outlet,
		d.doc.Published.Format("2006-01-02T15:04:05.999999999Z07:00"), errText, d.pre, d.post)
}

// shortFields are field names a fuzzer finds easily.
var shortFields = Fields{ID: "i", Text: "t", URL: "u", Source: "s", Published: "p"}.withDefaults()

// checkAgainstRef decodes line with decodeLine and decodeLineRef under f
// and fails t if they differ. Another line is decoded with the same
// parser before the comparison, to catch results that alias its buffer.
func checkAgainstRef(t *testing.T, line []byte, f Fields) {
	t.Helper()
	var p fastjson.Parser
	got := decodeLine(line, 7, "f", f, &p)
	decodeLine([]byte(`{"id":"zzzzzzzz","text":"`+strings.Repeat("z", 64)+`","i":1,"t":"z"}`), 8, "f", f, &p)
	want := decodeLineRef(line, 7, "f", f)
	if g, w := describeDecoded(got), describeDecoded(want); g != w {
		t.Errorf("line %q:\ngot  %s\nwant %s", line, g, w)
	}
}

func TestDecodeLineMatchesEncodingJSON(t *testing.T) {
	deep := func(n int) string {
		return `{"id":"a","text":"x","extra":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`
	}
	tests := []struct {
		name     string
		line     string
		fields   Fields
		wantFast bool // whether fastjson decodes it, not encoding/json
	}{
		{name: "plain", line: `{"id":"a","text":"one"}`, wantFast: true},
		{name: "all fields", line: `{"id":"a","text":"t","url":" http://x/1 ","source":"Daily","published":"2024-03-05","extra":[1,{"y":2.5e-3}],"b":true,"n":null}`, wantFast: true},
		{name: "whitespace and CR", line: " \t{ \"id\" : \"a\" , \"text\" : \"x\" } \r", wantFast: true},
		{name: "numeric id kept as written", line: `{"id":-1.50E+03,"text":"y"}`, wantFast: true},
		{name: "escapes", line: `{"id":"a\u00e9\/","text":"line\nbreak\t\"q\" \\ \b\f\r \u2014 \u0000"}`, wantFast: true},
		{name: "surrogate pair", line: `{"id":"a","text":"smile \ud83d\ude00 \uD83D\uDE00"}`, wantFast: true},
		{name: "escaped backslash before u", line: `{"id":"a","text":"C:\\ud800\\"}`, wantFast: true},
		{name: "escaped key", line: `{"id":"a","t\u0065xt":"x"}`, wantFast: true},
		{name: "duplicate keys: last wins", line: `{"id":"a","text":"first","id":"b","text":"second"}`, wantFast: true},
		{name: "duplicate keys: last null wins", line: `{"id":"a","text":"x","url":"u","url":null}`, wantFast: true},
		{name: "duplicate keys: last of wrong type", line: `{"id":"a","text":"x","text":1}`, wantFast: true},
		{name: "same name for two fields", line: `{"x":"a"}`, fields: Fields{ID: "x", Text: "x"}, wantFast: true},
		{name: "empty key", line: `{"":"a","text":"x"}`, fields: Fields{ID: ""}, wantFast: true},
		{name: "wrong types", line: `{"id":{"a":1},"text":"x"}`, wantFast: true},
		{name: "array id", line: `{"id":[],"text":"x"}`, wantFast: true},
		{name: "bool optional fields", line: `{"id":"a","text":"x","url":false,"source":{},"published":[]}`, wantFast: true},
		{name: "blank id", line: `{"id":" ","text":"x"}`, wantFast: true},
		{name: "nesting at fastjson's limit", line: deep(fastjson.MaxDepth - 2), wantFast: true},
		{name: "nesting past fastjson's limit", line: deep(fastjson.MaxDepth)},
		{name: "nesting past encoding/json's limit", line: deep(10001)},
		{name: "lone high surrogate", line: `{"id":"a","text":"x \ud800 y"}`},
		{name: "lone low surrogate", line: `{"id":"a","text":"x \udc00 y"}`},
		{name: "high surrogate then BMP escape", line: `{"id":"a","text":"x \ud800\u0041 y"}`},
		{name: "two high surrogates then low", line: `{"id":"a","text":"\ud800\ud800\udc00"}`},
		{name: "surrogate at end of string", line: `{"id":"a","text":"x\ud83d"}`},
		{name: "lone surrogate in key", line: `{"id":"a","text":"x","\ud800":1}`, fields: Fields{URL: "\ufffd"}},
		{name: "lone surrogate in ignored field", line: `{"id":"a","text":"x","other":"\udfff"}`},
		{name: "invalid escape", line: `{"id":"a","text":"x\q"}`},
		{name: "short unicode escape", line: `{"id":"a","text":"x\u12"}`},
		{name: "bad hex", line: `{"id":"a","text":"x\u12g4"}`},
		{name: "raw control character", line: "{\"id\":\"a\",\"text\":\"x\ty\"}"},
		{name: "raw control character before an escape", line: "{\"id\":\"a\",\"text\":\"x\ry\\n\"}"},
		{name: "raw control character before an escape in key", line: "{\"id\":\"a\",\"text\":\"x\",\"k\x01\\n\":1}"},
		{name: "tab between tokens", line: "{\"id\":\t\"a\",\"text\":\"x\"}"},
		{name: "raw control character in key", line: "{\"id\":\"a\",\"text\":\"x\",\"k\x01\":1}"},
		{name: "NaN", line: `{"id":NaN,"text":"x"}`},
		{name: "Infinity", line: `{"id":-Inf,"text":"x"}`},
		{name: "leading zero", line: `{"id":01,"text":"x"}`},
		{name: "bare fraction", line: `{"id":1.,"text":"x"}`},
		{name: "plus sign", line: `{"id":+1,"text":"x"}`},
		{name: "bad number elsewhere", line: `{"id":"a","text":"x","n":1.2.3}`},
		{name: "bad literal", line: `{"id":"a","text":"x","b":tru}`},
		{name: "trailing comma", line: `{"id":"a","text":"x",}`},
		{name: "single quotes", line: `{'id':'a','text':'x'}`},
		{name: "unterminated", line: `{"id":"a","text":"x`},
		{name: "trailing data", line: `{"id":"a","text":"x"} trailing`},
		{name: "second object", line: `{"id":"a","text":"x"}{"id":"b"}`},
		{name: "trailing unicode space", line: "{\"id\":\"a\",\"text\":\"x\"}\u00a0\v"},
		{name: "leading unicode space", line: "\u00a0{\"id\":\"a\",\"text\":\"x\"}"},
		{name: "null", line: `null`},
		{name: "array", line: `[{"id":"a","text":"x"}]`},
		{name: "string", line: `"s"`},
		{name: "number", line: `12`},
		{name: "true", line: `true`},
		{name: "empty", line: ``},
		{name: "windows-1252", line: "{\"id\":\"a\",\"text\":\"caf\xe9 \x93hi\x94\"}"},
		{name: "windows-1252 broken", line: "{\"id\":\"a\",\"text\":\"caf\xe9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.fields.withDefaults()
			checkAgainstRef(t, []byte(tt.line), f)
			if !utf8.ValidString(tt.line) {
				return
			}
			var p fastjson.Parser
			if _, fast := fastFields([]byte(tt.line), f, &p); fast != tt.wantFast {
				t.Errorf("got fast path %v, want %v", fast, tt.wantFast)
			}
		})
	}
}

// FuzzDecodeLine checks that decodeLine and encoding/json (decodeLineRef)
// give the same document, or the same error, for any line.
func FuzzDecodeLine(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x","url":"u","source":"s","published":"2024-01-02"}`,
		`{"i":1,"t":"x","u":"u","s":"s","p":"2024-01-02T10:20:30Z"}`,
		`{"id":"a","text":"first","id":2,"text":"second"}`,
		`{"id":"a","text":"\ud83d\ude00 \ud800 \u00e9\n\"\\"}`,
		`{"id":1e5,"text":"x","extra":[null,true,false,{"k":[]}]}`,
		"{\"id\":\"a\",\"text\":\"caf\xe9\"}",
		`{"id":"a","text":"x"} `,
		`{"id":NaN,"text":"x\q"}`,
		`[1]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		checkAgainstRef(t, line, Fields{}.withDefaults())
		checkAgainstRef(t, line, shortFields)
	})
}

// BenchmarkDecodeLine decodes one line like those of a large corpus, a
// few KB of text with escaped newlines and quotes, with decodeLine and
// with the encoding/json reference.
func BenchmarkDecodeLine(b *testing.B) {
	para := strings.Repeat("The court heard that the \"defendant\" had denied the charge. ", 8)
	line := []byte(fmt.Sprintf(`{"id":"d0000001","text":%q}`, strings.Repeat(para+"\n\n", 6)))
	f := Fields{}.withDefaults()
	run := func(b *testing.B, decode func() decoded) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			if d := decode(); d.err != nil {
				b.Fatal(d.err)
			}
		}
	}
	b.Run("fastjson", func(b *testing.B) {
		var p fastjson.Parser
		run(b, func() decoded { return decodeLine(line, 1, "f", f, &p) })
	})
	b.Run("encoding-json", func(b *testing.B) {
		run(b, func() decoded { return decodeLineRef(line, 1, "f", f) })
	})
}

func TestHasLoneSurrogate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{``, false},
		{`"plain"`, false},
		{`"\n\t\\\"\/"`, false},
		{`"\u00e9\u2014"`, false},
		{`"\ud83d\ude00"`, false},
		{`"\\ud800"`, false},
		{`"\ud800"`, true},
		{`"\udc00"`, true},
		{`"\ude00\ud83d"`, true},
		{`"\ud800\u0041"`, true},
		{`"\ud800\n"`, true},
		{`"\ud800\ud800\udc00"`, true},
		{`"\u12"`, true},
		{`"\u`, true},
		{`"x\`, false}, // malformed, but no \u: Validate rejects it
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := hasLoneSurrogate([]byte(tt.in)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHasControl(t *testing.T) {
	for c := range 256 {
		for _, at := range []int{0, 5, 7, 8, 15, 16, 20} {
			b := []byte(strings.Repeat("a\u00e9\x7f ", 5)[:21])
			b[at] = byte(c)
			b = append([]byte(" \t\r\n"), append(b, "\r\n \t"...)...)
			// Whitespace at the ends is trimmed.
			atEnd := at == 0 || at == 20
			want := c < 0x20 && !(atEnd && strings.IndexByte("\t\r\n", byte(c)) >= 0)
			if got := hasControl(b); got != want {
				t.Errorf("byte %#x at %d: got %v, want %v", c, at, got, want)
			}
		}
	}
}
