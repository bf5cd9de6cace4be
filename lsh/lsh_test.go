package lsh

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestProbability(t *testing.T) {
	tests := []struct {
		name        string
		s           float64
		bands, rows int
		want        float64
	}{
		{"s=0", 0, 16, 8, 0},
		{"s=1", 1, 16, 8, 1},
		{"one band one row", 0.3, 1, 1, 0.3},
		{"2x2 at 0.5", 0.5, 2, 2, 1 - 0.75*0.75},
		{"one band all rows", 0.5, 1, 4, 0.0625},
		{"many bands one row", 0.5, 3, 1, 0.875},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Probability(tt.s, tt.bands, tt.rows); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("Probability(%v, %d, %d): got %v, want %v", tt.s, tt.bands, tt.rows, got, tt.want)
			}
		})
	}
	t.Run("increasing in s", func(t *testing.T) {
		prev := -1.0
		for s := 0.0; s <= 1; s += 0.05 {
			p := Probability(s, 20, 5)
			if p < prev {
				t.Errorf("Probability(%.2f, 20, 5) = %v < Probability at lower s %v, want non-decreasing", s, p, prev)
			}
			prev = p
		}
	})
}

func TestParams(t *testing.T) {
	for _, numHash := range []int{32, 64, 128, 256} {
		for _, recall := range []float64{0.8, 0.9, 0.95, 0.99} {
			for _, threshold := range []float64{0.2, 0.3, 0.5, 0.7, 0.8, 0.9} {
				name := fmt.Sprintf("n=%d recall=%v t=%v", numHash, recall, threshold)
				t.Run(name, func(t *testing.T) {
					bands, rows := Params(threshold, numHash, recall)
					if bands < 1 || rows < 1 {
						t.Fatalf("Params: got bands %d rows %d, want both >= 1", bands, rows)
					}
					if bands*rows > numHash {
						t.Errorf("bands*rows: got %d*%d = %d, want <= %d", bands, rows, bands*rows, numHash)
					}
					if bands != numHash/rows {
						t.Errorf("bands: got %d, want numHash/rows = %d (use every hash)", bands, numHash/rows)
					}
					if p := Probability(threshold, bands, rows); p < recall {
						t.Errorf("Probability(%v, %d, %d): got %.4f, want >= %v", threshold, bands, rows, p, recall)
					}
					// Most rows: one more row would miss the recall.
					if r := rows + 1; r <= numHash {
						if p := Probability(threshold, numHash/r, r); p >= recall {
							t.Errorf("rows %d also reaches recall (%.4f); want Params to pick the most rows", r, p)
						}
					}
				})
			}
		}
	}
	t.Run("higher threshold, more rows", func(t *testing.T) {
		_, lo := Params(0.3, 128, 0.9)
		_, hi := Params(0.8, 128, 0.9)
		if hi <= lo {
			t.Errorf("rows at 0.8: got %d, want more than rows at 0.3 (%d)", hi, lo)
		}
	})
}

// sig builds a signature from band values: each band's rows all hold v.
func sig(rows int, bandVals ...uint64) []uint64 {
	var s []uint64
	for _, v := range bandVals {
		for range rows {
			s = append(s, v)
		}
	}
	return s
}

