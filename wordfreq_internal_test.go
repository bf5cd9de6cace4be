package reprint

import (
	"context"
	"strings"
	"testing"
)

func TestWordFreqCounts(t *testing.T) {
	docs := []string{"jury court court verdict", "court judge", "verdict court appeal"}
	want := map[string]uint32{"court": 3, "verdict": 2, "judge": 1, "appeal": 1, "absent": 0}
	for _, name := range []string{"in order", "reversed"} {
		t.Run(name, func(t *testing.T) {
			wf := newWordFreq()
			for k := range docs {
				i := k
				if name == "reversed" {
					i = len(docs) - 1 - k
				}
				s := &scratch{}
				prepare(&Document{ID: "x", Text: docs[i]}, DefaultOptions(), s, prepLazy)
				s.slots = wf.add(s.content, s.slots)
			}
			for w, n := range want {
				fp := fingerprintOf(t, w, w)
				if got := wf.count(fp.chash[0]); got != n {
					t.Errorf("documents using %q: got %d, want %d", w, got, n)
				}
			}
		})
	}
}

// The source of a word-for-word machine rewrite that shows no garbling is
// told by its wording: the words only it uses are the corpus's usual ones,
// whichever comes first in the input.
func TestUsualWordingNamesSource(t *testing.T) {
	source := "A former police officer was convicted at Cambridge Crown Court yesterday of assaulting a woman in a custody suite at the main police station. " +
		"The jury heard that the officer had admitted two earlier assaults. Judge Peter Smith adjourned sentence until next month for reports and granted bail. " +
		"The woman told the court she had been too frightened to complain at the time."
	rewrite := strings.NewReplacer("convicted", "denounced", "Crown", "Krona", "assaulting", "threatening", "custody", "protective",
		"admitted", "acknowledged", "adjourned", "paused", "reports", "accounts", "frightened", "terrified", "complain", "grumble").Replace(source)
	others := []string{
		"A man was convicted at Norwich Crown Court of assaulting his neighbour after a row over parking. The jury heard he had admitted earlier assaults. The judge adjourned sentence for reports.",
		"A teacher was convicted at Leeds Crown Court of fraud. The judge adjourned the case for reports and the woman who complained told the jury she was frightened.",
		"Police officers admitted the custody records were wrong, the court heard. The jury was told the main station had no record of the assault.",
		"The Crown Court judge adjourned the trial after the jury heard the woman had been too frightened to complain to police officers at the station.",
	}
	docs := []Document{{ID: "source", Text: source}, {ID: "rewrite", Text: rewrite}}
	for i, o := range others {
		docs = append(docs, Document{ID: "other" + string(rune('1'+i)), Text: o})
	}
	for _, name := range []string{"source first", "rewrite first"} {
		t.Run(name, func(t *testing.T) {
			in := docs
			if name == "rewrite first" {
				in = append([]Document{docs[1], docs[0]}, docs[2:]...)
			}
			d, err := New(DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			res, err := d.Run(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range res.Pairs {
				ids := in[p.A].ID + "-" + in[p.B].ID
				if ids != "source-rewrite" && ids != "rewrite-source" {
					continue
				}
				if p.Relation != MachineRewrite || in[p.Original].ID != "source" || !strings.Contains(p.Reason, "usual wording") {
					t.Errorf("got %s with original %s (%q), want machine_rewrite with original source (usual wording)", p.Relation, in[p.Original].ID, p.Reason)
				}
				return
			}
			t.Errorf("got no source-rewrite pair in %d pairs, want one", len(res.Pairs))
		})
	}
}

// In a corpus of two texts (compare) every word is in one document, so
// the wording does not decide.
func TestUsualWordingNeedsACorpus(t *testing.T) {
	source := "The jury at Leeds Crown Court convicted the former officer of assaulting a woman in a custody suite, and the judge adjourned sentence for reports."
	rewrite := strings.NewReplacer("convicted", "denounced", "Crown", "Krona", "assaulting", "threatening", "custody", "protective", "adjourned", "paused").Replace(source)
	wf := newWordFreq()
	var slots []uint32
	for _, text := range []string{source, rewrite} {
		s := &scratch{}
		prepare(&Document{ID: "x", Text: text}, DefaultOptions(), s, prepLazy)
		slots = wf.add(s.content, slots)
	}
	a, b := fingerprintOf(t, "source", source), fingerprintOf(t, "rewrite", rewrite)
	if ma, mb, ok := wf.usualWording(a.chash, b.chash); ok {
		t.Errorf("got a decision (%.1f vs %.1f), want none on two documents", ma, mb)
	}
}
