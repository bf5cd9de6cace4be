package reprint

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/reprint-dev/reprint/lsh"
	"github.com/reprint-dev/reprint/minhash"
	"github.com/reprint-dev/reprint/shingle"
)

// Detector finds copies and rewrites among documents. Make one with New
// (the zero Detector is not usable). It is safe to reuse for several runs
// but not for concurrent ones.
type Detector struct {
	opts   Options
	p      Params // effective parameters, derived from opts
	signer *minhash.Signer
}

// New returns a Detector for opts, after validating them.
func New(opts Options) (*Detector, error) {
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("invalid options: %w", err)
	}
	o := opts.withDefaults()
	return &Detector{opts: o, p: effectiveParams(o), signer: minhash.NewSigner(o.NumHash, o.Seed)}, nil
}

// Options returns the effective options, defaults filled in.
func (d *Detector) Options() Options { return d.opts }

// lshRecall is the least probability that LSH proposes a pair at a
// channel's threshold: missing a pair is worse than verifying a false one.
const lshRecall = 0.99

// params returns the effective parameters, before counting (a copy).
func (d *Detector) params() Params { return d.p }

// effectiveParams derives the parameters from the options, once per
// Detector: Keys runs for every document an index adds.
func effectiveParams(o Options) Params {
	p := Params{
		K: o.K, RewriteK: o.RewriteK, NumHash: o.NumHash, Sketch: o.Sketch, Seed: o.Seed,
		Threshold: o.Threshold, RewriteThreshold: o.RewriteThreshold,
		MinScore: o.MinScore, CandidateBudget: o.CandidateBudget, MaxBucket: o.MaxBucket, MaxDocFreq: o.MaxDocFreq,
		MinPassage: o.MinPassage, SameStory: o.SameStory,
	}
	p.Bands, p.Rows = lsh.Params(o.Threshold, o.NumHash, lshRecall)
	if o.RewriteK > 0 {
		p.RewriteBands, p.RewriteRows = lsh.Params(o.RewriteThreshold, o.NumHash, lshRecall)
		if o.RewriteRows > 0 {
			p.RewriteBands, p.RewriteRows = o.NumHash/o.RewriteRows, o.RewriteRows
		}
	}
	return p
}

// Run analyses docs and returns the pairs and clusters found. Every
// document needs an ID of its own: an empty or repeated ID is an error,
// since the report names documents by ID. The result does not depend on
// Options.Workers.
func (d *Detector) Run(ctx context.Context, docs []Document) (*Result, error) {
	if err := checkIDs(docs); err != nil {
		return nil, err
	}
	d.stage("tokenize", len(docs))
	sc := d.NewScan()
	data := make([]*Fingerprint, len(docs))
	err := parallel(ctx, d.opts.Workers, len(docs), func(i int) {
		data[i] = sc.Prepare(i, docs[i])
		d.add(1)
	})
	if err != nil {
		return nil, err
	}
	return sc.Run(ctx, data, func(i int) (string, error) { return docs[i].Text, nil })
}

// CheckIDs returns an error naming the first document with an empty ID or
// the ID of an earlier one: reports name documents by ID, so each must
// have its own. Run, Scan.Run and search's Check refuse such documents
// with it; a program can check its input first.
func CheckIDs(docs []Document) error { return checkIDs(docs) }

// checkIDs is CheckIDs.
func checkIDs(docs []Document) error {
	return checkIDsOf(len(docs), func(i int) string { return docs[i].ID })
}

// checkFingerprintIDs is checkIDs for a scan's fingerprints.
func checkFingerprintIDs(fps []*Fingerprint) error {
	return checkIDsOf(len(fps), func(i int) string { return fps[i].id })
}

