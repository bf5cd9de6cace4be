package reprint

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
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
// sketches. Which ones is decided first on the first scanSample documents
// (in input order): a shingle in more than sketchLimit of them, unless
// near-duplicate copies hold it (spare), is left out of every sketch, and
// counted over the whole corpus; those found in more than MaxDocFreq of
// all documents are also left out of the sets that verification compares.
// The other shingles of the later documents are counted in a count-min
// sketch (late.go), so that boilerplate first found past the sample is
// left out too, and Run settles what copies hold over the whole corpus
// (settle). A corpus of at most scanSample documents is counted exactly,
// as a whole.
type Scan struct {
	d *Detector
	p Params

	mu     sync.Mutex
	sample []*Fingerprint // the first scanSample documents, by number, nil until prepared
	filled int            // documents of sample prepared
	common *commonSet     // sketch-time common shingles; nil until the sample is full
	freq   *wordFreq      // sample documents using each content word, for attribution
	ran    atomic.Bool    // Run was called: a Scan is one run
}

// scanSample is the number of documents (the first ones) on which a scan
// decides which shingles are too common to sketch. Their sets are kept
// until then: about 5 KB each.
const scanSample = 5000

// commonSet is a sorted list of common shingles per channel, with the
// number of documents holding each, counted as documents are sketched.
// A scan's sample also names the shingles it spared (watch, watchRw):
// held in more than the limit of the sample, but by copies of one story
// (spareCopies). They stay in sketches, and the documents past the sample
// holding them are counted, so that Run can take back as common those
// the rest of the corpus shows to be a footer after all.
type commonSet struct {
	lit, rw         []uint32
	litDocs, rwDocs []atomic.Int64
	watch, watchRw  watchList
	counting        *shardedCounts // a sketch-time set's: documents holding each other literal shingle
	late            *lateCounts    // a verification set's: literal shingles common past what the lists settle
}

// anyLit reports whether c may hold a literal shingle.
func (c *commonSet) anyLit() bool { return len(c.lit) > 0 || c.late != nil }

// hasLit reports whether h is a common literal shingle.
func (c *commonSet) hasLit(h uint32) bool {
	if _, found := slices.BinarySearch(c.lit, h); found {
		return true
	}
	return c.late != nil && c.late.has(h)
}

// watchList is a sorted list of shingles that a scan's sample spared,
// with the number of sample documents holding each (held), and the number
// of documents past the sample holding each (later), counted as they are
// sketched.
type watchList struct {
	h     []uint32
	held  []int
	later []atomic.Int64
}

func (w *watchList) add(h uint32, held int) {
	w.h = append(w.h, h)
	w.held = append(w.held, held)
}

// holders returns the number of documents of the corpus holding h, one
// of w's shingles, and whether it is one.
func (w *watchList) holders(h uint32) (int, bool) {
	j, found := slices.BinarySearch(w.h, h)
	if !found {
		return 0, false
	}
	return w.held[j] + int(w.later[j].Load()), true
}

// over returns, sorted, those of w's shingles that more than limit
// documents of the corpus hold: common unless copies hold them.
func (w *watchList) over(limit int) []uint32 {
	var out []uint32
	for _, h := range w.h {
		if n, _ := w.holders(h); n > limit {
			out = append(out, h)
		}
	}
	return out
}

// ErrScanUsed is returned by a second Scan.Run: the fingerprints a scan
// prepared keep only their sketches once it has run. Start another scan,
// and prepare the documents again, to run again.
var ErrScanUsed = errors.New("scan already run: a Scan is one run (start another with NewScan)")

// NewScan starts a streaming scan.
func (d *Detector) NewScan() *Scan {
	return &Scan{d: d, p: d.params(), freq: newWordFreq()}
}

