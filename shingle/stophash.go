package shingle

import "strings"

// Hot paths hash every word anyway (HashBytes); with the hash in hand, the
// stop-word test is one table probe and a 64-bit compare, and a content
// word without a suffix to strip needs no second hash for its stem.

const stopHashBits = 10 // 1024 slots for ~170 stop words

// stopHashes holds HashWord of each stop word by open addressing on the
// hash's top bits; 0 marks an empty slot (no stop word hashes to 0). It is
// built from the word list itself, not from stop.go's table, which an
// init function fills after package variables are set.
var stopHashes = func() (t [1 << stopHashBits]uint64) {
	for _, w := range strings.Fields(stopWordList) {
		h := HashWord(w)
		i := h >> (64 - stopHashBits)
		for t[i] != 0 && t[i] != h {
			i = (i + 1) & (1<<stopHashBits - 1)
		}
		t[i] = h
	}
	return t
}()

// IsStopHash reports whether h, the HashBytes of a normalized word, is a
// stop word's: IsStopWord without looking at the word again. A word that
// is not a stop word answers true only if its 64-bit FNV hash equals a
// stop word's, which no word of any language's vocabulary is known to do
// (TestIsStopHash checks the stop words and a dictionary of others).
func IsStopHash(h uint64) bool {
	for i := h >> (64 - stopHashBits); ; i = (i + 1) & (1<<stopHashBits - 1) {
		switch stopHashes[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// ContentHash returns the hash of w's stem and true when w, a normalized
// word whose HashBytes is h, is a content word: the HashBytes of
// ContentWordBytes(w), computed again only when a suffix is stripped.
func ContentHash(w []byte, h uint64) (uint64, bool) {
	if len(w) < 2 || IsStopHash(h) {
		return 0, false
	}
	if n := stemLen(w); n < len(w) {
		return HashBytes(w[:n]), true
	}
	return h, true
}
