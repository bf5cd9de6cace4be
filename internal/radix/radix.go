// Package radix sorts unsigned integers by least significant digit first,
// eight bits a pass. Hashes are uniform, so from a few dozen values on
// this beats comparison sorting: shingle sets of a few hundred hashes and
// LSH band keys of a whole corpus are what reprint sorts most.
package radix

import "slices"

// Min is the length below which Sort uses slices.Sort: the histograms cost
// more than comparisons on a short slice.
const Min = 64

// Sort sorts s ascending, using tmp as scratch (grown as needed), and
// returns the scratch for reuse. A pass in which every value has the same
// digit is skipped.
func Sort[T uint32 | uint64](s, tmp []T) []T {
	if len(s) < Min {
		slices.Sort(s)
		return tmp
	}
	const digits = 8 // the most: a uint64's bytes
	size := 4
	var zero T
	if ^zero > T(^uint32(0)) {
		size = 8
	}
	tmp = slices.Grow(tmp[:0], len(s))[:len(s)]
	var count [digits][256]uint32
	for _, v := range s {
		for p := 0; p < size; p++ {
			count[p][uint64(v)>>(8*p)&0xff]++
		}
	}
	src, dst := s, tmp
	for p := 0; p < size; p++ {
		c := &count[p]
		shift := uint(8 * p)
		if c[uint64(src[0])>>shift&0xff] == uint32(len(s)) {
			continue // every value has the same digit: nothing moves
		}
		sum := uint32(0)
		for i, n := range c {
			c[i] = sum
			sum += n
		}
		for _, v := range src {
			d := uint64(v) >> shift & 0xff
			dst[c[d]] = v
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
	return tmp
}
