package reprint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestStoryCopiedByManyDocuments: a story copied by more than MaxDocFreq
// of a small corpus is common as a footer is, but its copies are
// near-duplicates of each other, so it is not taken for boilerplate: the
// copies are found, and a footer that pages with articles of their own
// carry stays boilerplate. When the copies are not near-duplicates (each
// adds nearly as much again of its own) the story is still left out, and
// the result says so: seven pages with one block of text and as much of
// their own look the same whether the block is a story or a footer.
func TestStoryCopiedByManyDocuments(t *testing.T) {
	const header = "Home | News | Courts | Sport | Weather | Business | Culture\n\n"
	const footer = "\n\nShare this article on Facebook, Twitter or by email. Sign up to our daily newsletter today for the latest headlines and breaking news delivered straight to your inbox. We use cookies to give you the best experience on our website. Copyright News Group Newspapers Limited. All rights reserved."
	story := seedDocs(t)[1].Text
	own := func(i int) string { // 4/5 as many words as the story, found nowhere else
		var b strings.Builder
		for j := range 4 * len(strings.Fields(story)) / 5 {
			fmt.Fprintf(&b, "zq%dx%d ", i, j)
		}
		return b.String()
	}
	tests := []struct {
		name      string
		copy      func(i int) string // the text of copy i
		frame     int                // the first frame documents of the corpus carry header and footer
		wantFound bool               // the copies are found, in one cluster
		wantWarn  string             // part of the one warning wanted; "" for none
	}{
		{"verbatim copies", func(int) string { return story }, 0, true, ""},
		{"copies on the pages of a site", func(int) string { return header + story + footer }, 40, true, ""},
		{"copies with nearly as much again of their own", func(i int) string { return story + "\n\n" + own(i) }, 0, false,
			"7 of 107 documents are mostly text found in more than 5 documents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := synthetic(100)
			for i := range tt.frame {
				docs[i].Text = header + docs[i].Text + footer
			}
			plain := run(t, reprint.Options{}, docs)
			for i := range 7 {
				docs = append(docs, reprint.Document{ID: fmt.Sprintf("copy%d", i), Text: tt.copy(i)})
			}
			res := run(t, reprint.Options{}, docs)
			isCopy := func(i int) bool { return i >= 100 }
			copyPairs := 0
			for _, p := range res.Pairs {
				switch {
				case isCopy(p.A) && isCopy(p.B):
					copyPairs++
				case isCopy(p.A) || isCopy(p.B):
					t.Errorf("got pair %s–%s (%s), want none between a copy and another document", docs[p.A].ID, docs[p.B].ID, p.Relation)
				}
			}
			if got, want := len(res.Pairs)-copyPairs, len(plain.Pairs); got != want {
				t.Errorf("got %d pairs among the other documents, want %d as without the copies", got, want)
			}
			found := false
			for _, c := range res.Clusters {
				if len(c.Members) == 7 && isCopy(c.Members[0]) {
					found = true
				}
			}
			if found != tt.wantFound || (copyPairs > 0) != tt.wantFound {
				t.Errorf("got %d pairs among the copies, a cluster of the 7: %v; want found %v", copyPairs, found, tt.wantFound)
			}
			switch {
			case tt.wantWarn == "" && len(res.Warnings) != 0:
				t.Errorf("got warnings %q, want none", res.Warnings)
			case tt.wantWarn != "" && (len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], tt.wantWarn)):
				t.Errorf("got warnings %q, want one saying %q", res.Warnings, tt.wantWarn)
			}
		})
	}
	if res := run(t, reprint.Options{}, seedDocs(t)); len(res.Warnings) != 0 {
		t.Errorf("seeds: got warnings %q, want none", res.Warnings)
	}
}

// TestTemplatePagesNoPair: pages of one site, each a short article of its
// own beside a long footer, are near-duplicates as wholes, but they are
// not copies: the footer stays boilerplate and no two pages match.
func TestTemplatePagesNoPair(t *testing.T) {
	footer := strings.Join(strings.Fields(seedDocs(t)[4].Text)[:300], " ")
	var docs []reprint.Document
	for i := range 60 {
		var own strings.Builder
		for j := range 40 {
			fmt.Fprintf(&own, "zq%dx%d ", i, j)
		}
		docs = append(docs, reprint.Document{ID: fmt.Sprintf("page%02d", i), Text: own.String() + "\n\n" + footer})
	}
	res := run(t, reprint.Options{}, docs)
	if len(res.Pairs) != 0 {
		p := res.Pairs[0]
		t.Errorf("got %d pairs, first %s–%s %s; want none", len(res.Pairs), docs[p.A].ID, docs[p.B].ID, p.Relation)
	}
}
