// Package cluster groups items linked by edges. It holds a union-find
// (disjoint set) with path halving and union by size.
package cluster

// UnionFind tracks disjoint sets of the integers 0..n-1.
type UnionFind struct {
	parent, size []int
}

// New returns n singleton sets.
func New(n int) *UnionFind {
	u := &UnionFind{parent: make([]int, n), size: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
		u.size[i] = 1
	}
	return u
}

// Find returns the representative of x's set.
func (u *UnionFind) Find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// Union merges the sets of x and y and reports whether they were apart.
func (u *UnionFind) Union(x, y int) bool {
	x, y = u.Find(x), u.Find(y)
	if x == y {
		return false
	}
	if u.size[x] < u.size[y] {
		x, y = y, x
	}
	u.parent[y] = x
	u.size[x] += u.size[y]
	return true
}

// Components returns the sets with at least minSize members, each sorted
// ascending, ordered by their smallest member.
func (u *UnionFind) Components(minSize int) [][]int {
	groups := map[int][]int{}
	var roots []int
	for i := range u.parent {
		r := u.Find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out [][]int
	for _, r := range roots { // roots appear in order of their smallest member
		if g := groups[r]; len(g) >= minSize {
			out = append(out, g)
		}
	}
	return out
}
