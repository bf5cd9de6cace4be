package align

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// seq returns n distinct tokens starting at base.
func seq(base, n int) []uint32 {
	s := make([]uint32, n)
	for i := range s {
		s[i] = uint32(base + i)
	}
	return s
}

func cat(parts ...[]uint32) []uint32 { return slices.Concat(parts...) }

// checkPassages fails t if ps break the documented invariants: within
// bounds, non-empty, ordered by AStart, no overlap in a or in b.
func checkPassages(t *testing.T, ps []Passage, na, nb int, o Options) {
	t.Helper()
	o = o.withDefaults()
	usedA, usedB := make([]bool, na), make([]bool, nb)
	for k, p := range ps {
		if p.AStart < 0 || p.AStart >= p.AEnd || p.AEnd > na || p.BStart < 0 || p.BStart >= p.BEnd || p.BEnd > nb {
			t.Fatalf("passage %d %+v: out of bounds for len(a)=%d len(b)=%d", k, p, na, nb)
		}
		if p.Anchors < o.MinAnchors {
			t.Errorf("passage %d %+v: got %d anchors, want >= %d", k, p, p.Anchors, o.MinAnchors)
		}
		if k > 0 && ps[k-1].AStart >= p.AStart {
			t.Errorf("passages %d,%d: AStart %d then %d, want ascending", k-1, k, ps[k-1].AStart, p.AStart)
		}
		for i := p.AStart; i < p.AEnd; i++ {
			if usedA[i] {
				t.Fatalf("passage %d %+v: overlaps an earlier passage in a at %d", k, p, i)
			}
			usedA[i] = true
		}
		for j := p.BStart; j < p.BEnd; j++ {
			if usedB[j] {
				t.Fatalf("passage %d %+v: overlaps an earlier passage in b at %d", k, p, j)
			}
			usedB[j] = true
		}
	}
}

func TestPassages(t *testing.T) {
	x, y, z := seq(100, 20), seq(200, 15), seq(300, 12)
	sub := func(s []uint32, at ...int) []uint32 {
		s = slices.Clone(s)
		for _, i := range at {
			s[i] = uint32(9000 + i)
		}
		return s
	}
	tests := []struct {
		name string
		a, b []uint32
		o    Options
		want []Passage
	}{
		{
			name: "empty",
			want: nil,
		},
		{
			name: "shorter than k",
			a:    seq(1, 1), b: seq(1, 1),
			want: nil,
		},
		{
			name: "identical",
			a:    x, b: x,
			want: []Passage{{0, 20, 0, 20, 19}},
		},
		{
			name: "identical with k=3",
			a:    x, b: x, o: Options{K: 3},
			want: []Passage{{0, 20, 0, 20, 18}},
		},
		{
			name: "unrelated",
			a:    x, b: y,
			want: nil,
		},
		{
			name: "one shared bigram is too little",
			a:    cat(seq(1, 10), seq(500, 2), seq(20, 10)),
			b:    cat(seq(40, 10), seq(500, 2), seq(60, 10)),
			want: nil,
		},
		{
			name: "three shared tokens make a passage",
			a:    cat(seq(1, 10), seq(500, 3), seq(20, 10)),
			b:    cat(seq(40, 5), seq(500, 3), seq(60, 10)),
			want: []Passage{{10, 13, 5, 8, 2}},
		},
		{
			name: "copy embedded in other text",
			a:    cat(seq(1, 7), x, seq(30, 9)),
			b:    cat(seq(50, 3), x, seq(60, 4)),
			want: []Passage{{7, 27, 3, 23, 19}},
		},
		{
			name: "moved block",
			a:    cat(x, y),
			b:    cat(y, x),
			want: []Passage{{0, 20, 15, 35, 19}, {20, 35, 0, 15, 14}},
		},
		{
			name: "three blocks reordered",
			a:    cat(x, y, z),
			b:    cat(z, x, y),
			want: []Passage{{0, 35, 12, 47, 34}, {35, 47, 0, 12, 11}},
		},
		{
			name: "reversed blocks",
			a:    cat(x, y, z),
			b:    cat(z, y, x),
			want: []Passage{{0, 20, 27, 47, 19}, {20, 35, 12, 27, 14}, {35, 47, 0, 12, 11}},
		},
		{
			name: "substitutions inside one passage",
			a:    x, b: sub(x, 5, 12),
			want: []Passage{{0, 20, 0, 20, 15}},
		},
		{
			name: "substitution near the ends",
			// Passages start and end at intact anchors: the broken
			// edges are not claimed.
			a: x, b: sub(x, 1, 18),
			want: []Passage{{2, 18, 2, 18, 15}},
		},
		{
			name: "small insertion inside one passage",
			a:    x, b: cat(x[:10], seq(700, 3), x[10:]),
			want: []Passage{{0, 20, 0, 23, 18}},
		},
		{
			name: "small deletion inside one passage",
			a:    x, b: cat(x[:8], x[12:]),
			want: []Passage{{0, 20, 0, 16, 14}},
		},
		{
			name: "gap wider than MaxGap splits",
			a:    x, b: cat(x[:10], seq(700, 10), x[10:]),
			want: []Passage{{0, 10, 0, 10, 9}, {10, 20, 20, 30, 9}},
		},
		{
			name: "MaxGap option joins wide gap",
			a:    x, b: cat(x[:10], seq(700, 10), x[10:]), o: Options{MaxGap: 12},
			want: []Passage{{0, 20, 0, 30, 18}},
		},
		{
			name: "MinAnchors option drops short passages",
			a:    cat(seq(1, 10), seq(500, 4), seq(20, 10)),
			b:    cat(seq(40, 5), seq(500, 4), seq(60, 10)),
			o:    Options{MinAnchors: 4},
			want: nil,
		},
		{
			name: "MaxRounds 1 finds only the longest chain",
			a:    cat(x, y), b: cat(y, x), o: Options{MaxRounds: 1},
			want: []Passage{{0, 20, 15, 35, 19}},
		},
		{
			name: "repeated text in b aligns once",
			a:    x, b: cat(x, seq(800, 8), x),
			want: []Passage{{0, 20, 0, 20, 19}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Passages(tt.a, tt.b, tt.o)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Passages: got %+v, want %+v", got, tt.want)
			}
			checkPassages(t, got, len(tt.a), len(tt.b), tt.o)
		})
	}
}

