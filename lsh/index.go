package lsh

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"

	"github.com/reprint-dev/reprint/internal/radix"
)

// Index collects band hashes of signatures and lists candidate pairs. It
// is built once (Add in any order) and then queried with Pairs. It keeps
// one 8-byte key per band and document, not the signatures: a scan signs
// a document, adds it and drops its signature.
type Index struct {
	// Workers is the number of goroutines Pairs uses; 0 means one. The
	// result does not depend on it.
	Workers int
	// Split makes Pairs split a bucket of more than maxBucket documents
	// by their keys in the following bands, instead of skipping it (see
	// Pairs).
	Split bool

	bands, rows int
	keys        [][]uint32 // per band, indexed by document id: BandKey folded
	has         []bool     // has[id]: document id was added
}

// New returns an empty index of the given shape.
func New(bands, rows int) *Index {
	return &Index{bands: bands, rows: rows, keys: make([][]uint32, bands)}
}

// Grow makes room for document ids below n. After it, Add may be called
// concurrently for distinct ids below n.
func (ix *Index) Grow(n int) {
	if n <= len(ix.has) {
		return
	}
	ix.has = append(ix.has, make([]bool, n-len(ix.has))...)
	for b := range ix.keys {
		ix.keys[b] = append(ix.keys[b], make([]uint32, n-len(ix.keys[b]))...)
	}
}

// BandKey hashes rows values of one band into a bucket key.
func BandKey(vals []uint64) uint64 { return bandKey(vals) }

func bandKey[T uint32 | uint64](vals []T) uint64 {
	h := uint64(14695981039346656037)
	for _, v := range vals {
		h ^= uint64(v)
		h *= 1099511628211
		h ^= h >> 29
	}
	return h
}

// AppendKeys appends one bucket key per band of sig to dst, with the band
// number and salt (say, a channel number) folded in, so that keys of
// different bands or channels never collide by construction. An external
// store (an index on disk) keeps documents under these keys.
func AppendKeys(dst []uint64, sig []uint64, bands, rows int, salt uint64) []uint64 {
	for b := 0; b < bands; b++ {
		k := BandKey(sig[b*rows : (b+1)*rows])
		k ^= (salt<<32 | uint64(b)) * 0x9e3779b97f4a7c15
		k ^= k >> 31
		dst = append(dst, k)
	}
	return dst
}

// Add records document id's signature, which must have at least
// bands*rows values; adding an id again replaces it. It is safe for
// concurrent use only for distinct ids below a Grow bound.
func (ix *Index) Add(id int, sig []uint64) {
	ix.Grow(id + 1)
	for b := 0; b < ix.bands; b++ {
		ix.keys[b][id] = fold(BandKey(sig[b*ix.rows : (b+1)*ix.rows]))
	}
	ix.has[id] = true
}

// Stats describe one Pairs call.
type Stats struct {
	Buckets       int // buckets holding two or more documents
	CappedBuckets int // of those, holding more than maxBucket: skipped, or split (Index.Split)
}

// Pairs returns every candidate pair once as [2]int{a, b} with a < b, in
// ascending order, so that the result does not depend on the order of Add
// calls. Buckets of more than maxBucket documents (0: no cap) are skipped:
// such a bucket comes from text that many documents share (boilerplate),
// and pairing all of them would cost O(m²) and prove nothing.
//
// With Split, such a bucket is not skipped but split by the documents'
// keys in the next band, as if its band had more rows, and parts still
// too big by the band after, and so on; the members of each part of two
// or more are paired each with the next, in id order (a chain). Pages
// sharing a footer mostly differ in their other bands and break up into
// parts of one; what stays together is documents agreeing on band after
// band, copies of one text. A story copied a thousand times makes 999
// pairs, not none, nor half a million; and however alike the pages of a
// template are, a bucket of m of them makes fewer than m pairs.
//
// Bands are independent, so they are grouped on Workers goroutines. Each
// band's entries are packed into single words (the 32-bit key above the
// document number) and radix-sorted as plain integers.
func (ix *Index) Pairs(maxBucket int) ([][2]int, Stats) {
	if len(ix.keys) == 0 || len(ix.has) == 0 {
		return nil, Stats{}
	}
	idBits := uint(bits.Len32(uint32(len(ix.has) - 1)))
	idMask := uint64(1)<<idBits - 1
	perBand := make([][]uint64, len(ix.keys))
	stats := make([]Stats, len(ix.keys))
	workers := max(ix.Workers, 1)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			var packed, tmp []uint64
			for b := range next {
				packed = packed[:0]
				for id, k := range ix.keys[b] {
					if ix.has[id] {
						packed = append(packed, uint64(k)<<32|uint64(id))
					}
				}
				tmp = radix.Sort(packed, tmp)
				var keys []uint64
				st := &stats[b]
				for i := 0; i < len(packed); {
					j := i + 1
					for j < len(packed) && packed[j]&^idMask == packed[i]&^idMask {
						j++
					}
					if n := j - i; n >= 2 {
						st.Buckets++
						switch {
						case maxBucket <= 0 || n <= maxBucket:
							for x := i; x < j; x++ {
								for y := x + 1; y < j; y++ {
									a, c := packed[x]&idMask, packed[y]&idMask
									if a != c { // sorted: a < c
										keys = append(keys, a<<32|c)
									}
								}
							}
						case ix.Split:
							st.CappedBuckets++
							ids := make([]uint32, 0, n)
							for x := i; x < j; x++ {
								ids = append(ids, uint32(packed[x]&idMask))
							}
							keys = ix.split(keys, ids, b, 1, maxBucket)
						default:
							st.CappedBuckets++
						}
					}
					i = j
				}
				perBand[b] = keys
			}
		})
	}
	for b := range ix.keys {
		next <- b
	}
	close(next)
	wg.Wait()
	var st Stats
	n := 0
	for b := range perBand {
		st.Buckets += stats[b].Buckets
		st.CappedBuckets += stats[b].CappedBuckets
		n += len(perBand[b])
	}
	keys := make([]uint64, 0, n)
	for _, k := range perBand {
		keys = append(keys, k...)
	}
	radix.Sort(keys, nil)
	keys = slices.Compact(keys)
	out := make([][2]int, len(keys))
	for i, k := range keys {
		out[i] = [2]int{int(k >> 32), int(k & 0xffffffff)}
	}
	return out, st
}

