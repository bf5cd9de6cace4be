package align

import (
	"slices"
	"testing"
)

func TestGaps(t *testing.T) {
	x := seq(100, 30)
	swap := func(s []uint32, at ...int) []uint32 {
		s = slices.Clone(s)
		for _, i := range at {
			s[i] = uint32(9000 + i)
		}
		return s
	}
	whole := func(a, b []uint32) []Passage {
		return []Passage{{AEnd: len(a), BEnd: len(b)}}
	}
	tests := []struct {
		name string
		a, b []uint32
		want GapCounts
	}{
		{"same", x, x, GapCounts{Equal: 30}},
		{"one swapped", x, swap(x, 5), GapCounts{Equal: 29, Even: 1}},
		{"two apart swapped", x, swap(x, 5, 20), GapCounts{Equal: 28, Even: 2}},
		{"two together swapped", x, swap(x, 5, 6), GapCounts{Equal: 28, Even: 2}},
		{"words cut", x, cat(x[:10], x[13:]), GapCounts{Equal: 27, Uneven: 3}},
		{"words added", cat(x[:10], seq(500, 2), x[10:]), x, GapCounts{Equal: 30, Uneven: 2}},
		{"two for three", cat(x[:10], seq(500, 2), x[13:]), x, GapCounts{Equal: 27, Uneven: 3}},
		{"gap too wide ends the walk", x, cat(x[:10], seq(500, 9), x[19:]), GapCounts{Equal: 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Gaps(tt.a, tt.b, whole(tt.a, tt.b), 4); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	t.Run("only inside passages", func(t *testing.T) {
		a, b := x, swap(x, 2, 25)
		got := Gaps(a, b, []Passage{{AStart: 10, AEnd: 20, BStart: 10, BEnd: 20}}, 4)
		if want := (GapCounts{Equal: 10}); got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("passages past the sequences", func(t *testing.T) {
		got := Gaps(x[:5], x[:5], []Passage{{AEnd: 50, BEnd: 50}}, 0)
		if want := (GapCounts{Equal: 5}); got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
}

// FuzzGaps checks Gaps on the passages Passages finds: it never panics and
// never counts more tokens than the passages hold.
func FuzzGaps(f *testing.F) {
	f.Add([]byte("abcdefghij"), []byte("abcXefgYij"))
	f.Add([]byte("abcdefghijklmnop"), []byte("abcdefZZZklmnop"))
	f.Fuzz(func(t *testing.T, x, y []byte) {
		a, b := make([]uint32, len(x)), make([]uint32, len(y))
		for i, c := range x {
			a[i] = uint32(c)
		}
		for i, c := range y {
			b[i] = uint32(c)
		}
		ps := Passages(a, b, Options{K: 1, MaxGap: 4, MinAnchors: 3})
		g := Gaps(a, b, ps, 4)
		inA, inB := 0, 0
		for _, p := range ps {
			inA += p.AEnd - p.AStart
			inB += p.BEnd - p.BStart
		}
		if g.Equal+g.Even > min(inA, inB) || g.Equal+g.Even+g.Uneven > inA+inB {
			t.Errorf("got %+v over passages of %d and %d tokens", g, inA, inB)
		}
	})
}

func BenchmarkGaps(b *testing.B) {
	x, y := benchPair(4000)
	ps := Passages(x, y, Options{K: 1, MaxGap: 4, MinAnchors: 3})
	b.SetBytes(int64(4 * (len(x) + len(y))))
	b.ReportAllocs()
	for b.Loop() {
		Gaps(x, y, ps, 4)
	}
}
