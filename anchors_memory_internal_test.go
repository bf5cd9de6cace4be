package reprint

import (
	"runtime"
	"testing"
)

// TestAnchorPairsMemoryOnCopies checks that the anchor join of stories
// copied many times takes memory in proportion to its anchors and pairs,
// not to their product: a join holding one entry per anchor a pair shares
// made 375 x 1,225 of them for 50 copies of a 3,000-word story (375
// anchors), and a corpus of a hundred such stories needed gigabytes for
// pairs the literal channel finds anyway. (The review's version had 100
// copies, which maxAnchorDocs now leaves to the literal channel whole:
// the "more copies" case.)
func TestAnchorPairsMemoryOnCopies(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocations are not the program's under -race (sync.Pool drops its buffers)")
	}
	const stories, copies, anchors = 8, maxAnchorDocs, 375
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
	pairs, err := anchorPairs(t.Context(), 2, fps, 200)
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if want := stories * copies * (copies - 1) / 2; len(pairs) != want {
		t.Fatalf("got %d pairs, want %d", len(pairs), want)
	}
	// The postings (8 bytes an anchor) and the pairs (16 bytes each), with
	// room to spare: 8x (the join that held an entry per anchor a pair
	// shares took 29 MB).
	limit := 8 * (8*stories*copies*anchors + 16*len(pairs))
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(limit) {
		t.Errorf("anchorPairs allocated %d KB for %d documents of %d anchors and %d pairs, want at most %d MB",
			got>>10, len(fps), anchors, len(pairs), limit>>20)
	}
}

// TestAnchorPairsLeaveCopyFamilies checks that a story copied by more than
// maxAnchorDocs documents gets no anchor pairs: its copies share whole
// texts, which the literal channel pairs, and the join would cost their
// pairs times their anchors.
func TestAnchorPairsLeaveCopyFamilies(t *testing.T) {
	a := make([]uint32, 375)
	for k := range a {
		a[k] = uint32(k+1) * 2654435761
	}
	fps := make([]*Fingerprint, maxAnchorDocs+1)
	for i := range fps {
		fps[i] = &Fingerprint{words: 3000, anchors: a}
	}
	pairs, err := anchorPairs(t.Context(), 2, fps, 200)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 0 {
		t.Errorf("got %d pairs, want none", len(pairs))
	}
}
