package minhash

import (
	"math"
	"testing"
)

// TestOnePermutationEstimates checks that the agreement of one-permutation
// signatures estimates Jaccard similarity about as well as Sign does.
func TestOnePermutationEstimates(t *testing.T) {
	s := NewSigner(128, 7)
	x := uint64(1)
	next := func() uint64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
	for _, tc := range []struct {
		name         string
		shared, only int
	}{
		{"identical", 500, 0},
		{"half", 300, 150},
		{"low", 50, 450},
		{"disjoint", 0, 500},
		{"small", 10, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sumErr, sumErrMW float64
			const trials = 50
			for range trials {
				var a, b []uint64
				for range tc.shared {
					h := next()
					a, b = append(a, h), append(b, h)
				}
				for range tc.only {
					a, b = append(a, next()), append(b, next())
				}
				want := float64(tc.shared) / float64(tc.shared+2*tc.only)
				got, _ := Similarity(s.OnePermutation(a), s.OnePermutation(b))
				mw, _ := Similarity(s.Sign(a), s.Sign(b))
				sumErr += got - want
				sumErrMW += math.Abs(mw - want)
				if math.Abs(got-want) > 0.2 {
					t.Errorf("got estimate %.3f, want %.3f ± 0.2", got, want)
				}
			}
			if bias := sumErr / trials; math.Abs(bias) > 0.03 {
				t.Errorf("got mean error %.3f, want |bias| <= 0.03 (minwise mean abs error %.3f)", bias, sumErrMW/trials)
			}
		})
	}
}

func TestOnePermutationEmpty(t *testing.T) {
	sig := NewSigner(16, 1).OnePermutation(nil)
	for i, v := range sig {
		if v != math.MaxUint64 {
			t.Errorf("slot %d = %d, want MaxUint64 for an empty set", i, v)
		}
	}
}

func BenchmarkOnePermutation(b *testing.B) {
	s := NewSigner(128, 1)
	h := make([]uint64, 500)
	for i := range h {
		h[i] = uint64(i) * 0x9e3779b97f4a7c15
	}
	b.SetBytes(int64(8 * len(h)))
	b.ReportAllocs()
	for b.Loop() {
		s.OnePermutation(h)
	}
}
