package lsh_test

import (
	"fmt"

	"github.com/reprint-dev/reprint/lsh"
)

func ExampleParams() {
	bands, rows := lsh.Params(0.5, 128, 0.95)
	fmt.Printf("%d bands of %d rows\n", bands, rows)
	for _, s := range []float64{0.2, 0.5, 0.8} {
		fmt.Printf("P(candidate | J=%.1f) = %.3f\n", s, lsh.Probability(s, bands, rows))
	}
	// Output:
	// 42 bands of 3 rows
	// P(candidate | J=0.2) = 0.286
	// P(candidate | J=0.5) = 0.996
	// P(candidate | J=0.8) = 1.000
}

func ExampleIndex_Pairs() {
	// Signatures of 4 values cut into 2 bands of 2 rows.
	ix := lsh.New(2, 2)
	ix.Add(2, []uint64{7, 7, 1, 2})
	ix.Add(0, []uint64{7, 7, 3, 4}) // shares band 0 with 2
	ix.Add(1, []uint64{5, 6, 3, 4}) // shares band 1 with 0
	ix.Add(3, []uint64{8, 8, 9, 9}) // shares nothing
	pairs, st := ix.Pairs(0)
	fmt.Println(pairs, st.Buckets, st.CappedBuckets)
	// Output:
	// [[0 1] [0 2]] 2 0
}
