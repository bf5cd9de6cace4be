package reprint

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/reprint-dev/reprint/frequent"
	"github.com/reprint-dev/reprint/lsh"
	"github.com/reprint-dev/reprint/shingle"
)

// A scan's sample settles which shingles are common among those it holds
// in more than its limit; the rest of the corpus may hold others more
// often still: the footer of a site whose pages come after the first
// scanSample documents. Their sets are not kept, so those shingles are
// counted in a count-min sketch as documents are sketched (a sample of
// them: lateEvery): in bounded memory, and the same counts whatever the
// order and the workers. Verification then leaves out, beside the lists'
// shingles, those counted in more than the corpus's limit: sure to be,
// but for the sketch's small chance of error, which its slack makes
// smaller still. Sketches are made before the counts are known: the
// documents whose probe holds such a shingle are read and sketched again
// without it (Scan.settle). And as in the sample, a story that more than
// the limit copy is not a footer: what copies hold is spared (spareCorpus).
type lateCounts struct {
	counts  *frequent.CountMin
	over    *frequent.Over // a shingle counted more than the corpus's limit and the sketch's slack is common
	settled []uint32       // sorted: shingles not looked up, which the exact counts decide or spareCorpus spared
}

// lateSize is the number of counters of a scan's count-min sketch (1 MB
// a shard). Its slack, e·2N/lateSize for N shingles counted, is about a
// fifth of the corpus's limit at MaxDocFreq 0.05 for documents of 450
// shingles: a footer past the sample is found once about 6% of the
// documents carry it. A larger sketch would find it nearer 5%, but each
// add would miss the cache, and counting would cost a tenth of a scan.
const lateSize = 1 << 18

// has reports whether h is common by the late counts.
func (l *lateCounts) has(h uint32) bool {
	if !l.over.Has(h) {
		return false
	}
	_, found := slices.BinarySearch(l.settled, h)
	return !found
}

// probeSize is the number of a sketched document's literal shingles kept
// (the least by hash: a uniform sample) to tell at the end whether it
// holds shingles found common only then. A footer that is a share f of a
// document's shingles is missed with chance (1-f)^probeSize, and then it
// can blur the sketch by only that much: at most 2% of its shingles.
const probeSize = 16

// lateEvery is one in how many documents past the sample count towards
// the late counts, each for that many. Adding to the sketch costs more
// than the rest of the count (a cache miss a shingle); a sample of the
// documents estimates well how many hold a shingle that more than the
// limit (a twentieth of the corpus) hold: within a tenth (one standard
// deviation) at the least, 300 documents past the sample of a corpus of
// 6,000, and closer the more hold it. The sample's own documents all
// count, once each.
const lateEvery = 4

// lateCounted reports whether document i, past the sample, is one of the
// lateEvery that count: by a hash of its number (splitmix64's finalizer),
// not its place in a cycle that a corpus might share. A plain
// multiplicative hash puts documents at some strides (Fibonacci numbers)
// in the sample in long runs.
func lateCounted(i int) bool {
	x := uint64(i)
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x%lateEvery == 0
}

// countLate keeps the least probeSize of fp's literal shingles outside
// c's lists as fp.probe, and, if counted, adds them all to c.counting,
// lateEvery times each. A shingle a document repeats is counted each time
// (a set of a sketch may hold repeats, and sorting it out would cost more
// than the rest of the count): it makes a document count more, never
// less, towards boilerplate.
func countLate(fp *Fingerprint, c *commonSet, s *scratch, counted bool) {
	if c.counting == nil {
		return
	}
	s.late = s.late[:0]
	least := s.least[:0] // sorted, no repeats
	for _, h := range fp.lit {
		if len(c.lit) > 0 {
			if _, found := slices.BinarySearch(c.lit, h); found {
				continue
			}
		}
		s.late = append(s.late, h)
		if len(least) == probeSize && h >= least[probeSize-1] {
			continue
		}
		j, found := slices.BinarySearch(least, h)
		if found {
			continue
		}
		if len(least) < probeSize {
			least = append(least, 0)
		}
		copy(least[j+1:], least[j:])
		least[j] = h
	}
	s.least = least
	if counted {
		c.counting.add(lateEvery, s.late)
	}
	fp.probe = slices.Clone(least)
}

// spareBytes bounds the sets spareCorpus holds at once, estimated at
// spareWordBytes a word (a literal and a rewrite shingle, 4 bytes each):
// 256 MB, some 60,000 documents of 500 words. Past them, in document
// order, copies are not looked at: a story copied by more documents than
// the limit and those is taken for boilerplate (and the scan warns).
// A crawler trap serving one page under 40,000 URLs is found whole.
const (
	spareBytes     = 256 << 20
	spareWordBytes = 8
)

