package reprint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/reprint-dev/reprint/cluster"
)

// families groups documents into derivation families. Every document takes
// as its parent the original of its strongest derived pair (linkStrength:
// the source that explains most of it, a machine rewrite of another of its
// sources a little discounted, spunDiscount) that names the other side the
// original; parent links are added strongest first and
// skipped when they would close a cycle, so a family is a tree and its root
// is the family's original. A document joins a family only through its own
// derivation link, never because something else resembles both it and a
// member, so unrelated documents are not chained through a common
// neighbour; and a text merged from two sources joins one family only.
// Two originals joined only by a weak link stay apart (separateOriginals).
//
// Pairs kept: each document's link to its parent, and an original's
// strongest link when it goes to another family, of the links not set
// aside (inherited: a link to a near-whole copy of another text that
// holds as much of the original). Other pairs inside a
// family (two copies of one original resembling each other, or the
// original resembling a copy of a copy) are explained by the tree and
// dropped; non-derived pairs are kept as they are.
func families(data []*Fingerprint, pairs []Pair) ([]Pair, []Cluster) {
	n := len(data)
	best := make([]int, n)  // strongest derived pair of each document, not set aside
	adj := make([][]int, n) // derived pair indices per document
	for i := range best {
		best[i] = -1
	}
	for pi, p := range pairs {
		if !p.Relation.Derived() {
			continue
		}
		for _, x := range [2]int{p.A, p.B} {
			adj[x] = append(adj[x], pi)
			if !p.aside && (best[x] == -1 || linkStrength(p) > linkStrength(pairs[best[x]])) {
				best[x] = pi
			}
		}
	}
	center, parent := treeFamilies(data, pairs)
	byRoot := map[int][]int{}
	for i, c := range center {
		if c != -1 {
			byRoot[c] = append(byRoot[c], i)
		}
	}
	var clusters []Cluster
	for c, m := range byRoot {
		ps := make([]int, len(m))
		for k, x := range m {
			ps[k] = -1
			if pi := parent[x]; pi >= 0 && x != c {
				ps[k] = pairs[pi].A + pairs[pi].B - x
			}
		}
		clusters = append(clusters, Cluster{Members: m, Parents: ps, Original: c})
	}
	slices.SortFunc(clusters, func(x, y Cluster) int { return cmp.Compare(x.Members[0], y.Members[0]) })

	keep := make([]bool, len(pairs))
	for pi, p := range pairs {
		switch {
		case !p.Relation.Derived():
			keep[pi] = true
		case parent[p.A] == pi || parent[p.B] == pi:
			keep[pi] = true // a document's link to its likeliest source
		case center[p.A] != center[p.B] && ((parent[p.A] == -1 && best[p.A] == pi) || (parent[p.B] == -1 && best[p.B] == pi)):
			keep[pi] = true // an original's strongest link, to another family
		}
		// A kept link to a family original names that original.
		if keep[pi] && p.Relation.Derived() {
			for _, x := range [2]int{p.A, p.B} {
				if center[x] == x && (center[p.A+p.B-x] == x) && p.Original != x {
					pairs[pi].Original = x
					pairs[pi].Reason = fmt.Sprintf("original of its family (see cluster); by this pair alone: %s", p.Reason)
					pairs[pi].OriginalBy = ByFamily
				}
			}
		}
	}
	var kept []Pair
	for pi, p := range pairs {
		if keep[pi] {
			kept = append(kept, p)
		}
	}
	for ci := range clusters {
		clusters[ci].Reason, clusters[ci].OriginalBy = familyReason(data, pairs, clusters[ci], adj, center, parent)
	}
	return kept, clusters
}

// familyReason explains why a family's original was chosen, for people
// and as a By code (Cluster.OriginalBy). It counts the members whose link
// to the original is reported (their parent is the original) apart from
// the others that share passages with it directly too, each shown under
// the member it is closest to: a reason that counted links the report
// drops as shown would read as wrong beside the list.
func familyReason(data []*Fingerprint, pairs []Pair, c Cluster, adj [][]int, center []int, parent []int) (string, string) {
	o := c.Original
	direct, named, more := 0, 0, 0
	by := ByLinks
	rank := func(b string) int {
		if i := slices.Index(byRank, b); i >= 0 {
			return i
		}
		return len(byRank)
	}
	var why []string
	seen := map[string]bool{}
	for _, pi := range adj[o] {
		p := pairs[pi]
		m := p.A + p.B - o
		if center[m] != o {
			continue
		}
		if parent[m] == pi {
			direct++
		} else {
			more++
		}
		if p.Original == o && !strings.HasPrefix(p.Reason, "original of its family") {
			named++
			if rank(p.OriginalBy) < rank(by) {
				by = p.OriginalBy
			}
			r := p.Reason
			if i := strings.IndexAny(r, ":(0123456789"); i > 0 {
				r = strings.TrimSpace(r[:i])
			}
			if !seen[r] {
				seen[r] = true
				why = append(why, r)
			}
		}
	}
	s := fmt.Sprintf("%s is the source the others derive from: %d of %d members link to it directly", data[o].id, direct, len(c.Members)-1)
	switch {
	case more == 1:
		s += ", 1 more shares passages with it too (listed under the member it is closest to)"
	case more > 1:
		s += fmt.Sprintf(", %d more share passages with it too (each listed under the member it is closest to)", more)
	}
	switch {
	case named > 0 && more > 0:
		s += fmt.Sprintf(", and %d of the %d links name it the original (%s)", named, direct+more, strings.Join(why, "; "))
	case named > 0:
		s += fmt.Sprintf(", and %d of those links name it the original (%s)", named, strings.Join(why, "; "))
	}
	if cr := data[o].credit; cr != "" {
		s += fmt.Sprintf("; it credits %s as its own source", cr)
	}
	return s, by
}

