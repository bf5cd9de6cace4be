package reprint

import "testing"

// TestLateCountedStrides checks that the documents counted towards the
// late counts are a fair sample at any stride: a corpus of pages from
// sites taken in turn puts one site's pages at a fixed stride.
func TestLateCountedStrides(t *testing.T) {
	for _, stride := range []int{1, 2, 4, 13, 21, 89, 233, 377, 610, 4096} {
		n := 0
		for k := range 1200 {
			if lateCounted(scanSample + k*stride) {
				n++
			}
		}
		if want := 1200 / lateEvery; n < want*3/4 || n > want*5/4 {
			t.Errorf("stride %d: got %d of 1,200 documents counted, want %d ± 25%%", stride, n, want)
		}
	}
}
