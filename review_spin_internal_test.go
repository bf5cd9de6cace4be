package reprint

import "testing"

// TestSwappedIgnoresSharedBoilerplate checks that boilerplate both texts
// hold at one place inside a passage (an "Advertisement" line a site sets
// amid each story) is not counted as a synonym swap. alignable gives each
// side's boilerplate words values that match nothing, with a salt per
// side, so that passages form in the texts' own words; swapped walks
// those same sequences, so a shared boilerplate word is a one-for-one
// gap, an Even: two texts whose own words are the same, and whose passage
// runs over five shared boilerplate words, "differ mostly by words
// swapped".
func TestSwappedIgnoresSharedBoilerplate(t *testing.T) {
	words := make([]uint32, 100)
	for i := range words {
		words[i] = uint32(1000 + i)
	}
	boil := []int{10, 30, 50, 70, 90}
	fp := func() *Fingerprint {
		d := &detail{chash: words, boil: make([]uint64, 2), nboil: len(boil)}
		for _, i := range boil {
			d.boil[i/64] |= 1 << (i % 64)
		}
		return &Fingerprint{detail: d}
	}
	a, b := fp(), fp()
	f := pairFeatures{passages: alignPair(a.alignable(0x9e3779b9), b.alignable(0x7f4a7c15))}
	if len(f.passages) != 1 {
		t.Fatalf("got %d passages, want 1 over the boilerplate words (the premise of this test)", len(f.passages))
	}
	if got := swapped(f, a, b); got {
		t.Errorf("got swapped %v for texts whose own words are the same, want false", got)
	}
}
