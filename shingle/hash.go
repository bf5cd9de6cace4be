package shingle

import "slices"

// Set is a sorted set of shingle hashes without duplicates, folded to 32
// bits: half the memory of 64-bit hashes, which matters when a scan keeps
// the sets of millions of documents. Two documents of 500 shingles share a
// hash by accident with probability about 500*500/2^32 (6e-5), and then
// move their Jaccard by 1/1000: exact measures stay exact to three places.
type Set []uint32

// NewSet returns the set of the 64-bit hashes in h, each folded to 32 bits,
// in a new slice of exactly its size; h is left as it was.
func NewSet(h []uint64) Set {
	s := make(Set, len(h))
	for i, x := range h {
		s[i] = Fold(x)
	}
	return SortSet(s)
}

// SortSet sorts s in place, drops its duplicates and returns it as a Set:
// for hashes gathered unsorted. When many were duplicates it returns a
// copy of exactly the set's size, so their memory can be freed.
func SortSet(s []uint32) Set {
	sortHashes(s)
	s = slices.Compact(s)
	if cap(s)-len(s) > len(s)/8 {
		s = slices.Clip(append([]uint32(nil), s...))
	}
	return s
}

// Fold folds a 64-bit hash to 32 bits (both halves count).
func Fold(x uint64) uint32 { return uint32(x ^ x>>32) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// HashWord is FNV-1a-64 of s: deterministic across runs and machines.
func HashWord(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// HashBytes is HashWord of a byte slice, without allocating.
func HashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// Mix is the splitmix64 finalizer: a bijection that spreads every input bit
// over the output.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// AppendShingles appends the hash of every run of k consecutive word
// hashes in words to dst. A text shorter than k words yields one shingle of
// all its words, so that short texts still have a fingerprint; an empty
// text yields none.
//
// A run's hash is its polynomial hash (word hashes as digits, base
// shinglePrime, mod 2^64), rolled along the text at two multiplications per
// word, then mixed: order matters, and two different runs collide only if
// a sum of word-hash differences vanishes mod 2^64.
func AppendShingles(dst []uint64, words []uint64, k int) []uint64 {
	if len(words) == 0 {
		return dst
	}
	if len(words) < k {
		k = len(words)
	}
	pk := uint64(1) // shinglePrime^k, to drop the word leaving the window
	for range k {
		pk *= shinglePrime
	}
	var h uint64
	for i, w := range words {
		h = h*shinglePrime + w
		if i >= k {
			h -= words[i-k] * pk
		}
		if i >= k-1 {
			dst = append(dst, Mix(h^fnvOffset))
		}
	}
	return dst
}

// shinglePrime is the base of the shingles' polynomial hash: odd, so that
// multiplying by it mod 2^64 loses nothing.
const shinglePrime = 0x9e3779b97f4a7c15

// Intersect returns |a ∩ b|.
func Intersect(a, b Set) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Jaccard returns |a ∩ b| / |a ∪ b|, 0 for two empty sets.
func Jaccard(a, b Set) float64 {
	n := Intersect(a, b)
	u := len(a) + len(b) - n
	if u == 0 {
		return 0
	}
	return float64(n) / float64(u)
}

// Containment returns |a ∩ b| / |a|: how much of a is found in b.
func Containment(a, b Set) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(Intersect(a, b)) / float64(len(a))
}