// Prepare fingerprints document number i of the scan (numbers run from 0
// in input order; each is prepared once). It is safe for concurrent use,
// in any order.
func (sc *Scan) Prepare(i int, doc Document) *Fingerprint {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	sc.mu.Lock()
	c := sc.common
	sc.mu.Unlock()
	if i >= scanSample && c != nil { // sketch at once, sets in scratch memory
		fp := prepare(&doc, sc.d.opts, s, prepSketch)
		sc.sketch(fp, c, s, pastSample(i))
		return fp
	}
	fp := prepare(&doc, sc.d.opts, s, prepLazy)
	if i < scanSample {
		s.slots = sc.freq.add(s.content, s.slots)
	}
	sc.mu.Lock()
	if i < scanSample {
		if sc.sample == nil {
			sc.sample = make([]*Fingerprint, scanSample)
		}
		sc.sample[i] = fp
		sc.filled++
		full := sc.filled == scanSample
		sc.mu.Unlock()
		if full { // the last of the sample: decide, without holding up the others
			limit := sc.sketchLimit()
			// In document order: spare's chains of copies follow it.
			c := sc.d.spare(sc.sample, commonShingles(sc.sample, limit), limit, nil, nil)
			c.watch.later = make([]atomic.Int64, len(c.watch.h))
			c.watchRw.later = make([]atomic.Int64, len(c.watchRw.h))
			if sc.d.opts.MaxDocFreq < 1 {
				c.counting = newShardedCounts(sc.d.opts.Workers)
				for _, fp := range sc.sample { // sorted by commonShingles
					c.counting.add(1, without(slices.Clone(fp.lit), c.lit))
				}
			}
			sc.mu.Lock()
			sc.common = c
			sc.mu.Unlock()
		}
		return fp // sketched by Run, once the common shingles are known
	}
	c = sc.common
	sc.mu.Unlock()
	if c != nil {
		sc.sketch(fp, c, s, pastSample(i))
	}
	return fp
}

// What Scan.sketch counts of a document's shingles.
type counts uint8

const (
	countCommon   counts = 1 << iota // those of c: every document, once
	countWatched                     // those of c's watch lists: documents past the sample
	countProbe                       // its probe: documents past the sample
	countShingles                    // its other literal shingles, in c.counting: lateCounted documents past the sample
)

// pastSample is what sketch counts of document i past the sample.
func pastSample(i int) counts {
	c := countCommon | countWatched | countProbe
	if lateCounted(i) {
		c |= countShingles
	}
	return c
}

// sketch computes fp's LSH sketch without the shingles in c, counts what
// counted says, and drops its sets: Run reads them again from the text if
// fp turns out to have a candidate.
func (sc *Scan) sketch(fp *Fingerprint, c *commonSet, s *scratch, counted counts) {
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
		if counted&countCommon != 0 {
			addHits(s.hits, docs)
		}
		return kept
	}
	if counted&countWatched != 0 {
		fp.watched = sc.countWatched(fp, c, s)
	}
	if counted&countProbe != 0 {
		countLate(fp, c, s, counted&countShingles != 0)
	}
	n := len(fp.lit)
	lit := count(fp.lit, c.lit, c.litDocs)
	fp.mostlyCommon = n > 0 && 2*len(lit) < n
	if len(lit) > 0 {
		fp.litKeys = lsh.AppendBandKeys(nil, d.signSet(s, lit), sc.p.Bands, sc.p.Rows)
	}
	fp.anchors = anchorsOf(lit, fp.anchorLen())
	if d.opts.RewriteK > 0 {
		if rw := count(fp.rw, c.rw, c.rwDocs); len(rw) > 0 {
			sig := d.signSet(s, rw)
			fp.rwSig = make([]uint32, len(sig))
			for k, v := range sig {
				fp.rwSig[k] = shingle.Fold(v)
			}
		}
	}
	fp.detail = nil
}

// countWatched counts the shingles of c's watch lists that fp holds
// (once each, though a lazy set may repeat one) and reports whether it
// holds any.
func (sc *Scan) countWatched(fp *Fingerprint, c *commonSet, s *scratch) bool {
	any := false
	for _, w := range []struct {
		set  shingle.Set
		list *watchList
	}{{fp.lit, &c.watch}, {fp.rw, &c.watchRw}} {
		if len(w.list.later) == 0 {
			continue
		}
		hits := s.hitsIn(w.set, w.list.h)
		any = any || len(hits) > 0
		addHits(hits, w.list.later)
	}
	return any
}

