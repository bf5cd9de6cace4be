package reprint

import (
	"os"
	"path/filepath"
	"testing"
)

// seedText reads one seed article (testdata/seeds).
func seedText(tb testing.TB, prefix string) string {
	tb.Helper()
	m, err := filepath.Glob(filepath.Join("testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(m) != 1 {
		tb.Fatalf("seed %s: %v", prefix, m)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// BenchmarkSketch is a scan's work per document while streaming:
// tokenize, hash, shingle, sign both channels and band.
func BenchmarkSketch(b *testing.B) {
	d, err := New(Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	doc := Document{ID: "001", Text: seedText(b, "001")}
	for _, tt := range []struct {
		name   string
		common *commonSet
	}{
		{"plain", &commonSet{}},
		{"counted", &commonSet{counting: newShardedCounts(1)}}, // as a scan longer than its sample counts
	} {
		b.Run(tt.name, func(b *testing.B) {
			sc := d.NewScan()
			sc.common = tt.common // past the sample: sketch at once
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// Numbers past the sample in turn: one in lateEvery
				// of them counts.
				sc.Prepare(scanSample+i%1024, doc)
				i++
			}
		})
	}
}

// BenchmarkVerifyPair is verification's work per candidate pair: read both
// documents again (sets, content-word hashes and positions), measure the
// pair, align it and map its passages to the texts.
func BenchmarkVerifyPair(b *testing.B) {
	d, err := New(Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	texts := []string{seedText(b, "001"), seedText(b, "002")}
	text := func(i int) (string, error) { return texts[i], nil }
	sketch := &Fingerprint{}
	b.SetBytes(int64(len(texts[0]) + len(texts[1])))
	b.ReportAllocs()
	for b.Loop() {
		va, _ := d.look(0, sketch, text, &commonSet{})
		vb, _ := d.look(1, sketch, text, &commonSet{})
		f := verify(&va.fp, &vb.fp, d.opts)
		evidence(va.text, vb.text, va.pos, vb.pos, &va.fp, &vb.fp, f, d.opts, true)
	}
}

// BenchmarkVerify measures and aligns one prepared pair (verify alone).
func BenchmarkVerify(b *testing.B) {
	d, err := New(Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	texts := []string{seedText(b, "001"), seedText(b, "002")}
	text := func(i int) (string, error) { return texts[i], nil }
	va, _ := d.look(0, &Fingerprint{}, text, &commonSet{})
	vb, _ := d.look(1, &Fingerprint{}, text, &commonSet{})
	b.ReportAllocs()
	for b.Loop() {
		verify(&va.fp, &vb.fp, d.opts)
	}
}
