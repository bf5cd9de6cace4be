package lsh

import "slices"

// sortKeys sorts s ascending. Band keys are uniform hashes and there are
// as many as documents, so a least significant digit radix sort (eight
// passes of eight bits, skipping a pass where every value has the same
// digit) beats comparison sorting. tmp is scratch of any length; the
// grown scratch is returned for reuse.
func sortKeys(s, tmp []uint64) []uint64 {
	if len(s) < 256 {
		slices.Sort(s)
		return tmp
	}
	tmp = slices.Grow(tmp[:0], len(s))[:len(s)]
	var count [8][256]uint32
	for _, v := range s {
		for p := range count {
			count[p][v>>(8*p)&0xff]++
		}
	}
	src, dst := s, tmp
	for p := range count {
		c := &count[p]
		if c[src[0]>>(8*p)&0xff] == uint32(len(s)) {
			continue
		}
		sum := uint32(0)
		for i, n := range c {
			c[i] = sum
			sum += n
		}
		shift := uint(8 * p)
		for _, v := range src {
			d := v >> shift & 0xff
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
