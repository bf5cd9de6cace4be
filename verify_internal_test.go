package reprint

import (
	"os"
	"path/filepath"
	"testing"
)

// TestVerifySymmetric checks that a pair measures the same whichever
// document comes first: input order must not change a score.
func TestVerifySymmetric(t *testing.T) {
	dir := filepath.Join("testdata", "seeds")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	o := DefaultOptions()
	var fps []*Fingerprint
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fps = append(fps, prepare(&Document{ID: e.Name()[:3], Text: string(b)}, o, &scratch{}, prepFull))
	}
	for i := range fps {
		for j := i + 1; j < len(fps); j++ {
			a, b := fps[i], fps[j]
			t.Run(a.id+"-"+b.id, func(t *testing.T) {
				ab, ba := verify(a, b, o), verify(b, a, o)
				if ab.score != ba.score || ab.covA != ba.covB || ab.covB != ba.covA || ab.matched != ba.matched || len(ab.passages) != len(ba.passages) {
					t.Fatalf("got score %.4f (cover %.4f, %.4f; %d passages) one way, %.4f (cover %.4f, %.4f; %d passages) the other; want the same",
						ab.score, ab.covA, ab.covB, len(ab.passages), ba.score, ba.covB, ba.covA, len(ba.passages))
				}
				seen := map[[4]int]bool{}
				for _, p := range ab.passages {
					seen[[4]int{p.AStart, p.AEnd, p.BStart, p.BEnd}] = true
				}
				for _, p := range ba.passages {
					if !seen[[4]int{p.BStart, p.BEnd, p.AStart, p.AEnd}] {
						t.Errorf("passage %+v one way has no mirror the other way", p)
					}
				}
			})
		}
	}
}

func TestAlignPairMirrored(t *testing.T) {
	seq := func(vals ...uint32) []uint32 { return vals }
	tests := []struct {
		name string
		a, b []uint32
	}{
		{"identical with repeats", seq(1, 2, 1, 2, 1, 2, 3, 1, 2, 1, 2), seq(1, 2, 1, 2, 1, 2, 3, 1, 2, 1, 2)},
		{"equal length", seq(1, 2, 3, 4, 5, 6, 7, 8, 9), seq(1, 2, 3, 9, 5, 6, 7, 8, 4)},
		{"shorter first", seq(5, 6, 7, 8, 9), seq(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)},
		{"empty", nil, seq(1, 2, 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ab, ba := alignPair(tt.a, tt.b), alignPair(tt.b, tt.a)
			if len(ab) != len(ba) {
				t.Fatalf("got %d passages one way, %d the other", len(ab), len(ba))
			}
			for i, p := range ab {
				q := ba[i]
				if i < len(ba) && (p.AStart != q.BStart || p.AEnd != q.BEnd) {
					// ba is ordered by its own A side; find the mirror.
					found := false
					for _, q := range ba {
						found = found || p.AStart == q.BStart && p.AEnd == q.BEnd && p.BStart == q.AStart && p.BEnd == q.AEnd
					}
					if !found {
						t.Errorf("passage %+v has no mirror in %+v", p, ba)
					}
				}
			}
		})
	}
}

// TestKeptBackground checks that a weak link with no five-word phrase in
// common is not derived, while a weak one sharing a phrase, or a strong one
// sharing none (a machine rewrite), is.
func TestKeptBackground(t *testing.T) {
	o := DefaultOptions()
	tests := []struct {
		name          string
		score, jacc   float64
		keep, derived bool
	}{
		{"weak, no phrase in common", 0.45, 0, false, false},
		{"weak, a phrase in common", 0.45, 0.004, true, true},
		{"strong, no phrase in common", 0.8, 0, true, true},
		{"under min score", 0.3, 0.01, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := pairFeatures{score: tt.score, jaccard: tt.jacc, covA: tt.score, covB: tt.score / 2, matched: 40}
			keep, same := kept(f, o)
			if keep != tt.keep || (keep && same == tt.derived) {
				t.Errorf("kept(score %.2f, jaccard %.3f) = %v, same story %v; want kept %v, derived %v", tt.score, tt.jacc, keep, same, tt.keep, tt.derived)
			}
		})
	}
}

