package reprint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// families groups derived pairs into clusters by star clustering: the
// document most central to its derivation links (the sum of their scores,
// counted in full where the pair names it the original and half where not)
// becomes a family's original, and every document with a direct derived
// link to it joins. Documents are taken in order of centrality, so the hub
// a story was copied from is chosen before its copies. Membership needs a
// direct link to the original: nothing joins through a common neighbour,
// so unrelated documents are never chained together.
//
// Pairs kept: each document's strongest link to a side named its original
// (its likeliest source), and an original's strongest link. Other pairs inside a family (two copies of one
// original resembling each other) are explained by the original and
// dropped; non-derived pairs are kept as they are.
func families(docs []Document, data []docData, pairs []Pair) ([]Pair, []Cluster) {
	n := len(docs)
	central := make([]float64, n)
	best := make([]int, n)   // strongest derived pair of each document
	parent := make([]int, n) // strongest derived pair naming the other side original
	for i := range best {
		best[i], parent[i] = -1, -1
	}
	adj := make([][]int, n) // derived pair indices per document
	for pi, p := range pairs {
		if !p.Relation.Derived() {
			continue
		}
		for _, x := range [2]int{p.A, p.B} {
			w := p.Score / 2
			if p.Original == x {
				w = p.Score
			}
			central[x] += w
			adj[x] = append(adj[x], pi)
			if best[x] == -1 || p.Score > pairs[best[x]].Score {
				best[x] = pi
			}
			if p.Original != x && (parent[x] == -1 || p.Score > pairs[parent[x]].Score) {
				parent[x] = pi
			}
		}
	}
	order := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if len(adj[i]) > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(central[y], central[x]) })

	center := make([]int, n) // family original of each document, -1 none
	for i := range center {
		center[i] = -1
	}
	var clusters []Cluster
	for _, c := range order {
		if center[c] != -1 {
			continue
		}
		members := []int{c}
		for _, pi := range adj[c] {
			p := pairs[pi]
			m := p.A + p.B - c
			if center[m] == -1 && m != c {
				center[m] = c
				members = append(members, m)
			}
		}
		if len(members) == 1 {
			continue // all its neighbours already belong to families
		}
		center[c] = c
		slices.Sort(members)
		clusters = append(clusters, Cluster{Members: members, Original: c})
	}

	keep := make([]bool, len(pairs))
	for pi, p := range pairs {
		switch {
		case !p.Relation.Derived():
			keep[pi] = true
		case parent[p.A] == pi || parent[p.B] == pi:
			keep[pi] = true // a document's link to its likeliest source
		case (parent[p.A] == -1 && best[p.A] == pi) || (parent[p.B] == -1 && best[p.B] == pi):
			keep[pi] = true // an original's strongest link
		}
		// A kept link to a family original names that original.
		if keep[pi] && p.Relation.Derived() {
			for _, x := range [2]int{p.A, p.B} {
				if center[x] == x && (center[p.A+p.B-x] == x) && p.Original != x {
					pairs[pi].Original = x
					pairs[pi].Reason = fmt.Sprintf("original of its family (see cluster); by this pair alone: %s", p.Reason)
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
		clusters[ci].Reason = familyReason(docs, data, pairs, clusters[ci], adj, center)
	}
	return kept, clusters
}

// familyReason explains why a family's original was chosen.
func familyReason(docs []Document, data []docData, pairs []Pair, c Cluster, adj [][]int, center []int) string {
	o := c.Original
	direct, named := 0, 0
	var why []string
	seen := map[string]bool{}
	for _, pi := range adj[o] {
		p := pairs[pi]
		m := p.A + p.B - o
		if center[m] != o {
			continue
		}
		direct++
		if p.Original == o && !strings.HasPrefix(p.Reason, "original of its family") {
			named++
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
	s := fmt.Sprintf("%s is the source the others derive from: %d of %d members link to it directly", docs[o].ID, direct, len(c.Members)-1)
	if named > 0 {
		s += fmt.Sprintf(", and %d of those links name it the original (%s)", named, strings.Join(why, "; "))
	}
	if cr := data[o].credit; cr != "" {
		s += fmt.Sprintf("; it credits %s as its own source", cr)
	}
	return s
}