// split appends to keys the pairs of ids, the documents of a bucket too
// big to pair in band b (ascending), split by their keys in band
// b+depth, as Pairs describes.
func (ix *Index) split(keys []uint64, ids []uint32, b, depth, maxBucket int) []uint64 {
	if depth == ix.bands { // the same key in every band: copies
		return chain(keys, ids)
	}
	band := ix.keys[(b+depth)%ix.bands]
	if !slices.ContainsFunc(ids, func(id uint32) bool { return band[id] != band[ids[0]] }) {
		return ix.split(keys, ids, b, depth+1, maxBucket) // no split here: one sort saved
	}
	parts := slices.Clone(ids)
	slices.SortFunc(parts, func(x, y uint32) int {
		if band[x] != band[y] {
			return cmp.Compare(band[x], band[y])
		}
		return cmp.Compare(x, y)
	})
	for i := 0; i < len(parts); {
		j := i + 1
		for j < len(parts) && band[parts[j]] == band[parts[i]] {
			j++
		}
		switch part := parts[i:j]; {
		case len(part) < 2:
		case len(part) <= maxBucket:
			keys = chain(keys, part)
		default:
			keys = ix.split(keys, part, b, depth+1, maxBucket)
		}
		i = j
	}
	return keys
}

// chain appends to keys the pairs of each of ids (ascending) with the
// next.
func chain(keys []uint64, ids []uint32) []uint64 {
	for x := 1; x < len(ids); x++ {
		keys = append(keys, uint64(ids[x-1])<<32|uint64(ids[x]))
	}
	return keys
}

// AppendBandKeys appends the key of each band of sig (BandKey of its rows
// folded to 32 bits, as Add stores them) to dst: a scan can keep these
// instead of the signature and add them later with AddKeys.
func AppendBandKeys(dst []uint32, sig []uint64, bands, rows int) []uint32 {
	for b := 0; b < bands; b++ {
		dst = append(dst, fold(BandKey(sig[b*rows:(b+1)*rows])))
	}
	return dst
}

// AppendBandKeys32 is AppendBandKeys for a signature of 32-bit values.
func AppendBandKeys32(dst []uint32, sig []uint32, bands, rows int) []uint32 {
	for b := 0; b < bands; b++ {
		dst = append(dst, fold(bandKey(sig[b*rows:(b+1)*rows])))
	}
	return dst
}

// fold keeps 32 bits of a band key. Two documents that share no band
// collide in a band with probability 2^-32: at a million documents about
// a hundred pairs per band, a few percent more candidates to verify, for
// half the memory of 64-bit keys.
func fold(k uint64) uint32 { return uint32(k ^ k>>32) }

// AddKeys records document id's band keys (one per band, from
// AppendBandKeys). Like Add, it is safe for concurrent use only for
// distinct ids below a Grow bound.
func (ix *Index) AddKeys(id int, keys []uint32) {
	ix.Grow(id + 1)
	for b := 0; b < ix.bands; b++ {
		ix.keys[b][id] = keys[b]
	}
	ix.has[id] = true
}
