package reprint

import (
	"slices"
	"testing"
	"time"
)

func TestPrecedes(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		a, b   Fingerprint
		want   int
		byDays bool
	}{
		{"nothing known", Fingerprint{}, Fingerprint{}, -1, false},
		{"published earlier", Fingerprint{published: t0}, Fingerprint{published: t0.Add(time.Hour)}, 0, false},
		{"published later", Fingerprint{published: t0.Add(time.Hour)}, Fingerprint{published: t0}, 1, false},
		{"same time", Fingerprint{published: t0}, Fingerprint{published: t0}, -1, false},
		{"one time only", Fingerprint{published: t0}, Fingerprint{}, -1, false},
		{"wire copy", Fingerprint{}, Fingerprint{wire: "PA News"}, 1, false},
		{"both wire", Fingerprint{wire: "PA News"}, Fingerprint{wire: "Reuters"}, -1, false},
		{"today against yesterday", Fingerprint{days: -1}, Fingerprint{days: 1}, 1, true},
		{"no day against yesterday", Fingerprint{days: 0}, Fingerprint{days: -1}, -1, false},
		{"today against no day", Fingerprint{days: 1}, Fingerprint{days: 0}, -1, false},
		{"time before wire", Fingerprint{published: t0, wire: "PA News"}, Fingerprint{published: t0.Add(-time.Hour)}, 1, false},
		{"wire before days", Fingerprint{wire: "PA News", days: -1}, Fingerprint{days: 1}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, byDays := precedes(&tt.a, &tt.b)
			if got != tt.want || byDays != tt.byDays {
				t.Errorf("got %d (by days %v), want %d (by days %v)", got, byDays, tt.want, tt.byDays)
			}
		})
	}
}

func TestJoinSources(t *testing.T) {
	// Document 9 has 100 content words; link n comes from document 100+n
	// and covers one range of it.
	link := func(n, start, end int) sourceLink {
		return sourceLink{n: n, later: 9, earlier: 100 + n, cov: float64(end-start) / 100, spans: [][2]int{{start, end}}, nwords: 100}
	}
	// numbers marks document 9's content words [lo,hi) as numbers.
	numbers := func(l sourceLink, lo, hi int) sourceLink {
		l.nums = make([]uint64, 2)
		for w := lo; w < hi; w++ {
			l.nums[w/64] |= 1 << (w % 64)
		}
		return l
	}
	notDerived := func(int) bool { return false }
	tests := []struct {
		name    string
		links   []sourceLink
		derived func(int) bool
		want    []joined
	}{
		{"two disjoint ranges", []sourceLink{link(7, 50, 70), link(4, 0, 20)}, notDerived,
			[]joined{{n: 4, share: 0.4, sources: []int{104, 107}}, {n: 7, share: 0.4, sources: []int{104, 107}}}},
		{"together too little", []sourceLink{link(4, 0, 14), link(7, 50, 64)}, notDerived, nil},
		{"one link alone", []sourceLink{link(4, 0, 30)}, notDerived, nil},
		{"overlapping adds too few words", []sourceLink{link(4, 0, 30), link(7, 25, 36)}, notDerived, nil},
		{"third adds too few words", []sourceLink{link(1, 0, 20), link(2, 40, 60), link(3, 60, 70)}, notDerived,
			[]joined{{n: 1, share: 0.4, sources: []int{101, 102}}, {n: 2, share: 0.4, sources: []int{101, 102}}}},
		{"second adds mostly numbers", []sourceLink{link(4, 0, 20), numbers(link(7, 50, 70), 50, 60)}, notDerived, nil},
		{"second adds enough words besides numbers", []sourceLink{link(4, 0, 20), numbers(link(7, 50, 70), 50, 58)}, notDerived,
			[]joined{{n: 4, share: 0.4, sources: []int{104, 107}}, {n: 7, share: 0.4, sources: []int{104, 107}}}},
		{"already derived", []sourceLink{link(4, 0, 20), link(7, 50, 70)}, func(int) bool { return true }, nil},
		{"ranges past the text", []sourceLink{link(4, -5, 20), link(7, 90, 400)}, notDerived,
			[]joined{{n: 4, share: 0.3, sources: []int{104, 107}}, {n: 7, share: 0.3, sources: []int{104, 107}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinSources(tt.links, tt.derived, 0.3)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if g.n != w.n || g.share != w.share || !slices.Equal(g.sources, w.sources) {
					t.Errorf("joined %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}
