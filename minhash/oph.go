package minhash

import (
	"math"
	"slices"
)

// OnePermutation returns a one-permutation-hashing signature of size slots
// (Li, Owen and Zhang 2012) with optimal densification (Shrivastava 2017).
// Each hash, remixed with the seed, falls in one of size bins by its top
// bits and competes for that bin's minimum by the rest, so a signature
// costs one mix per shingle instead of one per shingle per slot. Bins left
// empty borrow the minimum of a bin chosen by a seeded probe sequence,
// which keeps two signatures' agreement an unbiased estimate of Jaccard
// similarity. An empty set gets all slots math.MaxUint64, as Sign does.
func (s *Signer) OnePermutation(hashes []uint64) Signature {
	return s.AppendOnePermutation(nil, hashes)
}

// AppendOnePermutation appends OnePermutation(hashes) to dst and returns
// the extended slice, so that a caller can reuse one buffer.
func (s *Signer) AppendOnePermutation(dst Signature, hashes []uint64) Signature {
	start := len(dst)
	dst = slices.Grow(dst, s.size)[:start+s.size]
	sig := dst[start:]
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	if len(hashes) == 0 || s.size == 0 {
		return dst
	}
	seed := mix(s.seed ^ 0x5bd1e9955bd1e995)
	n := uint64(s.size)
	for _, h := range hashes {
		v := mix(h ^ seed)
		bin := (v >> 32) * n >> 32 // fair bin from the top 32 bits
		if v < sig[bin] {
			sig[bin] = v
		}
	}
	// Optimal densification: an empty bin i probes bins h(i, attempt) until
	// it finds a filled one and copies its value. Probes depend only on the
	// bin and attempt number, never on the set, so equal sets fill equally.
	var small [256]bool
	filled := small[:]
	if s.size > len(small) {
		filled = make([]bool, s.size)
	}
	any := false
	for i, v := range sig {
		if v != math.MaxUint64 {
			filled[i] = true
			any = true
		}
	}
	if !any {
		return dst
	}
	for i := range sig {
		if filled[i] {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			j := (mix(seed^uint64(i)<<32^attempt) >> 32) * n >> 32
			if filled[j] {
				sig[i] = sig[j]
				break
			}
		}
	}
	return dst
}
