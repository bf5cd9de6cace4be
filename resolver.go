package reprint

import (
	"context"
	"slices"
	"sync"
)

// A Resolver resolves candidate pairs among one set of documents, more
// than once if need be, and discounts each document and verifies each
// pair only once: a check resolves a query's candidates, then again with
// the pairs of the indexed articles the query derives from. Each call
// gives what ResolveCommon gives for its candidates. A Resolver is not for
// concurrent use, and its documents must not change while it is in use.
type Resolver struct {
	d       *Detector
	data    []*Fingerprint // the documents; those looked at, without common shingles
	texts   []string
	common  *commonSet
	df      *DocFreq
	spared  bool // common no longer holds the shingles of copies (spare)
	memo    memo
	indexed int  // documents before this are indexed articles (SetIndexed), counted in df
	queries bool // SetIndexed was called: documents from indexed on are not in df
	readded bool // SetReadded was called: the query is in the index too, after rank documents
	rank    int
	shared  *Discounts
}

// Discounts keeps documents as a resolver discounted them (common
// shingles taken out, which means reading the text again), for other
// resolvers of the same documents to reuse: a check resolves each query
// on its own, and a wire story that many queries take from would be read
// again for each. A document is shared only while it is discounted by
// df's common shingles alone, none spared as a story's many copies; the
// result is then the same as without. Safe for concurrent use.
type Discounts struct {
	mu     sync.Mutex
	common *commonSet
	looked map[*Fingerprint]*Fingerprint
}

// NewDiscounts returns an empty Discounts.
func NewDiscounts() *Discounts { return &Discounts{looked: map[*Fingerprint]*Fingerprint{}} }

// ShareDiscounts makes r take documents from s, and keep there those it
// discounts. The resolvers sharing s must have the same DocFreq and
// detector options and give each document by the same *Fingerprint.
func (r *Resolver) ShareDiscounts(s *Discounts) {
	r.shared = s
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.common == nil {
		s.common = r.common // df's, before any is spared
	}
}

// use swaps into data the documents of cands that s holds discounted by
// common.
func (s *Discounts) use(data []*Fingerprint, cands [][2]int, common *commonSet) []*Fingerprint {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.common != common {
		return data
	}
	var out []*Fingerprint
	for _, c := range cands {
		for _, i := range c {
			if fp, ok := s.looked[data[i]]; ok {
				if out == nil {
					out = slices.Clone(data)
				}
				out[i] = fp
			}
		}
	}
	if out == nil {
		return data
	}
	return out
}

// keep records the documents of before that discounting by common
// changed, as after holds them.
func (s *Discounts) keep(before, after []*Fingerprint, common *commonSet) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.common != common {
		return
	}
	for i, fp := range before {
		if after[i] != fp {
			s.looked[fp] = after[i]
		}
	}
}

// NewResolver returns a Resolver of fps in a corpus whose shingle counts
// are df (nil: none), with texts as for ResolveCommon.
func (d *Detector) NewResolver(fps []*Fingerprint, texts []string, df *DocFreq) *Resolver {
	return &Resolver{d: d, data: fps, texts: texts, common: df.common(d.opts.MaxDocFreq), df: df}
}

// SetIndexed tells the resolver that its first n documents are indexed
// articles, added in that order, and the others queries: when nothing else
// tells which side of a pair is the original, the earlier one is, and its
// reason then says it was in the index first, not earlier in the input.
func (r *Resolver) SetIndexed(n int) { r.indexed, r.queries = n, true }

// SetReadded tells the resolver, after SetIndexed(n), that its one query
// (document n) is an indexed article checked again, added to the index
// after its first rank documents: on a tie it then comes before the
// indexed articles added after it, so that two indexed articles checked
// again name the same one the original whichever is the query.
func (r *Resolver) SetReadded(rank int) { r.readded, r.rank = true, rank }

// Resolve verifies candidate pairs (indices into the resolver's documents)
// and returns the pairs, families and originals found, as ResolveCommon.
func (r *Resolver) Resolve(ctx context.Context, cands [][2]int) (*Result, error) {
	if r.memo.feats == nil {
		r.memo = memo{feats: map[[2]int]pairFeatures{}, evid: map[[2]int][]Passage{}}
	}
	return r.resolve(ctx, cands, &r.memo)
}

func (r *Resolver) resolve(ctx context.Context, cands [][2]int, m *memo) (*Result, error) {
	text := func(i int) (string, error) {
		if i < len(r.texts) {
			return r.texts[i], nil
		}
		return "", nil
	}
	if !r.spared && r.df != nil {
		// A story the corpus holds many copies of is not boilerplate
		// (spare): the copies among these documents tell which of the
		// common shingles are theirs.
		r.spared = true
		counted := func(i int) bool { return !r.queries || i < r.indexed }
		holders := func(rw bool, h uint32) int {
			if rw {
				return int(r.df.rw.Count(h))
			}
			return int(r.df.lit.Count(h))
		}
		r.common = r.d.spare(r.data, r.common, r.df.limit(r.d.opts.MaxDocFreq), counted, holders)
	}
	// Documents looked at by an earlier call hold no common shingle any
	// more, so discount passes them by.
	if r.shared != nil {
		r.data = r.shared.use(r.data, cands, r.common)
	}
	data, err := r.d.discount(ctx, r.data, text, cands, r.common)
	if err != nil {
		return nil, err
	}
	if r.shared != nil {
		r.shared.keep(r.data, data, r.common)
	}
	r.data = data
	res, err := r.d.resolve(ctx, data, text, cands, m, inputOrder{indexed: r.indexed, readded: r.readded, rank: r.rank})
	if err != nil {
		return nil, err
	}
	res.Params = r.d.params()
	res.Params.Candidates = len(cands)
	return res, nil
}

// Derived reports whether the pair rules found documents a and b (a <
// b, as resolved) derived, before families keep only each document's
// link to its likeliest source, and how much of b a explains: the share
// of b inside their passages plus their Jaccard, as families rank a
// document's sources (a short excerpt of a story scores high on the
// share of the shorter text but explains little of b), without the
// discount families give a machine rewrite of another source
// (spunDiscount). A pair not
// resolved yet is not derived.
func (r *Resolver) Derived(a, b int) (strength float64, ok bool) {
	f, found := r.memo.features([2]int{a, b})
	if !found {
		return 0, false
	}
	keep, same := kept(f, r.d.opts)
	return f.covB + f.jaccard, keep && !same
}

// memo keeps what resolve verified of pairs, by their documents. A nil
// memo keeps nothing.
type memo struct {
	feats map[[2]int]pairFeatures
	evid  map[[2]int][]Passage
}

func (m *memo) features(c [2]int) (pairFeatures, bool) {
	if m == nil {
		return pairFeatures{}, false
	}
	f, ok := m.feats[c]
	return f, ok
}

func (m *memo) keepFeatures(c [2]int, f pairFeatures) {
	if m != nil {
		m.feats[c] = f
	}
}

// evidence returns a copy of the passages kept for c, so that results
// of successive resolves share no slice.
func (m *memo) evidence(c [2]int) ([]Passage, bool) {
	if m == nil {
		return nil, false
	}
	ps, ok := m.evid[c]
	return slices.Clone(ps), ok
}

func (m *memo) keepEvidence(c [2]int, ps []Passage) {
	if m != nil {
		m.evid[c] = ps
	}
}
