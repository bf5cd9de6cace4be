package input

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// fieldValues holds the fields a document is made from, as encoding/json
// decodes them into map[string]any (json.Number for numbers): nil when
// absent or null. Objects and arrays are typed nils, kept only for jsonKind.
type fieldValues struct {
	id, text, url, source, published any
}

// decodeFields decodes a line holding one JSON object and returns the
// fields named in f. It gives what decodeObject gives, errors included,
// but faster: a line is parsed with fastjson (using p as scratch) when
// that is sure to agree with encoding/json, and with decodeObject
// otherwise. line must be valid UTF-8.
//
// fastjson's Parser does not check strings, numbers or escapes, and its
// unescaping differs from encoding/json's for unpaired UTF-16 surrogates,
// so a line takes the fast path only if fastjson.Validate accepts it (the
// same grammar as encoding/json, except that it misses control characters
// in a string before its last escape), it has no control character but
// JSON whitespace at its ends, and no unpaired surrogate escape.
// Errors, non-objects, trailing data and nesting deeper than
// fastjson.MaxDepth all go to decodeObject, which words the error. As in
// a map, the last of duplicate keys wins.
func decodeFields(line []byte, f Fields, p *fastjson.Parser) (fieldValues, error) {
	vals, ok := fastFields(line, f, p)
	if len(line) > keepParserLen {
		*p = fastjson.Parser{} // let the memory of a huge line go
	}
	if ok {
		return vals, nil
	}
	return slowFields(line, f)
}

// keepParserLen is the longest line after which a Parser keeps its
// buffers (a copy of the line and a Value per JSON value in it).
const keepParserLen = 1 << 20

// fastFields is decodeFields with fastjson; ok is false when the line
// must go to encoding/json instead.
func fastFields(line []byte, f Fields, p *fastjson.Parser) (vals fieldValues, ok bool) {
	// Parse before Validate: Parse stops at fastjson.MaxDepth, while
	// Validate recurses without limit.
	v, err := p.ParseBytes(line)
	if err != nil || v.Type() != fastjson.TypeObject ||
		fastjson.ValidateBytes(line) != nil || hasControl(line) || hasLoneSurrogate(line) {
		return fieldValues{}, false
	}
	names := [...]string{f.ID, f.Text, f.URL, f.Source, f.Published}
	var found [len(names)]*fastjson.Value
	v.GetObject().Visit(func(key []byte, val *fastjson.Value) {
		for i, name := range names {
			if string(key) == name {
				found[i] = val // later duplicates overwrite, as in a map
			}
		}
	})
	return fieldValues{
		id:        fastValue(found[0]),
		text:      fastValue(found[1]),
		url:       fastValue(found[2]),
		source:    fastValue(found[3]),
		published: fastValue(found[4]),
	}, true
}

// slowFields is decodeFields with encoding/json.
func slowFields(line []byte, f Fields) (fieldValues, error) {
	obj, err := decodeObject(line)
	if err != nil {
		return fieldValues{}, err
	}
	return fieldValues{
		id:        obj[f.ID],
		text:      obj[f.Text],
		url:       obj[f.URL],
		source:    obj[f.Source],
		published: obj[f.Published],
	}, nil
}

// fastValue converts v (nil if absent) to what encoding/json would put in
// a map[string]any, as far as idField, stringField and jsonKind look.
// Strings are copied out of the parser's buffer.
func fastValue(v *fastjson.Value) any {
	if v == nil {
		return nil
	}
	switch v.Type() {
	case fastjson.TypeString:
		return string(v.GetStringBytes())
	case fastjson.TypeNumber:
		return json.Number(v.MarshalTo(nil)) // the number as written
	case fastjson.TypeObject:
		return map[string]any(nil)
	case fastjson.TypeArray:
		return []any(nil)
	case fastjson.TypeTrue:
		return true
	case fastjson.TypeFalse:
		return false
	}
	return nil
}

// hasControl reports whether b, less the JSON whitespace at its ends, has
// a byte below 0x20. Inside strings encoding/json rejects them; between
// tokens only tab, CR and LF are allowed, which sends lines with such
// whitespace inside to encoding/json: rare, and still right.
func hasControl(b []byte) bool {
	b = bytes.Trim(b, " \t\r\n")
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(b) >= 8 {
		// A byte of x is below 0x20 iff it sets its high bit here.
		x := binary.LittleEndian.Uint64(b)
		if (x-0x20*ones)&^x&highs != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// hasLoneSurrogate reports whether a valid JSON text holds a \u escape of
// a UTF-16 surrogate that encoding/json does not decode as half of a pair
// (it makes U+FFFD of it; fastjson keeps the escape or eats the next one).
// Outside strings valid JSON has no backslash, so every backslash starts
// an escape. A malformed \u escape also counts, to be safe.
func hasLoneSurrogate(b []byte) bool {
	if !bytes.Contains(b, []byte(`\u`)) {
		return false // the common case, found faster than by walking the escapes
	}
	for {
		i := bytes.IndexByte(b, '\\')
		if i < 0 {
			return false
		}
		b = b[i:]
		if len(b) < 2 {
			return true
		}
		if b[1] != 'u' {
			b = b[2:]
			continue
		}
		r := hex4(b[2:])
		if r < 0 {
			return true
		}
		b = b[6:]
		if !utf16.IsSurrogate(r) {
			continue
		}
		// Pair with the next escape the way encoding/json does.
		if len(b) < 2 || b[0] != '\\' || b[1] != 'u' {
			return true
		}
		if utf16.DecodeRune(r, hex4(b[2:])) == utf8.RuneError {
			return true
		}
		b = b[6:]
	}
}

// hex4 decodes the 4 hex digits that start b, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
