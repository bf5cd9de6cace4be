// Package align finds the matching passages of two token sequences: runs
// where both texts say the same thing in the same order, allowing small
// gaps so that an edited or reworded sentence still aligns as one passage.
//
// Anchors are shared k-grams of the sequences (usually content words). The
// longest chain of anchors increasing in both sequences is cut into
// passages wherever the gap between neighbours grows too wide; repeating
// this on the unused anchors recovers passages that were moved.
package align

import (
	"math/bits"
	"slices"
)

// Options tune the alignment. Zero values take the defaults noted.
type Options struct {
	K          int // anchor length in tokens; 0 → 2
	MaxGap     int // largest gap between anchors inside one passage, in tokens; 0 → 6
	MinAnchors int // fewest anchors in a passage; 0 → 2
	MaxRounds  int // chains extracted, each finding moved passages; 0 → 8
	MaxOcc     int // occurrences of one k-gram in b considered; 0 → 16
}

func (o Options) withDefaults() Options {
	if o.K <= 0 {
		o.K = 2
	}
	if o.MaxGap <= 0 {
		o.MaxGap = 6
	}
	if o.MinAnchors <= 0 {
		o.MinAnchors = 2
	}
	if o.MaxRounds <= 0 {
		o.MaxRounds = 8
	}
	if o.MaxOcc <= 0 {
		o.MaxOcc = 16
	}
	return o
}

// Passage is a matching stretch: tokens [AStart,AEnd) of a match tokens
// [BStart,BEnd) of b. Anchors counts the shared k-grams inside it.
type Passage struct {
	AStart, AEnd, BStart, BEnd int
	Anchors                    int
}

type anchor struct{ i, j int32 }

func kgrams(s []uint32, k int) []uint64 {
	if len(s) < k {
		return nil
	}
	out := make([]uint64, len(s)-k+1)
	for i := range out {
		h := uint64(14695981039346656037)
		for _, v := range s[i : i+k] {
			h ^= uint64(v)
			h *= 1099511628211
			h ^= h >> 31
		}
		out[i] = h
	}
	return out
}

// Passages aligns a with b and returns the passages found, ordered by
// their start in a. Passages do not overlap in a or in b.
func Passages(a, b []uint32, o Options) []Passage {
	o = o.withDefaults()
	ka, kb := kgrams(a, o.K), kgrams(b, o.K)
	if len(ka) == 0 || len(kb) == 0 {
		return nil
	}
	// Positions of each k-gram of b, by chained hashing: head holds the
	// first position of a slot, next the following one, ascending, so a
	// k-gram's first MaxOcc occurrences are the first of its chain.
	slots := 1
	for slots < 2*len(kb) {
		slots <<= 1
	}
	head := make([]int32, slots)
	for i := range head {
		head[i] = -1
	}
	next := make([]int32, len(kb))
	shift := 64 - bitsLen(slots-1)
	for j := len(kb) - 1; j >= 0; j-- {
		s := slot(kb[j], shift)
		next[j] = head[s]
		head[s] = int32(j)
	}
	// Anchors in order of i, and for one i in descending j, the order
	// longestChain needs.
	anchors := make([]anchor, 0, len(ka))
	for i, h := range ka {
		first := len(anchors)
		for j := head[slot(h, shift)]; j >= 0 && len(anchors)-first < o.MaxOcc; j = next[j] {
			if kb[j] == h {
				anchors = append(anchors, anchor{int32(i), j})
			}
		}
		slices.Reverse(anchors[first:])
	}
	var out []Passage
	usedA := make([]bool, len(a))
	usedB := make([]bool, len(b))
	for round := 0; round < o.MaxRounds && len(anchors) >= o.MinAnchors; round++ {
		chain := longestChain(anchors)
		found := 0
		var noise map[anchor]bool // anchors of runs too short to be passages
		for _, run := range splitRuns(chain, o.MaxGap) {
			if len(run) < o.MinAnchors {
				if noise == nil {
					noise = map[anchor]bool{}
				}
				for _, x := range run {
					noise[x] = true
				}
				continue
			}
			p := Passage{
				AStart: int(run[0].i), AEnd: int(run[len(run)-1].i) + o.K,
				BStart: int(run[0].j), BEnd: int(run[len(run)-1].j) + o.K,
				Anchors: len(run),
			}
			if overlaps(usedA, p.AStart, p.AEnd) || overlaps(usedB, p.BStart, p.BEnd) {
				continue
			}
			mark(usedA, p.AStart, p.AEnd)
			mark(usedB, p.BStart, p.BEnd)
			out = append(out, p)
			found++
		}
		if found == 0 && len(noise) == 0 {
			break // the next chain would be the same
		}
		// Drop the chain's stray anchors, which would otherwise win every
		// later round, and keep only anchors wholly outside the passages.
		anchors = slices.DeleteFunc(anchors, func(x anchor) bool {
			return noise[x] || overlaps(usedA, int(x.i), int(x.i)+o.K) || overlaps(usedB, int(x.j), int(x.j)+o.K)
		})
	}
	slices.SortStableFunc(out, func(x, y Passage) int { return x.AStart - y.AStart })
	return out
}

