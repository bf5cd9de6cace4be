package reprint_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// madeUpText returns n sentences of ten made-up words each, the same for
// the same seed: text that shares nothing with another seed's by chance.
func madeUpText(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 7))
	syll := []string{"ka", "lo", "mir", "tan", "vek", "su", "dor", "pel", "ri", "gan", "zo", "ber"}
	out := make([]string, n)
	for i := range out {
		words := make([]string, 10)
		for j := range words {
			var w strings.Builder
			for range 2 + r.IntN(2) {
				w.WriteString(syll[r.IntN(len(syll))])
			}
			words[j] = w.String()
		}
		out[i] = strings.Join(words, " ") + "."
	}
	return out
}

// TestJoinedSources checks a paper built from two wire stories, each
// holding too little of it to count alone (28%): together they make
// up 56% of it, so it is derived from both, and the reason says so. The
// same texts without bylines are three papers of one day, which may not
// add up to make one a copy of the others.
func TestJoinedSources(t *testing.T) {
	// Fifty words of each: a longer passage word for word would be
	// derived alone (minQuoted).
	w1, w2, own := madeUpText(1, 40), madeUpText(2, 40), madeUpText(3, 8)
	paper := strings.Join(own[:4], " ") + "\n\n" + strings.Join(w1[:5], " ") + "\n\n" +
		strings.Join(own[4:], " ") + "\n\n" + strings.Join(w2[20:25], " ")
	docs := func(byline bool) []reprint.Document {
		b1, b2 := "", ""
		if byline {
			b1, b2 = "By Jo Smith, PA News\n", "By Al Jones, PA News\n"
		}
		return []reprint.Document{
			{ID: "wire1", Text: b1 + strings.Join(w1, " ")},
			{ID: "wire2", Text: b2 + strings.Join(w2, " ")},
			{ID: "paper", Text: paper},
		}
	}
	t.Run("earlier sources", func(t *testing.T) {
		res := run(t, reprint.Options{}, docs(true))
		if len(res.Pairs) != 2 {
			t.Fatalf("got %d pairs, want 2 (paper with each wire story): %+v", len(res.Pairs), res.Pairs)
		}
		for _, p := range res.Pairs {
			if !p.Relation.Derived() || p.A+p.B-p.Original != 2 {
				t.Errorf("pair %d-%d: got relation %s, original %d, want derived with the wire story the original", p.A, p.B, p.Relation, p.Original)
			}
			if p.Score >= 0.35 {
				t.Errorf("pair %d-%d: got score %.3f, want below min-score (the test needs each alone too weak)", p.A, p.B, p.Score)
			}
			other := map[int]string{0: "wire2", 1: "wire1"}[p.Original]
			if want := "; with " + other + ", also earlier, it makes up 56% of paper"; !strings.Contains(p.Reason, want) {
				t.Errorf("pair %d-%d: got reason %q, want it to say %q", p.A, p.B, p.Reason, want)
			}
			if len(p.Passages) == 0 {
				t.Errorf("pair %d-%d: got no passages, want the shared text as evidence", p.A, p.B)
			}
		}
		if len(res.Clusters) != 1 {
			t.Fatalf("got %d clusters, want 1", len(res.Clusters))
		}
	})
	t.Run("index path", func(t *testing.T) {
		// reprint check resolves fingerprints from an index: the same rule.
		d, err := reprint.New(reprint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var fps []*reprint.Fingerprint
		var texts []string
		for _, doc := range docs(true) {
			fps = append(fps, d.Fingerprint(doc))
			texts = append(texts, doc.Text)
		}
		res, err := d.Resolve(context.Background(), fps, texts, [][2]int{{0, 1}, {0, 2}, {1, 2}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Pairs) != 2 {
			t.Fatalf("got %d pairs, want 2", len(res.Pairs))
		}
		for _, p := range res.Pairs {
			if !p.Relation.Derived() || p.A+p.B-p.Original != 2 || !strings.Contains(p.Reason, "makes up 56% of paper") {
				t.Errorf("pair %d-%d: got %s, original %d, reason %q; want derived from the wire story, joined", p.A, p.B, p.Relation, p.Original, p.Reason)
			}
		}
	})
	t.Run("same story reported", func(t *testing.T) {
		// Reporting same-story pairs must not stop the joining.
		res := run(t, reprint.Options{SameStory: true}, docs(true))
		derived := 0
		for _, p := range res.Pairs {
			if p.Relation.Derived() && strings.Contains(p.Reason, "makes up 56% of paper") {
				derived++
			}
		}
		if derived != 2 {
			t.Errorf("got %d joined derived pairs, want 2: %+v", derived, res.Pairs)
		}
	})
	t.Run("one earlier source", func(t *testing.T) {
		d := docs(true)
		res := run(t, reprint.Options{}, []reprint.Document{d[0], d[2]})
		if len(res.Pairs) != 0 {
			t.Errorf("got %d pairs, want 0: one source holding 28%% of the paper is not enough", len(res.Pairs))
		}
	})
	t.Run("no order known", func(t *testing.T) {
		res := run(t, reprint.Options{}, docs(false))
		if len(res.Pairs) != 0 {
			t.Errorf("got %d pairs, want 0: texts of one day do not add up to a source", len(res.Pairs))
		}
	})
}

// TestQuotedPassage checks that a long passage taken word for word is
// derived whatever share of either text it is: a wire story's seventy
// words set amid four hundred of a paper's own are an excerpt; fifty are
// not enough alone.
func TestQuotedPassage(t *testing.T) {
	wire, own := madeUpText(1, 40), madeUpText(3, 40)
	for _, tt := range []struct {
		name  string
		words int // of the wire story, in the paper
		want  reprint.Relation
	}{
		{"seventy words", 70, reprint.Excerpt},
		{"fifty words", 50, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			paper := strings.Join(own[:20], " ") + "\n\n" + strings.Join(wire[10:10+tt.words/10], " ") + "\n\n" + strings.Join(own[20:], " ")
			res := run(t, reprint.Options{}, []reprint.Document{{ID: "wire", Text: strings.Join(wire, " ")}, {ID: "paper", Text: paper}})
			var got reprint.Relation
			if len(res.Pairs) > 0 {
				got = res.Pairs[0].Relation
			}
			if got != tt.want {
				t.Errorf("got relation %q, want %q: %+v", got, tt.want, res.Pairs)
			}
		})
	}
}

// TestQuotedPassageLongTexts checks that a passage of seventy words is
// found between two texts of some four thousand words each, where it is
// under 2% of either, once they are compared (a check's candidate, or
// compare): the shares alone said nothing worth aligning. (A scan's LSH
// does not propose so slight a pair.)
func TestQuotedPassageLongTexts(t *testing.T) {
	wire, a, b := madeUpText(1, 40), madeUpText(3, 400), madeUpText(4, 400)
	for i, s := range b {
		b[i] = strings.ReplaceAll("qu"+s, " ", " qu")
	}
	ta := strings.Join(a[:200], " ") + "\n\n" + strings.Join(wire[10:17], " ") + "\n\n" + strings.Join(a[200:], " ")
	tb := strings.Join(b[:100], " ") + "\n\n" + strings.Join(wire[10:17], " ") + "\n\n" + strings.Join(b[100:], " ")
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := []reprint.Document{{ID: "a", Text: ta}, {ID: "b", Text: tb}}
	fps := []*reprint.Fingerprint{d.Fingerprint(docs[0]), d.Fingerprint(docs[1])}
	res, err := d.Resolve(context.Background(), fps, []string{ta, tb}, [][2]int{{0, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) != 1 || res.Pairs[0].Relation != reprint.Excerpt {
		t.Errorf("got %+v, want one excerpt", res.Pairs)
	}
}
