package reprint

import (
	"slices"
	"sync"
)

// viewCacheBytes bounds the views a scan's verification keeps (about 11 KB
// for a 500-word article): a corpus of a few thousand articles is read
// and tokenized once for all its candidate pairs, a larger one keeps the
// views most in use.
const viewCacheBytes = 64 << 20

// viewShards spreads the cache's locks: workers rarely wait on each other.
const viewShards = 64

// viewCache holds the views of one verification run, shared by its
// workers. A document in many candidate pairs (one of a family of copies,
// an article of a small corpus dense in candidates) is read and tokenized
// once, not once per pair. The run says how often it will ask for each
// document: a view is dropped after its last use, and one used once is
// never kept, so a sparse run (a large corpus, a few candidates a
// document) holds little; viewCacheBytes bounds the rest. What a view
// learns later (credit, garbling) is a function of its text, so a view
// from the cache gives the same results as one read anew, and output does
// not depend on what the cache held.
type viewCache struct {
	shards [viewShards]viewShard
	load   func(i int) (*view, error)
	left   []int32 // asks still to come for each document, under its shard's lock
}

type viewShard struct {
	mu    sync.Mutex
	m     map[int]*viewEntry
	queue []int // ids in insertion order, for second-chance eviction
	bytes int
}

type viewEntry struct {
	once    sync.Once
	v       *view
	err     error
	size    int  // counted in the shard's bytes (set once loaded)
	used    bool // asked for since the eviction hand last passed
	counted bool
}

// newViewCache returns a cache reading views with load, for a run that
// asks for document i uses[i] times.
func newViewCache(load func(i int) (*view, error), uses []int32) *viewCache {
	c := &viewCache{load: load, left: slices.Clone(uses)}
	for k := range c.shards {
		c.shards[k].m = make(map[int]*viewEntry)
	}
	return c
}

// get returns document i's view, reading it once however many workers
// ask at the same time. Asking for i more often than uses[i] reads again.
func (c *viewCache) get(i int) (*view, error) {
	sh := &c.shards[i%viewShards]
	sh.mu.Lock()
	// Counted and looked up under one lock: when the last ask finds the
	// entry, every earlier ask holds it already, so dropping it reads
	// nothing twice.
	c.left[i]--
	last := c.left[i] <= 0
	e := sh.m[i]
	if e == nil {
		if last { // not asked for again: not kept
			sh.mu.Unlock()
			return c.load(i)
		}
		e = &viewEntry{}
		sh.m[i] = e
		sh.queue = append(sh.queue, i)
	}
	e.used = true
	sh.mu.Unlock()
	loaded := false
	e.once.Do(func() {
		e.v, e.err = c.load(i)
		loaded = true
	})
	sh.mu.Lock()
	defer sh.mu.Unlock()
	switch {
	case sh.m[i] != e: // evicted or dropped while it was read: not counted
		return e.v, e.err
	case last || e.err != nil: // its last use, or an error (asked again, read again)
		sh.drop(i, e)
		return e.v, e.err
	case !loaded:
		return e.v, e.err
	}
	e.size, e.counted = e.v.bytes(), true
	sh.bytes += e.size
	sh.evict(viewCacheBytes/viewShards, i)
	return e.v, e.err
}

// drop removes entry e of document i.
func (sh *viewShard) drop(i int, e *viewEntry) {
	delete(sh.m, i)
	if e.counted {
		sh.bytes -= e.size
	}
	if len(sh.queue) > 2*len(sh.m)+64 { // mostly ids dropped: compact
		sh.queue = slices.DeleteFunc(sh.queue, func(id int) bool { return sh.m[id] == nil })
	}
}

// evict drops entries, oldest first but sparing once those used since,
// until the shard is within budget; keep (just loaded) stays.
func (sh *viewShard) evict(budget, keep int) {
	for tries := 2 * len(sh.queue); sh.bytes > budget && tries > 0 && len(sh.queue) > 0; tries-- {
		id := sh.queue[0]
		sh.queue = sh.queue[1:]
		e := sh.m[id]
		if e == nil {
			continue
		}
		if id == keep || e.used {
			e.used = false
			sh.queue = append(sh.queue, id)
			continue
		}
		sh.drop(id, e)
	}
}

// bytes estimates the memory v holds.
func (v *view) bytes() int {
	f := &v.fp
	return 512 + len(v.text) + 12*len(v.pos) +
		4*(len(f.chash)+len(f.lit)+len(f.rw)) + 8*(len(f.nums)+len(f.boil))
}
