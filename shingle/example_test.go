package shingle_test

import (
	"fmt"

	"github.com/reprint-dev/reprint/shingle"
)

func ExampleTokenize() {
	text := "Zelenskyy’s ALLIES said it's 2024."
	for _, t := range shingle.Tokenize(nil, text) {
		fmt.Printf("%q [%d,%d) %q\n", t.Text, t.Start, t.End, text[t.Start:t.End])
	}
	// Output:
	// "zelenskyys" [0,13) "Zelenskyy’s"
	// "allies" [14,20) "ALLIES"
	// "said" [21,25) "said"
	// "its" [26,30) "it's"
	// "2024" [31,35) "2024"
}

func ExampleJaccard() {
	words := func(text string) []uint64 {
		var h []uint64
		for _, t := range shingle.Tokenize(nil, text) {
			h = append(h, shingle.HashWord(t.Text))
		}
		return h
	}
	a := shingle.NewSet(shingle.AppendShingles(nil, words("the cat sat on the mat"), 2))
	b := shingle.NewSet(shingle.AppendShingles(nil, words("the cat sat on a mat"), 2))
	fmt.Println(len(a), len(b), shingle.Intersect(a, b))
	fmt.Printf("jaccard %.2f containment %.2f\n", shingle.Jaccard(a, b), shingle.Containment(a, b))
	// Output:
	// 5 5 3
	// jaccard 0.43 containment 0.60
}

func ExampleContentWord() {
	for _, w := range []string{"the", "missiles", "attacked", "said"} {
		stem, ok := shingle.ContentWord(w)
		fmt.Printf("%s: %q %v\n", w, stem, ok)
	}
	// Output:
	// the: "" false
	// missiles: "missil" true
	// attacked: "attack" true
	// said: "" false
}
