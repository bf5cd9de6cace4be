package reprint

import (
	"context"
	"slices"
	"sync"

	"github.com/reprint-dev/reprint/shingle"
)

// Anchors find a passage copied word for word into a long text, which
// the LSH channels miss: their signatures stand for whole texts, and a
// 70-word paragraph shared by two 4,000-word articles is under 1% of
// either (a rewrite-channel Jaccard near 0.01, which 128 bands of one row
// catch about half the time). An anchor is a literal shingle picked by its
// hash alone, so two texts pick the same ones from the passage they share,
// however long the rest. A long text (anchorWords or more) keeps one
// shingle in anchorRate: a 70-word passage holds about eight, and two long
// texts sharing minAnchors of them are a candidate pair (a passage of
// sixty words, the least that verification derives a long text from, 97%
// of the time). A shorter one (sparseWords or more) keeps one in
// sparseRate, the long texts' anchors that are 0 mod sparseRate too, and
// shares minSparse of them with a long text for a candidate (a 70-word
// passage, 60% of the time; with LSH's share, 84% where LSH alone finds
// 76%). Two shorter texts share enough of their word pairs for LSH, and
// are not paired by anchors. Chance shares are rare, since common
// shingles (boilerplate, stock phrases) are left out first; what they add
// is verified as any candidate.
//
// A long text's anchors cost 4 bytes in 8 of its words, a shorter one's in
// 32, a few per cent of what a scan keeps of a document.
const (
	anchorRate  = 8
	minAnchors  = 3
	anchorWords = 1000
	sparseRate  = 32 // a multiple of anchorRate: a sparse anchor is an anchor
	minSparse   = 2
	sparseWords = 200
	anchorSalt  = 0x616e63686f72 // "anchor"
)