// hitsIn returns (in s.hits) the index in list (sorted) of each shingle
// of set that list holds.
func (s *scratch) hitsIn(set shingle.Set, list []uint32) []int {
	s.hits = s.hits[:0]
	for _, h := range set {
		if j, found := slices.BinarySearch(list, h); found {
			s.hits = append(s.hits, j)
		}
	}
	return s.hits
}

// addHits adds one to docs[j] for each j of hits, repeats counted once.
func addHits(hits []int, docs []atomic.Int64) {
	slices.Sort(hits)
	for _, j := range slices.Compact(hits) {
		docs[j].Add(1)
	}
}

// sketchLimit is the number of sample documents a shingle must be in to
// be left out of sketches: MaxDocFreq of the sample, and at least
// MaxBucket, so that only shingles whose LSH buckets would be too big to
// pair anyway are dropped. A story copied fewer times than MaxBucket
// early in a long corpus is not lost for being common in the sample.
func (sc *Scan) sketchLimit() int {
	return max(int(sc.d.opts.MaxDocFreq*scanSample), sc.d.opts.MaxBucket, 2)
}

// firstError returns the first non-nil error of errs, in their order: the
// same whatever the number of workers that found them.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
// depend on Options.Workers nor on the order of the Prepare calls. A scan
// runs once; a second Run returns ErrScanUsed. Documents with an empty or
// repeated ID are refused, as Run refuses them (CheckIDs).
func (sc *Scan) Run(ctx context.Context, fps []*Fingerprint, text func(i int) (string, error)) (*Result, error) {
	if sc.ran.Swap(true) {
		return nil, ErrScanUsed
	}
	if err := checkFingerprintIDs(fps); err != nil {
		return nil, err
	}
	d := sc.d
	n := len(fps)
	d.stage("discount", -1)
	limit := max(int(d.opts.MaxDocFreq*float64(n)), 5)
	var c *commonSet
	switch {
	case n > scanSample: // decided on the sample, as the streamed sketches were
		var err error
		if c, err = sc.settle(ctx, fps, text, limit); err != nil {
			return nil, err
		}
	case n <= limit: // too few documents for anything to be common
		c = &commonSet{}
	default: // the whole corpus is the sample: count exactly
		c = commonShingles(fps, limit)
		// Not on a larger corpus's sample: a shingle spared there would
		// never be counted again, and a footer that most of the later
		// documents carry would go into every sketch and verification.
		c = d.spareCopies(fps, c, limit)
	}
	var pending []int
	for i, fp := range fps {
		if !fp.sketched() {
			pending = append(pending, i)
		}
	}
	d.stage("signatures", len(pending))
	err := parallel(ctx, d.opts.Workers, len(pending), func(k int) {
		s := scratchPool.Get().(*scratch)
		// The sample's other counts were taken when it was full, the
		// later documents' by settle.
		sc.sketch(fps[pending[k]], c, s, countCommon)
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
	final.late = c.late

	params := sc.p
	d.stage("candidates", -1)
	if d.opts.RewriteK > 0 && d.opts.RewriteRows == 0 {
		params.RewriteBands, params.RewriteRows, params.RewriteExtraBands = rewriteShape(fps, d.opts)
	}
	litIx := lsh.New(params.Bands, params.Rows)
	// The literal channel splits its buckets too big to pair: what
	// stays together is copies of one text. The rewrite channel's are
	// common wording, skipped.
	litIx.Split = true
	litIx.Grow(n)
	var rwIx *lsh.Index
	if d.opts.RewriteK > 0 {
		rwIx = lsh.New(params.RewriteBands+params.RewriteExtraBands, params.RewriteRows)
		rwIx.Grow(n)
	}
	err = parallel(ctx, d.opts.Workers, n, func(i int) {
		fp := fps[i]
		if fp.litKeys != nil {
			litIx.AddKeys(i, fp.litKeys)
		}
		if rwIx != nil && fp.rwSig != nil {
			rwIx.AddKeys(i, rewriteKeys(fp.rwSig, params.RewriteBands, params.RewriteRows, params.RewriteExtraBands))
		}
		fp.litKeys, fp.rwSig = nil, nil
	})
	if err != nil {
		return nil, err
	}
	cands := d.candidates(litIx, rwIx, &params)
	more, err := anchorPairs(ctx, d.opts.Workers, fps, d.opts.MaxBucket)
	if err != nil {
		return nil, err
	}
	if len(more) > 0 {
		cands = mergePairs(cands, more)
	}
	for _, fp := range fps {
		fp.anchors = nil
	}
	params.Candidates = len(cands)
	res, err := d.resolveTexts(ctx, fps, text, cands, final, sc.freq)
	if err != nil {
		return nil, err
	}
	res.Params = params
	if w := mostlyCommonWarning(fps, limit, d.opts.MaxDocFreq); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	if w := noWordsWarning(fps); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	return res, nil
}

// noWordsWarning says which documents hold no word at all (only
// punctuation, symbols or emoji): they are in the report but can match
// nothing, which a pipeline counting its documents should know.
func noWordsWarning(fps []*Fingerprint) string {
	var ids []string
	n := 0
	for _, fp := range fps {
		if fp.words == 0 {
			if n++; len(ids) < 3 {
				ids = append(ids, strconv.Quote(fp.id))
			}
		}
	}
	if n == 0 {
		return ""
	}
	if n > len(ids) {
		ids = append(ids, "...")
	}
	noun, they := "documents hold", "they"
	if n == 1 {
		noun, they = "document holds", "it"
	}
	return fmt.Sprintf("%d %s no words, only punctuation, symbols or emoji (%s): %s can match nothing", n, noun, strings.Join(ids, ", "), they)
}

// settle decides the common shingles of a scan longer than its sample,
// once every document is prepared, and returns them. They are the
// sample's, and:
//   - those the sample spared as copies' (see commonSet) that more than
//     limit documents of the whole corpus hold, unless near-duplicate
//     copies hold all but limit of them: a footer the sample's copies
//     carried and later pages carry too is taken back into the lists, a
//     story copied all through the corpus is not;
//   - those counted in more than limit documents past what the lists
//     settle (lateCounts), but for what copies hold: the footer of a site
//     whose pages all come after the sample.
//
// The documents sketched with such shingles are read and sketched again
// without them (as verification leaves out boilerplate, words and all):
// those past the sample that hold a shingle taken back, or whose probe
// holds a late common one, and those of the sample that hold a late
// common one. In the usual case, nothing of the sort, that costs nothing.
func (sc *Scan) settle(ctx context.Context, fps []*Fingerprint, text func(int) (string, error), limit int) (*commonSet, error) {
	c := sc.common
	s := scratchPool.Get().(*scratch)
	for i := scanSample; i < len(fps); i++ {
		if fp := fps[i]; !fp.sketched() { // prepared before the sample was full
			fp.watched = sc.countWatched(fp, c, s)
			countLate(fp, c, s, lateCounted(i))
		}
	}
	scratchPool.Put(s)
	var late *lateCounts
	if c.counting != nil {
		// With no counter over the limit, no shingle is: nothing to ask.
		cm := c.counting.merged()
		if over := cm.Over(uint64(limit) + cm.Slack()); !over.Empty() {
			late = &lateCounts{
				counts:  cm,
				over:    over,
				settled: mergeSorted(c.lit, c.watch.h),
			}
		}
	}
	// What may be common: the watched shingles over the limit, and the
	// late common ones. Copies of one story spare theirs.
	over, overRw := c.watch.over(limit), c.watchRw.over(limit)
	var spared, sparedRw []uint32
	if len(over)+len(overRw) > 0 || late != nil {
		var err error
		spared, sparedRw, err = sc.spareCorpus(ctx, fps, text, c, over, overRw, late, limit)
		if err != nil {
			return nil, err
		}
	}
	if late != nil && len(spared) > 0 {
		late.settled = mergeSorted(late.settled, spared)
	}
	back := notIn(over, spared)
	backRw := notIn(overRw, sparedRw)
	nc := &commonSet{late: late}
	nc.lit, nc.litDocs = withCommon(c.lit, c.litDocs, back, limit+1)
	nc.rw, nc.rwDocs = withCommon(c.rw, c.rwDocs, backRw, limit+1)
	// Which documents are read again depends on each one alone, not on
	// whether Prepare had sketched it: the same whatever its order.
	var again []int
	for i, fp := range fps {
		switch {
		case i < scanSample: // its sets at hand
			if late != nil && slices.ContainsFunc(fp.lit, late.has) {
				again = append(again, i)
			}
		case fp.watched && len(back)+len(backRw) > 0,
			late != nil && slices.ContainsFunc(fp.probe, late.has):
			again = append(again, i)
		}
		fp.probe = nil
	}
	if len(again) > 0 { // a long read on a corpus sorted by site: show it
		sc.d.stage("boilerplate", len(again))
	}
	errs := make([]error, len(again))
	err := parallel(ctx, sc.d.opts.Workers, len(again), func(k int) {
		errs[k] = sc.resketch(again[k], fps[again[k]], text, nc)
		sc.d.add(1)
	})
	if err != nil {
		return nil, err
	}
	return nc, firstError(errs)
}

// mergeSorted returns the values of a and b (each sorted) in one sorted
// slice.
func mergeSorted(a, b []uint32) []uint32 {
	out := make([]uint32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] <= b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// notIn returns the values of a (sorted) not in b (sorted).
func notIn(a, b []uint32) []uint32 {
	var out []uint32
	for _, h := range a {
		if _, found := slices.BinarySearch(b, h); !found {
			out = append(out, h)
		}
	}
	return out
}

// resketch reads document i again and sketches fp without the shingles
// of c and without its boilerplate (as look leaves it out). A document
// not sketched before has its shingles of c counted; one sketched before
// had them counted then.
func (sc *Scan) resketch(i int, fp *Fingerprint, text func(int) (string, error), c *commonSet) error {
	d := sc.d
	t, err := text(i)
	if err != nil {
		return fmt.Errorf("text of %s: %w", fp.id, err)
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	full := prepare(&Document{Text: t}, d.opts, s, prepVerify)
	if !fp.sketched() {
		addHits(s.hitsIn(full.lit, c.lit), c.litDocs)
		addHits(s.hitsIn(full.rw, c.rw), c.rwDocs)
	}
	// Mostly common as a sketch reckons it: by the shingles left out as
	// common, not by those that merely touch a boilerplate word.
	n := len(full.lit)
	own := n - countFunc(full.lit, c.hasLit)
	marks, _, _ := boilerplate(s, d.opts.K, c, full.days)
	if len(s.inBoil) > 0 {
		full.lit = withoutBoiler(full.lit, d.opts.K, func(w int) bool { return s.inBoil[w] }, len(s.inBoil))
		boil := &Fingerprint{detail: &detail{boil: marks}}
		full.rw = withoutBoiler(full.rw, d.opts.RewriteK, boil.isBoiler, len(full.chash))
	}
	sc.sketch(full, c, s, 0)
	fp.litKeys, fp.rwSig, fp.anchors = full.litKeys, full.rwSig, full.anchors
	fp.mostlyCommon = n > 0 && 2*own < n
	fp.detail = nil
	return nil
}

// withCommon returns common (sorted, with its counts) with the shingles of
// more added, each counted as held by held documents.
func withCommon(common []uint32, docs []atomic.Int64, more []uint32, held int) ([]uint32, []atomic.Int64) {
	if len(more) == 0 {
		return common, docs
	}
	out := mergeSorted(common, more)
	counts := make([]atomic.Int64, len(out))
	for j, h := range out {
		if k, found := slices.BinarySearch(common, h); found {
			counts[j].Store(docs[k].Load())
		} else {
			counts[j].Store(int64(held))
		}
	}
	return out, counts
}

// mostlyCommonWarning says how many documents are mostly text that more
// than limit documents hold: left out as boilerplate, it cannot make them
// match. That is right for a site's menus and footers, but a small corpus
// where one story is copied by more than MaxDocFreq of the documents
// loses those copies, and the user should hear of it.
func mostlyCommonWarning(fps []*Fingerprint, limit int, maxDocFreq float64) string {
	n := 0
	for _, fp := range fps {
		if fp.mostlyCommon {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d of %d documents are mostly text found in more than %d documents, left out as boilerplate, so they match nothing by it; if they are copies of one story rather than a site's menus and footers, raise --max-doc-freq (now %g)", n, len(fps), limit, maxDocFreq)
}

// view is one document read again for verification: its full fingerprint
// (sets without the common shingles, sorted), where its content words are,
// and its text.
// Workers share views (viewCache): mu guards what is read of one lazily.
type view struct {
	fp       Fingerprint
	pos      []contentPos
	text     string
	mu       sync.Mutex
	credited bool // fp.credit was read
}

// look reads document i again and analyses it for verification.
func (d *Detector) look(i int, sketch *Fingerprint, text func(int) (string, error), common *commonSet) (*view, error) {
	t, err := text(i)
	if err != nil {
		return nil, fmt.Errorf("text of %s: %w", sketch.id, err)
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	full := prepare(&Document{Text: t}, d.opts, s, prepVerify)
	v := &view{fp: *sketch, pos: slices.Clone(s.pos), text: t}
	v.fp.detail, v.fp.wire = full.detail, full.wire
	v.fp.boil, v.fp.nboil, v.fp.days = boilerplate(s, d.opts.K, common, full.days)
	if len(s.inBoil) > 0 {
		full.lit = withoutBoiler(full.lit, d.opts.K, func(w int) bool { return s.inBoil[w] }, len(s.inBoil))
		full.rw = withoutBoiler(full.rw, d.opts.RewriteK, v.fp.isBoiler, len(full.chash))
	}
	if common.late != nil {
		full.lit = slices.DeleteFunc(full.lit, common.late.has)
	}
	v.fp.lit = shingle.SortSet(without(full.lit, common.lit))
	v.fp.rw = shingle.SortSet(without(full.rw, common.rw))
	v.fp.litKeys, v.fp.rwSig, v.fp.anchors = nil, nil, nil
	return v, nil
}

// measured is what verification learned of one document of a kept pair
// that its sketch lacks.
type measured struct {
	credit             string
	garble             float64
	days               int8 // day lean without boilerplate (boilerplate)
	hasCredit, garbled bool // which were read
}

// readCredit reads the source v's text credits, once.
func (v *view) readCredit() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.credited {
		v.fp.credit = creditedSource(v.text)
		v.credited = true
	}
}

// readGarble measures v's garbling, once.
func (v *view) readGarble(s *scratch) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.fp.finishText(v.text, s)
}

// measured returns what was read of v.
func (v *view) measured() measured {
	v.mu.Lock()
	defer v.mu.Unlock()
	return measured{v.fp.credit, v.fp.garble, v.fp.days, v.credited, !v.fp.noGarble}
}

// resolveTexts verifies the candidate pairs of a scan from the documents'
// texts, read again: the scan kept no sets. Pairs are taken grouped by
// their first document, which is read once per group; nothing of a
// document is kept past its pairs, so memory does not grow with the
// corpus. It returns what resolve does.
func (d *Detector) resolveTexts(ctx context.Context, fps []*Fingerprint, text func(int) (string, error), cands [][2]int, common *commonSet, wf *wordFreq) (*Result, error) {
	o := d.opts
	res := &Result{Documents: make([]DocInfo, len(fps))}
	for i, fp := range fps {
		res.Documents[i] = fp.Info()
	}
	var groups [][2]int // [start, end) of each run of candidates with one first document
	for n := 0; n < len(cands); {
		m := n + 1
		for m < len(cands) && cands[m][0] == cands[n][0] {
			m++
		}
		groups = append(groups, [2]int{n, m})
		n = m
	}
	d.stage("verify", len(cands))
	// Per candidate, pointers: most candidates keep nothing, and a large
	// corpus has millions.
	pairs := make([]*Pair, len(cands))
	keep := make([]bool, len(cands))
	meas := make([]*[2]measured, len(cands))
	links := make([]*sourceLink, len(cands)) // nil: no link
	covs := make([][2]float32, len(cands))   // share of each side inside passages (inherited)
	errs := make([]error, len(groups))
	// How often the run asks for each document: the cache drops a view
	// after its last use.
	read := func(i int) (*view, error) { return d.look(i, fps[i], text, common) }
	uses := make([]int32, len(fps))
	for _, g := range groups {
		uses[cands[g[0]][0]]++
		for _, c := range cands[g[0]:g[1]] {
			uses[c[1]]++
		}
	}
	look := newViewCache(read, uses).get
	// measure reads the garbling of a rewrite's texts: it tells which kind.
	measure := func(va, vb *view, f pairFeatures) {
		if rewordable(f) {
			s := scratchPool.Get().(*scratch)
			va.readGarble(s)
			vb.readGarble(s)
			scratchPool.Put(s)
		}
	}
	// build makes pair n of a and b as rel: original, credit, evidence.
	build := func(n, a, b int, va, vb *view, f pairFeatures, rel Relation) {
		p := f.pair(a, b, rel)
		orig, reason, by := attribute([]*Fingerprint{&va.fp, &vb.fp}, 0, 1, f, rel, wf, inputOrder{})
		p.Original, p.Reason, p.OriginalBy = []int{a, b}[orig], reason, by
		// Only an original's credit is shown (in its family's reason).
		[]*view{va, vb}[orig].readCredit()
		p.Passages = evidence(va.text, vb.text, va.pos, vb.pos, &va.fp, &vb.fp, f, o, rel.Derived())
		pairs[n] = &p
		meas[n] = &[2]measured{va.measured(), vb.measured()}
	}
	err := parallel(ctx, o.Workers, len(groups), func(g int) {
		lo, hi := groups[g][0], groups[g][1]
		a := cands[lo][0]
		va, err := look(a)
		if err != nil {
			errs[g] = err
			return
		}
		for n := lo; n < hi; n++ {
			b := cands[n][1]
			vb, err := look(b)
			if err != nil {
				errs[g] = err
				return
			}
			d.add(1)
			f := verify(&va.fp, &vb.fp, o)
			covs[n] = [2]float32{float32(f.covA), float32(f.covB)}
			ok, same := kept(f, o)
			if !ok || same {
				// Below the pair rules, it may still be one of several
				// sources of a text (joinSources): keep what that needs.
				if l, isLink := linkOf(n, a, b, &va.fp, &vb.fp, f); isLink {
					if l.byDays {
						measure(va, vb, f)
					}
					if linkHolds(l, f, a, b, &va.fp, &vb.fp, wf) {
						links[n] = &l
					}
				}
			}
			if !ok {
				continue
			}
			measure(va, vb, f)
			rel, _ := classify(f, &va.fp, &vb.fp, o)
			build(n, a, b, va, vb, f, rel)
			keep[n] = true
		}
	})
	if err != nil {
		return nil, err
	}
	if err := firstError(errs); err != nil {
		return nil, err
	}
	demoteInherited(cands, covs, pairs, keep, o, func(i int) string { return fps[i].id })
	// Pairs joined as sources of one text: read again, as derived pairs.
	join := d.joinSources(len(fps), pairs, keep, links)
	clear(uses)
	for _, j := range join {
		uses[cands[j.n][0]]++
		uses[cands[j.n][1]]++
	}
	look = newViewCache(read, uses).get
	errs = make([]error, len(join))
	err = parallel(ctx, o.Workers, len(join), func(k int) {
		n := join[k].n
		a, b := cands[n][0], cands[n][1]
		va, err := look(a)
		if err != nil {
			errs[k] = err
			return
		}
		vb, err := look(b)
		if err != nil {
			errs[k] = err
			return
		}
		f := verify(&va.fp, &vb.fp, o) // measured again: a link keeps only its spans
		measure(va, vb, f)
		build(n, a, b, va, vb, f, derivedRelation(f, &va.fp, &vb.fp))
		pairs[n].Reason = joinedReason(fps, *pairs[n], join[k])
		keep[n] = true
	})
	if err != nil {
		return nil, err
	}
	if err := firstError(errs); err != nil {
		return nil, err
	}
	for n, ok := range keep {
		if !ok {
			continue
		}
		res.Pairs = append(res.Pairs, *pairs[n])
		for k, i := range cands[n] { // the same values from every pair
			m := meas[n][k]
			fps[i].days = m.days
			if m.hasCredit {
				fps[i].credit = m.credit
			}
			if m.garbled {
				fps[i].garble, fps[i].noGarble = m.garble, false
			}
		}
	}
	d.stage("families", -1)
	res.Pairs, res.Clusters = families(fps, res.Pairs)
	res.Summary = Summary{Documents: len(fps), Pairs: len(res.Pairs), Clusters: len(res.Clusters)}
	return res, ctx.Err()
}
