package input

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	xunicode "golang.org/x/text/encoding/unicode"
)

// win1252 maps bytes 0x80..0x9F of Windows-1252 to runes. The five bytes
// Windows-1252 leaves undefined map to the C1 control of the same value, as
// golang.org/x/text's charmap does. Bytes 0xA0..0xFF equal Latin-1.
var win1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// decodeText returns b as valid UTF-8. Valid UTF-8 is returned unchanged;
// otherwise each byte that is not part of a valid UTF-8 sequence is decoded
// as Windows-1252 (a superset of Latin-1), which is what legacy news files
// almost always are. Decoding byte by byte, not the whole text, keeps a
// mostly-UTF-8 file with a few stray bytes intact. fixed reports whether
// any byte had to be decoded.
func decodeText(b []byte) (s string, fixed bool) {
	if utf8.Valid(b) {
		return string(b), false
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			c := b[0]
			switch {
			case c >= 0x80 && c < 0xA0:
				r = win1252[c-0x80]
			default:
				r = rune(c)
			}
		}
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String(), true
}

// utf8BOM is the byte order mark some editors put at the start of UTF-8 files.
var utf8BOM = []byte("\xEF\xBB\xBF")

// trimBOM drops a leading UTF-8 byte order mark.
func trimBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, utf8BOM)
}

// fromUTF16 returns b decoded to UTF-8 when it starts with a UTF-16 byte
// order mark, as Windows tools save "Unicode" text, and reports whether it
// did; other data is returned as it is. Invalid code units become U+FFFD
// (golang.org/x/text's decoder). Without a mark UTF-16 is not guessed at:
// its NUL bytes make it binary (isBinary).
func fromUTF16(b []byte) ([]byte, bool) {
	if !hasUTF16BOM(b) {
		return b, false
	}
	// ExpectBOM takes the byte order from the mark and drops it; the decoder
	// replaces what it cannot decode instead of failing.
	out, err := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return b, false
	}
	return out, true
}

// DecodeDeclared returns data, a text or HTML body, decoded to UTF-8 as
// the charset parameter of contentType (an HTTP Content-Type) declares,
// so that a windows-1251 upload is not read as Windows-1252. As for pages
// (decodePage), valid UTF-8 is kept whatever is declared (text saved again
// as UTF-8 often keeps its old label), and a body that declares nothing or
// UTF-8, or has a UTF-16 byte order mark, is returned as it is for
// ReadText and ReadHTML to decode (they read a page's <meta>, and stray
// bytes as Windows-1252 with a warning). UTF-16 declared without a mark is
// decoded even if it passes for UTF-8. A charset it does not know, or one
// that WHATWG maps to its replacement encoding (ISO-2022-KR, HZ: one
// U+FFFD for the whole text), is an error naming it.
func DecodeDeclared(data []byte, contentType string) ([]byte, error) {
	_, params, err := mime.ParseMediaType(contentType)
	label := strings.TrimSpace(params["charset"])
	if err != nil || label == "" {
		return data, nil
	}
	enc, name := charset.Lookup(label)
	wide := strings.HasPrefix(name, "utf-16")
	switch {
	case wide && hasUTF16BOM(data), !wide && utf8.Valid(data), name == "utf-8":
		return data, nil
	case enc == nil, name == "replacement":
		return nil, fmt.Errorf("unsupported charset %q", label)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil { // a decoder replaces what it cannot decode; to be safe
		return data, nil
	}
	return out, nil
}

// hasUTF16BOM reports whether b starts with a UTF-16 byte order mark,
// little- or big-endian.
func hasUTF16BOM(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// errUTF16JSONL is the error for JSON Lines in UTF-16, a file or stdin.
var errUTF16JSONL = errors.New("UTF-16 text: JSON Lines must be UTF-8 (convert it, for example with iconv -f UTF-16 -t UTF-8)")

// sniffLen is how much of a file is checked for NUL bytes to tell binary
// files from text.
const sniffLen = 8 << 10

// isBinary reports whether b looks like a binary file: a NUL byte in its
// first sniffLen bytes. Text in any 8-bit encoding or UTF-8 has none.
func isBinary(b []byte) bool {
	return bytes.IndexByte(b[:min(len(b), sniffLen)], 0) >= 0
}

// timeLayouts are the accepted forms of the JSONL "published" field. Times
// without a zone are taken as UTC.
var timeLayouts = []string{
	time.RFC3339, // fractional seconds are accepted too
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// ParseTime parses a publication time as the JSONL "published" field is
// read: one of timeLayouts (RFC 3339, "2006-01-02T15:04:05", "2006-01-02
// 15:04:05" with or without a zone, or a date "2006-01-02"); a time without
// a zone is UTC. Other readers of article metadata (the web API) use it to
// accept the same forms.
func ParseTime(s string) (time.Time, bool) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
