package reprint_test

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestSameStoryNoShortEvidence checks that the fallback to runs shorter
// than MinPassage is a derived pair's only (Options.MinPassage, README's
// --min-passage: "A derived pair with no passage that long shows its
// aligned runs of 3 words or more instead"): a same-story pair, which
// shares the story and not the wording, shows no passage shorter than
// MinPassage. (On METER with --same-story, 3,710 same_story pairs that
// had no passages now show runs such as "Page 2 (HHH) COURTS" and
// "adjourned until tomorrow.<".)
func TestSameStoryNoShortEvidence(t *testing.T) {
	docs := seedDocs(t)
	for _, minPassage := range []int{20, 40} {
		res := run(t, reprint.Options{SameStory: true, MinPassage: minPassage, Workers: 1}, docs)
		texts := map[string]string{}
		for _, d := range docs {
			texts[d.ID] = d.Text
		}
		sameStory := 0
		for _, p := range res.Pairs {
			if p.Relation != reprint.SameStory {
				continue
			}
			sameStory++
			ta, tb := texts[res.Documents[p.A].ID], texts[res.Documents[p.B].ID]
			short, example := 0, ""
			for _, ps := range p.Passages {
				wa, wb := len(strings.Fields(ta[ps.AStart:ps.AEnd])), len(strings.Fields(tb[ps.BStart:ps.BEnd]))
				if wa < minPassage && wb < minPassage {
					if short == 0 {
						example = ps.Text
					}
					short++
				}
			}
			if short > 0 {
				t.Errorf("MinPassage %d: same_story pair %s-%s: got %d passages shorter than %d words (such as %q), want none",
					minPassage, res.Documents[p.A].ID, res.Documents[p.B].ID, short, minPassage, example)
			}
		}
		if sameStory == 0 {
			t.Fatalf("MinPassage %d: got no same_story pairs; the test proves nothing", minPassage)
		}
	}
}
