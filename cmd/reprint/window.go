package main

import (
	"bytes"
	"compress/flate"
	"container/list"
	"io"
	"slices"
	"sort"
	"sync"

	"github.com/reprint-dev/reprint"
)

// window is an in-memory LSH index of the last lines of a stream, for
// filter: the keys of at most size lines, in generations of genLines lines
// that are sorted when full and dropped whole when the oldest falls out of
// the window. A line's document is kept with its text compressed; its
// fingerprint is cached for the last cacheLines lines and computed again
// from the text for older ones (and cached for the last cacheLines of
// those), which keeps a window of 100,000 news articles in a few hundred
// megabytes.
//
// It is safe for concurrent use: filter's workers look up the lines added
// so far while the stream goes on, and the line handler looks up only the
// lines added since (see since).
type window struct {
	size, genLines int
	maxPostings    int
	minShared      int

	mu     sync.RWMutex
	sealed []*generation // oldest first
	cur    *generation
	lines  []winLine // ring of size entries: line seq is at seq % size
	next   int64     // seq of the next line
	cache  []cached  // ring of recent fingerprints

	// hubs caches fingerprints computed again: chance candidates are
	// mostly a few long articles full of common word pairs, so that on a
	// generated stream 82% of the recomputations are of a line recomputed
	// before.
	hubMu sync.Mutex
	hubs  map[int64]*list.Element // of *cached
	lru   list.List               // most recently used first
}

// generation holds the keys of consecutive lines [base, base+n): once
// sealed, sorted keys with the line offset of each; before that, entries
// chained by key from head.
type generation struct {
	base int64
	n    int
	keys []uint64
	offs []uint32
	head map[uint64]int32
	next []int32
}

type winLine struct {
	seq   int64
	doc   reprint.Document // Text is empty; ztext holds it
	ztext []byte           // DEFLATE-compressed text
}

type cached struct {
	seq int64
	fp  *reprint.Fingerprint
}

const cacheLines = 4096

func newWindow(size, maxPostings, minShared int) *window {
	w := &window{size: size, maxPostings: maxPostings, minShared: max(minShared, 1), hubs: map[int64]*list.Element{}}
	if size <= 0 {
		return w
	}
	w.genLines = max(1, size/8)
	w.lines = make([]winLine, size)
	w.cache = make([]cached, min(size, cacheLines))
	for i := range w.cache {
		w.cache[i].seq = -1
	}
	return w
}

// compress returns text compressed for add; zw is the caller's writer.
func compress(zw *flate.Writer, text string) []byte {
	var b bytes.Buffer
	zw.Reset(&b)
	io.WriteString(zw, text)
	zw.Close()
	return bytes.Clone(b.Bytes()) // without the buffer's slack
}

// oldest returns the seq of the oldest line in the window.
func (w *window) oldest() int64 {
	if len(w.sealed) > 0 {
		return w.sealed[0].base
	}
	if w.cur != nil {
		return w.cur.base
	}
	return w.next
}

