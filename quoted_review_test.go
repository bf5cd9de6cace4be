package reprint_test

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// siteFooterText is an ordinary site footer of some eighty words: share
// links, newsletter, cookie notice, copyright, contact line.
const siteFooterText = "\n\nShare this article on Facebook, Twitter or by email. Sign up for our daily newsletter to get the top stories delivered to your inbox every morning. We use cookies to improve your experience on our site; by continuing to browse you agree to our use of cookies and to our privacy policy, which explains how we collect and use your data. Copyright 2026 Example Media Group. All rights reserved. Contact the newsroom with a story tip, or write to the readers' editor about a correction."

// TestQuotedFooterOnly checks that unrelated articles of one site are not
// derived from each other for their footer alone. In a scan of five or
// fewer documents (or a footer held by no more than --max-doc-freq of the
// corpus) nothing is boilerplate, and the footer's 55+ literal shingles
// made every pair an excerpt under minQuoted; before it, no pair.
func TestQuotedFooterOnly(t *testing.T) {
	var docs []reprint.Document
	for i := range 3 {
		docs = append(docs, reprint.Document{ID: string(rune('a' + i)), Text: strings.Join(madeUpText(uint64(10+i), 40), " ") + siteFooterText})
	}
	res := run(t, reprint.Options{}, docs)
	for _, p := range res.Pairs {
		t.Errorf("got %s-%s %s (score %.3f), want no pair: they share only the site's footer", res.Documents[p.A].ID, res.Documents[p.B].ID, p.Relation, p.Score)
	}
}

// TestQuotedScatteredPhrases checks that minQuoted is "a long passage
// word for word", as the README says, not a total: two articles that each
// quote the same four separate 20-word remarks (a judge's, a witness's),
// in another order amid their own text, share 64 shingles but no passage
// of sixty words. meter-courts has such pairs: saboteur544_telegraph and
// saboteur539_mail (labelled non_derived), marco463_mirror and
// marco498_guardian (non_derived), passages of 10 to 27 words.
func TestQuotedScatteredPhrases(t *testing.T) {
	q := madeUpText(5, 8)
	quote := func(i int) string { return strings.Join(q[2*i:2*i+2], " ") } // 20 words
	a, b := madeUpText(1, 40), madeUpText(2, 40)
	ta := strings.Join(a[:10], " ") + "\n\n" + quote(0) + "\n\n" + strings.Join(a[10:20], " ") + "\n\n" + quote(1) + "\n\n" +
		strings.Join(a[20:30], " ") + "\n\n" + quote(2) + "\n\n" + strings.Join(a[30:], " ") + "\n\n" + quote(3)
	tb := quote(3) + "\n\n" + strings.Join(b[:10], " ") + "\n\n" + quote(1) + "\n\n" + strings.Join(b[10:20], " ") + "\n\n" +
		quote(0) + "\n\n" + strings.Join(b[20:30], " ") + "\n\n" + quote(2) + "\n\n" + strings.Join(b[30:], " ")
	res := run(t, reprint.Options{}, []reprint.Document{{ID: "a", Text: ta}, {ID: "b", Text: tb}})
	for _, p := range res.Pairs {
		t.Errorf("got %s (score %.3f, %d passages), want no pair: four 20-word quotes are not a sixty-word passage", p.Relation, p.Score, len(p.Passages))
	}
}