// anchorsOf returns the anchors of lit, the literal shingles of a
// document of words words without the common ones: one shingle in
// anchorRate of a long document, in sparseRate of a shorter one, none
// under sparseWords; sorted, each once (a scan's sets past its sample are
// neither, and a text that repeats a sentence would pair with itself, or
// count a shared anchor twice).
func anchorsOf(lit shingle.Set, words int) []uint32 {
	rate := uint64(anchorRate)
	switch {
	case words < sparseWords:
		return nil
	case words < anchorWords:
		rate = sparseRate
	}
	var out []uint32
	for _, h := range lit {
		if anchorMix(h)%rate == 0 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// anchorLen is fp's length as anchors reckon it: its words, or a third of
// them in Chinese and Japanese (ideoScale: a character to a word, and a
// 1,000-character article is of ordinary length, whose 5-character
// phrases are shared by chance far more than five words are).
func (fp *Fingerprint) anchorLen() int {
	if fp.ideo {
		return fp.words / ideoScale
	}
	return fp.words
}

func anchorMix(h uint32) uint64 { return shingle.Mix(uint64(h) ^ anchorSalt) }

// maxAnchorDocs is the most documents an anchor pairs: one held by more is
// common wording, or copies of one text, which the literal channel pairs
// whole. It bounds the work of a family of long copies (each pair of them
// met once for each anchor they share) to a few thousand pairs an anchor.
const maxAnchorDocs = 50

// laterPool holds anchorPairs' buffers of a document's later partners.
var laterPool = sync.Pool{New: func() any { return new([]int) }}

// anchorPairs returns the pairs (ascending, i < j) of fps, one of them
// long (anchorWords), that share minAnchors anchors, or minSparse when the
// other is shorter; anchors held by more than min(maxBucket,
// maxAnchorDocs) documents pair none. Each document's pairs are found on
// its own, on workers: memory holds the anchors and the pairs found.
func anchorPairs(ctx context.Context, workers int, fps []*Fingerprint, maxBucket int) ([][2]int, error) {
	n, long := 0, false
	for _, fp := range fps {
		n += len(fp.anchors)
		long = long || fp.anchorLen() >= anchorWords && len(fp.anchors) > 0
	}
	if !long {
		return nil, nil
	}
	most := min(maxBucket, maxAnchorDocs)
	isLong := func(i int) bool { return fps[i].anchorLen() >= anchorWords }
	post := make([]uint64, 0, n) // anchor<<32 | document
	for i, fp := range fps {
		for _, a := range fp.anchors {
			post = append(post, uint64(a)<<32|uint64(i))
		}
	}
	slices.Sort(post)
	// The anchors that can pair (held by 2 to most documents, a small
	// share of all: most anchors are a text's own), as groups of post,
	// and which documents hold each (refs: document<<32 | group, by
	// document).
	var groups [][2]int
	refs := make([]uint64, 0, n)
	for lo := 0; lo < len(post); {
		hi := lo + 1
		for hi < len(post) && post[hi]>>32 == post[lo]>>32 {
			hi++
		}
		if hi-lo >= 2 && hi-lo <= most {
			for _, p := range post[lo:hi] {
				refs = append(refs, uint64(uint32(p))<<32|uint64(len(groups)))
			}
			groups = append(groups, [2]int{lo, hi})
		}
		lo = hi
	}
	slices.Sort(refs)
	var starts []int // where each document's refs begin
	for k, r := range refs {
		if k == 0 || r>>32 != refs[k-1]>>32 {
			starts = append(starts, k)
		}
	}
	starts = append(starts, len(refs))
	found := make([][][2]int, len(starts)-1)
	err := parallel(ctx, workers, len(found), func(k int) {
		rs := refs[starts[k]:starts[k+1]]
		i := int(rs[0] >> 32)
		buf := laterPool.Get().(*[]int)
		defer laterPool.Put(buf)
		later := (*buf)[:0] // the documents after i holding each anchor of i's, repeated
		for _, r := range rs {
			g := groups[uint32(r)]
			for _, p := range post[g[0]:g[1]] {
				if j := int(uint32(p)); j > i && (isLong(i) || isLong(j)) {
					later = append(later, j)
				}
			}
		}
		slices.Sort(later)
		*buf = later
		for lo := 0; lo < len(later); {
			hi := lo + 1
			for hi < len(later) && later[hi] == later[lo] {
				hi++
			}
			j := later[lo]
			need := minAnchors
			if !isLong(i) || !isLong(j) {
				need = minSparse
			}
			if hi-lo >= need {
				found[k] = append(found[k], [2]int{i, j})
			}
			lo = hi
		}
	})
	if err != nil {
		return nil, err
	}
	var pairs [][2]int
	for _, f := range found {
		pairs = append(pairs, f...)
	}
	return pairs, nil
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
// document must share with a query to be a candidate for them alone (or
// the index's MinShared, if more): a long text shares its shorter ones'
// sparse anchors (a scan asks 3 of two long texts; a check takes the few
// more candidates that 2 gives).
const MinAnchors = minSparse

// anchorKeySalt sets anchor keys apart from LSH band keys (lsh.AppendKeys
// salts 1 and 2).
const anchorKeySalt = 0x3a6e6368 << 32

// AnchorKeys returns the keys of fp's anchors: shingles picked by their
// hash alone, which two texts sharing a passage word for word both pick
// from it however long the rest is (the LSH keys of Keys stand for
// whole texts, and miss a paragraph shared by two 4,000-word features).
// A document of 1,000 words or more has one for 8 of its words, a
// shorter one one for 32, one under 200 words none (Chinese and
// Japanese: three times as many characters). An index stores a
// document under them as under its Keys; a query looks them up apart,
// an indexed document sharing MinAnchors of them being a candidate. With
// df, the shingles common in it are left out (a query's: a site's
// footer would share its anchors with every page of the site).
func (d *Detector) AnchorKeys(fp *Fingerprint, df *DocFreq) []uint64 {
	if fp == nil || fp.detail == nil || fp.anchorLen() < sparseWords {
		return nil
	}
	lit := fp.lit
	if c := df.common(d.opts.MaxDocFreq); len(c.lit) > 0 {
		lit = without(slices.Clone(lit), c.lit)
	}
	var keys []uint64
	for _, a := range anchorsOf(lit, fp.anchorLen()) {
		keys = append(keys, shingle.Mix(uint64(a)|anchorKeySalt))
	}
	return keys
}

// IndexKeys returns the keys an index stores fp under: its LSH keys
// (Keys), then its anchor keys (AnchorKeys).
func (d *Detector) IndexKeys(fp *Fingerprint) []uint64 {
	return append(d.Keys(fp), d.AnchorKeys(fp, nil)...)
}
