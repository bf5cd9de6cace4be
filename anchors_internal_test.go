package reprint

import (
	"slices"
	"testing"
)

func TestAnchorPairs(t *testing.T) {
	long, short := anchorWords, anchorWords-1
	fp := func(words int, anchors ...uint32) *Fingerprint {
		return &Fingerprint{words: words, anchors: anchors}
	}
	many := make([]*Fingerprint, 0, maxAnchorDocs+1)
	for range maxAnchorDocs + 1 {
		many = append(many, fp(long, 1, 2, 3))
	}
	tests := []struct {
		name      string
		fps       []*Fingerprint
		maxBucket int
		want      [][2]int
	}{
		{"three shared", []*Fingerprint{fp(long, 1, 2, 3, 9), fp(long, 1, 2, 3, 8)}, 200, [][2]int{{0, 1}}},
		{"two shared", []*Fingerprint{fp(long, 1, 2, 9), fp(long, 1, 2, 8)}, 200, nil},
		{"short and long, two shared", []*Fingerprint{fp(short, 1, 2), fp(long, 1, 2, 3)}, 200, [][2]int{{0, 1}}},
		{"long and short, one shared", []*Fingerprint{fp(long, 1, 5, 6), fp(short, 1, 2)}, 200, nil},
		{"both short", []*Fingerprint{fp(short, 1, 2, 3), fp(short, 1, 2, 3)}, 200, nil},
		{"three of several", []*Fingerprint{fp(long, 1, 2, 3), fp(long, 4, 5), fp(long, 2, 3, 4), fp(long, 1, 2, 3, 4)}, 200,
			[][2]int{{0, 3}, {2, 3}}},
		{"anchors over max bucket", many[:12], 11, nil},
		{"anchors over maxAnchorDocs", many, 200, nil},
		{"anchors at max bucket", many[:11], 11, func() (p [][2]int) {
			for i := range 11 {
				for j := i + 1; j < 11; j++ {
					p = append(p, [2]int{i, j})
				}
			}
			return p
		}()},
		{"none", []*Fingerprint{fp(long), fp(long)}, 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := anchorPairs(t.Context(), 2, tt.fps, tt.maxBucket)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMergePairs(t *testing.T) {
	tests := []struct {
		name string
		a, b [][2]int
		want [][2]int
	}{
		{"empty", nil, nil, [][2]int{}},
		{"disjoint", [][2]int{{0, 1}, {2, 3}}, [][2]int{{0, 2}, {3, 4}}, [][2]int{{0, 1}, {0, 2}, {2, 3}, {3, 4}}},
		{"shared", [][2]int{{0, 1}, {1, 2}}, [][2]int{{1, 2}, {1, 3}}, [][2]int{{0, 1}, {1, 2}, {1, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mergePairs(tt.a, tt.b); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAnchorsOf(t *testing.T) {
	lit := make([]uint32, 4000)
	for i := range lit {
		lit[i] = uint32(i) * 2654435761
	}
	slices.Sort(lit)
	if got := anchorsOf(lit, sparseWords-1); got != nil {
		t.Errorf("%d words: got %d anchors, want none", sparseWords-1, len(got))
	}
	long, sparse := anchorsOf(lit, anchorWords), anchorsOf(lit, anchorWords-1)
	for _, c := range []struct {
		name string
		got  []uint32
		rate int
	}{{"long", long, anchorRate}, {"shorter", sparse, sparseRate}} {
		if want := len(lit) / c.rate; len(c.got) < want*8/10 || len(c.got) > want*12/10 {
			t.Errorf("%s: got %d anchors of %d shingles, want about %d", c.name, len(c.got), len(lit), want)
		}
		if !slices.IsSorted(c.got) {
			t.Errorf("%s: got anchors %v, want them sorted", c.name, c.got)
		}
	}
	for _, h := range sparse {
		if _, ok := slices.BinarySearch(long, h); !ok {
			t.Errorf("sparse anchor %d is not a long text's anchor: a shorter text could share none with a long one", h)
			break
		}
	}
}

func TestIsAnchorRate(t *testing.T) {
	n := 0
	for h := range uint32(1 << 16) {
		if anchorMix(h*2654435761)%anchorRate == 0 {
			n++
		}
	}
	if want := 1 << 16 / anchorRate; n < want*9/10 || n > want*11/10 {
		t.Errorf("got %d anchors of %d hashes, want about %d (one in %d)", n, 1<<16, want, anchorRate)
	}
}

// BenchmarkAnchorPairs times the anchor join of 10,000 long documents of
// 150 anchors each (a 1,200-word article's), 100 pairs of them sharing a
// passage.
func BenchmarkAnchorPairs(b *testing.B) {
	const n = 10_000
	fps := make([]*Fingerprint, n)
	next := uint32(1)
	for i := range fps {
		words := anchorWords
		a := make([]uint32, 150)
		for k := range a {
			a[k], next = next*2654435761, next+1
		}
		fps[i] = &Fingerprint{words: words, anchors: a}
	}
	for i := 0; i < 1000; i += 10 { // pairs 0-1, 10-11, ...: their first 5 anchors alike
		copy(fps[i+1].anchors[:5], fps[i].anchors[:5])
	}
	for _, fp := range fps {
		slices.Sort(fp.anchors)
	}
	b.ReportAllocs()
	for b.Loop() {
		if got, _ := anchorPairs(b.Context(), 2, fps, 200); len(got) != 100 {
			b.Fatalf("got %d pairs, want 100", len(got))
		}
	}
}

// TestAnchorLenChinese checks that Chinese and Japanese texts, a character
// to a word, are long for anchors at three times the characters: a
// 1,500-character article is of ordinary length (sparse anchors), and two
// such articles sharing three 5-character phrases by chance are no
// candidate pair; a 3,000-character one is long.
func TestAnchorLenChinese(t *testing.T) {
	tests := []struct {
		words int
		ideo  bool
		want  int
	}{
		{1500, false, 1500},
		{1500, true, 500},
		{3000, true, 1000},
	}
	for _, tt := range tests {
		fp := &Fingerprint{words: tt.words, ideo: tt.ideo}
		if got := fp.anchorLen(); got != tt.want {
			t.Errorf("%d words, ideographic %v: got anchor length %d, want %d", tt.words, tt.ideo, got, tt.want)
		}
	}
	a := &Fingerprint{words: 1500, ideo: true, anchors: []uint32{1, 2, 3}}
	b := &Fingerprint{words: 1500, ideo: true, anchors: []uint32{1, 2, 3}}
	if got, _ := anchorPairs(t.Context(), 1, []*Fingerprint{a, b}, 200); got != nil {
		t.Errorf("two 1,500-character articles: got pairs %v, want none (neither is long)", got)
	}
}
