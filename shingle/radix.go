package shingle

import (
	"slices"
	"sync"
)

// radixMin is the length from which sortHashes uses a radix sort: below
// it, the four 256-entry histograms cost more than comparison sorting.
const radixMin = 64

var radixBuf = sync.Pool{New: func() any { return new([]uint32) }}

// sortHashes sorts s ascending. Hashes are uniform, so a least significant
// digit radix sort (four passes of eight bits) beats comparison sorting on
// sets of a few hundred: 1.6x on 450 hashes.
func sortHashes(s []uint32) {
	if len(s) < radixMin {
		slices.Sort(s)
		return
	}
	bp := radixBuf.Get().(*[]uint32)
	tmp := slices.Grow((*bp)[:0], len(s))[:len(s)]
	var count [4][256]uint32
	for _, v := range s {
		count[0][v&0xff]++
		count[1][v>>8&0xff]++
		count[2][v>>16&0xff]++
		count[3][v>>24]++
	}
	src, dst := s, tmp
	for p := range count {
		c := &count[p]
		if c[src[0]>>(8*p)&0xff] == uint32(len(s)) {
			continue // every value has the same digit: nothing moves
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
	*bp = tmp
	radixBuf.Put(bp)
}
