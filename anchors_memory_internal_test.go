package reprint

import (
	"runtime"
	"testing"
)

// TestAnchorPairsMemoryOnCopies checks that the anchor join of stories
// copied many times (each copy within MaxBucket, as wire copies are) takes
// memory in proportion to its anchors and pairs, not to their product:
// seen holds one entry per anchor a pair shares, so 100 copies of a
// 3,000-word story (375 anchors) make 375 x 4,950 of them, 15 MB for
// 4,950 pairs; a corpus of a hundred such stories needs gigabytes for
// pairs the literal channel finds anyway.
func TestAnchorPairsMemoryOnCopies(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB before a fix")
	}
	const stories, copies, anchors = 8, 100, 375
	var fps []*Fingerprint
	next := uint32(1)
	for range stories {
		a := make([]uint32, anchors)
		for k := range a {
			a[k], next = next*2654435761, next+1
		}
		for range copies {
			fps = append(fps, &Fingerprint{words: 3000, anchors: a})
		}
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	pairs := anchorPairs(fps, 200)
	runtime.ReadMemStats(&after)
	if want := stories * copies * (copies - 1) / 2; len(pairs) != want {
		t.Fatalf("got %d pairs, want %d", len(pairs), want)
	}
	// The postings (8 bytes an anchor) and the pairs (16 bytes each), with
	// room to spare: 4x.
	limit := 4 * (8*stories*copies*anchors + 16*len(pairs))
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(limit) {
		t.Errorf("anchorPairs allocated %d MB for %d documents of %d anchors and %d pairs, want at most %d MB",
			got>>20, len(fps), anchors, len(pairs), limit>>20)
	}
}