// slot maps a k-gram hash to a table slot: the top bits of a Fibonacci
// hash, so that similar hashes spread.
func slot(h uint64, shift int) uint64 {
	if shift >= 64 {
		return 0
	}
	return (h * 0x9e3779b97f4a7c15) >> uint(shift)
}

// bitsLen is the number of bits needed for x.
func bitsLen(x int) int { return bits.Len(uint(x)) }

func overlaps(used []bool, s, e int) bool {
	for i := s; i < e && i < len(used); i++ {
		if used[i] {
			return true
		}
	}
	return false
}

func mark(used []bool, s, e int) {
	for i := s; i < e && i < len(used); i++ {
		used[i] = true
	}
}

// longestChain returns the longest sequence of anchors strictly increasing
// in both i and j (patience sorting, O(n log n)). anchors must be sorted
// by i ascending and, for equal i, by j descending (Passages makes them
// so), so that two anchors of one i never chain.
func longestChain(anchors []anchor) []anchor {
	tails := make([]int32, 0, 64) // index of the smallest tail of each length
	prev := make([]int32, len(anchors))
	for n, x := range anchors {
		lo, hi := 0, len(tails) // first tail whose j >= x.j
		if hi > 0 && anchors[tails[hi-1]].j < x.j {
			lo = hi // extends the longest chain: the usual case for copies
		}
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if anchors[tails[m]].j < x.j {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo > 0 {
			prev[n] = tails[lo-1]
		} else {
			prev[n] = -1
		}
		if lo == len(tails) {
			tails = append(tails, int32(n))
		} else {
			tails[lo] = int32(n)
		}
	}
	if len(tails) == 0 {
		return nil
	}
	chain := make([]anchor, len(tails))
	for n, k := tails[len(tails)-1], len(tails)-1; k >= 0; n, k = prev[n], k-1 {
		chain[k] = anchors[n]
	}
	return chain
}

// splitRuns cuts a chain wherever consecutive anchors are more than maxGap
// apart in either sequence.
func splitRuns(chain []anchor, maxGap int) [][]anchor {
	var runs [][]anchor
	start := 0
	for n := 1; n <= len(chain); n++ {
		if n == len(chain) || int(chain[n].i-chain[n-1].i) > maxGap || int(chain[n].j-chain[n-1].j) > maxGap {
			runs = append(runs, chain[start:n])
			start = n
		}
	}
	return runs
}

// Coverage returns the share of n positions covered by the passages' A
// side (useB false) or B side (useB true).
func Coverage(ps []Passage, n int, useB bool) float64 {
	if n == 0 {
		return 0
	}
	covered := 0
	for _, p := range ps {
		if useB {
			covered += p.BEnd - p.BStart
		} else {
			covered += p.AEnd - p.AStart
		}
	}
	return min(1, float64(covered)/float64(n))
}