// add remembers doc (whose text is compressed in ztext), its fingerprint
// and its keys as the newest line.
func (w *window) add(doc reprint.Document, ztext []byte, fp *reprint.Fingerprint, keys []uint64) {
	if w.size <= 0 {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cur != nil && w.cur.n == w.genLines {
		w.cur.seal()
		w.sealed = append(w.sealed, w.cur)
		w.cur = nil
	}
	if w.next-w.oldest() >= int64(w.size) {
		w.sealed[0] = nil
		w.sealed = w.sealed[1:]
	}
	if w.cur == nil {
		w.cur = &generation{base: w.next, head: map[uint64]int32{}}
	}
	seq := w.next
	w.next++
	off := uint32(seq - w.cur.base)
	for _, k := range keys {
		w.cur.add(k, off)
	}
	w.cur.n++
	doc.Text = ""
	w.lines[seq%int64(w.size)] = winLine{seq: seq, doc: doc, ztext: ztext}
	w.cache[seq%int64(len(w.cache))] = cached{seq, fp}
}

func (g *generation) add(key uint64, off uint32) {
	i := int32(len(g.keys))
	g.keys = append(g.keys, key)
	g.offs = append(g.offs, off)
	prev, ok := g.head[key]
	if !ok {
		prev = -1
	}
	g.next = append(g.next, prev)
	g.head[key] = i
}

// seal sorts the entries by key, then offset, drops the chains, and
// copies the entries to arrays of their size, without append's slack.
func (g *generation) seal() {
	g.head, g.next = nil, nil
	sort.Sort(byKey{g})
	g.keys, g.offs = slices.Clone(g.keys), slices.Clone(g.offs)
}

type byKey struct{ g *generation }

func (s byKey) Len() int { return len(s.g.keys) }
func (s byKey) Less(i, j int) bool {
	k := s.g.keys
	return k[i] < k[j] || k[i] == k[j] && s.g.offs[i] < s.g.offs[j]
}
func (s byKey) Swap(i, j int) {
	s.g.keys[i], s.g.keys[j] = s.g.keys[j], s.g.keys[i]
	s.g.offs[i], s.g.offs[j] = s.g.offs[j], s.g.offs[i]
}

// lookup appends the offsets of the lines holding key.
func (g *generation) lookup(dst []uint32, key uint64) []uint32 {
	if g.head != nil {
		for i, ok := g.head[key]; ok && i >= 0; i = g.next[i] {
			dst = append(dst, g.offs[i])
		}
		return dst
	}
	i, _ := slices.BinarySearch(g.keys, key)
	for ; i < len(g.keys) && g.keys[i] == key; i++ {
		dst = append(dst, g.offs[i])
	}
	return dst
}

// winCand is a line of the window found by a lookup, copied out so that it
// can be used after the window has moved on.
type winCand struct {
	seq   int64
	doc   reprint.Document
	ztext []byte
	fp    *reprint.Fingerprint // nil when not cached
}

// candidates returns the lines added at or after seq from that share at
// least minShared of keys, most shared keys first, then oldest first; at
// most limit when limit > 0. Keys held by more than maxPostings of those
// lines are skipped. It also returns the seq of the next line to be added:
// a later lookup from there finds the lines this one could not see.
func (w *window) candidates(keys []uint64, from int64, limit int) ([]winCand, int64) {
	if w.size <= 0 {
		return nil, 0
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if from >= w.next {
		return nil, w.next
	}
	var gens []*generation
	for _, g := range w.sealed {
		if g.base+int64(g.n) > from {
			gens = append(gens, g)
		}
	}
	if w.cur != nil {
		gens = append(gens, w.cur)
	}
	shared := map[int64]int{}
	var offs []uint32
	var seqs []int64
	for _, k := range keys {
		seqs = seqs[:0]
		for _, g := range gens {
			offs = g.lookup(offs[:0], k)
			for _, o := range offs {
				if s := g.base + int64(o); s >= from {
					seqs = append(seqs, s)
				}
			}
		}
		if len(seqs) > w.maxPostings {
			continue
		}
		for _, s := range seqs {
			shared[s]++
		}
	}
	found := make([]int64, 0, len(shared))
	for s, n := range shared {
		if n >= w.minShared {
			found = append(found, s)
		}
	}
	slices.SortFunc(found, func(a, b int64) int {
		if shared[a] != shared[b] {
			return shared[b] - shared[a]
		}
		return int(a - b)
	})
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	out := make([]winCand, len(found))
	for i, s := range found {
		l := w.lines[s%int64(w.size)]
		out[i] = winCand{seq: s, doc: l.doc, ztext: l.ztext}
		if c := w.cache[s%int64(len(w.cache))]; c.seq == s {
			out[i].fp = c.fp
		}
	}
	return out, w.next
}

// fingerprint returns the candidate's fingerprint: cached, or computed
// again from its text.
func (w *window) fingerprint(c *winCand, det *reprint.Detector) (*reprint.Fingerprint, error) {
	if c.fp != nil {
		return c.fp, nil
	}
	w.hubMu.Lock()
	if e, ok := w.hubs[c.seq]; ok {
		w.lru.MoveToFront(e)
		c.fp = e.Value.(*cached).fp
	}
	w.hubMu.Unlock()
	if c.fp != nil {
		return c.fp, nil
	}
	var sb bytes.Buffer
	if _, err := sb.ReadFrom(flate.NewReader(bytes.NewReader(c.ztext))); err != nil {
		return nil, err
	}
	doc := c.doc
	doc.Text = sb.String()
	c.fp = det.Fingerprint(doc)
	w.hubMu.Lock()
	if _, ok := w.hubs[c.seq]; !ok {
		w.hubs[c.seq] = w.lru.PushFront(&cached{c.seq, c.fp})
		if w.lru.Len() > cacheLines {
			old := w.lru.Back()
			delete(w.hubs, old.Value.(*cached).seq)
			w.lru.Remove(old)
		}
	}
	w.hubMu.Unlock()
	return c.fp, nil
}