// TestPassagesMovedBlockBehindNoise: a verbatim block that was moved must
// be found even when the longest anchor chain is made of scattered shared
// bigrams ("of the", "last week") that form no passage. The package doc
// promises that repeating on the unused anchors recovers moved passages.
func TestPassagesMovedBlockBehindNoise(t *testing.T) {
	// noisy returns n units of 8 unique filler tokens, one shared bigram
	// (bigram+2k, bigram+2k+1) and 8 more fillers: single anchors too far
	// apart (> MaxGap) to form a passage or join a neighbouring one.
	noisy := func(n, filler, bigram int) []uint32 {
		var s []uint32
		for k := range n {
			s = append(s, seq(filler+20*k, 8)...)
			s = append(s, seq(bigram+2*k, 2)...)
			s = append(s, seq(filler+20*k+10, 8)...)
		}
		return s
	}
	moved := seq(100, 6) // 5 anchors
	main := seq(200, 30) // 29 anchors
	tests := []struct {
		name string
		a, b []uint32
		want []Passage
	}{
		{
			name: "noise chain longer than the moved block",
			a:    cat(noisy(7, 1000, 500), moved),
			b:    cat(moved, noisy(7, 2000, 500)),
			want: []Passage{{126, 132, 0, 6, 5}},
		},
		{
			name: "noise survives the first round",
			// Round 1 takes main (its chain runs through all the noise);
			// the moved block, last in a and first in b, crosses the
			// eight noise anchors left for round 2.
			a:    cat(noisy(4, 1000, 500), main, noisy(4, 3000, 600), moved),
			b:    cat(moved, noisy(4, 2000, 500), main, noisy(4, 4000, 600)),
			want: []Passage{{72, 102, 78, 108, 29}, {174, 180, 0, 6, 5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Passages(tt.a, tt.b, Options{})
			if !slices.Equal(got, tt.want) {
				t.Errorf("Passages: got %+v, want %+v", got, tt.want)
			}
			checkPassages(t, got, len(tt.a), len(tt.b), Options{})
		})
	}
}

func TestPassagesProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		vocab := 2 + r.IntN(20)
		a, b := make([]uint32, r.IntN(80)), make([]uint32, r.IntN(80))
		for i := range a {
			a[i] = r.Uint32N(uint32(vocab))
		}
		for i := range b {
			b[i] = r.Uint32N(uint32(vocab))
		}
		o := Options{K: r.IntN(4), MaxGap: r.IntN(10), MinAnchors: r.IntN(4), MaxRounds: r.IntN(10), MaxOcc: r.IntN(20)}
		ps := Passages(a, b, o)
		checkPassages(t, ps, len(a), len(b), o)
		if t.Failed() {
			t.Fatalf("trial %d: a=%v b=%v o=%+v", trial, a, b, o)
		}
		if again := Passages(a, b, o); !slices.Equal(again, ps) {
			t.Fatalf("trial %d: second call got %+v, want %+v", trial, again, ps)
		}
	}
}

