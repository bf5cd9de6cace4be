package reprint

import (
	"slices"
	"testing"

	"github.com/reprint-dev/reprint/shingle"
)

func TestBoilerplateMarks(t *testing.T) {
	const footer = "Sign up today for our daily newsletter of breaking headlines"
	tests := []struct {
		name      string
		text      string
		wantOwn   int  // content words outside boilerplate
		wantBoil  int  // content words marked
		wantLean  int8 // day lean without boilerplate
		wantWords bool // some word marked
	}{
		{"no footer", "The jury at Leeds Crown Court heard yesterday that the officer lied.", 8, 0, -1, false},
		{"footer", "The jury at Leeds Crown Court heard yesterday that the officer lied. " + footer, 8, 6, -1, true},
		{"footer only", footer, 0, 6, 0, true},
	}
	o := DefaultOptions()
	var fs scratch
	prepare(&Document{Text: footer}, o, &fs, prepLazy)
	var common []uint32
	for _, h := range shingle.AppendShingles(nil, fs.words, o.K) {
		common = append(common, shingle.Fold(h))
	}
	slices.Sort(common)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &scratch{}
			full := prepare(&Document{Text: tt.text}, o, s, prepVerify)
			marks, n, lean := boilerplate(s, o.K, &commonSet{lit: common}, full.days)
			fp := &Fingerprint{detail: &detail{chash: full.chash, boil: marks, nboil: n}}
			if n != tt.wantBoil || fp.own() != tt.wantOwn || lean != tt.wantLean || (len(s.inBoil) > 0) != tt.wantWords {
				t.Errorf("got %d marked, %d own, lean %d, words marked %v; want %d, %d, %d, %v",
					n, fp.own(), lean, len(s.inBoil) > 0, tt.wantBoil, tt.wantOwn, tt.wantLean, tt.wantWords)
			}
			if got := len(fp.ownWords()); got != fp.own() {
				t.Errorf("got %d own words, want %d", got, fp.own())
			}
			a, b := fp.alignable(1), fp.alignable(2)
			for i := range a {
				if fp.isBoiler(i) && a[i] == b[i] {
					t.Errorf("boilerplate word %d aligns with itself across sides", i)
				}
			}
		})
	}
}
