package shingle

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestHashWord(t *testing.T) {
	// Known FNV-1a-64 values: HashWord must never change, since hashes are
	// stored and compared across runs and machines.
	tests := []struct {
		name string
		in   string
		want uint64
	}{
		{"empty", "", 0xcbf29ce484222325},
		{"a", "a", 0xaf63dc4c8601ec8c},
		{"foobar", "foobar", 0x85944171f73967e8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HashWord(tt.in); got != tt.want {
				t.Errorf("HashWord(%q): got %#x, want %#x", tt.in, got, tt.want)
			}
		})
	}
	for _, s := range []string{"the", "zelenskyys", "東京", "cafe\u0301", "\xff"} {
		t.Run("fnv64a "+s, func(t *testing.T) {
			h := fnv.New64a()
			h.Write([]byte(s))
			if got, want := HashWord(s), h.Sum64(); got != want {
				t.Errorf("HashWord(%q): got %#x, want %#x", s, got, want)
			}
			if a, b := HashWord(s), HashWord(s); a != b {
				t.Errorf("HashWord(%q) twice: got %#x and %#x, want equal", s, a, b)
			}
		})
	}
}

func TestMix(t *testing.T) {
	// splitmix64 finalizer reference values: the first output of a
	// splitmix64 generator seeded with 0 is Mix(golden gamma).
	tests := []struct {
		in, want uint64
	}{
		{0, 0},
		{0x9e3779b97f4a7c15, 0xe220a8397b1dcdaf},
	}
	for _, tt := range tests {
		if got := Mix(tt.in); got != tt.want {
			t.Errorf("Mix(%#x): got %#x, want %#x", tt.in, got, tt.want)
		}
	}
	seen := map[uint64]bool{}
	for i := uint64(0); i < 1000; i++ {
		h := Mix(i)
		if seen[h] {
			t.Fatalf("Mix(%d) = %#x collides with an earlier input", i, h)
		}
		seen[h] = true
	}
}

func TestAppendShingles(t *testing.T) {
	w := []uint64{HashWord("a"), HashWord("b"), HashWord("c"), HashWord("d")}
	tests := []struct {
		name  string
		words []uint64
		k     int
		want  int
	}{
		{"empty", nil, 3, 0},
		{"k=1 one per word", w, 1, 4},
		{"k=2", w, 2, 3},
		{"k equals len", w, 4, 1},
		{"k larger than text", w, 9, 1},
		{"single word large k", w[:1], 5, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AppendShingles(nil, tt.words, tt.k)
			if len(got) != tt.want {
				t.Errorf("len(AppendShingles(%d words, k=%d)): got %d, want %d", len(tt.words), tt.k, len(got), tt.want)
			}
		})
	}

	t.Run("k larger than text equals k=len", func(t *testing.T) {
		got, want := AppendShingles(nil, w, 9), AppendShingles(nil, w, len(w))
		if !slices.Equal(got, want) {
			t.Errorf("got %#x, want %#x", got, want)
		}
	})
	t.Run("appends to dst", func(t *testing.T) {
		dst := []uint64{42}
		got := AppendShingles(dst, w, 2)
		if len(got) != 4 || got[0] != 42 {
			t.Errorf("got %v, want 42 followed by 3 shingles", got)
		}
	})
	t.Run("empty keeps dst", func(t *testing.T) {
		got := AppendShingles([]uint64{7}, nil, 2)
		if !slices.Equal(got, []uint64{7}) {
			t.Errorf("got %v, want [7]", got)
		}
	})
	t.Run("order sensitive", func(t *testing.T) {
		ab := AppendShingles(nil, []uint64{w[0], w[1]}, 2)
		ba := AppendShingles(nil, []uint64{w[1], w[0]}, 2)
		if ab[0] == ba[0] {
			t.Errorf("shingle(a b) == shingle(b a) = %#x, want different", ab[0])
		}
	})
	t.Run("same window same hash", func(t *testing.T) {
		// "a b c a b" with k=2: windows 0 and 3 are both "a b".
		got := AppendShingles(nil, []uint64{w[0], w[1], w[2], w[0], w[1]}, 2)
		if got[0] != got[3] {
			t.Errorf("shingle 0 %#x and shingle 3 %#x: want equal", got[0], got[3])
		}
		if got[0] == got[1] {
			t.Errorf("shingle 0 and 1 both %#x: want different", got[0])
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		// Fixed value: shingles are stored (indexes), so the hashing must
		// not change without a new fingerprint version.
		got := AppendShingles(nil, []uint64{1, 2}, 2)
		want := Mix((1*shinglePrime + 2) ^ fnvOffset)
		if got[0] != want {
			t.Errorf("got %#x, want %#x", got[0], want)
		}
	})
}

