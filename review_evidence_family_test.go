package reprint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// Review (evidence quality): a wire story W and two papers. P1 takes five
// of W's eight paragraphs, P2 three of them word for word; both add the
// same four paragraphs from a source outside the corpus (a police
// statement, another agency). The family tree makes P2 a child of P1 and
// the W-P2 link is pruned from the pairs, yet the cluster's reason still
// counts it: "w is the source the others derive from: 2 of 2 members link
// to it directly, and 2 of those links name it the original", while the
// report lists only one pair with w. An editor reads "p2 is an excerpt of
// p1" (paper copied paper) and cannot see that p2 also carries three of
// the wire's paragraphs word for word. On METER's court texts 145 of the
// 222 paper-to-paper pairs are between papers labelled as derived from
// the same PA text in the corpus, e.g. cluster 8: "9 of 9 members link to
// it directly" above a list in which 7 of the 9 papers derive from other
// papers and only 2 pairs with the PA text are reported.
func TestFamilyReasonCountsOnlyReportedLinks(t *testing.T) {
	wire := []string{
		"A retired shopkeeper who kept forty stolen bicycles in his garden shed was today ordered to do two hundred hours of community service by magistrates in Northampton.",
		"Walter Pennington, 68, of Castle Lane, Kettering, admitted handling stolen goods worth more than 9,000 pounds between May and October last year.",
		"The court heard that neighbours grew suspicious when they saw a steady stream of young men wheeling bicycles up his drive late at night.",
		"Police officers who searched the shed found frames, wheels and saddles stacked to the roof, many with their serial numbers filed away.",
		"Prosecutor Helen Marsh told the bench that Pennington had sold the bicycles through small advertisements in a local newspaper for cash.",
		"Defending, Robert Ainsley said his client had been lonely since the death of his wife and had been drawn in by a group of younger men.",
		"Chairman of the bench Margaret Oduya told Pennington that only his age and his previous good character had saved him from prison today.",
		"He was also ordered to pay 500 pounds costs and to hand over the money he had made from the sales, which police put at around 3,000 pounds.",
	}
	extra := []string{
		"Outside court, a spokesman for Northamptonshire Police said the force had so far returned nineteen of the bicycles to their grateful owners.",
		"He appealed for anyone who had bought a second-hand bicycle through the newspaper advertisements to check its frame and contact officers.",
		"One victim, student Priya Dhillon, said she had given up hope of seeing her red racing bicycle again after it vanished from the station.",
		"Local councillor Brian Tunstall said the case showed why residents should report anything unusual they noticed happening in their streets.",
	}
	paper := func(ps ...[]string) string {
		var all []string
		for _, p := range ps {
			all = append(all, p...)
		}
		return strings.ReplaceAll(strings.Join(all, "\n\n"), "today", "yesterday")
	}
	res := run(t, reprint.Options{}, []reprint.Document{
		{ID: "w", Text: "By Jo Bloggs, PA News\n" + strings.Join(wire, "\n") + "\n"},
		{ID: "p1", Text: paper(wire[:5], extra)},
		{ID: "p2", Text: paper(wire[:3], extra)},
	})
	id := func(i int) string { return res.Documents[i].ID }
	for _, c := range res.Clusters {
		var direct, members int
		if _, err := fmt.Sscanf(c.Reason[strings.Index(c.Reason, ": ")+2:], "%d of %d members link", &direct, &members); err != nil {
			t.Fatalf("cluster reason %q: %v", c.Reason, err)
		}
		reported := 0
		for _, p := range res.Pairs {
			if p.Relation.Derived() && (p.A == c.Original || p.B == c.Original) {
				reported++
			}
		}
		if direct != reported {
			var pairs []string
			for _, p := range res.Pairs {
				pairs = append(pairs, fmt.Sprintf("%s-%s %s (original %s)", id(p.A), id(p.B), p.Relation, id(p.Original)))
			}
			t.Errorf("cluster of %s: reason says %d members link to it directly, but %d such pairs are reported\nreason: %s\npairs: %s",
				id(c.Original), direct, reported, c.Reason, strings.Join(pairs, "; "))
		}
	}
}