// checkIDsOf checks the IDs id(0) .. id(n-1) as CheckIDs does, by sorting
// their indices (4 bytes each) rather than a map of every ID, for a
// scan's millions of documents.
func checkIDsOf(n int, id func(i int) string) error {
	order := make([]int32, n)
	for i := range n {
		if id(i) == "" {
			return fmt.Errorf("document %d: empty ID", i)
		}
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := strings.Compare(id(int(a)), id(int(b))); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// In a run of one ID (sorted by document number), the second is the
	// first to repeat it; report the earliest such document.
	first, repeat := -1, -1
	for k := 1; k < len(order); k++ {
		a, b := order[k-1], order[k]
		if id(int(a)) != id(int(b)) || k >= 2 && id(int(order[k-2])) == id(int(b)) {
			continue
		}
		if repeat == -1 || int(b) < repeat {
			first, repeat = int(a), int(b)
		}
	}
	if repeat != -1 {
		return fmt.Errorf("document %d: ID %q repeats document %d's", repeat, id(repeat), first)
	}
	return nil
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// finishText measures the garbling of the documents in rewrites: the
// relation of a rewrite and its original depend on it.
func (d *Detector) finishText(ctx context.Context, data []*Fingerprint, text func(int) (string, error), rewrites [][2]int) error {
	var todo []int
	for _, i := range involved(len(data), rewrites) {
		if data[i].noGarble {
			todo = append(todo, i)
		}
	}
	errs := make([]error, len(todo))
	err := parallel(ctx, d.opts.Workers, len(todo), func(k int) {
		i := todo[k]
		t, err := text(i)
		if err != nil {
			errs[k] = fmt.Errorf("text of %s: %w", data[i].id, err)
			return
		}
		s := scratchPool.Get().(*scratch)
		data[i].finishText(t, s)
		scratchPool.Put(s)
	})
	if err != nil {
		return err
	}
	return firstError(errs)
}

// involved lists, ascending, the documents of n that are in some pair.
func involved(n int, pairs [][2]int) []int {
	in := make([]bool, n)
	for _, p := range pairs {
		in[p[0]], in[p[1]] = true, true
	}
	var out []int
	for i, ok := range in {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// signSet returns the signature of set in s.sig, valid until s is reused.
func (d *Detector) signSet(s *scratch, set shingle.Set) minhash.Signature {
	// The signers take 64-bit element hashes; a set's are 32-bit.
	s.wide = s.wide[:0]
	for _, h := range set {
		s.wide = append(s.wide, uint64(h))
	}
	if d.opts.Sketch == SketchOPH {
		s.sig = d.signer.AppendOnePermutation(s.sig[:0], s.wide)
	} else {
		s.sig = append(s.sig[:0], d.signer.Sign(s.wide)...)
	}
	return s.sig
}

// signOne computes and keeps both channels' signatures of fp, for Keys.
func (d *Detector) signOne(fp *Fingerprint) {
	fp.sigLit, fp.sigRw = d.sigs(fp)
}

// Fingerprint returns doc's fingerprint, signed, for matching later (an
// index). Unlike Run it cannot discount text common to a corpus, which it
// does not see.
func (d *Detector) Fingerprint(doc Document) *Fingerprint {
	s := scratchPool.Get().(*scratch)
	fp := prepare(&doc, d.opts, s, prepFull)
	scratchPool.Put(s)
	d.signOne(fp)
	return fp
}

// Keys returns fp's LSH bucket keys, one per band of each channel, with the
// channel and band folded in: two fingerprints that share a key are a
// candidate pair. An index stores documents under these keys.
func (d *Detector) Keys(fp *Fingerprint) []uint64 {
	sigLit, sigRw := d.sigs(fp)
	return d.keys(fp, sigLit, sigRw)
}

// keys is Keys with fp's signatures given (sigs).
func (d *Detector) keys(fp *Fingerprint, sigLit, sigRw minhash.Signature) []uint64 {
	p := d.params()
	var keys []uint64
	if len(fp.lit) > 0 {
		keys = lsh.AppendKeys(keys, sigLit, p.Bands, p.Rows, 1)
	}
	if d.opts.RewriteK > 0 && len(fp.rw) > 0 {
		keys = lsh.AppendKeys(keys, sigRw, p.RewriteBands, p.RewriteRows, 2)
	}
	return keys
}

// sigs returns fp's signatures of both channels: those Fingerprint
// computed, or, for a decoded fingerprint (MarshalBinary does not store
// them: they follow from the sets), computed again from its sets.
func (d *Detector) sigs(fp *Fingerprint) (sigLit, sigRw minhash.Signature) {
	sigLit, sigRw = fp.sigLit, fp.sigRw
	needLit := sigLit == nil && len(fp.lit) > 0
	needRw := sigRw == nil && d.opts.RewriteK > 0 && len(fp.rw) > 0
	if !needLit && !needRw {
		return sigLit, sigRw
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	if needLit {
		sigLit = slices.Clone(d.signSet(s, fp.lit))
	}
	if needRw {
		sigRw = slices.Clone(d.signSet(s, fp.rw))
	}
	return sigLit, sigRw
}

// MostlyCommon reports whether more than half of fp's literal shingles
// are common in df (held by more than Options.MaxDocFreq of the
// documents counted): fp then matches little by its own text, being mostly
// a site's template or a story most documents copy.
func (d *Detector) MostlyCommon(fp *Fingerprint, df *DocFreq) bool {
	if fp == nil || fp.detail == nil || len(fp.lit) == 0 {
		return false
	}
	c := df.common(d.opts.MaxDocFreq)
	if len(c.lit) == 0 {
		return false
	}
	return 2*len(without(slices.Clone(fp.lit), c.lit)) < len(fp.lit)
}

// QueryKeys returns fp's keys (Keys) to look up in an index whose shingle
// counts are df, without the bands whose values come from shingles common
// in it: such a band is shared by every page of a site that carries the
// same footer, and the pages sharing most keys with the query would be
// those, not its sources. A nil df gives Keys.
func (d *Detector) QueryKeys(fp *Fingerprint, df *DocFreq) []uint64 {
	sigLit, sigRw := d.sigs(fp)
	keys := d.keys(fp, sigLit, sigRw)
	c := df.common(d.opts.MaxDocFreq)
	if len(c.lit)+len(c.rw) == 0 || !c.holds(fp) {
		return keys
	}
	p := d.params()
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	out := keys[:0]
	// filter appends the keys of the bands of sig (bands of rows values,
	// keys from ks) that are the same when set is signed without common.
	filter := func(ks []uint64, sig minhash.Signature, set shingle.Set, common []uint32, bands, rows int) {
		own := without(slices.Clone(set), common)
		if len(own) == 0 {
			return
		}
		if len(own) == len(set) {
			out = append(out, ks...)
			return
		}
		bare := d.signSet(s, own)
		for b := range bands {
			if slices.Equal(sig[b*rows:(b+1)*rows], bare[b*rows:(b+1)*rows]) {
				out = append(out, ks[b])
			}
		}
	}
	n := 0
	if len(fp.lit) > 0 {
		filter(keys[:p.Bands], sigLit, fp.lit, c.lit, p.Bands, p.Rows)
		n = p.Bands
	}
	if n < len(keys) {
		filter(keys[n:], sigRw, fp.rw, c.rw, p.RewriteBands, p.RewriteRows)
	}
	return out
}

// Params returns the effective parameters; an index stores them and refuses
// queries made with other ones.
func (d *Detector) Params() Params { return d.params() }

// Resolve verifies candidate pairs (indices into fps) and returns the
// pairs, families and originals found, as Run does after its candidate
// search. texts[i] is fps[i]'s text, used for evidence excerpts; it may be
// "" when the text is not at hand (offsets are still given).
func (d *Detector) Resolve(ctx context.Context, fps []*Fingerprint, texts []string, cands [][2]int) (*Result, error) {
	return d.ResolveCommon(ctx, fps, texts, cands, nil)
}

// ResolveCommon is Resolve in a corpus whose shingle counts are df (an
// index's): the shingles common in it (boilerplate, see DocFreq) are left
// out of the verification of the documents whose texts are given, as a
// scan leaves them out. A nil df leaves nothing out.
func (d *Detector) ResolveCommon(ctx context.Context, fps []*Fingerprint, texts []string, cands [][2]int, df *DocFreq) (*Result, error) {
	return d.NewResolver(fps, texts, df).resolve(ctx, cands, nil)
}

// discount returns data with the documents of cands that hold a shingle
// of common, and whose texts are at hand, read again without it (look).
// data itself is not changed.
func (d *Detector) discount(ctx context.Context, data []*Fingerprint, text func(int) (string, error), cands [][2]int, common *commonSet) ([]*Fingerprint, error) {
	if len(common.lit)+len(common.rw) == 0 {
		return data, nil
	}
	var docs []int
	seen := make([]bool, len(data))
	for _, c := range cands {
		for _, i := range c {
			if !seen[i] {
				seen[i] = true
				docs = append(docs, i)
			}
		}
	}
	out := slices.Clone(data)
	errs := make([]error, len(docs))
	err := parallel(ctx, d.opts.Workers, len(docs), func(k int) {
		i := docs[k]
		if !common.holds(data[i]) {
			return
		}
		t, err := text(i)
		if err != nil || t == "" {
			errs[k] = err
			return
		}
		v, err := d.look(i, data[i], func(int) (string, error) { return t, nil }, common)
		if err != nil {
			errs[k] = err
			return
		}
		out[i] = &v.fp
	})
	if err != nil {
		return nil, err
	}
	if err := firstError(errs); err != nil {
		return nil, err
	}
	return out, nil
}

// resolve verifies cands among data and returns the pairs, families and
// originals found. With a memo, pairs verified (and their evidence) in
// an earlier call with the same data are taken from it, and new ones are
// added to it.
func (d *Detector) resolve(ctx context.Context, data []*Fingerprint, text func(int) (string, error), cands [][2]int, m *memo, order inputOrder) (*Result, error) {
	o := d.opts
	res := &Result{Documents: make([]DocInfo, len(data))}
	for i, fp := range data {
		res.Documents[i] = fp.Info()
	}
	feats := make([]pairFeatures, len(cands))
	var todo []int // candidates not in the memo
	for n, c := range cands {
		if f, ok := m.features(c); ok {
			feats[n] = f
		} else {
			todo = append(todo, n)
		}
	}
	d.stage("verify", len(todo))
	err := parallel(ctx, o.Workers, len(todo), func(k int) {
		n := todo[k]
		feats[n] = verify(data[cands[n][0]], data[cands[n][1]], o)
		d.add(1)
	})
	if err != nil {
		return nil, err
	}
	for _, n := range todo {
		m.keepFeatures(cands[n], feats[n])
	}
	// The documents of rewrites need their garbling, to tell a machine
	// rewrite and its original; so do those of links that only the day
	// words order (linkHolds).
	var rewrites [][2]int
	links := make([]*sourceLink, len(cands)) // nil: no link (joinSources)
	for n, f := range feats {
		ok, same := kept(f, o)
		if !ok || same {
			a, b := cands[n][0], cands[n][1]
			if l, isLink := linkOf(n, a, b, data[a], data[b], f); isLink {
				links[n] = &l
			}
		}
		if (ok && !same || links[n] != nil && links[n].byDays) && rewordable(f) {
			rewrites = append(rewrites, cands[n])
		}
	}
	if err := d.finishText(ctx, data, text, rewrites); err != nil {
		return nil, err
	}
	// Classify every candidate; keep what the pair rules keep, and the
	// links that derive a text together.
	pairs := make([]*Pair, len(cands))
	keep := make([]bool, len(cands))
	for n, f := range feats {
		a, b := cands[n][0], cands[n][1]
		if links[n] != nil && !linkHolds(*links[n], f, a, b, data[a], data[b], nil) {
			links[n] = nil
		}
		rel, ok := classify(f, data[a], data[b], o)
		if !ok {
			continue
		}
		p := f.pair(a, b, rel)
		p.Original, p.Reason, p.OriginalBy = attribute(data, a, b, f, rel, nil, order)
		pairs[n], keep[n] = &p, true
	}
	covs := make([][2]float32, len(cands))
	for n, f := range feats {
		covs[n] = [2]float32{float32(f.covA), float32(f.covB)}
	}
	demoteInherited(cands, covs, pairs, keep, o, func(i int) string { return data[i].id })
	join := d.joinSources(len(data), pairs, keep, links)
	rewrites = rewrites[:0]
	for _, j := range join {
		if rewordable(feats[j.n]) {
			rewrites = append(rewrites, cands[j.n])
		}
	}
	if err := d.finishText(ctx, data, text, rewrites); err != nil {
		return nil, err
	}
	for _, j := range join {
		n, f := j.n, feats[j.n]
		a, b := cands[n][0], cands[n][1]
		rel := derivedRelation(f, data[a], data[b])
		p := f.pair(a, b, rel)
		p.Original, p.Reason, p.OriginalBy = attribute(data, a, b, f, rel, nil, order)
		p.Reason = joinedReason(data, p, j)
		pairs[n], keep[n] = &p, true
	}
	var kept []int
	for n, ok := range keep {
		if ok {
			kept = append(kept, n)
		}
	}
	d.stage("relations", len(kept))
	res.Pairs = make([]Pair, len(kept))
	errs := make([]error, len(kept))
	err = parallel(ctx, o.Workers, len(kept), func(k int) {
		n := kept[k]
		f := feats[n]
		a, b := cands[n][0], cands[n][1]
		p := *pairs[n]
		if ps, ok := m.evidence(cands[n]); ok {
			p.Passages = ps
			res.Pairs[k] = p
			d.add(1)
			return
		}
		ta, err := text(a)
		if err != nil {
			errs[k] = fmt.Errorf("text of %s: %w", data[a].id, err)
			return
		}
		tb, err := text(b)
		if err != nil {
			errs[k] = fmt.Errorf("text of %s: %w", data[b].id, err)
			return
		}
		p.Passages = evidence(ta, tb, contentPositions(ta), contentPositions(tb), data[a], data[b], f, o, p.Relation.Derived())
		res.Pairs[k] = p
		d.add(1)
	})
	if err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for k, n := range kept {
		m.keepEvidence(cands[n], res.Pairs[k].Passages)
	}
	d.stage("families", -1)
	res.Pairs, res.Clusters = families(data, res.Pairs)
	res.Summary = Summary{Documents: len(data), Pairs: len(res.Pairs), Clusters: len(res.Clusters)}
	return res, ctx.Err()
}

func (d *Detector) stage(name string, total int) {
	if d.opts.Progress != nil {
		d.opts.Progress.Stage(name, total)
	}
}

func (d *Detector) add(n int) {
	if d.opts.Progress != nil {
		d.opts.Progress.Add(n)
	}
}

// parallel runs fn(0..n-1) on workers goroutines, stopping early when ctx
// is done. Each fn writes only its own slot, so results are deterministic.
func parallel(ctx context.Context, workers, n int, fn func(i int)) error {
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			if i%64 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			fn(i)
		}
		return ctx.Err()
	}
	var wg sync.WaitGroup
	next := make(chan int, workers*4)
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := 0; i < n; i++ {
		if i%64 == 0 && ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}

// candidates returns the union of both channels' LSH pairs, ascending.
func (d *Detector) candidates(lit, rw *lsh.Index, p *Params) [][2]int {
	channel := func(ix *lsh.Index) [][2]int {
		ix.Workers = d.opts.Workers
		pairs, st := ix.Pairs(d.opts.MaxBucket)
		p.CappedBuckets += st.CappedBuckets
		return pairs
	}
	pairs := channel(lit)
	if rw == nil {
		return pairs
	}
	pairs = append(pairs, channel(rw)...)
	slices.SortFunc(pairs, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return slices.Compact(pairs)
}

// minCandidateBudget is the candidate budget of any corpus, however small:
// verifying this many pairs takes a few seconds, and a corpus of a few
// thousand articles keeps its one-row shape (every pair sharing a
// content-word pair), which finds short and garbled rewrites that two
// rows miss.
const minCandidateBudget = 300_000

// rewriteShape picks the rewrite channel's bands and rows by measurement.
// Its threshold is low, which for a small corpus means one row per band
// and a band per signature value: nearly every pair sharing content words
// is checked, which costs little. On a large corpus that would make a
// quadratic number of candidates, so the shape must fit a budget of
// CandidateBudget expected candidates per document (at least
// minCandidateBudget): rows grow until the full set of bands fits, and
// what budget is left goes to extra bands of rows-1 rows. A shape's
// candidates are counted by running it on an evenly spaced sample of the
// documents' rewrite-channel signatures, buckets too big to pair left out
// as the scan leaves them (MaxBucket, scaled to the sample), and scaled
// up by the share of all pairs the sample's pairs are. The shape chosen is
// echoed in the parameters.
func rewriteShape(fps []*Fingerprint, o Options) (bands, rows, extra int) {
	n := len(fps)
	allPairs := float64(n) * float64(n-1) / 2
	budget := max(float64(o.CandidateBudget)*float64(n), minCandidateBudget)
	if allPairs <= budget {
		return o.NumHash, 1, 0
	}
	m := min(n, shapeDocs)
	sigs := make([][]uint32, m) // nil: no content words, never a candidate
	for i := range sigs {
		sigs[i] = fps[i*n/m].rwSig
	}
	// A bucket of k sampled documents stands for one of k*n/m.
	maxBucket := max(2, o.MaxBucket*m/n)
	scale := allPairs / (float64(m) * float64(m-1) / 2)
	expected := func(bands, rows, extra int) float64 {
		ix := lsh.New(bands+extra, rows)
		ix.Grow(m)
		for i, sig := range sigs {
			if sig != nil {
				ix.AddKeys(i, rewriteKeys(sig, bands, rows, extra))
			}
		}
		pairs, _ := ix.Pairs(maxBucket)
		return float64(len(pairs)) * scale
	}
	// The fewest rows whose full set of bands fits the budget, as an index
	// of the threshold would have them; then, with the budget they leave,
	// bands of one row fewer (a signature's first extra*(rows-1) values).
	// The extra bands only add candidates, so nothing the full bands find
	// is lost; where two rows would leave most of the budget unspent,
	// a hundred bands of one row find far more rewrites.
	rows = 1
	for ; rows < o.NumHash && expected(o.NumHash/rows, rows, 0) > budget; rows++ {
	}
	bands = o.NumHash / rows
	if rows == 1 {
		return bands, rows, 0
	}
	lo, hi := 0, o.NumHash/(rows-1) // most extra bands that fit: lo
	for lo < hi {
		if mid := (lo + hi + 1) / 2; expected(bands, rows, mid) <= budget {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return bands, rows, lo
}

// rewriteKeys returns the band keys of a rewrite-channel signature for a
// shape of rewriteShape: bands of rows values, then extra bands of rows-1.
func rewriteKeys(sig []uint32, bands, rows, extra int) []uint32 {
	keys := lsh.AppendBandKeys32(make([]uint32, 0, bands+extra), sig, bands, rows)
	return lsh.AppendBandKeys32(keys, sig, extra, rows-1)
}

// shapeDocs is the sample rewriteShape runs shapes on: one pair of it
// stands for (n/shapeDocs)^2 pairs of n documents, 40,000 at a million,
// a 25th of its budget; running a shape on it takes some tens of
// milliseconds.
const shapeDocs = 5000
