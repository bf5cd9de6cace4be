// Package search checks articles against an index made by "reprint index
// add": it fingerprints the queries, looks up the indexed articles that
// share LSH keys with each, and verifies those pairs. It is the core of
// "reprint check" and of the newsroom web page ("reprint serve"), and does
// no I/O beyond reading the index.
package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/cluster"
	"github.com/reprint-dev/reprint/index"
)

// Options configure a Searcher. The zero value verifies every candidate.
type Options struct {
	// MaxCandidates verifies at most this many indexed articles per
	// query, those sharing the most LSH keys with it. 0 (or negative)
	// verifies them all. A query with a tenth of its keys or more left
	// out as common gets up to 20 more, sharing half of those (see Check).
	MaxCandidates int
}

// Searcher compares queries with the articles of an index. It is safe for
// concurrent use: each Check makes its own detectors.
type Searcher struct {
	ix     *index.Index
	opts   reprint.Options
	params reprint.Params
	limit  int
}

// IndexError reports that the index could not be read during a Check.
type IndexError struct{ Err error }

func (e *IndexError) Error() string { return e.Err.Error() }
func (e *IndexError) Unwrap() error { return e.Err }

// New returns a Searcher of ix that uses det's options. det's parameters
// must be ix's (index.Open checks them when given det.Params()); Check
// returns the *index.ParamsError otherwise. A Progress in det's options
// receives the stages of every Check; it must be safe for concurrent use
// if Check is called concurrently.
func New(ix *index.Index, det *reprint.Detector, o Options) *Searcher {
	return &Searcher{ix: ix, opts: det.Options(), params: det.Params(), limit: max(o.MaxCandidates, 0)}
}

// Index returns the searched index.
func (s *Searcher) Index() *index.Index { return s.ix }

