package reprint

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/reprint-dev/reprint/frequent"
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
// the limit copy is not a footer: what copies hold is spared (spareLate).
type lateCounts struct {
	counts  *frequent.CountMin
	above   uint64   // a shingle counted more than this is common: the corpus's limit and the sketch's slack
	settled []uint32 // sorted: shingles not looked up, which the exact counts decide or spareLate spared
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
	if _, found := slices.BinarySearch(l.settled, h); found {
		return false
	}
	return l.counts.Count(h) > l.above
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
// lateEvery that count: a hash of its number, not its place in a cycle
// that a corpus might share.
func lateCounted(i int) bool {
	return (uint64(i)*0x9e3779b97f4a7c15)>>62 == 0
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

// spareDocs is the most documents whose sets spareLate holds at once:
// about 10 MB. Past them, in document order, late common shingles are
// not spared.
const spareDocs = 5000

// spareLate keeps out of late's common shingles those that near-duplicate
// copies of one story hold, as the sample spares its own (spare): a story
// copied by more than limit documents, all past the sample, is not a
// footer. Of the documents numbered in docs, it reads those most of whose
// literal shingles are late common, and spares what at most limit other
// documents (by late's counts) hold apart from their copies among them.
func (sc *Scan) spareLate(ctx context.Context, fps []*Fingerprint, text func(int) (string, error), docs []int, late *lateCounts, limit int) error {
	sets := make([]shingle.Set, len(docs))
	errs := make([]error, len(docs))
	err := parallel(ctx, sc.d.opts.Workers, len(docs), func(k int) {
		i := docs[k]
		set := fps[i].lit // the sample's: sorted
		if i >= scanSample {
			t, err := text(i)
			if err != nil {
				errs[k] = fmt.Errorf("text of %s: %w", fps[i].id, err)
				return
			}
			s := scratchPool.Get().(*scratch)
			set = shingle.SortSet(prepare(&Document{Text: t}, sc.d.opts, s, prepLazy).lit)
			scratchPool.Put(s)
		}
		if 2*countFunc(set, late.has) > len(set) {
			sets[k] = set
		}
	})
	if err != nil {
		return err
	}
	if err := firstError(errs); err != nil {
		return err
	}
	var mostly []*Fingerprint
	var held []uint32 // the late common shingles they hold
	for _, set := range sets {
		if set != nil && len(mostly) < spareDocs {
			mostly = append(mostly, &Fingerprint{lit: set})
			for _, h := range set {
				if late.has(h) {
					held = append(held, h)
				}
			}
		}
	}
	if len(mostly) < 2 {
		return nil
	}
	slices.Sort(held)
	c := &commonSet{lit: slices.Compact(held)}
	out := sc.d.spare(mostly, c, limit, nil, func(rw bool, h uint32) int {
		return int(late.counts.Count(h))
	})
	if len(out.watch.h) > 0 {
		late.settled = slices.Sorted(slices.Values(slices.Concat(late.settled, out.watch.h)))
	}
	return nil
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
