package shingle

import "strings"

// The stop-word test runs on every word of every document, so it avoids a
// Go map and its string hashing: a few bytes of the word and its length
// pick a slot of a small open-addressing table built at init, and only a
// word that lands on an occupied slot is compared in full. Most words that
// are not stop words land on an empty slot.

const stopSlotBits = 10 // 1024 slots for ~170 words: few probes

var (
	// stopWords holds the stop words; stopIndex maps a slot to 1 + the
	// index of its word in stopWords, 0 for an empty slot.
	stopWords []string
	stopIndex [1 << stopSlotBits]uint8
	// stopLongest is the length of the longest stop word: longer words
	// skip the lookup.
	stopLongest int
)

func init() {
	for _, w := range strings.Fields(stopWordList) {
		if isStop(w) {
			continue // "also" is listed twice
		}
		if len(stopWords) == 255 {
			panic("shingle: too many stop words for stopIndex")
		}
		stopWords = append(stopWords, w)
		stopLongest = max(stopLongest, len(w))
		i := stopSlot(w)
		for stopIndex[i] != 0 {
			i = (i + 1) % uint64(len(stopIndex))
		}
		stopIndex[i] = uint8(len(stopWords))
	}
}

// stopSlot hashes the length and first, second, middle and last bytes of
// w, which must not be empty.
func stopSlot[T string | []byte](w T) uint64 {
	n := len(w)
	x := uint64(n) | uint64(w[0])<<8 | uint64(w[1%n])<<16 | uint64(w[n/2])<<24 | uint64(w[n-1])<<32
	return x * 0x9e3779b97f4a7c15 >> (64 - stopSlotBits)
}

// isStop reports whether w is a stop word.
func isStop[T string | []byte](w T) bool {
	if len(w) == 0 || len(w) > stopLongest {
		return false
	}
	for i := stopSlot(w); ; i = (i + 1) % uint64(len(stopIndex)) {
		e := stopIndex[i]
		if e == 0 {
			return false
		}
		if stopWords[e-1] == string(w) {
			return true
		}
	}
}

// stemLen is the length of Stem(w): it strips the first of "ing", "ed",
// "es", "ly" and "s" that w ends with, if at least 3 bytes remain.
func stemLen[T string | []byte](w T) int {
	n := len(w)
	if n < 4 {
		return n
	}
	switch w[n-1] {
	case 'g':
		if n >= 6 && w[n-2] == 'n' && w[n-3] == 'i' {
			return n - 3
		}
	case 'd':
		if n >= 5 && w[n-2] == 'e' {
			return n - 2
		}
	case 's':
		if n >= 5 && w[n-2] == 'e' {
			return n - 2
		}
		return n - 1
	case 'y':
		if n >= 5 && w[n-2] == 'l' {
			return n - 2
		}
	}
	return n
}
