package reprint

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/reprint-dev/reprint/frequent"
	"github.com/reprint-dev/reprint/shingle"
)

// DocFreq counts, in bounded memory, the documents of a corpus that hold
// each of its frequent shingles, for a corpus seen one document at a time
// and never whole: an index. A check against the index leaves out of its
// verification the shingles in more than Options.MaxDocFreq of the
// documents (and at least 5), as a scan does: without them two unrelated
// articles of one site match on their shared footer.
//
// Counts come from a Misra–Gries summary of 65,536 counters per channel:
// at most the true counts, and short of them by at most a documented
// bound (a few per thousand documents for articles of 500 words), so a
// shingle found common is; one just over the limit may be missed. The zero value is not usable; call NewDocFreq.
type DocFreq struct {
	docs    int
	lit, rw *frequent.Summary

	mu        sync.Mutex // guards the cache of common
	cached    *commonSet // common(cachedFor), until the next Add or Remove
	cachedFor float64
}

// docFreqCounters is the number of counters per channel: 2^16, about
// 300 KB encoded each. A summary of k counters over n documents of w
// shingles undercounts by at most n·w/(k+1) documents: 0.008·n for
// w = 500.
const docFreqCounters = 1 << 16

// minCommonDocs is the least number of documents a shingle must be in
// beyond to be common, whatever the corpus size (as in Scan.Run).
const minCommonDocs = 5

// NewDocFreq returns an empty count.
func NewDocFreq() *DocFreq {
	return &DocFreq{lit: frequent.New(docFreqCounters), rw: frequent.New(docFreqCounters)}
}

// Docs returns the number of documents counted.
func (df *DocFreq) Docs() int { return df.docs }

// Add counts fp, a complete fingerprint (Detector.Fingerprint).
func (df *DocFreq) Add(fp *Fingerprint) {
	df.cached = nil
	df.docs++
	each(fp.lit, df.lit.Add)
	each(fp.rw, df.rw.Add)
}

// Remove takes back fp, counted before (a replaced document).
func (df *DocFreq) Remove(fp *Fingerprint) {
	df.cached = nil
	df.docs = max(df.docs-1, 0)
	each(fp.lit, df.lit.Remove)
	each(fp.rw, df.rw.Remove)
}

// each calls fn once per distinct value of set, a sorted set.
func each(set shingle.Set, fn func(uint32)) {
	for i, h := range set {
		if i == 0 || h != set[i-1] {
			fn(h)
		}
	}
}

// Common returns the number of shingles of each channel found in more
// than maxDocFreq of the documents (0 → the default), and at least 5:
// those a check leaves out.
func (df *DocFreq) Common(maxDocFreq float64) (lit, rw int) {
	c := df.common(maxDocFreq)
	return len(c.lit), len(c.rw)
}

// common returns the shingles found in more than maxDocFreq of the
// documents, and in more than minCommonDocs. It is safe for concurrent
// use (with no Add or Remove).
func (df *DocFreq) common(maxDocFreq float64) *commonSet {
	if df == nil {
		return &commonSet{}
	}
	if maxDocFreq <= 0 {
		maxDocFreq = DefaultOptions().MaxDocFreq
	}
	df.mu.Lock()
	defer df.mu.Unlock()
	if df.cached != nil && df.cachedFor == maxDocFreq {
		return df.cached
	}
	limit := uint64(df.limit(maxDocFreq))
	df.cached = &commonSet{lit: df.lit.Above(limit), rw: df.rw.Above(limit)}
	df.cachedFor = maxDocFreq
	return df.cached
}

// limit is the number of documents a shingle must be in more than to be
// common: maxDocFreq of them, and minCommonDocs.
func (df *DocFreq) limit(maxDocFreq float64) int {
	return max(int(maxDocFreq*float64(df.docs)), minCommonDocs)
}

// docFreqVersion is the first byte of an encoded DocFreq.
const docFreqVersion = 1

// MarshalBinary encodes the count, for an index to store.
func (df *DocFreq) MarshalBinary() ([]byte, error) {
	lit, err := df.lit.MarshalBinary()
	if err != nil {
		return nil, err
	}
	rw, err := df.rw.MarshalBinary()
	if err != nil {
		return nil, err
	}
	b := []byte{docFreqVersion}
	b = binary.AppendUvarint(b, uint64(df.docs))
	b = binary.AppendUvarint(b, uint64(len(lit)))
	b = append(b, lit...)
	return append(b, rw...), nil
}

var errCorruptDocFreq = errors.New("corrupt document-frequency count")

// UnmarshalBinary decodes a count encoded by MarshalBinary.
func (df *DocFreq) UnmarshalBinary(data []byte) error {
	if len(data) == 0 || data[0] != docFreqVersion {
		return errCorruptDocFreq
	}
	data = data[1:]
	docs, n := binary.Uvarint(data)
	if n <= 0 || docs > 1<<40 {
		return errCorruptDocFreq
	}
	data = data[n:]
	size, n := binary.Uvarint(data)
	if n <= 0 || size > uint64(len(data)-n) {
		return errCorruptDocFreq
	}
	data = data[n:]
	lit, rw := new(frequent.Summary), new(frequent.Summary)
	if err := lit.UnmarshalBinary(data[:size]); err != nil {
		return fmt.Errorf("%w: literal channel: %w", errCorruptDocFreq, err)
	}
	if err := rw.UnmarshalBinary(data[size:]); err != nil {
		return fmt.Errorf("%w: rewrite channel: %w", errCorruptDocFreq, err)
	}
	df.docs, df.lit, df.rw, df.cached = int(docs), lit, rw, nil
	return nil
}

// without returns set without the shingles of common (sorted), in place.
func without(set shingle.Set, common []uint32) shingle.Set {
	if len(common) == 0 {
		return set
	}
	return slices.DeleteFunc(set, func(h uint32) bool {
		_, found := slices.BinarySearch(common, h)
		return found
	})
}

// holds reports whether fp holds a shingle of c.
func (c *commonSet) holds(fp *Fingerprint) bool {
	in := func(set shingle.Set, common []uint32) bool {
		if len(common) == 0 {
			return false
		}
		for _, h := range set {
			if _, found := slices.BinarySearch(common, h); found {
				return true
			}
		}
		return false
	}
	return in(fp.lit, c.lit) || in(fp.rw, c.rw)
}
