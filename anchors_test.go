package reprint_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/internal/madeup"
)

// TestLongTextsSharingAPassage checks that a paragraph of 70 words copied
// word for word from one 4,000-word feature into another is found: under
// 1% of either text, it left their signatures nearly unrelated, and LSH
// proposed such a pair about half the time (10 of these 16 before
// anchors). Anchors (anchors.go) propose all 16, and nothing else.
func TestLongTextsSharingAPassage(t *testing.T) {
	const pairs = 16
	var docs []reprint.Document
	for i := range pairs {
		passage := madeup.Sentences(uint64(1000+i), 7)
		docs = append(docs,
			reprint.Document{ID: fmt.Sprintf("a%d", i), Text: madeup.WithPassage(uint64(100+i), 400, passage)},
			reprint.Document{ID: fmt.Sprintf("b%d", i), Text: madeup.WithPassage(uint64(200+i), 400, passage)})
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

// TestShorterTextInLongOne checks that stories set whole in a digest of
// 100,000 words are found: each 300-word story is 0.3% of the digest, and
// neither LSH nor the digest's anchors could pair it (the story's are
// sparse anchors, which the digest's include; 1 of these 8 before).
func TestShorterTextInLongOne(t *testing.T) {
	const stories = 8
	var docs []reprint.Document
	body := madeup.Sentences(99, 10_000)
	var digest []string
	for i := range stories {
		story := madeup.Sentences(uint64(1000+i), 30)
		docs = append(docs, reprint.Document{ID: fmt.Sprintf("s%d", i), Text: strings.Join(story, " ")})
		digest = append(digest, strings.Join(body[i*1250:(i+1)*1250], " "), strings.Join(story, " "))
	}
	docs = append(docs, reprint.Document{ID: "digest", Text: strings.Join(digest, "\n\n")})
	res := run(t, reprint.Options{}, docs)
	found := map[string]bool{}
	for _, p := range res.Pairs {
		a, b := res.Documents[p.A].ID, res.Documents[p.B].ID
		if b != "digest" {
			t.Errorf("got %s-%s %s, want no pair: they share nothing", a, b, p.Relation)
			continue
		}
		found[a] = true
	}
	for i := range stories {
		if id := fmt.Sprintf("s%d", i); !found[id] {
			t.Errorf("%s: got no pair with the digest, want one: it holds the story whole", id)
		}
	}
}

// Two 4,000-word features sharing one 70-word paragraph word for word
// share few of their LSH keys, which stand for whole texts, but several
// anchor keys, which an index stores them under and a check looks up.
func ExampleDetector_AnchorKeys() {
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		panic(err)
	}
	passage := madeup.Sentences(1, 7)
	a := d.Fingerprint(reprint.Document{ID: "a", Text: madeup.WithPassage(2, 400, passage)})
	b := d.Fingerprint(reprint.Document{ID: "b", Text: madeup.WithPassage(3, 400, passage)})
	shared := func(x, y []uint64) int {
		n := 0
		for _, k := range x {
			if slices.Contains(y, k) {
				n++
			}
		}
		return n
	}
	fmt.Println("LSH keys shared:", shared(d.Keys(a), d.Keys(b)), "of", len(d.Keys(a)))
	anchors := shared(d.AnchorKeys(a, nil), d.AnchorKeys(b, nil))
	fmt.Println("anchor keys shared:", anchors, "of", len(d.AnchorKeys(a, nil)), "- a candidate:", anchors >= reprint.MinAnchors)
	// Output:
	// LSH keys shared: 0 of 170
	// anchor keys shared: 12 of 509 - a candidate: true
}
