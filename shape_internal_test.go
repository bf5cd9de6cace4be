package reprint

import "testing"

// TestRewriteShape checks the rewrite channel's shape on corpora whose
// random pairs agree on a signature slot with chance 1/alphabet: the
// shape fits the budget, and of those that fit takes the one likeliest to
// pair texts at the threshold (0.1), which may use only part of the
// signature.
func TestRewriteShape(t *testing.T) {
	o := Options{}.withDefaults()
	tests := []struct {
		name                string
		docs, alphabet      int
		wantBands, wantRows int
	}{
		{"small corpus: every value a band", 400, 50, 128, 1},
		{"sparse background: fewer bands of one row", 6000, 4000, 22, 1},
		{"dense background: two rows", 6000, 400, 64, 2},
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
			bands, rows := rewriteShape(fps, o)
			if bands != tt.wantBands || rows != tt.wantRows {
				t.Errorf("got %d bands of %d rows, want %d of %d", bands, rows, tt.wantBands, tt.wantRows)
			}
		})
	}
}