// spareCorpus returns, of the shingles that may be common (over and
// overRw: watched shingles that more than limit documents hold; and those
// late says are common), those that near-duplicate copies of one story
// hold: all but at most limit of their holders (spare, with the corpus's
// counts as holders). c is the sample's common set: its lists are left out
// of every set, for a footer common from the sample on is no part of a
// story. Partners are looked for among the documents most of whose other
// literal shingles may be common: the sample's by their sets, later ones
// by their probe and then their text. Only those with an LSH candidate
// among them have their sets held, up to spareBytes in document order.
func (sc *Scan) spareCorpus(ctx context.Context, fps []*Fingerprint, text func(int) (string, error), c *commonSet, over, overRw []uint32, late *lateCounts, limit int) (spared, sparedRw []uint32, err error) {
	d := sc.d
	may := func(h uint32) bool {
		if _, found := slices.BinarySearch(over, h); found {
			return true
		}
		return late != nil && late.has(h)
	}
	listed := func(h uint32) bool {
		_, found := slices.BinarySearch(c.lit, h)
		return found
	}
	mostly := func(set []uint32) bool { // of the shingles outside the lists
		n, m := 0, 0
		for _, h := range set {
			if !listed(h) {
				n++
				if may(h) {
					m++
				}
			}
		}
		return n > 0 && 2*m > n
	}
	var docs []int
	for i, fp := range fps {
		if i < scanSample && mostly(fp.lit) || i >= scanSample && mostly(fp.probe) {
			docs = append(docs, i)
		}
	}
	if len(docs) < 2 {
		return nil, nil, nil
	}
	// sets returns document i's sets without the lists, sorted.
	sets := func(i int) (lit, rw shingle.Set, err error) {
		fp := fps[i]
		if i < scanSample { // at hand, sorted
			return without(slices.Clone(fp.lit), c.lit), without(slices.Clone(fp.rw), c.rw), nil
		}
		t, err := text(i)
		if err != nil {
			return nil, nil, fmt.Errorf("text of %s: %w", fp.id, err)
		}
		s := scratchPool.Get().(*scratch)
		full := prepare(&Document{Text: t}, d.opts, s, prepLazy)
		scratchPool.Put(s)
		return shingle.SortSet(without(full.lit, c.lit)), shingle.SortSet(without(full.rw, c.rw)), nil
	}
	// First the band keys of those that are mostly such shingles, read
	// whole: a document without a candidate among them has no partner.
	keys := make([][]uint32, len(docs))
	errs := make([]error, len(docs))
	err = parallel(ctx, d.opts.Workers, len(docs), func(k int) {
		lit, _, err := sets(docs[k])
		if err != nil {
			errs[k] = err
			return
		}
		if 2*countFunc(lit, may) > len(lit) {
			s := scratchPool.Get().(*scratch)
			keys[k] = lsh.AppendBandKeys(nil, d.signSet(s, lit), d.p.Bands, d.p.Rows)
			scratchPool.Put(s)
		}
	})
	if err == nil {
		err = firstError(errs)
	}
	if err != nil {
		return nil, nil, err
	}
	ix := lsh.New(d.p.Bands, d.p.Rows)
	ix.Split = true
	ix.Grow(len(docs))
	for k, ks := range keys {
		if ks != nil {
			ix.AddKeys(k, ks)
		}
	}
	pairs, _ := ix.Pairs(d.opts.MaxBucket)
	paired := make([]bool, len(docs))
	for _, p := range pairs {
		paired[p[0]], paired[p[1]] = true, true
	}
	var chosen []int
	budget := spareBytes
	for k, ok := range paired {
		if cost := spareWordBytes * max(fps[docs[k]].words, 1); ok && cost <= budget {
			chosen = append(chosen, docs[k])
			budget -= cost
		}
	}
	if len(chosen) < 2 {
		return nil, nil, nil
	}
	held := make([]*Fingerprint, len(chosen))
	errs = errs[:len(chosen)]
	clear(errs)
	err = parallel(ctx, d.opts.Workers, len(chosen), func(k int) {
		lit, rw, err := sets(chosen[k])
		errs[k] = err
		held[k] = &Fingerprint{detail: &detail{lit: lit, rw: rw}}
	})
	if err == nil {
		err = firstError(errs)
	}
	if err != nil {
		return nil, nil, err
	}
	var cand []uint32 // the shingles that may be common among theirs
	for _, fp := range held {
		for _, h := range fp.lit {
			if may(h) {
				cand = append(cand, h)
			}
		}
	}
	slices.Sort(cand)
	out := d.spare(held, &commonSet{lit: slices.Compact(cand), rw: overRw}, limit, nil, func(rw bool, h uint32) int {
		if rw {
			n, _ := c.watchRw.holders(h)
			return n
		}
		if n, ok := c.watch.holders(h); ok {
			return n
		}
		return int(late.counts.Count(h))
	})
	return out.watch.h, out.watchRw.h, nil
}

// countFunc returns the number of values of set for which f is true.
func countFunc(set []uint32, f func(uint32) bool) int {
	n := 0
	for _, h := range set {
		if f(h) {
			n++
		}
	}
	return n
}

// shardedCounts is a count-min sketch that many workers add to at once:
// a few sketches, each behind a lock, taken in turn, and added up when
// the adding is over. Adds commute, so the counts are the same whatever
// the split; plain counters behind a lock held for a whole document cost
// half what shared atomic ones do.
type shardedCounts struct {
	next   atomic.Uint32
	shards []countShard
}

type countShard struct {
	mu sync.Mutex
	cm *frequent.CountMin
}

// newShardedCounts returns n (1 to 8) empty shards of lateSize counters.
func newShardedCounts(n int) *shardedCounts {
	sh := &shardedCounts{shards: make([]countShard, min(max(n, 1), 8))}
	for k := range sh.shards {
		sh.shards[k].cm = frequent.NewCountMin(lateSize)
	}
	return sh
}

// add counts one document's shingles xs, n times each.
func (sh *shardedCounts) add(n uint32, xs []uint32) {
	k := &sh.shards[sh.next.Add(1)%uint32(len(sh.shards))]
	k.mu.Lock()
	k.cm.AddN(n, xs...)
	k.mu.Unlock()
}

// merged returns the counts of every add, once adding is over: the
// shards are added into the first, and the others dropped.
func (sh *shardedCounts) merged() *frequent.CountMin {
	first := &sh.shards[0]
	if len(sh.shards) == 1 {
		return first.cm
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	for k := 1; k < len(sh.shards); k++ {
		first.cm.Merge(sh.shards[k].cm)
	}
	sh.shards = sh.shards[:1]
	return first.cm
}
