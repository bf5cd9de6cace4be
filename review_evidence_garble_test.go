package reprint_test

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// Review (evidence quality): a name variant counts two garbling signs
// (garble.go: "two for each variant spelling of a name"), so one typist's
// slip, or two different words that happen to be a letter apart, makes a
// fluent human rewrite a machine rewrite, though the README says at least
// two signs are needed "as one alone is as often a typist's slip". On
// METER's court texts, which hold no machine rewrites, 33 of 908 pairs are
// called machine_rewrite; in the news texts checked each rests on one such
// pair: Clarencefield/Clarencefleld (racism174_star, an OCR slip),
// Frances/Francis, Stoke/Stowe, Abdel/Abdul, Pinechet/Pinochet.
func TestOneNameVariantIsNoMachineRewrite(t *testing.T) {
	source := strings.Join([]string{
		"A retired shopkeeper who kept forty stolen bicycles in his garden shed was ordered to do two hundred hours of community service by magistrates in Northampton.",
		"Walter Pennington, 68, of Castle Lane, Kettering, admitted handling stolen goods worth more than 9,000 pounds between May and October last year.",
		"The court heard that neighbours grew suspicious when they saw a steady stream of young men wheeling bicycles up his drive late at night.",
		"Police officers who searched the shed found frames, wheels and saddles stacked to the roof, many with their serial numbers filed away.",
		"Prosecutor Helen Marsh told the bench that Pennington had sold the bicycles through small advertisements in a local newspaper for cash.",
		"Defending, Robert Ainsley said his client had been lonely since the death of his wife and had been drawn in by a group of younger men.",
		"Chairman of the bench Margaret Oduya told Pennington that only his age and his previous good character had saved him from prison.",
		"He was also ordered to pay 500 pounds costs and to hand over the money he had made from the sales, which police put at around 3,000 pounds.",
	}, "\n") + "\n"
	// A sub-editor's rewrite: reworded, condensed, fluent.
	rewrite := strings.Join([]string{
		"A pensioner who hoarded forty stolen bicycles in his garden shed in Kettering has been given two hundred hours of community service.",
		"Neighbours became suspicious after spotting young men wheeling bicycles up his drive late at night, Northampton magistrates were told.",
		"Walter Pennington, 68, of Castle Lane, admitted handling stolen goods worth more than 9,000 pounds over six months last year.",
		"Helen Marsh, prosecuting, said Pennington sold the bikes for cash through small adverts in a local paper.",
		"Robert Ainsley, defending, said the widower had been lonely since his wife died and was drawn in by a gang of younger men from Kettering.",
		"Cycling groups in the town have long called for secure racks at the railway station, where many of the bicycles were taken.",
	}, "\n\n") + "\n"
	tests := []struct {
		name, a, b string
	}{
		{"fluent rewrite", source, rewrite}, // control: a rewrite
		{"one mistyped name in the rewrite", source, strings.Replace(rewrite, "younger men from Kettering", "younger men from Ketterlng", 1)},
		{"a month and a surname in the source", strings.Replace(source, "between May and October", "between March and October", 1), rewrite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, reprint.Options{}, []reprint.Document{{ID: "a", Text: tt.a}, {ID: "b", Text: tt.b}})
			if len(res.Pairs) != 1 {
				t.Fatalf("got %d pairs, want 1", len(res.Pairs))
			}
			p := res.Pairs[0]
			if p.Relation != reprint.Rewrite {
				t.Errorf("relation %s (original %s: %s), want rewrite: a fluent human rewrite with one name a letter off another",
					p.Relation, res.Documents[p.Original].ID, p.Reason)
			}
		})
	}
}
