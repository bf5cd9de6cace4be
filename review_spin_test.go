package reprint_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// garbledSpin is spin(text, 6) with a spinner's garbling on top: a
// space before every comma ("word ,"), a garbling sign the seeds' fluent
// texts never show.
func garbledSpin(text string) string {
	return strings.ReplaceAll(spin(text, 6), ", ", " , ")
}

// TestSwappedCopyWeighsGarbling checks the original of a pair that
// swapped makes a machine rewrite: as for every machine rewrite, the
// clearly less garbled side (README: "The side with clearly fewer
// garbling signs is named the original"). The spun, garbled copy comes
// first in the input, so a pair attributed without its garbling read
// falls through to input order and names the spun copy. Run (a scan)
// and Resolve (detector.resolve) each read garbling only for pairs whose
// literalRelation is "" (measure, the rewrites list for finishText),
// which a swapped edited copy is not.
func TestSwappedCopyWeighsGarbling(t *testing.T) {
	orig := seedDocs(t)[1].Text // 001
	docs := []reprint.Document{{ID: "spun", Text: garbledSpin(orig)}, {ID: "orig", Text: orig}}
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(t *testing.T) *reprint.Result {
		fps := []*reprint.Fingerprint{d.Fingerprint(docs[0]), d.Fingerprint(docs[1])}
		res, err := d.Resolve(context.Background(), fps, []string{docs[0].Text, docs[1].Text}, [][2]int{{0, 1}})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, tt := range []struct {
		name string
		res  func(*testing.T) *reprint.Result
	}{
		{"Run", func(t *testing.T) *reprint.Result { return run(t, reprint.Options{}, docs) }},
		{"Resolve", resolve},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.res(t)
			if len(res.Pairs) != 1 {
				t.Fatalf("got %d pairs, want 1", len(res.Pairs))
			}
			p := res.Pairs[0]
			if p.Relation != reprint.MachineRewrite {
				t.Fatalf("got %s, want machine_rewrite (the premise of this test)", p.Relation)
			}
			if got := docs[p.Original].ID; got != "orig" || p.OriginalBy != reprint.ByGarbling {
				t.Errorf("got original %s by %s (%s), want orig by %s", got, p.OriginalBy, p.Reason, reprint.ByGarbling)
			}
		})
	}
}

// annualRelease is a police force's yearly crime figures; a year later
// the press office sends the same release with this year's figures.
const annualRelease = `Recorded crime in the county fell for the third year running, according to figures published by the police and crime commissioner on Wednesday.

Officers recorded 48,210 crimes in the twelve months to March 2023, down from 51,390 in the year before. Burglaries fell to 2,140 from 2,615, and vehicle crime dropped to 3,870 from 4,320, the lowest figure since records began in 2003.

Violent crime, however, rose for a second year. The force recorded 14,560 offences of violence against the person, up from 13,980, and the number of knife crimes climbed to 412 from 377. Detectives said most of the increase came from better recording of domestic abuse, which accounted for 5,930 of the violent offences.

The commissioner said the force had recruited 240 new officers since 2021 and would add another 120 by the end of 2024. Response times in towns averaged 11 minutes for emergency calls, and 18 minutes in rural areas, against targets of 15 and 20 minutes.

Shoplifting was the fastest growing offence, with 6,710 reports compared with 5,240 a year earlier. Retailers in the city centre said thefts had become bolder and more frequent, and several shops had hired private guards.

Anti-social behaviour incidents fell to 17,450 from 19,830. The force said extra patrols in 36 neighbourhoods, paid for by a government grant of 850,000 pounds, had helped.

The full figures, broken down by district, will be presented to the police and crime panel at its meeting next month, when councillors will question the chief constable about the rise in violent offences.`

// TestSwappedSparesHumanEdits checks edits people make one word for one
// that no spinner makes: the WordNet spinner the thresholds were set on
// (tools/roundtrip/spin.py) replaces only lower-case words of letters,
// keeping names and numbers, yet swapped counted a changed number as a
// synonym swap. A release sent again with next year's figures is an
// edited copy. (A story with its people and places renamed still reads
// as swapped: content words keep no case to tell names by.)
func TestSwappedSparesHumanEdits(t *testing.T) {
	nextYear := regexp.MustCompile(`[0-9]{2,}`).ReplaceAllStringFunc(annualRelease, func(s string) string {
		v, _ := strconv.Atoi(s)
		return strconv.Itoa(v + 1)
	})
	for _, tt := range []struct {
		name, a, b string
	}{
		{"every number updated", annualRelease, nextYear},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, reprint.Options{}, []reprint.Document{{ID: "a", Text: tt.a}, {ID: "b", Text: tt.b}})
			if len(res.Pairs) != 1 {
				t.Fatalf("got %d pairs, want 1", len(res.Pairs))
			}
			if p := res.Pairs[0]; p.Relation != reprint.EditedCopy {
				t.Errorf("got %s (jaccard %.2f, containment %.2f/%.2f), want %s", p.Relation, p.Jaccard, p.ContainAB, p.ContainBA, reprint.EditedCopy)
			}
		})
	}
}
