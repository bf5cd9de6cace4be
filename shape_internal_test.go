package reprint

import "testing"

// TestRewriteShape checks the rewrite channel's shape on corpora whose
// random pairs agree on a signature slot with chance 1/alphabet: the
// fewest rows whose full bands fit the budget, and as many bands of one
// row fewer as the rest of the budget allows.
func TestRewriteShape(t *testing.T) {
	o := Options{}.withDefaults()
	tests := []struct {
		name                       string
		docs, alphabet             int
		wantBands, wantRows, extra int
	}{
		{"small corpus: every value a band", 400, 50, 128, 1, 0},
		{"sparse background: two rows and many bands of one", 6000, 4000, 64, 2, 21},
		{"dense background: two rows, the budget nearly spent", 6000, 400, 64, 2, 1},
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
