// Package madeup makes made-up text for tests: sentences of invented
// words, the same for the same seed, sharing no wording by chance.
package madeup

import (
	"math/rand/v2"
	"strings"
)

// syllables make words of 3 or 4 of them: some 170,000 words, so that
// two long texts share no word pairs by chance.
var syllables = []string{"ka", "lo", "mir", "tan", "vek", "su", "dor", "pel", "ri", "gan", "zo", "ber", "fu", "nim", "ost", "ul", "tre", "ham", "ci", "wed"}

// Sentences returns n sentences of ten made-up words each.
func Sentences(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 11))
	out := make([]string, n)
	for i := range out {
		words := make([]string, 10)
		for j := range words {
			var w strings.Builder
			for range 3 + r.IntN(2) {
				w.WriteString(syllables[r.IntN(len(syllables))])
			}
			words[j] = w.String()
		}
		out[i] = strings.Join(words, " ") + "."
	}
	return out
}

// WithPassage returns a text of n sentences (Sentences) with passage set
// after its half as a paragraph of its own.
func WithPassage(seed uint64, n int, passage []string) string {
	s := Sentences(seed, n)
	return strings.Join(s[:n/2], " ") + "\n\n" + strings.Join(passage, " ") + "\n\n" + strings.Join(s[n/2:], " ")
}
