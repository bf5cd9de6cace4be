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
