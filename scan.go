package reprint

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/reprint-dev/reprint/lsh"
	"github.com/reprint-dev/reprint/shingle"
)

// Scan is one streaming run of a Detector over a corpus too large to hold:
// Prepare takes documents as they are read (on any number of goroutines)
// and keeps of each only its LSH sketch, a few hundred bytes; Run finds
// the candidate pairs and reads back the texts of their documents (from
// disk, say) to verify them. Memory then grows with the number of
// documents that have a candidate, not with the corpus.
//
// Shingles common to many documents (boilerplate) are left out of the
// sketches. Which ones is decided on the first scanSample documents (in
// input order): a shingle in at least half the MaxDocFreq share of them is
// left out of every sketch, and counted over the whole corpus; those found
// in more than MaxDocFreq of all documents are also left out of the sets
// that verification compares. A corpus of at most scanSample documents is
// counted exactly, as a whole.
type Scan struct {
	d *Detector
	p Params

	mu     sync.Mutex
	sample []*Fingerprint // prepared documents among the first scanSample
	common *commonSet     // sketch-time common shingles; nil until the sample is full
}

// scanSample is the number of documents (the first ones) on which a scan
// decides which shingles are too common to sketch. Their sets are kept
// until then: about 5 KB each.
const scanSample = 5000

// commonSet is a sorted list of common shingles per channel, with the
// number of documents holding each, counted as documents are sketched.
type commonSet struct {
	lit, rw         []uint32
	litDocs, rwDocs []atomic.Int64
}

// NewScan starts a streaming scan.
func (d *Detector) NewScan() *Scan {
	return &Scan{d: d, p: d.params()}
}

// Prepare fingerprints document number i of the scan (numbers run from 0
// in input order; each is prepared once). It is safe for concurrent use,
// in any order.
func (sc *Scan) Prepare(i int, doc Document) *Fingerprint {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	fp := prepare(&doc, sc.d.opts, s, true, false)
	sc.mu.Lock()
	if i < scanSample {
		sc.sample = append(sc.sample, fp)
		if len(sc.sample) == scanSample {
			sc.common = commonShingles(sc.sample, max(int(sc.d.opts.MaxDocFreq*scanSample/2), 2))
		}
		sc.mu.Unlock()
		return fp // sketched by Run, once the common shingles are known
	}
	c := sc.common
	sc.mu.Unlock()
	if c != nil {
		sc.sketch(fp, c, s)
	}
	return fp
}

// sketch computes fp's LSH sketch without the shingles in c, counts the
// shingles of c it holds, and drops its sets: Run reads them again from
// the text if fp turns out to have a candidate.
func (sc *Scan) sketch(fp *Fingerprint, c *commonSet, s *scratch) {
	d := sc.d
	count := func(set shingle.Set, common []uint32, docs []atomic.Int64) shingle.Set {
		if len(common) == 0 {
			return set
		}
		s.hits = s.hits[:0]
		kept := s.kept[:0]
		for _, h := range set {
			if j, found := slices.BinarySearch(common, h); found {
				s.hits = append(s.hits, j)
			} else {
				kept = append(kept, h)
			}
		}
		s.kept = kept
		slices.Sort(s.hits)
		for _, j := range slices.Compact(s.hits) {
			docs[j].Add(1)
		}
		return kept
	}
	if lit := count(fp.lit, c.lit, c.litDocs); len(lit) > 0 {
		fp.litKeys = lsh.AppendBandKeys(nil, d.signSet(s, lit), sc.p.Bands, sc.p.Rows)
	}
	if d.opts.RewriteK > 0 {
		if rw := count(fp.rw, c.rw, c.rwDocs); len(rw) > 0 {
			sig := d.signSet(s, rw)
			fp.rwSig = make([]uint32, len(sig))
			for k, v := range sig {
				fp.rwSig[k] = shingle.Fold(v)
			}
		}
	}
	fp.lit, fp.rw, fp.chash = nil, nil, nil
	fp.sketched = true
}

