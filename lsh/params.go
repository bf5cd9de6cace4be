// Package lsh finds candidate pairs among MinHash signatures by banding:
// a signature is cut into bands of rows, and two documents whose signatures
// agree on every row of some band become a candidate pair.
//
// With b bands of r rows, a pair of Jaccard similarity s becomes a candidate
// with probability 1-(1-s^r)^b, an S-curve whose midpoint is about
// (1/b)^(1/r). Params picks b and r from a threshold.
package lsh

import "math"

// Probability returns the chance that a pair of Jaccard similarity s
// becomes a candidate with the given bands and rows.
func Probability(s float64, bands, rows int) float64 {
	return 1 - math.Pow(1-math.Pow(s, float64(rows)), float64(bands))
}

// Params returns the bands and rows for signatures of numHash values such
// that a pair at the threshold similarity becomes a candidate with
// probability at least recall. It uses every hash (bands = numHash/rows)
// and takes the most rows that reach the recall, since more rows mean a
// steeper S-curve and fewer false candidates below the threshold.
func Params(threshold float64, numHash int, recall float64) (bands, rows int) {
	bands, rows = numHash, 1
	for r := 2; r <= numHash; r++ {
		b := numHash / r
		if Probability(threshold, b, r) < recall {
			break
		}
		bands, rows = b, r
	}
	return bands, rows
}