func TestNumbersIn(t *testing.T) {
	nums := []uint64{1<<0 | 1<<5 | 1<<63, 1<<0 | 1<<10}
	tests := []struct {
		lo, hi, want int
	}{
		{0, 0, 0},
		{0, 1, 1},
		{1, 5, 0},
		{0, 64, 3},
		{63, 65, 2},
		{5, 75, 4},
		{0, 128, 5},
		{64, 200, 2}, // past the marks: words
		{70, 75, 1},
	}
	for _, tt := range tests {
		if got := numbersIn(nums, tt.lo, tt.hi); got != tt.want {
			t.Errorf("numbersIn(%d, %d) = %d, want %d", tt.lo, tt.hi, got, tt.want)
		}
	}
	if got := numbersIn(nil, 0, 100); got != 0 {
		t.Errorf("numbersIn(nil) = %d, want 0", got)
	}
}

// TestMatchedNotNumbers checks that two wire briefs of different trials
// that share only a dateline's form and a stock sentence are not derived:
// the times, dates and page numbers aligned made up most of the words.
func TestMatchedNotNumbers(t *testing.T) {
	a := fingerprintOf(t, "rape2", "18:03 14/07/99: Page 2 (HHH) COURTS Rape\nThe hearing was adjourned until tomorrow 10 15 2000.\nend")
	b := fingerprintOf(t, "stress2", "14:36 04/10/99: Page 2 (HHH) COURTS Stress\nThe case was adjourned until tomorrow 10 15 2000.\nend")
	f := verify(a, b, DefaultOptions())
	if len(f.passages) == 0 {
		t.Fatalf("got no passages, want the briefs aligned")
	}
	if f.matched >= MinMatched {
		t.Errorf("got %d matched words, want under %d (numbers not counted)", f.matched, MinMatched)
	}
	if keep, _ := kept(f, DefaultOptions()); keep {
		t.Errorf("got the briefs kept as derived (score %.2f, matched %d), want not", f.score, f.matched)
	}
}

func TestDerivedRelation(t *testing.T) {
	tests := []struct {
		name       string
		f          pairFeatures
		na, nb     int     // content words of each side
		garA, garB float64 // garbling signs per 100 words
		want       Relation
	}{
		{"word for word", pairFeatures{jaccard: 0.1, containAB: 0.2, containBA: 0.2, covA: 0.95, covB: 0.93}, 100, 97, 0, 0, MachineRewrite},
		{"garbled", pairFeatures{jaccard: 0.1, containAB: 0.2, containBA: 0.2, covA: 0.6, covB: 0.5}, 100, 80, 0, 2, MachineRewrite},
		{"one garbling sign", pairFeatures{jaccard: 0.1, containAB: 0.2, containBA: 0.2, covA: 0.6, covB: 0.5}, 100, 80, 0, 1.25, Rewrite},
		{"banner dropped", pairFeatures{jaccard: 0.1, containAB: 0.2, containBA: 0.2, covA: 0.84, covB: 0.95}, 115, 97, 0, 0, MachineRewrite},
		{"one side cut", pairFeatures{jaccard: 0.1, containAB: 0.2, containBA: 0.2, covA: 0.7, covB: 0.95}, 140, 97, 0, 0, Rewrite},
		{"both partly aligned", pairFeatures{jaccard: 0.1, containAB: 0.2, containBA: 0.2, covA: 0.89, covB: 0.87}, 100, 97, 0, 0, Rewrite},
		{"lightly edited", pairFeatures{jaccard: 0.6, containAB: 0.75, containBA: 0.75, covA: 1, covB: 1}, 100, 100, 0, 0, EditedCopy},
		// A lead cut from the other, whole, is an excerpt however much of
		// the other it keeps; with 80% or more it is a copy.
		{"the first 58%", pairFeatures{jaccard: 0.58, containAB: 0.58, containBA: 1, covA: 0.6, covB: 1}, 100, 58, 0, 0, Excerpt},
		{"the first 80%", pairFeatures{jaccard: 0.8, containAB: 0.8, containBA: 1, covA: 0.8, covB: 1}, 100, 80, 0, 0, Copy},
		{"an edited lead", pairFeatures{jaccard: 0.55, containAB: 0.6, containBA: 0.92, covA: 0.65, covB: 1}, 100, 65, 0, 0, Excerpt},
		{"edited, a little cut", pairFeatures{jaccard: 0.7, containAB: 0.82, containBA: 0.83, covA: 1, covB: 1}, 100, 98, 0, 0, EditedCopy},
		{"a small part", pairFeatures{jaccard: 0.3, containAB: 0.3, containBA: 1, covA: 0.3, covB: 1}, 100, 30, 0, 0, Excerpt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Fingerprint{id: "a", detail: &detail{chash: make([]uint32, tt.na)}, words: tt.na, garble: tt.garA}
			b := &Fingerprint{id: "b", detail: &detail{chash: make([]uint32, tt.nb)}, words: tt.nb, garble: tt.garB}
			if got := derivedRelation(tt.f, a, b); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
