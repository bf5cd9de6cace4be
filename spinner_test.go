package reprint_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// spin puts a made-up synonym in place of every nth lower-case word of
// more than three letters, as a spinner swaps words one for one.
func spin(text string, nth int) string {
	k := 0
	return regexp.MustCompile(`\b[a-z]{4,}\b`).ReplaceAllStringFunc(text, func(w string) string {
		if k++; k%nth != 0 {
			return w
		}
		return "syn" + w[:2] + "ovic"
	})
}

// A text whose words are swapped one for one in a few places keeps half
// its five-word phrases, which made a spinner's work an edited copy; its
// gaps, all as long on both sides, make it a machine rewrite. An editor's
// cuts and additions keep it an edited copy.
func TestSpunCopyIsMachineRewrite(t *testing.T) {
	orig := seedDocs(t)[1] // 001, the BBC rewrite
	var kept []string
	for i, para := range strings.Split(orig.Text, "\n\n") {
		switch i % 3 {
		case 1:
			para += " That was what he told reporters on Monday evening."
		case 2:
			continue
		}
		kept = append(kept, para)
	}
	edited := strings.Replace(strings.Join(kept, "\n\n"), "Ukraine", "the government in Kyiv", -1)
	for _, tt := range []struct {
		name, text string
		want       reprint.Relation
	}{
		{"every sixth word swapped", spin(orig.Text, 6), reprint.MachineRewrite},
		{"every tenth word swapped", spin(orig.Text, 10), reprint.MachineRewrite},
		{"cut and added to", edited, reprint.EditedCopy},
	} {
		t.Run(tt.name, func(t *testing.T) {
			docs := []reprint.Document{{ID: "orig", Text: orig.Text}, {ID: "other", Text: tt.text}}
			res := run(t, reprint.Options{}, docs)
			if len(res.Pairs) != 1 {
				t.Fatalf("got %d pairs, want 1", len(res.Pairs))
			}
			if p := res.Pairs[0]; p.Relation != tt.want {
				t.Errorf("got %s (jaccard %.2f, containment %.2f/%.2f), want %s", p.Relation, p.Jaccard, p.ContainAB, p.ContainBA, tt.want)
			}
		})
	}
}
