package reprint

import "testing"

// TestEvidenceShortRuns checks that a pair whose aligned runs are all
// shorter than MinPassage still shows them as its evidence, each of at
// least minShortPassage words, where it showed none.
func TestEvidenceShortRuns(t *testing.T) {
	d, err := New(Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{seedText(t, "001"), seedText(t, "002")}
	text := func(i int) (string, error) { return texts[i], nil }
	va, _ := d.look(0, &Fingerprint{}, text, &commonSet{})
	vb, _ := d.look(1, &Fingerprint{}, text, &commonSet{})
	f := verify(&va.fp, &vb.fp, d.opts)
	if len(f.passages) == 0 {
		t.Fatal("no aligned runs; the test proves nothing")
	}
	o := d.opts
	o.MinPassage = 1000 // no run reaches it
	got := evidence(va.text, vb.text, va.pos, vb.pos, &va.fp, &vb.fp, f, o, true)
	if len(got) == 0 {
		t.Fatalf("got no evidence from %d aligned runs, want the short ones", len(f.passages))
	}
	for _, p := range got {
		if p.Text != va.text[p.AStart:p.AEnd] || p.AEnd <= p.AStart || p.BEnd <= p.BStart {
			t.Errorf("got passage %+v, want one whose text is its A side", p)
		}
	}
}
