// Package shingle tokenizes text into words that keep their byte spans in
// the original text, and hashes word shingles into sorted sets.
//
// Normalization is per token (lower case, apostrophes dropped, curly and
// straight forms folded) so that offsets into the original text survive and
// evidence can be highlighted in the real article.
package shingle

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word: Text is its normalized form, Start and End its byte
// span in the original text (half-open).
type Token struct {
	Text       string
	Start, End int
}

// isApostrophe reports the characters that join "it's", "Zelenskyy’s".
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isWordRune reports letters, digits and combining marks (Mn, Mc, Me).
// Apostrophes are excluded even where Unicode calls them letters (U+02BC).
func isWordRune(r rune) bool {
	return !isApostrophe(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r))
}

// Tokenize appends the words of text to dst and returns it. A word is a run
// of letters, digits and combining marks; an apostrophe between two such
// runs joins them ("it's" → "its"). Invalid UTF-8 bytes separate words.
func Tokenize(dst []Token, text string) []Token {
	var buf []byte
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) || r == utf8.RuneError {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if isWordRune(r) {
				if r >= utf8.RuneSelf {
					buf = utf8.AppendRune(buf, unicode.ToLower(r))
				} else {
					if 'A' <= r && r <= 'Z' {
						r += 'a' - 'A'
					}
					buf = append(buf, byte(r))
				}
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i+size:]); isWordRune(r2) && r2 != utf8.RuneError {
					i += size
					continue
				}
			}
			break
		}
		dst = append(dst, Token{Text: string(buf), Start: start, End: i})
	}
	return dst
}
