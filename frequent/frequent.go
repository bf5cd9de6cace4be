// Package frequent finds the frequent items of a long stream in bounded
// memory, with the Misra–Gries summary (Misra and Gries, "Finding repeated
// elements", 1982): at most K counters, and every count a lower bound that
// is short of the true count by at most Error. reprint counts with it, for
// an index that grows without end, the documents that hold each shingle,
// so that boilerplate (a site's footer, "Share this article") can be told
// from a story copied a few times.
//
// The summary is deterministic: the same items in the same order give the
// same counts. It underestimates, never overestimates, so an item it calls
// frequent is. Space-Saving, the other classic, overestimates instead: it
// would call a story's own text boilerplate.
//
// CountMin, the count-min sketch, is for a stream that many workers count
// at once, in no set order: a scan's documents past its sample. Its
// counts do not depend on the order, and sketches made apart merge; it
// overestimates, by a bounded slack that its users add to their
// thresholds.
package frequent

import (
	"encoding/binary"
	"errors"
	"slices"
)

// Summary counts the items of a stream of uint32 values. The zero value is
// not usable; call New.
type Summary struct {
	k      int
	n      uint64 // items added (net of removals)
	cut    uint64 // total of the decrement rounds: the error bound
	counts map[uint32]uint64
}

// New returns an empty summary of at most k counters (k ≥ 1). An item
// found more than n/(k+1) times in n items is sure to be kept.
func New(k int) *Summary {
	return &Summary{k: max(k, 1), counts: make(map[uint32]uint64)}
}

// K returns the number of counters.
func (s *Summary) K() int { return s.k }

// N returns the number of items added, net of removals.
func (s *Summary) N() uint64 { return s.n }

// Add counts one occurrence of x. When all counters are taken and x has
// none, every count drops by one instead (x's occurrence with them) and
// the counts that reach zero are freed.
func (s *Summary) Add(x uint32) {
	s.n++
	if c, ok := s.counts[x]; ok {
		s.counts[x] = c + 1
		return
	}
	if len(s.counts) < s.k {
		s.counts[x] = 1
		return
	}
	s.cut++
	for y, c := range s.counts {
		if c == 1 {
			delete(s.counts, y)
		} else {
			s.counts[y] = c - 1
		}
	}
}

// Remove takes back one occurrence of x, added before: its count drops by
// one if it has one. The bound of Error still holds.
func (s *Summary) Remove(x uint32) {
	if s.n > 0 {
		s.n--
	}
	switch c := s.counts[x]; {
	case c > 1:
		s.counts[x] = c - 1
	case c == 1:
		delete(s.counts, x)
	}
}

// Count returns x's count: at most its true count, and at least that less
// Error.
func (s *Summary) Count(x uint32) uint64 { return s.counts[x] }

// Error bounds how far below the true counts the counts may be: the
// number of decrement rounds, at most N/(K+1).
func (s *Summary) Error() uint64 { return s.cut }

// Above returns, sorted, the items whose count is more than t.
func (s *Summary) Above(t uint64) []uint32 {
	var out []uint32
	for x, c := range s.counts {
		if c > t {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

// encodingVersion is the first byte of an encoded summary.
const encodingVersion = 1

// MarshalBinary encodes the summary: its counters sorted by item and
// delta-coded as varints, so that equal summaries encode equally.
func (s *Summary) MarshalBinary() ([]byte, error) {
	keys := make([]uint32, 0, len(s.counts))
	for x := range s.counts {
		keys = append(keys, x)
	}
	slices.Sort(keys)
	b := make([]byte, 0, 32+4*len(keys))
	b = append(b, encodingVersion)
	for _, v := range []uint64{uint64(s.k), s.n, s.cut, uint64(len(keys))} {
		b = binary.AppendUvarint(b, v)
	}
	var prev uint32
	for _, x := range keys {
		b = binary.AppendUvarint(b, uint64(x-prev))
		b = binary.AppendUvarint(b, s.counts[x])
		prev = x
	}
	return b, nil
}

// ErrCorrupt reports an encoded summary that does not decode.
var ErrCorrupt = errors.New("corrupt frequent-item summary")

// UnmarshalBinary decodes a summary encoded by MarshalBinary.
func (s *Summary) UnmarshalBinary(data []byte) error {
	if len(data) == 0 || data[0] != encodingVersion {
		return ErrCorrupt
	}
	data = data[1:]
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			return 0, false
		}
		data = data[n:]
		return v, true
	}
	var head [4]uint64
	for i := range head {
		v, ok := next()
		if !ok {
			return ErrCorrupt
		}
		head[i] = v
	}
	k, n, cut, m := head[0], head[1], head[2], head[3]
	// Each counter takes at least two bytes.
	if k == 0 || k > 1<<31 || m > k || m > uint64(len(data))/2 {
		return ErrCorrupt
	}
	counts := make(map[uint32]uint64, m)
	var prev uint64
	for i := range m {
		d, ok1 := next()
		c, ok2 := next()
		x := prev + d
		if !ok1 || !ok2 || c == 0 || x > 1<<32-1 || i > 0 && d == 0 {
			return ErrCorrupt
		}
		counts[uint32(x)] = c
		prev = x
	}
	if len(data) != 0 {
		return ErrCorrupt
	}
	*s = Summary{k: int(k), n: n, cut: cut, counts: counts}
	return nil
}
