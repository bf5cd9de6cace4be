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
