package radix

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name string
		n    int
		mask uint64
	}{
		{"empty", 0, ^uint64(0)},
		{"short", 50, ^uint64(0)},
		{"long", 3000, ^uint64(0)},
		{"low bits only", 3000, 0xffff},
		{"high bits only", 3000, 0xffff << 40},
		{"all equal", 1000, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s64 := make([]uint64, tc.n)
			s32 := make([]uint32, tc.n)
			for i := range s64 {
				s64[i] = r.Uint64() & tc.mask
				s32[i] = uint32(s64[i] ^ s64[i]>>32)
			}
			want64, want32 := slices.Clone(s64), slices.Clone(s32)
			slices.Sort(want64)
			slices.Sort(want32)
			Sort(s64, nil)
			Sort(s32, nil)
			if !slices.Equal(s64, want64) {
				t.Errorf("uint64: not sorted like slices.Sort")
			}
			if !slices.Equal(s32, want32) {
				t.Errorf("uint32: not sorted like slices.Sort")
			}
		})
	}
}

func BenchmarkSort(b *testing.B) {
	for _, n := range []int{450, 100_000} {
		r := rand.New(rand.NewPCG(1, 2))
		src := make([]uint64, n)
		for i := range src {
			src[i] = r.Uint64()
		}
		s := make([]uint64, n)
		var tmp []uint64
		b.Run(map[int]string{450: "450", 100_000: "100k"}[n], func(b *testing.B) {
			b.SetBytes(8 * int64(n))
			b.ReportAllocs()
			for b.Loop() {
				copy(s, src)
				tmp = Sort(s, tmp)
			}
		})
	}
}
