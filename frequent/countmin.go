package frequent

import (
	"math"
	"math/bits"
)

// CountMin counts the items of a stream in fixed memory, with the
// count-min sketch (Cormode and Muthukrishnan, "An improved data stream
// summary: the count-min sketch and its applications", 2005): each item
// adds one to two counters, and its count is the lesser. A count is never
// below the true one, and rarely above it by more than Slack.
//
// Both counters of an item lie in one 64-byte block of 16 (a blocked
// sketch, as blocked Bloom filters are): one cache miss per item, not
// one per row, which is most of what adding costs. Two items share both
// counters only if they share a block and the pair within it (1 in 120),
// so the counts stay close to those of two independent rows.
//
// Unlike Summary, its counts do not depend on the order of the items, and
// sketches of the same size made apart merge into the sketch of all their
// items: adds commute. So workers can each count some of a stream and
// get, merged, the counts one would have got, whatever the split. A scan
// counts with it the documents holding each shingle, as they stream past.
// A CountMin is not safe for concurrent use.
type CountMin struct {
	c     []uint32
	shift uint // 64 - log2(blocks)
	n     uint64
}

// blockSize is the number of counters in a block: 64 bytes.
const blockSize = 16

// NewCountMin returns an empty sketch of at least size counters (rounded
// up to a power of two, at least one block): 4·size bytes.
func NewCountMin(size int) *CountMin {
	b := bits.Len(uint(max(size, blockSize)-1)) - 4 // log2 of the blocks
	return &CountMin{c: make([]uint32, blockSize<<b), shift: uint(64 - b)}
}

// Size returns the number of counters.
func (c *CountMin) Size() int { return len(c.c) }

// slots returns the indices of x's two counters.
func (c *CountMin) slots(x uint32) (int, int) {
	h := uint64(x) * 0x9e3779b97f4a7c15
	var block uint64
	if c.shift < 64 {
		block = h >> c.shift
	}
	g := (uint64(x) * 0xc2b2ae3d27d4eb4f) >> 56
	p, q := g&15, g>>4
	if q == p {
		q ^= 1
	}
	base := int(block) * blockSize
	return base + int(p), base + int(q)
}

// Add counts one occurrence of each of xs.
func (c *CountMin) Add(xs ...uint32) { c.AddN(1, xs...) }

// AddN counts n occurrences of each of xs: a sample of one item in n
// stands for the whole.
func (c *CountMin) AddN(n uint32, xs ...uint32) {
	c.n += uint64(n) * uint64(len(xs))
	for _, x := range xs {
		i, j := c.slots(x)
		c.c[i] += n
		c.c[j] += n
	}
}

// Merge adds the counts of o, a sketch of the same size, to c's. It
// reports false, changing nothing, when their sizes differ.
func (c *CountMin) Merge(o *CountMin) bool {
	if len(o.c) != len(c.c) {
		return false
	}
	for i, v := range o.c {
		c.c[i] += v
	}
	c.n += o.n
	return true
}

// Count returns x's count: at least its true count.
func (c *CountMin) Count(x uint32) uint64 {
	i, j := c.slots(x)
	return uint64(min(c.c[i], c.c[j]))
}

// Over is the set of items a CountMin counts more than a threshold, as it
// counted when Over was made: a bitset of the blocks where any item may
// be, so that asking about any other item reads no counter. Asked of
// every shingle of every text verified, that is most of what it costs.
type Over struct {
	c   *CountMin
	t   uint64
	hot []uint64 // bit b set: block b holds two counters over t
	n   int      // blocks set
}

// Over returns the items counted more than t. Adding to c after it
// leaves it out of date.
func (c *CountMin) Over(t uint64) *Over {
	o := &Over{c: c, t: t, hot: make([]uint64, (len(c.c)/blockSize+63)/64)}
	// An item's count is the lesser of two counters of a block: more
	// than t only if the block's second largest counter is.
	for b := 0; b*blockSize < len(c.c); b++ {
		first, second := uint32(0), uint32(0)
		for _, v := range c.c[b*blockSize : (b+1)*blockSize] {
			switch {
			case v > first:
				first, second = v, first
			case v > second:
				second = v
			}
		}
		if uint64(second) > t {
			o.hot[b/64] |= 1 << (b % 64)
			o.n++
		}
	}
	return o
}

// Empty reports whether no item is counted more than the threshold.
func (o *Over) Empty() bool { return o.n == 0 }

// Has reports whether x is counted more than the threshold: Count(x) > t.
func (o *Over) Has(x uint32) bool {
	i, j := o.c.slots(x)
	b := i / blockSize
	if o.hot[b/64]&(1<<(b%64)) == 0 {
		return false
	}
	return uint64(min(o.c.c[i], o.c.c[j])) > o.t
}

// N returns the number of items added.
func (c *CountMin) N() uint64 { return c.n }

// Slack bounds how far above its true count a count is, but for a small
// chance: e times what a counter holds on average, e·2N/Size. An item
// whose count is more than t + Slack is more than t times in the stream,
// but for that chance.
func (c *CountMin) Slack() uint64 {
	return uint64(math.Ceil(math.E * 2 * float64(c.n) / float64(len(c.c))))
}