func TestNewSet(t *testing.T) {
	tests := []struct {
		name string
		in   []uint64
		want Set
	}{
		{"nil", nil, Set{}},
		{"single", []uint64{5}, Set{5}},
		{"sorted", []uint64{1, 2, 3}, Set{1, 2, 3}},
		{"unsorted", []uint64{3, 1, 2}, Set{1, 2, 3}},
		{"duplicates", []uint64{3, 1, 3, 2, 1, 3}, Set{1, 2, 3}},
		{"all equal", []uint64{9, 9, 9}, Set{9}},
		{"extremes", []uint64{math.MaxUint64, 0, math.MaxUint64}, Set{0}},
		{"folded halves", []uint64{1 << 32, 1, 2 << 32, 3}, Set{1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewSet(slices.Clone(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("NewSet(%v): got %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSetMeasures(t *testing.T) {
	tests := []struct {
		name        string
		a, b        Set
		inter       int
		jaccard     float64
		containAInB float64
		containBInA float64
	}{
		{"both empty", Set{}, Set{}, 0, 0, 0, 0},
		{"nil sets", nil, nil, 0, 0, 0, 0},
		{"a empty", Set{}, Set{1, 2}, 0, 0, 0, 0},
		{"b empty", Set{1, 2}, nil, 0, 0, 0, 0},
		{"identical", Set{1, 2, 3}, Set{1, 2, 3}, 3, 1, 1, 1},
		{"disjoint", Set{1, 3, 5}, Set{2, 4, 6}, 0, 0, 0, 0},
		{"half", Set{1, 2, 3}, Set{2, 3, 4}, 2, 0.5, 2.0 / 3, 2.0 / 3},
		{"subset", Set{2, 3}, Set{1, 2, 3, 4}, 2, 0.5, 1, 0.5},
		{"interleaved", Set{1, 4, 7, 10}, Set{2, 4, 6, 8, 10}, 2, 2.0 / 7, 0.5, 0.4},
		{"extremes", Set{0, math.MaxUint32}, Set{math.MaxUint32}, 1, 0.5, 0.5, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Intersect(tt.a, tt.b); got != tt.inter {
				t.Errorf("Intersect(%v, %v): got %d, want %d", tt.a, tt.b, got, tt.inter)
			}
			if got := Intersect(tt.b, tt.a); got != tt.inter {
				t.Errorf("Intersect(%v, %v): got %d, want %d", tt.b, tt.a, got, tt.inter)
			}
			if got := Jaccard(tt.a, tt.b); !near(got, tt.jaccard) {
				t.Errorf("Jaccard(%v, %v): got %v, want %v", tt.a, tt.b, got, tt.jaccard)
			}
			if got := Jaccard(tt.b, tt.a); !near(got, tt.jaccard) {
				t.Errorf("Jaccard(%v, %v): got %v, want %v", tt.b, tt.a, got, tt.jaccard)
			}
			if got := Containment(tt.a, tt.b); !near(got, tt.containAInB) {
				t.Errorf("Containment(%v, %v): got %v, want %v", tt.a, tt.b, got, tt.containAInB)
			}
			if got := Containment(tt.b, tt.a); !near(got, tt.containBInA) {
				t.Errorf("Containment(%v, %v): got %v, want %v", tt.b, tt.a, got, tt.containBInA)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// TestAppendShinglesRolling checks the rolled hash against each window's
// polynomial hash computed directly.
func TestAppendShinglesRolling(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, k := range []int{1, 2, 3, 5, 8} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			words := make([]uint64, 40)
			for i := range words {
				words[i] = r.Uint64()
			}
			got := AppendShingles(nil, words, k)
			for i := 0; i+k <= len(words); i++ {
				var h uint64
				for _, w := range words[i : i+k] {
					h = h*shinglePrime + w
				}
				if want := Mix(h ^ fnvOffset); got[i] != want {
					t.Fatalf("shingle %d: got %#x, want %#x", i, got[i], want)
				}
			}
		})
	}
}

func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, tc := range []struct {
		name string
		n    int
		mask uint32
	}{
		{"empty", 0, ^uint32(0)},
		{"short", 10, ^uint32(0)},
		{"radix", 500, ^uint32(0)},
		{"same high bytes", 300, 0xff},
		{"all equal", 200, 0},
		{"large", 5000, ^uint32(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := make([]uint32, tc.n)
			for i := range s {
				s[i] = r.Uint32() & tc.mask
			}
			want := slices.Clone(s)
			slices.Sort(want)
			sortHashes(s)
			if !slices.Equal(s, want) {
				t.Errorf("sortHashes of %d: got %v..., want %v...", tc.n, s[:min(5, len(s))], want[:min(5, len(want))])
			}
		})
	}
}

func BenchmarkSortSet(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	src := make([]uint32, 450)
	for i := range src {
		src[i] = r.Uint32()
	}
	s := make([]uint32, len(src))
	b.SetBytes(4 * int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		copy(s, src)
		sortHashes(s)
	}
}