func TestPairs(t *testing.T) {
	const rows = 2
	tests := []struct {
		name        string
		bands       int
		sigs        map[int][]uint64
		maxBucket   int
		split       bool // Index.Split
		want        [][2]int
		wantBuckets int
		wantCapped  int
	}{
		{
			name:  "empty",
			bands: 2,
			sigs:  map[int][]uint64{},
			want:  [][2]int{},
		},
		{
			name:  "no shared band",
			bands: 2,
			sigs:  map[int][]uint64{0: sig(rows, 1, 2), 1: sig(rows, 3, 4), 2: sig(rows, 5, 6)},
			want:  [][2]int{},
		},
		{
			name:        "one shared band",
			bands:       2,
			sigs:        map[int][]uint64{0: sig(rows, 1, 2), 1: sig(rows, 1, 4), 2: sig(rows, 5, 6)},
			want:        [][2]int{{0, 1}},
			wantBuckets: 1,
		},
		{
			name:        "pair sharing two bands listed once",
			bands:       2,
			sigs:        map[int][]uint64{3: sig(rows, 1, 2), 7: sig(rows, 1, 2)},
			want:        [][2]int{{3, 7}},
			wantBuckets: 2,
		},
		{
			name:  "triangle through different bands",
			bands: 3,
			sigs: map[int][]uint64{
				5: sig(rows, 1, 2, 30),
				2: sig(rows, 1, 20, 3),
				9: sig(rows, 10, 2, 3),
			},
			want:        [][2]int{{2, 5}, {2, 9}, {5, 9}},
			wantBuckets: 3,
		},
		{
			name:  "bucket of three",
			bands: 1,
			sigs: map[int][]uint64{
				4: sig(rows, 8), 1: sig(rows, 8), 6: sig(rows, 8), 0: sig(rows, 9),
			},
			want:        [][2]int{{1, 4}, {1, 6}, {4, 6}},
			wantBuckets: 1,
		},
		{
			name:  "rows must all agree",
			bands: 1,
			sigs: map[int][]uint64{
				0: {1, 2}, 1: {1, 3}, 2: {4, 2},
			},
			want: [][2]int{},
		},
		{
			name:  "large bucket capped",
			bands: 2,
			sigs: map[int][]uint64{
				0: sig(rows, 1, 10), 1: sig(rows, 1, 10), 2: sig(rows, 1, 20),
				3: sig(rows, 1, 30), 4: sig(rows, 1, 40),
			},
			maxBucket:   3,
			want:        [][2]int{{0, 1}},
			wantBuckets: 2,
			wantCapped:  1,
		},
		{
			name:  "large bucket split: a part of two chained",
			bands: 2,
			sigs: map[int][]uint64{
				0: sig(rows, 1, 5), 1: sig(rows, 1, 5), 2: sig(rows, 1, 6), 3: sig(rows, 1, 7),
			},
			maxBucket:   2,
			split:       true,
			want:        [][2]int{{0, 1}},
			wantBuckets: 2,
			wantCapped:  1,
		},
		{
			name:  "large bucket split: copies agreeing on every band chained",
			bands: 3,
			sigs: map[int][]uint64{
				3: sig(rows, 1, 5, 7), 0: sig(rows, 1, 5, 7), 2: sig(rows, 1, 5, 7), 1: sig(rows, 1, 5, 7),
				4: sig(rows, 1, 6, 8), 5: sig(rows, 1, 9, 10),
			},
			maxBucket:   2,
			split:       true,
			want:        [][2]int{{0, 1}, {1, 2}, {2, 3}},
			wantBuckets: 3,
			wantCapped:  3,
		},
		{
			name:  "large bucket split: parts too big split again",
			bands: 3,
			sigs: map[int][]uint64{
				0: sig(rows, 1, 5, 7), 1: sig(rows, 1, 5, 7), 2: sig(rows, 1, 5, 8), 3: sig(rows, 1, 5, 9), 4: sig(rows, 1, 6, 7),
			},
			maxBucket:   2,
			split:       true,
			want:        [][2]int{{0, 1}},
			wantBuckets: 3,
			wantCapped:  3,
		},
		{
			name:  "bucket at cap kept",
			bands: 1,
			sigs: map[int][]uint64{
				0: sig(rows, 1), 1: sig(rows, 1), 2: sig(rows, 1),
			},
			maxBucket:   3,
			want:        [][2]int{{0, 1}, {0, 2}, {1, 2}},
			wantBuckets: 1,
		},
		{
			name:  "no cap with zero",
			bands: 1,
			sigs: map[int][]uint64{
				0: sig(rows, 1), 1: sig(rows, 1), 2: sig(rows, 1), 3: sig(rows, 1),
			},
			want:        [][2]int{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}},
			wantBuckets: 1,
		},
		{
			name:  "signature longer than bands*rows",
			bands: 1,
			sigs:  map[int][]uint64{0: {1, 1, 5}, 1: {1, 1, 6}},
			want:  [][2]int{{0, 1}},
			// the third value is outside every band
			wantBuckets: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := make([]int, 0, len(tt.sigs))
			for id := range tt.sigs {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			// Every Add order must give the same result.
			r := rand.New(rand.NewPCG(1, 2))
			for trial := range 5 {
				if trial > 0 {
					r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
				}
				ix := New(tt.bands, rows)
				ix.Split = tt.split
				for _, id := range ids {
					ix.Add(id, tt.sigs[id])
				}
				got, st := ix.Pairs(tt.maxBucket)
				if !slices.Equal(got, tt.want) {
					t.Errorf("Add order %v: Pairs: got %v, want %v", ids, got, tt.want)
				}
				if st.Buckets != tt.wantBuckets || st.CappedBuckets != tt.wantCapped {
					t.Errorf("Add order %v: Stats: got %+v, want {Buckets:%d CappedBuckets:%d}", ids, st, tt.wantBuckets, tt.wantCapped)
				}
			}
		})
	}
}

func TestPairsProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const n, bands, rows = 300, 8, 2
	sigs := make([][]uint64, n)
	for i := range sigs {
		sigs[i] = make([]uint64, bands*rows)
		for j := range sigs[i] {
			sigs[i][j] = r.Uint64N(4) // small alphabet: many collisions
		}
	}
	ix := New(bands, rows)
	for i, s := range sigs {
		ix.Add(i, s)
	}
	got, _ := ix.Pairs(0)
	if len(got) == 0 {
		t.Fatalf("Pairs: got no pairs, want many")
	}
	for k, p := range got {
		if p[0] >= p[1] {
			t.Errorf("pair %d: got %v, want a < b", k, p)
		}
		if k > 0 && !lessPair(got[k-1], p) {
			t.Errorf("pairs %d,%d: got %v then %v, want strictly ascending", k-1, k, got[k-1], p)
		}
	}
	// Brute force: a pair is a candidate iff some band agrees on all rows.
	var want [][2]int
	for a := range n {
		for b := a + 1; b < n; b++ {
			for band := range bands {
				lo, hi := band*rows, (band+1)*rows
				if slices.Equal(sigs[a][lo:hi], sigs[b][lo:hi]) {
					want = append(want, [2]int{a, b})
					break
				}
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Pairs: got %d pairs, want %d (brute force)", len(got), len(want))
	}
	again, _ := ix.Pairs(0)
	if !slices.Equal(again, got) {
		t.Errorf("second Pairs call: got %d pairs, want the same %d", len(again), len(got))
	}
}

func TestPairsSameIDTwice(t *testing.T) {
	ix := New(1, 1)
	ix.Add(3, []uint64{1})
	ix.Add(3, []uint64{1})
	ix.Add(4, []uint64{1})
	got, _ := ix.Pairs(0)
	if want := [][2]int{{3, 4}}; !slices.Equal(got, want) {
		t.Errorf("Pairs: got %v, want %v", got, want)
	}
}

func lessPair(x, y [2]int) bool {
	return x[0] < y[0] || x[0] == y[0] && x[1] < y[1]
}

func TestBandKey(t *testing.T) {
	tests := []struct {
		name string
		x, y []uint64
		same bool
	}{
		{"equal", []uint64{1, 2, 3}, []uint64{1, 2, 3}, true},
		{"order matters", []uint64{1, 2}, []uint64{2, 1}, false},
		{"one value differs", []uint64{1, 2, 3}, []uint64{1, 2, 4}, false},
		{"length matters", []uint64{0}, []uint64{0, 0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BandKey(tt.x) == BandKey(tt.y); got != tt.same {
				t.Errorf("BandKey(%v) == BandKey(%v): got %v, want %v", tt.x, tt.y, got, tt.same)
			}
		})
	}
}

// benchSigs returns n signatures of numHash values where every tenth
// document is a near copy of the one before (half its values shared), so
// Pairs has real candidates besides chance collisions.
func benchSigs(n, numHash int) [][]uint64 {
	r := rand.New(rand.NewPCG(5, 6))
	sigs := make([][]uint64, n)
	for i := range sigs {
		s := make([]uint64, numHash)
		for j := range s {
			if i%10 == 9 && r.IntN(2) == 0 {
				s[j] = sigs[i-1][j]
			} else {
				s[j] = r.Uint64()
			}
		}
		sigs[i] = s
	}
	return sigs
}

func BenchmarkPairs(b *testing.B) {
	const n, numHash = 10000, 128
	sigs := benchSigs(n, numHash)
	bands, rows := Params(0.5, numHash, 0.95)
	b.ReportAllocs()
	b.SetBytes(int64(n * numHash * 8))
	var pairs int
	for b.Loop() {
		ix := New(bands, rows)
		for i, s := range sigs {
			ix.Add(i, s)
		}
		p, _ := ix.Pairs(100)
		pairs = len(p)
	}
	b.ReportMetric(float64(pairs), "pairs")
}
