package minhash_test

import (
	"fmt"

	"github.com/reprint-dev/reprint/minhash"
)

func ExampleSigner_Sign() {
	// Two sets of 100 shingle hashes sharing 60: Jaccard 60/140 ≈ 0.43.
	var a, b []uint64
	for i := range uint64(100) {
		a = append(a, i)
		b = append(b, i+40)
	}
	s := minhash.NewSigner(256, 1)
	sa, sb := s.Sign(a), s.Sign(b)
	sim, err := minhash.Similarity(sa, sb)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d slots, estimate %.2f\n", len(sa), sim)

	_, err = minhash.Similarity(sa, minhash.NewSigner(64, 1).Sign(a))
	fmt.Println(err)
	// Output:
	// 256 slots, estimate 0.38
	// minhash: signatures differ in length
}
