package reprint_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/reprint-dev/reprint"
)

// framed returns n documents of their own words, each between one header
// and footer.
func framed(n int) []reprint.Document {
	docs := make([]reprint.Document, n)
	for i := range docs {
		docs[i] = reprint.Document{
			ID: fmt.Sprint(i),
			Text: "Home News Sport Weather: subscribe to the Courier today. " +
				fmt.Sprintf("Story %d: the council of town %d met on day %d and voted %d to %d on plan %d. ", i, i*7, i*3, i+2, i+1, i*11) +
				"Share this article with friends and sign up for our newsletter.",
		}
	}
	return docs
}

func TestDocFreq(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		docs       int
		remove     int // documents taken back
		maxDocFreq float64
		wantCommon bool
	}{
		{"too few documents", 5, 0, 0, false},
		{"a frame in every document", 40, 0, 0, true},
		{"taken back", 40, 36, 0, false},
		{"under a high limit", 40, 0, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			df := reprint.NewDocFreq()
			var fps []*reprint.Fingerprint
			for _, d := range framed(tt.docs) {
				fp := det.Fingerprint(d)
				df.Add(fp)
				fps = append(fps, fp)
			}
			for _, fp := range fps[:tt.remove] {
				df.Remove(fp)
			}
			if got, want := df.Docs(), tt.docs-tt.remove; got != want {
				t.Errorf("Docs: got %d, want %d", got, want)
			}
			lit, rw := df.Common(tt.maxDocFreq)
			if got := lit > 0 && rw > 0; got != tt.wantCommon {
				t.Errorf("got %d literal and %d rewrite common shingles, want some: %t", lit, rw, tt.wantCommon)
			}
			// Only the frame is common: "Story" to "plan" differ.
			if tt.wantCommon && (lit > 20 || rw > 20) {
				t.Errorf("got %d literal and %d rewrite common shingles, want only the frame's", lit, rw)
			}
			b, err := df.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var back reprint.DocFreq
			if err := back.UnmarshalBinary(b); err != nil {
				t.Fatalf("UnmarshalBinary: %v", err)
			}
			if l2, r2 := back.Common(tt.maxDocFreq); back.Docs() != df.Docs() || l2 != lit || r2 != rw {
				t.Errorf("decoded: got %d docs, %d+%d common; want %d, %d+%d", back.Docs(), l2, r2, df.Docs(), lit, rw)
			}
		})
	}
}

func FuzzDocFreqUnmarshal(f *testing.F) {
	det, _ := reprint.New(reprint.Options{})
	df := reprint.NewDocFreq()
	for _, d := range framed(8) {
		df.Add(det.Fingerprint(d))
	}
	b, _ := df.MarshalBinary()
	f.Add(b)
	f.Add([]byte{1, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var df reprint.DocFreq
		if df.UnmarshalBinary(data) != nil {
			return
		}
		once, err := df.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var again reprint.DocFreq
		if err := again.UnmarshalBinary(once); err != nil {
			t.Fatalf("re-encoding does not decode: %v", err)
		}
		if twice, _ := again.MarshalBinary(); !bytes.Equal(once, twice) {
			t.Error("re-encoding is not stable")
		}
		df.Common(0)
	})
}

func BenchmarkDocFreqAdd(b *testing.B) {
	det, _ := reprint.New(reprint.Options{})
	var fps []*reprint.Fingerprint
	for _, d := range framed(1000) {
		fps = append(fps, det.Fingerprint(d))
	}
	b.ReportAllocs()
	for b.Loop() {
		df := reprint.NewDocFreq()
		for _, fp := range fps {
			df.Add(fp)
		}
	}
}
