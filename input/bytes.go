package input

import "github.com/reprint-dev/reprint"

// ReadText makes one document of plain text held in memory (pasted or
// uploaded), as Open reads a text file: text that is not valid UTF-8 is
// read as Windows-1252, with a warning to o.Warn. id is its ID and source
// names it in Document.Source and errors. Empty or binary data gives a
// *ParseError. Document.Text is the decoded text, without a byte order
// mark: offsets into it, such as a passage's, are not offsets into data.
func ReadText(data []byte, id, source string, o Options) (reprint.Document, error) {
	r := &FileReader{opts: o, seen: seenIDs{}}
	return r.textDoc(data, id, source)
}

// ReadHTML makes one document of a web page held in memory, as Open reads
// an .html file: the article is extracted from the page, with its title,
// canonical URL and publication time (nothing is fetched). Empty or binary
// data, or a page with no article text, gives a *ParseError.
// Document.Text is the extracted text: offsets into it, such as a
// passage's, are not offsets into data.
func ReadHTML(data []byte, id, source string, o Options) (reprint.Document, error) {
	r := &FileReader{opts: o, seen: seenIDs{}}
	return r.htmlDoc(data, id, source)
}

// LooksLikeHTML reports whether data starts, after a byte order mark and
// white space, with "<!doctype html" or "<html" in any case: how Open
// tells a web page on standard input from plain text.
func LooksLikeHTML(data []byte) bool { return looksLikeHTML(data) }

// DecodeText returns data as text, as Open reads a text file: UTF-8 when
// it is valid, else each byte that is not part of a valid UTF-8 sequence
// read as Windows-1252 (Latin-1 where that has no character); decoded
// says which.
func DecodeText(data []byte) (text string, decoded bool) { return decodeText(data) }
