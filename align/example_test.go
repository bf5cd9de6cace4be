package align_test

import (
	"fmt"
	"strings"

	"github.com/reprint-dev/reprint/align"
	"github.com/reprint-dev/reprint/shingle"
)

func ExamplePassages() {
	tokens := func(text string) []uint32 {
		var h []uint32
		for _, w := range strings.Fields(text) {
			h = append(h, shingle.Fold(shingle.HashWord(w)))
		}
		return h
	}
	// b moves the second sentence first and rewords one word of the other.
	a := tokens("the minister resigned on friday after weeks of protests in the capital " +
		"parliament will vote on a successor next month")
	b := tokens("parliament will vote on a successor next month " +
		"the minister quit on friday after weeks of protests in the capital")
	for _, p := range align.Passages(a, b, align.Options{}) {
		fmt.Printf("a[%d:%d] = b[%d:%d] (%d anchors)\n", p.AStart, p.AEnd, p.BStart, p.BEnd, p.Anchors)
	}
	fmt.Printf("coverage of a: %.2f\n", align.Coverage(align.Passages(a, b, align.Options{}), len(a), false))
	// Output:
	// a[0:12] = b[8:20] (9 anchors)
	// a[12:20] = b[0:8] (7 anchors)
	// coverage of a: 1.00
}
