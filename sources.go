package reprint

import (
	"cmp"
	"fmt"
	"slices"
)

// A text can be built from several earlier ones without any one of them
// holding enough of it to count alone: a morning paper's court report
// takes the wire's opening story, its afternoon update and the quotes of
// a third take. Each pair falls below MinScore; together the sources make
// up most of the paper's text. So a document that no pair derives is
// derived from its earlier texts when, together, their passages cover at
// least MinScore of it.
//
// Only texts known to be earlier count as its sources: their publication
// times, an agency byline or how the texts date their events say so
// (precedes). A text of the same day with no such sign may be a sibling
// that took the same source, or its own reporter's notes of the same
// hearing; letting siblings add up would make every paper on a story
// derived from the others.

// sourceLink is a verified pair below the pair rules whose earlier side
// is known: a candidate share of a document built from several sources.
type sourceLink struct {
	n      int      // the pair's index among the candidates
	later  int      // the document that takes from the other
	cov    float64  // share of later's content words inside the passages
	spans  [][2]int // later's content-word ranges inside the passages
	nwords int      // later's content words
}

// precedes returns the side of a pair (0: a, 1: b) that the documents
// themselves show was written first, or -1 when they do not: published
// earlier, agency copy against a paper, or dating the events "today"
// against "yesterday" (the order attribute weighs them in). Length,
// containment and input order say nothing about time and are not used.
func precedes(a, b *Fingerprint) int {
	switch {
	case !a.published.IsZero() && !b.published.IsZero() && !a.published.Equal(b.published):
		if a.published.Before(b.published) {
			return 0
		}
		return 1
	case (a.wire == "") != (b.wire == ""):
		if a.wire != "" {
			return 0
		}
		return 1
	case a.days != b.days:
		if a.days > b.days {
			return 0
		}
		return 1
	}
	return -1
}

// linkOf returns the source link of verified pair n between documents a
// and b (fingerprints fa, fb) that no pair rule keeps, if it is one: it
// aligns enough words to be more than shared names, and one side is known
// to be earlier.
func linkOf(n, a, b int, fa, fb *Fingerprint, f pairFeatures) (sourceLink, bool) {
	if f.matched < minMatched || len(f.passages) == 0 {
		return sourceLink{}, false
	}
	first := precedes(fa, fb)
	if first < 0 {
		return sourceLink{}, false
	}
	l := sourceLink{n: n, later: b, cov: f.covB, nwords: len(fb.chash)}
	if first == 1 {
		l.later, l.cov, l.nwords = a, f.covA, len(fa.chash)
	}
	l.spans = make([][2]int, len(f.passages))
	for i, p := range f.passages {
		if l.later == a {
			l.spans[i] = [2]int{p.AStart, p.AEnd}
		} else {
			l.spans[i] = [2]int{p.BStart, p.BEnd}
		}
	}
	return l, true
}

// joined is a source link that joinSources takes, with the share of its
// later document that its picked links make up together.
type joined struct {
	n       int
	share   float64
	sources int // links picked for the document
}

// joinSources picks the links that derive documents together. For each
// document that is not already the derived side of a kept pair (derived),
// its links' passages are united; when they cover at least minScore of
// it, its links are taken, most covering first, while each adds at least
// minMatched words not covered yet. The result is in link order.
func joinSources(links []sourceLink, derived func(doc int) bool, minScore float64) []joined {
	byDoc := map[int][]int{}
	var docs []int
	for k, l := range links {
		if derived(l.later) {
			continue
		}
		if byDoc[l.later] == nil {
			docs = append(docs, l.later)
		}
		byDoc[l.later] = append(byDoc[l.later], k)
	}
	slices.Sort(docs)
	var out []joined
	for _, d := range docs {
		ks := byDoc[d]
		if len(ks) < 2 {
			continue // one link alone is judged by the pair rules
		}
		slices.SortStableFunc(ks, func(x, y int) int { return cmp.Compare(links[y].cov, links[x].cov) })
		covered := make([]bool, links[ks[0]].nwords)
		total := 0
		var picked []int
		for _, k := range ks {
			added := 0
			for _, s := range links[k].spans {
				for w := s[0]; w < s[1] && w < len(covered); w++ {
					if !covered[w] {
						added++
					}
				}
			}
			if added < minMatched && len(picked) > 0 {
				continue
			}
			for _, s := range links[k].spans {
				for w := s[0]; w < s[1] && w < len(covered); w++ {
					covered[w] = true
				}
			}
			total += added
			picked = append(picked, k)
		}
		share := float64(total) / float64(max(1, len(covered)))
		if share < minScore || len(picked) < 2 {
			continue
		}
		for _, k := range picked {
			out = append(out, joined{n: links[k].n, share: share, sources: len(picked)})
		}
	}
	slices.SortFunc(out, func(x, y joined) int { return cmp.Compare(x.n, y.n) })
	return out
}

// joinedReason adds to a pair's attribution reason that its original is
// one of several earlier texts that together make up the other side.
func joinedReason(reason string, j joined, later string) string {
	return fmt.Sprintf("%s; with %d other earlier %s it makes up %.0f%% of %s",
		reason, j.sources-1, plural(j.sources-1, "text", "texts"), 100*j.share, later)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// derivedRelation is the relation of a derived pair: what its literal
// measures decide, else a machine rewrite when one side is garbled, else a
// rewrite.
func derivedRelation(f pairFeatures, a, b *Fingerprint) Relation {
	if rel := literalRelation(f); rel != "" {
		return rel
	}
	if garbled(a, b) {
		return MachineRewrite
	}
	return Rewrite
}

// joinSources keeps the pairs (keep) whose links (spans nil: none) derive
// a document together with others, and says so in their reasons.
func (d *Detector) joinSources(fps []*Fingerprint, pairs []Pair, keep []bool, links []sourceLink) {
	derived := make([]bool, len(fps))
	var ls []sourceLink
	for n, p := range pairs {
		switch {
		case keep[n] && p.Relation.Derived():
			derived[p.A+p.B-p.Original] = true
		case links[n].spans != nil:
			ls = append(ls, links[n])
		}
	}
	join := joinSources(ls, func(i int) bool { return derived[i] }, d.opts.MinScore)
	for _, j := range join {
		p := &pairs[j.n]
		p.Reason = joinedReason(p.Reason, j, fps[p.A+p.B-p.Original].id)
		keep[j.n] = true
	}
	// A link not joined that the pair rules keep is a same-story pair.
	for n := range links {
		if links[n].spans == nil || !keep[n] {
			continue
		}
		if _, found := slices.BinarySearchFunc(join, n, func(j joined, n int) int { return cmp.Compare(j.n, n) }); !found {
			pairs[n].Relation = SameStory
		}
	}
}
