package lsh

import (
	"fmt"
	"reflect"
	"testing"
)

func TestPairsWorkersAgree(t *testing.T) {
	x := uint64(3)
	next := func() uint64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
	build := func(workers int, split bool) ([][2]int, Stats) {
		ix := New(32, 2)
		ix.Workers, ix.Split = workers, split
		x = 3
		for id := range 3000 {
			sig := make([]uint64, 64)
			for i := range sig {
				sig[i] = next() % 8 // few values: many buckets, some large
			}
			ix.Add(id, sig)
		}
		return ix.Pairs(50)
	}
	for _, split := range []bool{false, true} {
		want, wantSt := build(1, split)
		if len(want) == 0 || wantSt.CappedBuckets == 0 {
			t.Fatalf("fixture too tame: %d pairs, %d capped buckets", len(want), wantSt.CappedBuckets)
		}
		for _, w := range []int{2, 7} {
			t.Run(fmt.Sprintf("split=%v/workers=%d", split, w), func(t *testing.T) {
				got, st := build(w, split)
				if !reflect.DeepEqual(got, want) || st != wantSt {
					t.Errorf("got %d pairs %+v, want %d pairs %+v", len(got), st, len(want), wantSt)
				}
			})
		}
	}
}