// Check compares each query with its candidates in the index and returns
// the result and the texts of its documents, for evidence (report.Options
// Texts). The result's documents are the indexed articles that take part
// in a pair or a cluster, in index order, then the queries in input
// order (so the last len(queries) documents are the queries): on a tie the
// indexed article, which was there first, is the original, or of a query
// the index holds too (checked again) and an indexed article, the one
// added first. The summary's
// Documents counts the queries only. An indexed article with a query's ID
// is the query itself: it is not compared with it, and another query's
// pair with it is the query's (unalias), or is left out if their texts
// differ, since a report names both by the one ID;
// queries are not compared with each other, and each is resolved on its
// own (resolveQuery), so that its pairs, family and original are those it
// gets checked alone: each query's family is a cluster of its own, and two
// clusters can hold one indexed article. Text that many indexed
// articles share (boilerplate: see reprint.DocFreq) is left out of the
// comparison, as a scan leaves it out. Errors are ctx's error, an
// *index.ParamsError (a detector of other parameters than the index's), an
// *IndexError, or a verification error.
func (s *Searcher) Check(ctx context.Context, queries []reprint.Document) (*reprint.Result, []string, error) {
	if err := s.ix.CheckParams(s.params); err != nil {
		return nil, nil, err
	}
	if err := reprint.CheckIDs(queries); err != nil {
		return nil, nil, fmt.Errorf("queries: %w", err)
	}
	opts := s.opts
	progress := opts.Progress
	opts.Progress = nil
	if progress != nil {
		progress.Stage("fingerprint", len(queries))
	}
	dets, err := detectors(opts, len(queries))
	if err != nil {
		return nil, nil, err
	}
	df, err := s.ix.DocFreq()
	if err != nil {
		return nil, nil, &IndexError{err}
	}
	qfps, qkeys, akeys := fingerprints(dets, queries, df)
	if progress != nil {
		progress.Add(len(queries))
		progress.Stage("lookup", len(queries))
	}
	limit := s.limit
	// Candidates of each query, looked up on all workers.
	found := make([][]string, len(queries))
	extra := make([][]string, len(queries))    // by the keys left out as common, for a query that lost a tenth
	anchored := make([][]string, len(queries)) // by its anchor keys
	lookupErrs := make([]error, len(queries))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range len(dets) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(queries) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				found[i], lookupErrs[i] = s.ix.Candidates(qkeys[i], limitPlus(limit))
				left := leftOut(dets[0].Keys(qfps[i]), qkeys[i])
				if lookupErrs[i] == nil && len(left) > 0 && 10*len(left) >= len(left)+len(qkeys[i]) {
					// A tenth of its keys or more were left out as common:
					// they may come from a story the index holds many
					// copies of, not a footer. Each copy shares most of
					// them (pages that share a footer, few); the resolver
					// tells which it is. (A rewrite loses about the share
					// of keys it has in common with its source.)
					extra[i], lookupErrs[i] = s.ix.CandidatesSharing(left, limitPlus(maxCopies), (len(left)+1)/2)
				}
				if lookupErrs[i] == nil && len(akeys[i]) >= reprint.MinAnchors {
					// A passage shared word for word, one of the two
					// texts long: their LSH keys may not show it.
					anchored[i], lookupErrs[i] = s.ix.CandidatesSharing(akeys[i], limitPlus(limit), reprint.MinAnchors)
				}
				if progress != nil {
					progress.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := joinDistinct(lookupErrs); err != nil {
		return nil, nil, &IndexError{err}
	}
	// Their union, in index order, so that of two identical indexed
	// articles the earlier added is the original whichever the index
	// ranks first.
	var ids []string
	seen := map[string]bool{}
	perQuery := make([][]string, len(queries))
	for i := range found {
		// take adds to query i's the first most (0: all) of cands, its
		// own ID left out, that it does not hold yet. Those it holds
		// count toward most, so that what it takes depends on the
		// lookup's ranking alone.
		take := func(cands []string, most int) {
			n := 0
			for _, id := range cands {
				if id == queries[i].ID {
					continue
				}
				if most > 0 && n == most {
					break
				}
				n++
				if slices.Contains(perQuery[i], id) {
					continue
				}
				perQuery[i] = append(perQuery[i], id)
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
		take(found[i], limit)
		take(extra[i], maxCopies)
		take(anchored[i], limit)
	}
	// A query the index holds is an article checked again: its indexed
	// version is read too, to learn when it was added (readded).
	for _, q := range queries {
		if seen[q.ID] {
			continue
		}
		has, err := s.ix.Has(q.ID)
		if err != nil {
			return nil, nil, &IndexError{err}
		}
		if has {
			seen[q.ID] = true
			ids = append(ids, q.ID)
		}
	}
	ids, fps, texts, err := s.ix.GetSorted(ids)
	if err != nil {
		return nil, nil, &IndexError{err}
	}
	slot := make(map[string]int, len(ids))
	for i, id := range ids {
		slot[id] = i
	}
	nc := len(fps)
	all := append(fps, qfps...)
	for _, q := range queries {
		texts = append(texts, q.Text)
	}
	// An indexed article with the ID of another query of the batch is
	// that article checked again: a query that takes from it is linked to
	// the query, the one article, when their texts are the same (alias).
	// A version of other text under the ID is left out (a report names
	// articles by ID, and the two would have one).
	alias := make([]int, nc)
	qslot := make(map[string]int, len(queries))
	for i, q := range queries {
		qslot[q.ID] = nc + i
	}
	for j, id := range ids {
		alias[j] = -1
		if g, ok := qslot[id]; ok {
			alias[j] = -2 // other text: left out
			if texts[j] == texts[g] {
				alias[j] = g
			}
		}
	}
	cands := make([][]int, len(queries)) // each query's indexed articles, in index order
	readded := make([]int, len(queries)) // of a query in the index with its text, the candidates added before it; else -1
	for i, cs := range perQuery {
		for _, id := range cs {
			if alias[slot[id]] != -2 {
				cands[i] = append(cands[i], slot[id])
			}
		}
		slices.Sort(cands[i])
		readded[i] = -1
		if j, ok := slot[queries[i].ID]; ok && alias[j] == nc+i {
			readded[i], _ = slices.BinarySearch(cands[i], j)
		}
	}
	if progress != nil {
		progress.Stage("verify", len(queries))
	}
	// Each query is resolved on its own, with its candidates and nothing
	// else, so that what is found for it does not depend on the other
	// queries of the batch: a query checked alone or among a thousand gets
	// the same pairs, family and original. A batch of at least as many
	// queries as workers resolves queries side by side, one worker each;
	// a smaller one gives each query all the workers.
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	inner := opts
	if len(queries) >= workers {
		inner.Workers = 1
	} else {
		workers = 1
	}
	shared := reprint.NewDiscounts()
	results := make([]*reprint.Result, len(queries))
	resolveErrs := make([]error, len(queries))
	next.Store(0)
	for range workers {
		wg.Go(func() {
			det, err := reprint.New(inner)
			for i := int(next.Add(1) - 1); i < len(queries) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				if err == nil {
					results[i], err = resolveQuery(ctx, det, all, texts, df, shared, cands[i], nc+i, readded[i])
				}
				resolveErrs[i] = err
				if progress != nil {
					progress.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := joinDistinct(resolveErrs); err != nil {
		return nil, nil, fmt.Errorf("check: %w", err)
	}
	res := merge(results, all, s.params)
	res = unalias(res, alias, texts)
	keep := make([]bool, len(all))
	for i := nc; i < len(all); i++ {
		keep[i] = true
	}
	for _, p := range res.Pairs {
		keep[p.A], keep[p.B] = true, true
	}
	for _, c := range res.Clusters {
		for _, m := range c.Members {
			keep[m] = true
		}
	}
	res = prune(res, keep)
	if w := mostlyCommonWarning(dets[0], qfps, df, res); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	if s.ix.OldTokenizer() {
		res.Warnings = append(res.Warnings, index.OldTokenizerWarning(s.ix.Path()))
	}
	// The summary counts the articles checked, so that with the input
	// errors it accounts for every input, as a scan's does; the indexed
	// articles shown are the other documents.
	res.Summary.Documents = len(queries)
	return res, pruneTexts(texts, keep), nil
}

// resolveQuery resolves query q (an index into all) with its candidates
// cands (indexed articles, indices into all in index order) and nothing
// else, and returns the result in all's numbering: what a check of q
// alone finds. A query derived from two indexed articles may have taken
// from one that the other repeats: a wire story and its update, a page
// and its reprint. A scan compares those two and keeps the query's link
// to the one it took from (families); so the indexed articles q derives
// from are compared with each other too, and the result is resolved again
// with those pairs. shared holds the documents discounted by earlier
// queries. readded >= 0 says q is in the index too, added after its first
// readded candidates (Resolver.SetReadded).
func resolveQuery(ctx context.Context, det *reprint.Detector, all []*reprint.Fingerprint, texts []string, df *reprint.DocFreq, shared *reprint.Discounts, cands []int, q, readded int) (*reprint.Result, error) {
	n := len(cands)
	if n == 0 {
		return &reprint.Result{}, nil
	}
	fps := make([]*reprint.Fingerprint, n+1)
	txt := make([]string, n+1)
	pairs := make([][2]int, n)
	for j, g := range cands {
		fps[j], txt[j] = all[g], texts[g]
		pairs[j] = [2]int{j, n}
	}
	fps[n], txt[n] = all[q], texts[q]
	r := det.NewResolver(fps, txt, df)
	r.SetIndexed(n)
	if readded >= 0 {
		r.SetReadded(readded)
	}
	r.ShareDiscounts(shared) // an indexed article is read again once, not once per query
	res, err := r.Resolve(ctx, pairs)
	if err != nil {
		return nil, err
	}
	if extra := siblingPairs(r, pairs, n); len(extra) > 0 {
		if res, err = resolveAgain(ctx, r, res, len(fps), pairs, extra, n); err != nil {
			return nil, err
		}
	}
	renumber(res, func(j int) int {
		if j == n {
			return q
		}
		return cands[j]
	})
	return res, nil
}

// renumber maps every document index of res's pairs and clusters through
// to (documents themselves are the caller's to renumber).
func renumber(res *reprint.Result, to func(int) int) {
	for i := range res.Pairs {
		p := &res.Pairs[i]
		p.A, p.B, p.Original = to(p.A), to(p.B), to(p.Original)
	}
	for i := range res.Clusters {
		c := &res.Clusters[i]
		for k, m := range c.Members {
			c.Members[k] = to(m)
		}
		for k, m := range c.Parents {
			if m >= 0 {
				c.Parents[k] = to(m)
			}
		}
		c.Original = to(c.Original)
	}
}

// byFirstMember orders clusters by their first member, then their last
// (in a check, the query).
func byFirstMember(x, y reprint.Cluster) int {
	return byDocs([2]int{x.Members[0], x.Members[len(x.Members)-1]}, [2]int{y.Members[0], y.Members[len(y.Members)-1]})
}

// merge joins the results of the queries (resolveQuery) into one over all
// the documents, with params. A pair of two indexed articles that several
// queries' families show is kept once, as the first query found it. Each
// query's family is a cluster of its own, so an indexed article can be in
// several: the family of each query, as a check of it alone gives it.
// Pairs are in document order; clusters by their first member, then their
// query.
func merge(results []*reprint.Result, all []*reprint.Fingerprint, params reprint.Params) *reprint.Result {
	res := &reprint.Result{Documents: make([]reprint.DocInfo, len(all)), Params: params}
	for i, fp := range all {
		res.Documents[i] = fp.Info()
	}
	res.Params.Candidates = 0
	seen := map[[2]int]bool{}
	for _, r := range results {
		res.Params.Candidates += r.Params.Candidates
		for _, p := range r.Pairs {
			if k := [2]int{p.A, p.B}; !seen[k] {
				seen[k] = true
				res.Pairs = append(res.Pairs, p)
			}
		}
		res.Clusters = append(res.Clusters, r.Clusters...)
	}
	slices.SortStableFunc(res.Pairs, func(x, y reprint.Pair) int { return byDocs([2]int{x.A, x.B}, [2]int{y.A, y.B}) })
	slices.SortStableFunc(res.Clusters, byFirstMember)
	res.Summary = reprint.Summary{Documents: len(all), Pairs: len(res.Pairs), Clusters: len(res.Clusters)}
	return res
}

// unalias renumbers res's pairs and clusters so that an indexed article
// that is a query checked again (alias[d] >= 0: the query's document) is
// the query: a pair found with it is the query's, its sides swapped if
// need be to keep A < B, and kept once.
func unalias(res *reprint.Result, alias []int, texts []string) *reprint.Result {
	to := func(d int) int {
		if d < len(alias) && alias[d] >= 0 {
			return alias[d]
		}
		return d
	}
	if !slices.ContainsFunc(alias, func(a int) bool { return a >= 0 }) {
		return res
	}
	// A pair a query found itself comes before one another query found
	// with its indexed version: of the two, the query's own is kept, as
	// it gets it checked alone.
	own := make([]bool, len(res.Pairs))
	for i, p := range res.Pairs {
		own[i] = p.A >= len(alias) || p.B >= len(alias)
	}
	renumber(res, to)
	seen := map[[2]int]bool{}
	var pairs []reprint.Pair
	for _, pass := range []bool{true, false} {
		for i, p := range res.Pairs {
			if own[i] != pass {
				continue
			}
			if p.A > p.B {
				p = swapSides(p, texts[p.B])
			}
			if k := [2]int{p.A, p.B}; p.A != p.B && !seen[k] {
				seen[k] = true
				pairs = append(pairs, p)
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y reprint.Pair) int { return byDocs([2]int{x.A, x.B}, [2]int{y.A, y.B}) })
	res.Pairs = pairs
	for i := range res.Clusters {
		sortMembers(&res.Clusters[i])
	}
	slices.SortStableFunc(res.Clusters, byFirstMember)
	// Queries that are one another's family, checked again, each found
	// it: it is shown once.
	// (Equal clusters are among those of one first and last member,
	// which the sort puts together.)
	var kept []reprint.Cluster
	for _, c := range res.Clusters {
		dup := false
		for k := len(kept) - 1; k >= 0 && byFirstMember(kept[k], c) == 0 && !dup; k-- {
			x := kept[k]
			dup = x.Original == c.Original && slices.Equal(x.Members, c.Members) && slices.Equal(x.Parents, c.Parents)
		}
		if !dup {
			kept = append(kept, c)
		}
	}
	res.Clusters = kept
	res.Summary.Pairs, res.Summary.Clusters = len(res.Pairs), len(res.Clusters)
	return res
}

// sortMembers sorts c's members, each parent kept beside its member.
func sortMembers(c *reprint.Cluster) {
	order := make([]int, len(c.Members))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int { return c.Members[x] - c.Members[y] })
	members := make([]int, len(order))
	var parents []int
	if len(c.Parents) == len(c.Members) {
		parents = make([]int, len(order))
	}
	for k, o := range order {
		members[k] = c.Members[o]
		if parents != nil {
			parents[k] = c.Parents[o]
		}
	}
	c.Members, c.Parents = members, parents
}

// swapSides returns p with its sides swapped, textA being the text of
// its new A side (its B side before), which passages quote.
func swapSides(p reprint.Pair, textA string) reprint.Pair {
	p.A, p.B = p.B, p.A
	p.ContainAB, p.ContainBA = p.ContainBA, p.ContainAB
	ps := make([]reprint.Passage, len(p.Passages))
	for k, x := range p.Passages {
		ps[k] = reprint.Passage{AStart: x.BStart, AEnd: x.BEnd, BStart: x.AStart, BEnd: x.AEnd}
		if 0 <= x.BStart && x.BStart <= x.BEnd && x.BEnd <= len(textA) {
			ps[k].Text = textA[x.BStart:x.BEnd]
		}
	}
	p.Passages = ps
	return p
}

// mostlyCommonWarning says, if some queries in no derived pair are mostly
// text the index holds in more than max-doc-freq of its documents, that
// they were checked by little of their text: a site's template, or a
// story so much of the index copies that its words count as boilerplate.
// Without it a check of such a copy would say nothing, as if it were
// original.
func mostlyCommonWarning(det *reprint.Detector, qfps []*reprint.Fingerprint, df *reprint.DocFreq, res *reprint.Result) string {
	derived := map[string]bool{}
	for _, p := range res.Pairs {
		if p.Relation.Derived() {
			derived[res.Documents[p.A].ID], derived[res.Documents[p.B].ID] = true, true
		}
	}
	var ids []string
	for _, fp := range qfps {
		if !derived[fp.ID()] && det.MostlyCommon(fp, df) {
			ids = append(ids, fmt.Sprintf("%q", fp.ID()))
		}
	}
	if len(ids) == 0 {
		return ""
	}
	n := len(ids)
	if n > 3 {
		ids = append(ids[:3], "...")
	}
	return fmt.Sprintf("%d of %d checked articles (%s) are mostly text found in more than %g%% of the indexed documents, left out as boilerplate, so they match little by it: if the index holds many copies of their story rather than a site's menus and footers, those copies are not reported (an index built with a higher --max-doc-freq would find them)",
		n, len(qfps), strings.Join(ids, ", "), 100*det.Options().MaxDocFreq)
}

// leftOut returns the keys of all that kept (a subsequence of all) lacks.
func leftOut(all, kept []uint64) []uint64 {
	var out []uint64
	j := 0
	for _, k := range all {
		if j < len(kept) && kept[j] == k {
			j++
			continue
		}
		out = append(out, k)
	}
	return out
}

// maxCopies is the most indexed articles a query is compared with for
// sharing its common shingles, beyond those its own shingles find: enough
// for the copies of a story that more than MaxDocFreq of a small index
// holds to tell it from boilerplate (reprint.Resolver), few enough that a
// page's footer costs little.
const maxCopies = 20

// byDocs orders pairs of documents by their first document, then their
// second.
func byDocs(a, b [2]int) int {
	if c := cmp.Compare(a[0], b[0]); c != 0 {
		return c
	}
	return cmp.Compare(a[1], b[1])
}

// maxSiblings is the most indexed articles a query derives from that are
// compared with each other, its strongest links: an article reprinted a
// hundred times would otherwise cost 4,950 comparisons for one query.
const maxSiblings = 10

// siblingPairs returns the pairs of indexed articles (documents below nc)
// that one query (at nc or above) is derived with by the pair rules, at
// most maxSiblings per query: the pairs a scan would also have verified.
// Each pair once, a < b, in order.
func siblingPairs(r *reprint.Resolver, pairs [][2]int, nc int) [][2]int {
	type link struct {
		x        int
		strength float64 // how much of the query x explains
	}
	linked := map[int][]link{} // query -> indexed articles it is derived with
	for _, p := range pairs {
		if strength, ok := r.Derived(p[0], p[1]); ok {
			linked[p[1]] = append(linked[p[1]], link{p[0], strength})
		}
	}
	var out [][2]int
	for _, ls := range linked {
		slices.SortFunc(ls, func(a, b link) int {
			if c := cmp.Compare(b.strength, a.strength); c != 0 {
				return c
			}
			return a.x - b.x
		})
		ls = ls[:min(len(ls), maxSiblings)]
		for i, a := range ls {
			for _, b := range ls[i+1:] {
				out = append(out, [2]int{min(a.x, b.x), max(a.x, b.x)})
			}
		}
	}
	slices.SortFunc(out, byDocs)
	out = slices.Compact(out) // a pair two queries share, once
	return out
}

// resolveAgain resolves again, with the extra pairs of indexed articles,
// the part of first (the result of resolving pairs) that they touch: the
// documents joined to them through pairs. The rest of a resolution depends
// only on its own connected part, so it is taken from first unchanged.
// Clusters without a query, and pairs of two indexed articles outside
// the clusters with one, are left out of the result. r has resolved pairs
// already and verifies only the extra ones.
func resolveAgain(ctx context.Context, r *reprint.Resolver, first *reprint.Result, docs int, pairs, extra [][2]int, nc int) (*reprint.Result, error) {
	uf := cluster.New(docs)
	for _, p := range pairs {
		uf.Union(p[0], p[1])
	}
	for _, p := range extra {
		uf.Union(p[0], p[1])
	}
	touched := make([]bool, docs)
	for _, p := range extra {
		touched[uf.Find(p[0])] = true
	}
	in := func(doc int) bool { return touched[uf.Find(doc)] }
	var again [][2]int
	for _, p := range pairs {
		if in(p[0]) {
			again = append(again, p)
		}
	}
	again = append(again, extra...)
	slices.SortFunc(again, byDocs)
	res, err := r.Resolve(ctx, again)
	if err != nil {
		return nil, err
	}
	out := &reprint.Result{Documents: first.Documents, Params: first.Params, Summary: first.Summary}
	out.Params.Candidates = len(pairs) + len(extra)
	for _, p := range first.Pairs {
		if !in(p.A) {
			out.Pairs = append(out.Pairs, p)
		}
	}
	// A family with a query shows how each of its members hangs under its
	// original, indexed ones too; other pairs of two indexed articles
	// are not the check's to report.
	withQuery := map[int]bool{}
	for _, c := range res.Clusters {
		if c.Members[len(c.Members)-1] >= nc {
			for _, m := range c.Members {
				withQuery[m] = true
			}
		}
	}
	for _, p := range res.Pairs {
		if p.A >= nc || p.B >= nc || p.Relation.Derived() && withQuery[p.A] && withQuery[p.B] {
			out.Pairs = append(out.Pairs, p)
		}
	}
	slices.SortStableFunc(out.Pairs, func(x, y reprint.Pair) int {
		if x.A != y.A {
			return x.A - y.A
		}
		return x.B - y.B
	})
	for _, c := range first.Clusters {
		if !in(c.Original) {
			out.Clusters = append(out.Clusters, c)
		}
	}
	for _, c := range res.Clusters {
		if c.Members[len(c.Members)-1] >= nc {
			out.Clusters = append(out.Clusters, c)
		}
	}
	slices.SortStableFunc(out.Clusters, func(x, y reprint.Cluster) int { return x.Members[0] - y.Members[0] })
	out.Summary.Pairs, out.Summary.Clusters = len(out.Pairs), len(out.Clusters)
	return out, nil
}

// detectors returns one detector per worker, at most one per query (a
// Detector is not for concurrent runs).
func detectors(opts reprint.Options, queries int) ([]*reprint.Detector, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(min(workers, queries), 1)
	dets := make([]*reprint.Detector, workers)
	for i := range dets {
		det, err := reprint.New(opts)
		if err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
		dets[i] = det
	}
	return dets, nil
}

// fingerprints returns the fingerprints of docs and the LSH and anchor
// keys to look up (without boilerplate's, df), made on one goroutine per
// detector.
func fingerprints(dets []*reprint.Detector, docs []reprint.Document, df *reprint.DocFreq) ([]*reprint.Fingerprint, [][]uint64, [][]uint64) {
	fps := make([]*reprint.Fingerprint, len(docs))
	keys := make([][]uint64, len(docs))
	akeys := make([][]uint64, len(docs))
	var wg sync.WaitGroup
	for w, det := range dets {
		wg.Go(func() {
			for i := w; i < len(docs); i += len(dets) {
				fps[i] = det.Fingerprint(docs[i])
				keys[i] = det.QueryKeys(fps[i], df)
				akeys[i] = det.AnchorKeys(fps[i], df)
			}
		})
	}
	wg.Wait()
	return fps, keys, akeys
}

// limitPlus returns the candidate limit to ask the index for, leaving room
// for the query itself, which is dropped.
func limitPlus(limit int) int {
	if limit == 0 {
		return 0
	}
	return limit + 1
}

// prune keeps the documents marked in keep and renumbers the pairs and
// clusters, which refer only to kept documents. The order is kept, so that
// A < B still holds.
func prune(res *reprint.Result, keep []bool) *reprint.Result {
	newIdx := make([]int, len(keep))
	var docs []reprint.DocInfo
	for i, k := range keep {
		newIdx[i] = -1
		if k {
			newIdx[i] = len(docs)
			docs = append(docs, res.Documents[i])
		}
	}
	res.Documents = docs
	renumber(res, func(d int) int { return newIdx[d] })
	return res
}

func pruneTexts(texts []string, keep []bool) []string {
	var out []string
	for i, k := range keep {
		if k {
			out = append(out, texts[i])
		}
	}
	return out
}

// joinDistinct joins errs, nil ones left out and each message once: a
// damaged index fails every query's lookup alike, and one line says it.
func joinDistinct(errs []error) error {
	var out []error
	seen := map[string]bool{}
	for _, err := range errs {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			out = append(out, err)
		}
	}
	return errors.Join(out...)
}