// treeFamilies returns each document's family root (-1: in no family) and
// its parent link (a pair index, -1: none).
func treeFamilies(data []*Fingerprint, pairs []Pair) (center []int, parent []int) {
	n := len(data)
	order := make([]int, 0, len(pairs))
	for i, p := range pairs {
		if p.Relation.Derived() {
			order = append(order, i)
		}
	}
	strength := spunDiscount(pairs, order)
	slices.SortStableFunc(order, func(x, y int) int {
		if lx, ly := pairs[x].late, pairs[y].late; lx != ly {
			if lx {
				return 1
			}
			return -1
		}
		return cmp.Compare(strength[y], strength[x])
	})
	parent = make([]int, n)
	for i := range parent {
		parent[i] = -1
	}
	hasKids := make([]bool, n)
	uf := cluster.New(n)
	for _, pi := range order {
		p := pairs[pi]
		child := p.A + p.B - p.Original
		if parent[child] != -1 || separateOriginals(data, p, hasKids) || !uf.Union(child, p.Original) {
			continue
		}
		parent[child] = pi
		hasKids[p.Original] = true
	}
	center = make([]int, n)
	for i := range center {
		center[i] = -1
	}
	for i := 0; i < n; i++ {
		if parent[i] == -1 && !hasKids[i] {
			continue
		}
		x := i
		for parent[x] != -1 {
			x = pairs[parent[x]].Original
		}
		center[i] = x
	}
	return center, parent
}

// linkStrength orders derived links for choosing parents, strongest
// first: the share of the child (the side that is not the original)
// inside matching passages, plus the share of exact five-word phrases
// (Jaccard). What counts is how much of the child a source explains, not
// how much of the shorter text is matched: a short paper lies wholly
// inside a machine rewrite of its wire story (score 1) but explains a
// third of the rewrite, which its wire story explains almost whole. And a
// text and a reworded copy of it align alike with what a third text took
// from the first; the third shares more exact wording with the text it
// took from (measured on spun copies of wire texts).
func linkStrength(p Pair) float64 {
	c := p.covA
	if p.Original == p.A {
		c = p.covB
	}
	return c + p.Jaccard
}

// spunDiscount returns the linkStrength of each derived pair (indexed as
// pairs; order lists the derived ones), less spunTolerance for a link from
// a child C to a machine rewrite R of some S when C links to S too, nearly
// as strongly: a paper on the story aligns about as well with a spun or
// round-tripped copy of its wire story as with the story, a little
// better at times (a 65-word paper: 0.88 with the spun copy, 0.84 with
// the story), but it was written from the fluent text, not the garbled
// one.
func spunDiscount(pairs []Pair, order []int) []float64 {
	strength := make([]float64, len(pairs))
	spunFrom := map[int][]int{}   // machine rewrite → the originals it rewrites
	links := map[[2]int]float64{} // child, original → strength
	for _, i := range order {
		p := pairs[i]
		child := p.A + p.B - p.Original
		strength[i] = linkStrength(p)
		links[[2]int{child, p.Original}] = max(links[[2]int{child, p.Original}], strength[i])
		if p.Relation == MachineRewrite {
			spunFrom[child] = append(spunFrom[child], p.Original)
		}
	}
	for _, i := range order {
		p := pairs[i]
		child := p.A + p.B - p.Original
		for _, s := range spunFrom[p.Original] {
			if w, ok := links[[2]int{child, s}]; ok && w >= strength[i]-spunTolerance {
				strength[i] -= spunTolerance
				break
			}
		}
	}
	return strength
}

// spunTolerance is how much more of a text a machine rewrite may explain
// than the rewrite's own source does while the source stays its parent.
const spunTolerance = 0.05

// weakLink is the score below which a derived pair shares less than half
// of either text: background, not one text copied from the other.
const weakLink = 0.5

// separateOriginals reports whether derived pair p joins two originals
// rather than a copy to its source, so that it must not make the child
// side part of the original's family: both texts read as written the day
// their events happened, the child already has derived texts of its own
// (hasKids, the parent links added so far), and the link is weak. Two
// wire stories on one trial a day apart share background this way; each
// is the original of the papers that rewrote it.
func separateOriginals(data []*Fingerprint, p Pair, hasKids []bool) bool {
	child := p.A + p.B - p.Original
	return p.Score < weakLink && hasKids[child] && data[child].sameDay() && data[p.Original].sameDay()
}
