package reprint_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// wideText is madeUpText with a vocabulary of some 170,000 words, so
// that long texts share no word pairs by chance (madeUpText's 1,900
// words make every two long texts a candidate pair).
func wideText(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 11))
	syll := []string{"ka", "lo", "mir", "tan", "vek", "su", "dor", "pel", "ri", "gan", "zo", "ber", "fu", "nim", "ost", "ul", "tre", "ham", "ci", "wed"}
	out := make([]string, n)
	for i := range out {
		words := make([]string, 10)
		for j := range words {
			var w strings.Builder
			for range 3 + r.IntN(2) {
				w.WriteString(syll[r.IntN(len(syll))])
			}
			words[j] = w.String()
		}
		out[i] = strings.Join(words, " ") + "."
	}
	return out
}

// longWithPassage returns a made-up article of n sentences (ten words
// each) with passage set after its half.
func longWithPassage(seed uint64, n int, passage []string) string {
	s := wideText(seed, n)
	return strings.Join(s[:n/2], " ") + "\n\n" + strings.Join(passage, " ") + "\n\n" + strings.Join(s[n/2:], " ")
}

// TestLongTextsSharingAPassage checks that a paragraph of 70 words copied
// word for word from one 4,000-word feature into another is found: under
// 1% of either text, it left their signatures nearly unrelated, and LSH
// proposed such a pair about half the time (10 of these 16 before
// anchors). Anchors (anchors.go) propose all 16, and nothing else.
func TestLongTextsSharingAPassage(t *testing.T) {
	const pairs = 16
	var docs []reprint.Document
	for i := range pairs {
		passage := wideText(uint64(1000+i), 7)
		docs = append(docs,
			reprint.Document{ID: fmt.Sprintf("a%d", i), Text: longWithPassage(uint64(100+i), 400, passage)},
			reprint.Document{ID: fmt.Sprintf("b%d", i), Text: longWithPassage(uint64(200+i), 400, passage)})
	}
	res := run(t, reprint.Options{}, docs)
	found := map[string]bool{}
	for _, p := range res.Pairs {
		a, b := res.Documents[p.A].ID, res.Documents[p.B].ID
		if a[1:] != b[1:] {
			t.Errorf("got %s-%s %s, want no pair: they share no passage", a, b, p.Relation)
			continue
		}
		found[a[1:]] = true
		if p.Relation != reprint.Excerpt {
			t.Errorf("%s-%s: got relation %s, want %s", a, b, p.Relation, reprint.Excerpt)
		}
	}
	for i := range pairs {
		if !found[fmt.Sprint(i)] {
			t.Errorf("a%d-b%d: got no pair, want an excerpt: they share a 70-word passage", i, i)
		}
	}
}
