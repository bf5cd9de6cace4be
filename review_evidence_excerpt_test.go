package reprint_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/report"
)

// Review (evidence quality): a short wire item set whole into a long
// newspaper story is an excerpt, and the wire is rightly its original;
// but the text report then says "p is an excerpt of w" (the copy first),
// which tells an editor the 250-word paper story is a cut of the 50-word
// wire item, beside "word for word: 15% of p, 80% of w". The contained
// side is w. On METER's court texts 21 of 115 excerpts read this way, e.g.
// "news/16.07.99/care/care111_telegraph is an excerpt of
// pa/16.07.99/care/care4sub" (964 words against 113; 8% of the paper, 68%
// of the wire).
func TestExcerptToldOfTheContainedSide(t *testing.T) {
	wire := "By Jo Bloggs, PA News\n" +
		"A retired shopkeeper who kept forty stolen bicycles in his garden shed was today ordered to do two hundred hours of community service by magistrates in Northampton.\n" +
		"Walter Pennington, 68, of Castle Lane, Kettering, admitted handling stolen goods worth more than 9,000 pounds between May and October last year.\n"
	own := []string{
		"Outside court, a spokesman for Northamptonshire Police said the force had so far returned nineteen of the bicycles to their grateful owners.",
		"He appealed for anyone who had bought a second-hand bicycle through the newspaper advertisements to check its frame and contact officers.",
		"One victim, student Priya Dhillon, said she had given up hope of seeing her red racing bicycle again after it vanished from the station.",
		"Local councillor Brian Tunstall said the case showed why residents should report anything unusual they noticed happening in their streets.",
		"The town has seen a sharp rise in cycle thefts over the past two years, with more than three hundred reported to police since January.",
		"Cycling groups have called for secure racks at the railway station, where most of the thefts took place, and for more patrols at night.",
		"Network Rail said it was reviewing security at the station and would install new cameras covering the cycle parking area before spring.",
		"Mrs Dhillon said she would now lock her new bicycle with two chains and take the front wheel into her lecture theatre with her.",
		"His neighbour, retired nurse Joan Willis, said the street had been shocked to learn what had been going on behind his fence.",
		"She said he had always seemed a quiet and friendly man who tended his roses and waved to children on their way to school.",
	}
	lifted := strings.Split(strings.TrimSpace(strings.TrimPrefix(wire, "By Jo Bloggs, PA News\n")), "\n")
	for i := range lifted {
		lifted[i] = strings.ReplaceAll(lifted[i], "today", "yesterday")
	}
	paper := strings.Join(append(append(append([]string{}, own[:5]...), lifted...), own[5:]...), "\n\n") + "\n"
	docs := []reprint.Document{{ID: "w", Text: wire}, {ID: "p", Text: paper}}
	res := run(t, reprint.Options{}, docs)
	if len(res.Pairs) != 1 || res.Pairs[0].Relation != reprint.Excerpt {
		t.Fatalf("want one excerpt pair, got %+v", res.Pairs)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, res, report.Text, report.Options{Texts: []string{wire, paper}}); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); strings.Contains(out, "p is an excerpt of w") {
		t.Errorf("the report calls the long paper story an excerpt of the short wire item it quotes whole:\n%s", out)
	}
}
