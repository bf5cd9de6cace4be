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
	Words(text, func(w []byte, start, end int) {
		dst = append(dst, Token{Text: string(w), Start: start, End: end})
	})
	return dst
}

// Words calls fn for each word of text, as Tokenize finds them, with the
// normalized word and its byte span. w is only valid during the call; Words
// allocates nothing per word, which makes it the tokenizer of hot paths.
func Words(text string, fn func(w []byte, start, end int)) {
	var arr [64]byte
	buf := arr[:0]
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) || r == utf8.RuneError {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if isASCIIWord(c) {
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf = append(buf, c)
					i++
					continue
				}
				if c == '\'' && i+1 < len(text) && startsWord(text[i+1:]) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if isWordRune(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) && startsWord(text[i+size:]) {
				i += size
				continue
			}
			break
		}
		fn(buf, start, i)
	}
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// startsWord reports whether s begins with a word rune.
func startsWord(s string) bool {
	if s[0] < utf8.RuneSelf {
		return isASCIIWord(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && isWordRune(r)
}
