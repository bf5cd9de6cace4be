package shingle

import "slices"

// Set is a sorted set of shingle hashes without duplicates.
type Set []uint64

// NewSet sorts h, removes duplicates in place and returns it as a Set. The
// caller hands over ownership of h.
func NewSet(h []uint64) Set {
	slices.Sort(h)
	return Set(slices.Compact(h))
}

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
func AppendShingles(dst []uint64, words []uint64, k int) []uint64 {
	if len(words) == 0 {
		return dst
	}
	if len(words) < k {
		k = len(words)
	}
	for i := 0; i+k <= len(words); i++ {
		h := uint64(fnvOffset)
		for _, w := range words[i : i+k] {
			h = Mix(h ^ w)
		}
		dst = append(dst, h)
	}
	return dst
}

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
