package reprint

import (
	"fmt"
	"slices"

	"github.com/reprint-dev/reprint/shingle"
)

// A news text's day words tell when it was written, relative to the events
// it reports: a same-day report (wire copy, a live page) says "today" and
// "tonight"; the next morning's paper says "yesterday" and "last night".
// A text rewritten the day after its source turns the one into the other,
// so of two related texts the one that dates the events later was written
// later.

// Word hashes (shingle.HashBytes) of the day words. The tokenizer drops
// apostrophes, so "today's" comes as "todays".
var (
	sameDayHashes  = hashWords("today", "todays", "tonight", "tonights")
	dayAfterHashes = hashWords("yesterday", "yesterdays")
	nightHashes    = hashWords("night", "nights") // after "last"
	lastHash       = shingle.HashBytes([]byte("last"))
	// dayFilter has bit h>>58 set for the hash h of each day word, so
	// that dayLean turns most other words away with one test.
	dayFilter = filterOf(sameDayHashes, dayAfterHashes, nightHashes)
)

// hashWords returns the word hash of each of words.
func hashWords(words ...string) []uint64 {
	h := make([]uint64, len(words))
	for i, w := range words {
		h[i] = shingle.HashBytes([]byte(w))
	}
	return h
}

// filterOf returns the filter (see dayFilter) passing every hash in lists.
func filterOf(lists ...[]uint64) uint64 {
	var f uint64
	for _, l := range lists {
		for _, h := range l {
			f |= 1 << (h >> 58)
		}
	}
	return f
}

// dayLean reads the day a text dates its events from its word hashes: +1
// when it says "today" (or "tonight") more often than "yesterday" (or
// "last night"), -1 when the other way round, 0 when it does not lean.
func dayLean(words []uint64) int8 {
	today, yesterday := 0, 0
	for i, h := range words {
		switch {
		case dayFilter&(1<<(h>>58)) == 0:
		case slices.Contains(sameDayHashes, h):
			today++
		case slices.Contains(dayAfterHashes, h):
			yesterday++
		case i > 0 && words[i-1] == lastHash && slices.Contains(nightHashes, h):
			yesterday++
		}
	}
	switch {
	case today > yesterday:
		return 1
	case yesterday > today:
		return -1
	}
	return 0
}

// sameDay reports whether fp reads as written the day its events happened.
func (fp *Fingerprint) sameDay() bool { return fp.days > 0 }

// dayWords says how a text with day lean d dates its events.
func dayWords(d int8) string {
	switch {
	case d > 0:
		return `"today"`
	case d < 0:
		return `"yesterday"`
	}
	return "no day"
}

// dayReason explains choosing the text with day lean orig over the one
// with day lean other (orig > other).
func dayReason(orig, other int8) string {
	return fmt.Sprintf("written nearer the events (it says %s, the other %s)", dayWords(orig), dayWords(other))
}
