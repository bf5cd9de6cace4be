package lsh

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name string
		n    int
		mask uint64
	}{
		{"empty", 0, ^uint64(0)},
		{"short", 50, ^uint64(0)},
		{"radix", 3000, ^uint64(0)},
		{"low bits only", 3000, 0xffff},
		{"all equal", 1000, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := make([]uint64, tc.n)
			for i := range s {
				s[i] = r.Uint64() & tc.mask
			}
			want := slices.Clone(s)
			slices.Sort(want)
			sortKeys(s, nil)
			if !slices.Equal(s, want) {
				t.Errorf("sortKeys of %d values: not sorted like slices.Sort", tc.n)
			}
		})
	}
}

func BenchmarkSortKeys(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	src := make([]uint64, 100_000)
	for i := range src {
		src[i] = r.Uint64()
	}
	s := make([]uint64, len(src))
	var tmp []uint64
	b.SetBytes(8 * int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		copy(s, src)
		tmp = sortKeys(s, tmp)
	}
}

func BenchmarkSortKeysPdq(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	src := make([]uint64, 100_000)
	for i := range src {
		src[i] = r.Uint64()
	}
	s := make([]uint64, len(src))
	b.SetBytes(8 * int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		copy(s, src)
		slices.Sort(s)
	}
}