func TestCoverage(t *testing.T) {
	ps := []Passage{{0, 10, 5, 10, 9}, {20, 30, 40, 60, 9}}
	tests := []struct {
		name string
		ps   []Passage
		n    int
		useB bool
		want float64
	}{
		{"no passages", nil, 10, false, 0},
		{"zero length", ps, 0, false, 0},
		{"a side", ps, 40, false, 0.5},
		{"b side", ps, 100, true, 0.25},
		{"whole", []Passage{{0, 8, 0, 8, 7}}, 8, false, 1},
		{"capped at one", ps, 10, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Coverage(tt.ps, tt.n, tt.useB); got != tt.want {
				t.Errorf("Coverage(%v, %d, %v): got %v, want %v", tt.ps, tt.n, tt.useB, got, tt.want)
			}
		})
	}
	t.Run("identical sequences fully covered", func(t *testing.T) {
		x := seq(1, 50)
		got := Passages(x, x, Options{})
		if a, b := Coverage(got, 50, false), Coverage(got, 50, true); a != 1 || b != 1 {
			t.Errorf("Coverage: got a %v b %v, want 1 and 1", a, b)
		}
	})
}

func FuzzPassages(f *testing.F) {
	f.Add([]byte("the cat sat on the mat"), []byte("on the mat the cat sat"), uint8(2), uint8(6))
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaa"), []byte("aaaaaaaaaa"), uint8(1), uint8(1))
	f.Add([]byte(""), []byte("abc"), uint8(0), uint8(0))
	f.Add([]byte("abcdefghij"), []byte("abcXefghij"), uint8(3), uint8(2))
	f.Fuzz(func(t *testing.T, ab, bb []byte, k, gap uint8) {
		// Each byte is a token; a small alphabet gives many repeats.
		tok := func(s []byte) []uint32 {
			out := make([]uint32, len(s))
			for i, c := range s {
				out[i] = uint32(c % 16)
			}
			return out
		}
		a, b := tok(ab), tok(bb)
		o := Options{K: int(k % 6), MaxGap: int(gap % 12), MinAnchors: int(k>>4) % 4, MaxOcc: int(gap>>4) + 1}
		ps := Passages(a, b, o)
		checkPassages(t, ps, len(a), len(b), o)
	})
}

// benchPair returns two ~n-token sequences sharing about 70% of their
// text: b keeps blocks of a, drops or rewrites the rest and moves one block.
func benchPair(n int) (a, b []uint32) {
	r := rand.New(rand.NewPCG(3, 4))
	a = make([]uint32, n)
	for i := range a {
		a[i] = r.Uint32N(5000)
	}
	for i := 0; i < n; i += 20 {
		blk := a[i:min(i+20, n)]
		if r.Float64() < 0.3 {
			for range len(blk) {
				b = append(b, 5000+r.Uint32N(5000)) // rewritten
			}
			continue
		}
		b = append(b, blk...)
	}
	// Move the first 40 tokens of b to its end.
	b = append(b[40:], b[:40]...)
	return a, b
}

func BenchmarkPassages(b *testing.B) {
	x, y := benchPair(500)
	b.ReportAllocs()
	b.SetBytes(int64(8 * (len(x) + len(y))))
	var ps []Passage
	for b.Loop() {
		ps = Passages(x, y, Options{})
	}
	b.ReportMetric(Coverage(ps, len(x), false), "coverage")
}
