package reprint

import (
	"slices"
	"sync/atomic"

	"github.com/reprint-dev/reprint/lsh"
	"github.com/reprint-dev/reprint/shingle"
)

// A story that a small corpus holds many copies of is common the way a
// footer is: its shingles are in more than MaxDocFreq of the documents.
// Left out as boilerplate, the copies would match nothing, which is the
// one thing they must do. What tells the two apart is who holds the
// text: a footer is held by pages that differ everywhere else, a story by
// copies that are near-duplicates of each other. So a common shingle is
// spared (kept in sketches and verification) when the documents holding
// it are, all but at most limit of them, near-duplicates holding it
// together: each has a partner that holds it too, shares at least
// Threshold (Jaccard) of its whole literal shingle set, common shingles
// included, and with it holds little outside the common shingles: at most
// a tenth of the two sets' union. Only documents that are mostly common
// are looked at as partners: a copy of such a story is; a page with an
// article of its own beside the footer is not.
//
// That last tenth is what tells copies from the pages of a site's
// template: a copy's words outside the story are its few edits, but each
// page has an article of its own, and a short one beside a long footer
// makes the pages near-duplicates as wholes. Pages of 40 words of their
// own beside a footer of 300 have a fifth of their union outside it; a
// stub page of a few words is a near-copy of another, and is taken for
// one unless more than limit other pages hold its footer.

// spareCopies returns c without the shingles held mostly by
// near-duplicate copies of one text, as above. fps are the documents of a
// scan with their complete, sorted sets (commonShingles sorted them), c
// the shingles found in more than limit of them. The result depends on
// the order of fps only as the LSH chains do (pairing a split bucket's
// members in that order), so callers pass a fixed one: the input's.
func (d *Detector) spareCopies(fps []*Fingerprint, c *commonSet, limit int) *commonSet {
	out := d.spare(fps, c, limit, nil, nil)
	out.watch, out.watchRw = watchList{}, watchList{} // fps are the corpus: counted whole
	return out
}

// spare returns c without the shingles that at most limit documents hold
// apart from near-duplicate copies, of those of fps that are mostly
// common; the result's watch lists hold those spared, each with the
// number of documents holding it. holders(rw, h) is the number of documents holding shingle h of
// the literal (or rewrite) channel, and counted(i) whether document i of
// fps is one of those; nil for both counts the documents of fps. c is
// left as it was.
func (d *Detector) spare(fps []*Fingerprint, c *commonSet, limit int, counted func(i int) bool, holders func(rw bool, h uint32) int) *commonSet {
	if len(c.lit) == 0 {
		return c
	}
	var mostly []int // counted documents most of whose literal shingles are common
	for i, fp := range fps {
		if counted != nil && !counted(i) {
			continue // a query, not in the counts: it explains none of them
		}
		if n := len(fp.lit); n > 0 && 2*countIn(fp.lit, c.lit) > n {
			mostly = append(mostly, i)
		}
	}
	if len(mostly) < 2 {
		return c
	}
	partners := d.nearDuplicates(fps, mostly, c.lit)
	if len(partners) == 0 {
		return c
	}
	keep := func(common []uint32, rw bool) ([]uint32, watchList) {
		set := func(fp *Fingerprint) shingle.Set { return fp.lit }
		if rw {
			set = func(fp *Fingerprint) shingle.Set { return fp.rw }
		}
		held := make([]int, len(common))     // documents holding it, when fps are the corpus
		together := make([]int, len(common)) // those holding it with a partner
		for i, fp := range fps {
			if counted != nil && !counted(i) {
				continue
			}
			ps := partners[i]
			for _, h := range set(fp) {
				j, found := slices.BinarySearch(common, h)
				if !found {
					continue
				}
				held[j]++
				for _, p := range ps {
					if _, in := slices.BinarySearch(set(fps[p]), h); in {
						together[j]++
						break
					}
				}
			}
		}
		var kept []uint32
		var spared watchList
		for j, h := range common {
			n := held[j]
			if holders != nil {
				n = holders(rw, h)
			}
			if n-together[j] > limit {
				kept = append(kept, h)
			} else {
				spared.add(h, n)
			}
		}
		return kept, spared
	}
	out := &commonSet{}
	out.lit, out.watch = keep(c.lit, false)
	out.rw, out.watchRw = keep(c.rw, true)
	out.litDocs = make([]atomic.Int64, len(out.lit))
	out.rwDocs = make([]atomic.Int64, len(out.rw))
	return out
}

// nearDuplicates returns, for the documents of fps numbered in docs, the
// others among them whose whole literal sets share at least Threshold
// (Jaccard) with theirs, and whose union holds at most a tenth outside
// common (see above). Candidates come from LSH bands over the whole sets,
// buckets too big to pair split and chained (lsh.Index.Split): a story
// copied a thousand times costs about a thousand checks, not half a
// million, and a document needs one partner, not all.
func (d *Detector) nearDuplicates(fps []*Fingerprint, docs []int, common []uint32) map[int][]int {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	ix := lsh.New(d.p.Bands, d.p.Rows)
	ix.Split = true
	ix.Grow(len(fps))
	for _, i := range docs {
		ix.AddKeys(i, lsh.AppendBandKeys(nil, d.signSet(s, fps[i].lit), d.p.Bands, d.p.Rows))
	}
	pairs, _ := ix.Pairs(d.opts.MaxBucket)
	partners := map[int][]int{}
	for _, pr := range pairs {
		if copies(fps[pr[0]].lit, fps[pr[1]].lit, common, d.opts.Threshold) {
			partners[pr[0]] = append(partners[pr[0]], pr[1])
			partners[pr[1]] = append(partners[pr[1]], pr[0])
		}
	}
	return partners
}

// copies reports whether a and b (sorted sets) have a Jaccard of at least
// threshold and at most a tenth of their union outside common (sorted).
func copies(a, b shingle.Set, common []uint32, threshold float64) bool {
	both, union, own := 0, 0, 0
	count := func(h uint32) {
		union++
		if _, in := slices.BinarySearch(common, h); !in {
			own++
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			count(a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			count(b[j])
			j++
		default:
			both++
			count(a[i])
			i++
			j++
		}
	}
	return union > 0 && float64(both) >= threshold*float64(union) && 10*own <= union
}

// countIn returns the number of values of set, a sorted set, found in
// common, a sorted list.
func countIn(set shingle.Set, common []uint32) int {
	n := 0
	for _, h := range set {
		if _, found := slices.BinarySearch(common, h); found {
			n++
		}
	}
	return n
}
