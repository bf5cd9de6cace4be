package align_test

import (
	"fmt"
	"strings"

	"github.com/reprint-dev/reprint/align"
	"github.com/reprint-dev/reprint/shingle"
)

// tokens hashes text's words as the examples align them.
func tokens(text string) []uint32 {
	var h []uint32
	for _, w := range strings.Fields(text) {
		h = append(h, shingle.Fold(shingle.HashWord(w)))
	}
	return h
}

func ExamplePassages() {
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

func ExampleGaps() {
	a := tokens("the court heard that the defendant had stolen money from the charity over several years")
	spun := tokens("the tribunal heard that the suspect had stolen money from the foundation over several years")
	edited := tokens("the court heard that the defendant stolen money from the local charity over years")
	o := align.Options{K: 1, MaxGap: 4, MinAnchors: 3}
	fmt.Printf("spun:   %+v\n", align.Gaps(a, spun, align.Passages(a, spun, o), o.MaxGap))
	fmt.Printf("edited: %+v\n", align.Gaps(a, edited, align.Passages(a, edited, o), o.MaxGap))
	// Output:
	// spun:   {Equal:12 Even:3 Uneven:0}
	// edited: {Equal:13 Even:0 Uneven:3}
}