// commonShingles returns the shingles found in more than limit of the
// documents of fps, whose sets it sorts.
func commonShingles(fps []*Fingerprint, limit int) *commonSet {
	pick := func(get func(*Fingerprint) *shingle.Set) []uint32 {
		var all []uint32
		for _, fp := range fps {
			set := get(fp)
			*set = shingle.SortSet(*set) // a shingle counts once per document
			all = append(all, *set...)
		}
		slices.Sort(all)
		var common []uint32
		for i := 0; i < len(all); {
			j := i + 1
			for j < len(all) && all[j] == all[i] {
				j++
			}
			if j-i > limit {
				common = append(common, all[i])
			}
			i = j
		}
		return common
	}
	c := &commonSet{
		lit: pick(func(fp *Fingerprint) *shingle.Set { return &fp.lit }),
		rw:  pick(func(fp *Fingerprint) *shingle.Set { return &fp.rw }),
	}
	c.litDocs = make([]atomic.Int64, len(c.lit))
	c.rwDocs = make([]atomic.Int64, len(c.rw))
	return c
}

// Run finishes the scan of fps, the fingerprints Prepare returned, in
// document order. text(i) returns document i's text; it is called for the
// documents of candidate pairs, and must be safe for concurrent use. An
// error from text is returned as the scan's error. The result does not
// depend on Options.Workers nor on the order of the Prepare calls.
func (sc *Scan) Run(ctx context.Context, fps []*Fingerprint, text func(i int) (string, error)) (*Result, error) {
	d := sc.d
	n := len(fps)
	d.stage("discount", -1)
	limit := max(int(d.opts.MaxDocFreq*float64(n)), 5)
	c := sc.common // n > scanSample: decided on the sample
	switch {
	case n <= limit: // too few documents for anything to be common
		c = &commonSet{}
	case n <= scanSample: // the whole corpus is the sample: count exactly
		c = commonShingles(fps, limit)
	}
	var pending []int
	for i, fp := range fps {
		if !fp.sketched {
			pending = append(pending, i)
		}
	}
	d.stage("signatures", len(pending))
	err := parallel(ctx, d.opts.Workers, len(pending), func(k int) {
		s := scratchPool.Get().(*scratch)
		sc.sketch(fps[pending[k]], c, s)
		scratchPool.Put(s)
		d.add(1)
	})
	if err != nil {
		return nil, err
	}
	// Verification leaves out the shingles common in the whole corpus.
	final := &commonSet{}
	for j, h := range c.lit {
		if c.litDocs[j].Load() > int64(limit) {
			final.lit = append(final.lit, h)
		}
	}
	for j, h := range c.rw {
		if c.rwDocs[j].Load() > int64(limit) {
			final.rw = append(final.rw, h)
		}
	}

	params := sc.p
	d.stage("candidates", -1)
	if d.opts.RewriteK > 0 && d.opts.RewriteRows == 0 {
		params.RewriteBands, params.RewriteRows = rewriteShape(fps, d.opts)
	}
	litIx := lsh.New(params.Bands, params.Rows)
	litIx.Grow(n)
	var rwIx *lsh.Index
	if d.opts.RewriteK > 0 {
		rwIx = lsh.New(params.RewriteBands, params.RewriteRows)
		rwIx.Grow(n)
	}
	err = parallel(ctx, d.opts.Workers, n, func(i int) {
		fp := fps[i]
		if fp.litKeys != nil {
			litIx.AddKeys(i, fp.litKeys)
		}
		if rwIx != nil && fp.rwSig != nil {
			rwIx.AddKeys(i, lsh.AppendBandKeys32(nil, fp.rwSig, params.RewriteBands, params.RewriteRows))
		}
		fp.litKeys, fp.rwSig = nil, nil
	})
	if err != nil {
		return nil, err
	}
	cands := d.candidates(litIx, rwIx, &params)
	params.Candidates = len(cands)
	if err := d.finishSets(ctx, fps, text, cands, final); err != nil {
		return nil, err
	}
	res, err := d.resolve(ctx, fps, text, cands)
	if err != nil {
		return nil, err
	}
	res.Params = params
	return res, nil
}
