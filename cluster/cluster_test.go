package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestUnionFind(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		edges   [][2]int
		minSize int
		want    [][]int
	}{
		{"empty", 0, nil, 1, nil},
		{"singletons", 3, nil, 1, [][]int{{0}, {1}, {2}}},
		{"singletons dropped", 3, nil, 2, nil},
		{"one pair", 4, [][2]int{{2, 1}}, 2, [][]int{{1, 2}}},
		{"one pair with singletons", 4, [][2]int{{2, 1}}, 1, [][]int{{0}, {1, 2}, {3}}},
		{"chain", 5, [][2]int{{4, 3}, {3, 2}, {2, 1}, {1, 0}}, 2, [][]int{{0, 1, 2, 3, 4}}},
		{
			name:    "ordered by smallest member",
			n:       8,
			edges:   [][2]int{{7, 1}, {6, 0}, {5, 2}, {2, 7}},
			minSize: 2,
			want:    [][]int{{0, 6}, {1, 2, 5, 7}},
		},
		{
			name:    "minSize filters",
			n:       7,
			edges:   [][2]int{{0, 1}, {1, 2}, {3, 4}, {5, 6}, {6, 5}},
			minSize: 3,
			want:    [][]int{{0, 1, 2}},
		},
		{"self loop", 2, [][2]int{{1, 1}}, 1, [][]int{{0}, {1}}},
		{"minSize zero keeps all", 2, nil, 0, [][]int{{0}, {1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := New(tt.n)
			for _, e := range tt.edges {
				u.Union(e[0], e[1])
			}
			got := u.Components(tt.minSize)
			if !equalGroups(got, tt.want) {
				t.Errorf("Components(%d): got %v, want %v", tt.minSize, got, tt.want)
			}
		})
	}
}

func TestUnionReports(t *testing.T) {
	u := New(4)
	steps := []struct {
		x, y int
		want bool
	}{
		{0, 1, true},
		{1, 0, false},
		{2, 3, true},
		{0, 3, true},
		{1, 2, false},
		{3, 3, false},
	}
	for _, s := range steps {
		if got := u.Union(s.x, s.y); got != s.want {
			t.Errorf("Union(%d, %d): got %v, want %v", s.x, s.y, got, s.want)
		}
	}
	r := u.Find(0)
	for x := range 4 {
		if got := u.Find(x); got != r {
			t.Errorf("Find(%d): got %d, want %d (same set as 0)", x, got, r)
		}
	}
}

func TestFind(t *testing.T) {
	u := New(6)
	for x := range 6 {
		if got := u.Find(x); got != x {
			t.Errorf("Find(%d) of a singleton: got %d, want %d", x, got, x)
		}
	}
	u.Union(0, 1)
	u.Union(2, 3)
	tests := []struct {
		x, y int
		same bool
	}{
		{0, 1, true},
		{2, 3, true},
		{1, 2, false},
		{4, 5, false},
		{0, 0, true},
	}
	for _, tt := range tests {
		if got := u.Find(tt.x) == u.Find(tt.y); got != tt.same {
			t.Errorf("Find(%d) == Find(%d): got %v, want %v", tt.x, tt.y, got, tt.same)
		}
	}
}

// TestComponentsIndependentOfOrder checks that the same edges in any
// order, and either direction, give the same components: a brute-force
// graph search is the reference.
func TestComponentsIndependentOfOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 60
	edges := make([][2]int, 45)
	for i := range edges {
		edges[i] = [2]int{r.IntN(n), r.IntN(n)}
	}
	want := reference(n, edges)
	for trial := range 20 {
		r.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
		u := New(n)
		for _, e := range edges {
			if r.IntN(2) == 0 {
				e[0], e[1] = e[1], e[0]
			}
			u.Union(e[0], e[1])
		}
		if got := u.Components(1); !equalGroups(got, want) {
			t.Fatalf("trial %d: Components: got %v, want %v", trial, got, want)
		}
	}
}

// reference finds connected components by depth-first search.
func reference(n int, edges [][2]int) [][]int {
	adj := make([][]int, n)
	for _, e := range edges {
		adj[e[0]] = append(adj[e[0]], e[1])
		adj[e[1]] = append(adj[e[1]], e[0])
	}
	seen := make([]bool, n)
	var out [][]int
	for s := range n {
		if seen[s] {
			continue
		}
		var g []int
		stack := []int{s}
		seen[s] = true
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			g = append(g, x)
			for _, y := range adj[x] {
				if !seen[y] {
					seen[y] = true
					stack = append(stack, y)
				}
			}
		}
		slices.Sort(g)
		out = append(out, g)
	}
	return out
}

func equalGroups(a, b [][]int) bool {
	return slices.EqualFunc(a, b, func(x, y []int) bool { return slices.Equal(x, y) })
}

func BenchmarkComponents(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 10000
	edges := make([][2]int, n)
	for i := range edges {
		edges[i] = [2]int{r.IntN(n), r.IntN(n)}
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(edges) * 16))
	for b.Loop() {
		u := New(n)
		for _, e := range edges {
			u.Union(e[0], e[1])
		}
		_ = u.Components(2)
	}
}
