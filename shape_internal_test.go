package reprint

import (
	"math"
	"testing"

	"github.com/reprint-dev/reprint/lsh"
)

// TestRewriteShape checks the rewrite channel's shape on corpora whose
// random pairs agree on a signature slot with chance 1/alphabet: the
// fewest rows whose full bands fit the budget, and as many bands of one
// row fewer as the rest of the budget allows. With the budget of 100,000
// and 6,000 documents, a band of one row costs 4,500 expected candidates
// at an alphabet of 4,000 (so about 22 bands) and 45,000 at 400 (2, once
// 64 bands of two rows take 7,200).
func TestRewriteShape(t *testing.T) {
	o := Options{}.withDefaults()
	tests := []struct {
		name                       string
		docs, alphabet             int
		wantBands, wantRows, extra int
	}{
		{"small corpus: every value a band", 400, 50, 128, 1, 0},
		{"sparse background: two rows and many bands of one", 6000, 4000, 64, 2, 67},
		{"dense background: two rows, the budget nearly spent", 6000, 400, 64, 2, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := uint64(tt.docs)*2654435761 + uint64(tt.alphabet)
			fps := make([]*Fingerprint, tt.docs)
			for i := range fps {
				sig := make([]uint32, o.NumHash)
				for k := range sig {
					x ^= x << 13
					x ^= x >> 7
					x ^= x << 17
					sig[k] = uint32(x % uint64(tt.alphabet))
				}
				fps[i] = &Fingerprint{rwSig: sig}
			}
			bands, rows, extra := rewriteShape(fps, o)
			if bands != tt.wantBands || rows != tt.wantRows || extra != tt.extra {
				t.Errorf("got %d bands of %d rows and %d extra, want %d of %d and %d", bands, rows, extra, tt.wantBands, tt.wantRows, tt.extra)
			}
		})
	}
}

// TestRewriteShapeStrongPairs checks that the extra bands a large corpus
// gets never cost what the full bands find: a shape chosen by its chance
// at the threshold alone (6b1a15e) paired texts well above it less surely
// than the fewest rows whose full bands fit. Corpora: signatures whose
// slots are independent, so a pair agreeing on share s of its slots
// becomes a candidate with chance 1-(1-s^r)^b.
func TestRewriteShapeStrongPairs(t *testing.T) {
	o := Options{}.withDefaults()
	tests := []struct {
		name string
		fps  func() []*Fingerprint
		full string  // the fewest rows whose full bands fit
		s    float64 // similarity of a strong pair
		want float64 // its chance under that shape
	}{
		// 12,000 documents in 200 topics, same-topic pairs at s=0.2: 42x3
		// (6b1a15e: 1 band of 1 row).
		{"topic clusters, s=0.5 pair", func() []*Fingerprint { return topicSigs(12000, 200, 0.2, o.NumHash) }, "42x3", 0.5, lsh.Probability(0.5, 42, 3)},
		{"topic clusters, s=0.3 pair", func() []*Fingerprint { return topicSigs(12000, 200, 0.2, o.NumHash) }, "42x3", 0.3, lsh.Probability(0.3, 42, 3)},
		// 20,000 documents in 300 topics at s=0.15: 42x3 (6b1a15e: 2x1).
		{"larger clusters, s=0.5 pair", func() []*Fingerprint { return topicSigs(20000, 300, 0.15, o.NumHash) }, "42x3", 0.5, lsh.Probability(0.5, 42, 3)},
		// Sparse uniform background (slot values from 4,000): 64x2 (6b1a15e:
		// 7x1, ~125,000 candidates).
		{"sparse background, s=0.2 pair", func() []*Fingerprint { return uniformSigs(12000, 4000, o.NumHash) }, "64x2", 0.2, lsh.Probability(0.2, 64, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fps := tt.fps()
			bands, rows, extra := rewriteShape(fps, o)
			got := 1 - (1-lsh.Probability(tt.s, bands, rows))*(1-lsh.Probability(tt.s, extra, max(rows-1, 1)))
			if got < tt.want-1e-9 {
				t.Errorf("got %d bands of %d rows and %d extra, pairing s=%.1f with chance %.3f; want at least %.3f (%s's, which fits the budget)",
					bands, rows, extra, tt.s, got, tt.want, tt.full)
			}
		})
	}
}

// TestRewriteShapePlantedRewrites counts, through an lsh.Index built with
// rewriteShape's shape as a scan builds it, how many of 300 planted pairs
// at s=0.5 become candidates on the topic-cluster corpus (6b1a15e: 148).
func TestRewriteShapePlantedRewrites(t *testing.T) {
	o := Options{}.withDefaults()
	fps := topicSigs(12000, 200, 0.2, o.NumHash)
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
	const planted = 300
	first := len(fps)
	for range planted {
		a, b := make([]uint32, o.NumHash), make([]uint32, o.NumHash)
		for k := range a {
			a[k] = uint32(next())
			if next()%2 == 0 {
				b[k] = a[k]
			} else {
				b[k] = uint32(next())
			}
		}
		fps = append(fps, &Fingerprint{rwSig: a}, &Fingerprint{rwSig: b})
	}
	bands, rows, extra := rewriteShape(fps, o)
	ix := lsh.New(bands+extra, rows)
	ix.Grow(len(fps))
	for i, fp := range fps {
		ix.AddKeys(i, rewriteKeys(fp.rwSig, bands, rows, extra))
	}
	pairs, _ := ix.Pairs(o.MaxBucket)
	found := 0
	for _, p := range pairs {
		if p[0] >= first && p[1] == p[0]+1 && (p[0]-first)%2 == 0 {
			found++
		}
	}
	if want := int(0.95 * planted); found < want {
		t.Errorf("got %d of %d planted s=0.5 rewrites as candidates (%d bands of %d rows and %d extra, %d candidates), want at least %d",
			found, planted, bands, rows, extra, len(pairs), want)
	}
}

// topicSigs makes n signatures in topics: a slot holds its topic's value
// with chance sqrt(s), else one of its own, so same-topic pairs agree on
// share s of their slots and others on none.
func topicSigs(n, topics int, s float64, numHash int) []*Fingerprint {
	q := math.Sqrt(s)
	x := uint64(88172645463325252)
	next := func() uint64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
	tv := make([][]uint32, topics)
	for t := range tv {
		tv[t] = make([]uint32, numHash)
		for k := range tv[t] {
			tv[t][k] = uint32(next())
		}
	}
	fps := make([]*Fingerprint, n)
	for i := range fps {
		t := int(next() % uint64(topics))
		sig := make([]uint32, numHash)
		for k := range sig {
			if float64(next()%1000000)/1e6 < q {
				sig[k] = tv[t][k]
			} else {
				sig[k] = uint32(next())
			}
		}
		fps[i] = &Fingerprint{rwSig: sig}
	}
	return fps
}

// uniformSigs makes n signatures with slots from an alphabet.
func uniformSigs(n, alphabet, numHash int) []*Fingerprint {
	x := uint64(n)*2654435761 + uint64(alphabet)
	fps := make([]*Fingerprint, n)
	for i := range fps {
		sig := make([]uint32, numHash)
		for k := range sig {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			sig[k] = uint32(x % uint64(alphabet))
		}
		fps[i] = &Fingerprint{rwSig: sig}
	}
	return fps
}
