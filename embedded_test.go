package reprint_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestEmbeddedStory checks which of a story and a longer text holding all
// of it is named the original: the longer one when its other text goes on
// about the story (a fuller version, cut down to the story), the story
// when the other text is on other matters (a page that sets it among
// other stories).
func TestEmbeddedStory(t *testing.T) {
	story := madeUpText(1, 12)
	// More about the story: sentences of its own words, shuffled, so
	// they align with nothing.
	var words []string
	for _, s := range story {
		words = append(words, strings.Fields(strings.TrimSuffix(s, "."))...)
	}
	r := rand.New(rand.NewPCG(9, 9))
	more := make([]string, 12)
	for i := range more {
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		more[i] = strings.Join(words[:10], " ") + "."
	}
	// Text on other matters: words of another stock, as another story's
	// names and places are (made-up words of two or three syllables
	// would share one in sixteen with the story by chance).
	other := madeUpText(2, 24)
	for i, s := range other {
		other[i] = strings.ReplaceAll("qu"+s, " ", " qu")
	}
	for _, tt := range []struct {
		name   string
		longer string
		want   int    // index of the original: 0 the story, 1 the longer text
		by     string // OriginalBy
	}{
		{"fuller version", strings.Join(story, " ") + "\n\n" + strings.Join(more, " "), 1, reprint.ByFuller},
		{"set among other stories", strings.Join(other[:12], " ") + "\n\n" + strings.Join(story, " ") + "\n\n" + strings.Join(other[12:], " "), 0, reprint.ByEmbedded},
	} {
		docs := []reprint.Document{{ID: "story", Text: strings.Join(story, " ")}, {ID: "longer", Text: tt.longer}}
		check := func(t *testing.T, res *reprint.Result) {
			t.Helper()
			if len(res.Pairs) != 1 {
				t.Fatalf("got %d pairs, want 1: %+v", len(res.Pairs), res.Pairs)
			}
			if p := res.Pairs[0]; p.Original != tt.want || p.OriginalBy != tt.by {
				t.Errorf("got original %d by %s (%s), want %d by %s", p.Original, p.OriginalBy, p.Reason, tt.want, tt.by)
			}
		}
		t.Run(tt.name, func(t *testing.T) { check(t, run(t, reprint.Options{}, docs)) })
		t.Run(tt.name+"/index path", func(t *testing.T) {
			// A check has no word counts: every word weighs the same.
			d, err := reprint.New(reprint.Options{})
			if err != nil {
				t.Fatal(err)
			}
			fps := []*reprint.Fingerprint{d.Fingerprint(docs[0]), d.Fingerprint(docs[1])}
			res, err := d.Resolve(context.Background(), fps, []string{docs[0].Text, docs[1].Text}, [][2]int{{0, 1}})
			if err != nil {
				t.Fatal(err)
			}
			check(t, res)
		})
	}
}

// TestQuotedSource checks which side of a quoted pair is named the
// original: the text whose other sentences go on about the passage (the
// story it was taken from), not the longer page that sets it among text
// on other matters.
func TestQuotedSource(t *testing.T) {
	passage := madeUpText(1, 8) // 80 words
	var words []string
	for _, s := range passage {
		words = append(words, strings.Fields(strings.TrimSuffix(s, "."))...)
	}
	r := rand.New(rand.NewPCG(4, 4))
	story := slices.Clone(passage)
	for range 20 { // the rest of the story: its words again, in other sentences
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		story = append(story, strings.Join(words[:10], " ")+".")
	}
	other := madeUpText(2, 40)
	for i, s := range other {
		other[i] = strings.ReplaceAll("qu"+s, " ", " qu")
	}
	page := strings.Join(other[:20], " ") + "\n\n" + strings.Join(passage, " ") + "\n\n" + strings.Join(other[20:], " ")
	res := run(t, reprint.Options{}, []reprint.Document{{ID: "page", Text: page}, {ID: "story", Text: strings.Join(story, " ")}})
	if len(res.Pairs) != 1 {
		t.Fatalf("got %d pairs, want 1: %+v", len(res.Pairs), res.Pairs)
	}
	if p := res.Pairs[0]; p.Relation != reprint.Excerpt || p.Original != 1 || p.OriginalBy != reprint.ByEmbedded {
		t.Errorf("got %s, original %d by %s (%s); want excerpt, original 1 (the story) by embedded", p.Relation, p.Original, p.OriginalBy, p.Reason)
	}
}
