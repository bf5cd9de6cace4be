package reprint

import (
	"testing"
	"time"
)

func TestPrecedes(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a, b Fingerprint
		want int
	}{
		{"nothing known", Fingerprint{}, Fingerprint{}, -1},
		{"published earlier", Fingerprint{published: t0}, Fingerprint{published: t0.Add(time.Hour)}, 0},
		{"published later", Fingerprint{published: t0.Add(time.Hour)}, Fingerprint{published: t0}, 1},
		{"same time", Fingerprint{published: t0}, Fingerprint{published: t0}, -1},
		{"one time only", Fingerprint{published: t0}, Fingerprint{}, -1},
		{"wire copy", Fingerprint{}, Fingerprint{wire: "PA News"}, 1},
		{"both wire", Fingerprint{wire: "PA News"}, Fingerprint{wire: "Reuters"}, -1},
		{"today against yesterday", Fingerprint{days: -1}, Fingerprint{days: 1}, 1},
		{"no day against yesterday", Fingerprint{days: 0}, Fingerprint{days: -1}, 0},
		{"time before wire", Fingerprint{published: t0, wire: "PA News"}, Fingerprint{published: t0.Add(-time.Hour)}, 1},
		{"wire before days", Fingerprint{wire: "PA News", days: -1}, Fingerprint{days: 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := precedes(&tt.a, &tt.b); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestJoinSources(t *testing.T) {
	// Document 9 has 100 content words; each link covers one range of it.
	link := func(n, start, end int) sourceLink {
		return sourceLink{n: n, later: 9, cov: float64(end-start) / 100, spans: [][2]int{{start, end}}, nwords: 100}
	}
	notDerived := func(int) bool { return false }
	tests := []struct {
		name    string
		links   []sourceLink
		derived func(int) bool
		want    []joined
	}{
		{"two disjoint halves", []sourceLink{link(4, 0, 20), link(7, 50, 70)}, notDerived,
			[]joined{{n: 4, share: 0.4, sources: 2}, {n: 7, share: 0.4, sources: 2}}},
		{"together too little", []sourceLink{link(4, 0, 15), link(7, 50, 65)}, notDerived, nil},
		{"one link alone", []sourceLink{link(4, 0, 30)}, notDerived, nil},
		{"overlapping adds nothing", []sourceLink{link(4, 0, 30), link(7, 25, 36)}, notDerived, nil},
		{"third adds too few words", []sourceLink{link(1, 0, 20), link(2, 40, 60), link(3, 60, 70)}, notDerived,
			[]joined{{n: 1, share: 0.4, sources: 2}, {n: 2, share: 0.4, sources: 2}}},
		{"already derived", []sourceLink{link(4, 0, 20), link(7, 50, 70)}, func(int) bool { return true }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinSources(tt.links, tt.derived, 0.35)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("joined %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
