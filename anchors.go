package reprint

import (
	"slices"

	"github.com/reprint-dev/reprint/shingle"
)

// Anchors find a passage copied word for word between two long texts,
// which the LSH channels miss: their signatures stand for whole texts,
// and a 70-word paragraph shared by two 4,000-word articles is under 1% of
// either (a rewrite-channel Jaccard near 0.01, which 128 bands of one row
// catch about half the time). An anchor is a literal shingle picked by its
// hash alone, one in anchorRate, so two texts pick the same ones from the
// passage they share, however long the rest: a 70-word passage holds about
// eight, and two texts sharing minAnchors of them are a candidate pair
// (a passage of sixty words, the least that verification derives a long
// text from, 97% of the time). Chance shares are rare, since common
// shingles (boilerplate, stock phrases) are left out first; what they add
// is verified as any candidate.
//
// Only documents of anchorWords or more have anchors: below that a
// shared passage is a large enough share of a text for the LSH channels
// (a 70-word passage of a 1,000-word and a 4,000-word text: LSH proposes
// the pair 83% of the time), and a corpus of short news articles, most
// corpora, spends nothing on them. A long text's anchors cost 4 bytes in
// 8 of its words, about a tenth of what its scan keeps.
const (
	anchorRate  = 8
	minAnchors  = 3
	anchorWords = 1000
	anchorSalt  = 0x616e63686f72 // "anchor"
)

// anchorsOf returns the anchors of lit, the literal shingles of a
// document of words words without the common ones (sorted, as lit is):
// none when it is shorter than anchorWords.
func anchorsOf(lit shingle.Set, words int) []uint32 {
	if words < anchorWords {
		return nil
	}
	var out []uint32
	for _, h := range lit {
		if isAnchor(h) {
			out = append(out, h)
		}
	}
	return out
}

func isAnchor(h uint32) bool { return shingle.Mix(uint64(h)^anchorSalt)%anchorRate == 0 }

// anchorPairs returns the pairs (ascending, i < j) of fps that share
// minAnchors anchors or more. An anchor held by more than maxBucket documents pairs none:
// like an LSH bucket that big, it is common wording, or copies of one
// text that the literal channel pairs.
func anchorPairs(fps []*Fingerprint, maxBucket int) [][2]int {
	n := 0
	for _, fp := range fps {
		n += len(fp.anchors)
	}
	if n == 0 {
		return nil
	}
	post := make([]uint64, 0, n) // anchor<<32 | document
	for i, fp := range fps {
		for _, a := range fp.anchors {
			post = append(post, uint64(a)<<32|uint64(i))
		}
	}
	slices.Sort(post)
	var seen []uint64 // i<<32 | j, once for each anchor they share
	for lo := 0; lo < len(post); {
		hi := lo + 1
		for hi < len(post) && post[hi]>>32 == post[lo]>>32 {
			hi++
		}
		if g := post[lo:hi]; len(g) > 1 && len(g) <= maxBucket {
			for x, p := range g {
				for _, q := range g[x+1:] {
					seen = append(seen, p<<32|uint64(uint32(q)))
				}
			}
		}
		lo = hi
	}
	slices.Sort(seen)
	var pairs [][2]int
	for lo := 0; lo < len(seen); {
		hi := lo + 1
		for hi < len(seen) && seen[hi] == seen[lo] {
			hi++
		}
		if hi-lo >= minAnchors {
			pairs = append(pairs, [2]int{int(seen[lo] >> 32), int(uint32(seen[lo]))})
		}
		lo = hi
	}
	return pairs
}

// mergePairs returns the union of a and b, both ascending, ascending.
func mergePairs(a, b [][2]int) [][2]int {
	out := make([][2]int, 0, len(a)+len(b))
	less := func(x, y [2]int) bool { return x[0] < y[0] || x[0] == y[0] && x[1] < y[1] }
	for len(a) > 0 && len(b) > 0 {
		switch {
		case less(a[0], b[0]):
			out, a = append(out, a[0]), a[1:]
		case less(b[0], a[0]):
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// MinAnchors is the number of anchor keys (Detector.AnchorKeys) an indexed
// document must share with a query to be a candidate for them alone.
const MinAnchors = minAnchors

// anchorKeySalt sets anchor keys apart from LSH band keys (lsh.AppendKeys
// salts 1 and 2).
const anchorKeySalt = 0x3a6e6368 << 32

// AnchorKeys returns the keys of fp's anchors: shingles picked by their
// hash alone, which two long texts sharing a passage word for word both
// pick from it however long the rest is (the LSH keys of Keys stand for
// whole texts, and miss a paragraph shared by two 4,000-word features).
// A document shorter than 1,000 words has none. An index stores a
// document under them as under its Keys; a query looks them up apart,
// an indexed document sharing MinAnchors of them being a candidate. With
// df, the shingles common in it are left out (a query's: a site's
// footer would share its anchors with every page of the site).
func (d *Detector) AnchorKeys(fp *Fingerprint, df *DocFreq) []uint64 {
	if fp == nil || fp.detail == nil || fp.words < anchorWords {
		return nil
	}
	lit := fp.lit
	if c := df.common(d.opts.MaxDocFreq); len(c.lit) > 0 {
		lit = without(slices.Clone(lit), c.lit)
	}
	var keys []uint64
	for _, a := range anchorsOf(lit, fp.words) {
		keys = append(keys, shingle.Mix(uint64(a)|anchorKeySalt))
	}
	return keys
}

// IndexKeys returns the keys an index stores fp under: its LSH keys
// (Keys), then its anchor keys (AnchorKeys).
func (d *Detector) IndexKeys(fp *Fingerprint) []uint64 {
	return append(d.Keys(fp), d.AnchorKeys(fp, nil)...)
}
