package shingle

import (
	"strings"
	"testing"
)

func TestIsStopHash(t *testing.T) {
	for _, w := range stopWords {
		if !IsStopHash(HashWord(w)) {
			t.Errorf("IsStopHash(%q): got false, want true", w)
		}
	}
	// Words near the stop words and ordinary content words are not.
	others := strings.Fields(`thee them's andy fort ore ist wast court judge police
		yesterday today minister trial jury sentenced said's ab xx mrs. th ll1 a1 dr0`)
	for _, w := range others {
		w = strings.ReplaceAll(w, "'", "")
		w = strings.TrimRight(w, ".")
		if got, want := IsStopHash(HashWord(w)), IsStopWord(w); got != want {
			t.Errorf("IsStopHash(%q): got %v, want %v", w, got, want)
		}
	}
}

func FuzzContentHash(f *testing.F) {
	for _, s := range []string{"the", "courts", "pushing", "ed", "a", "reported", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		b := []byte(w)
		got, gotOK := ContentHash(b, HashBytes(b))
		stem, ok := ContentWordBytes(b)
		if gotOK != ok || (ok && got != HashBytes(stem)) {
			t.Errorf("ContentHash(%q): got %#x %v, want %#x %v", w, got, gotOK, HashBytes(stem), ok)
		}
	})
}

func BenchmarkContentHash(b *testing.B) {
	words := [][]byte{[]byte("the"), []byte("court"), []byte("sentenced"), []byte("of"), []byte("yesterday"), []byte("jury")}
	hs := make([]uint64, len(words))
	for i, w := range words {
		hs[i] = HashBytes(w)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, w := range words {
			ContentHash(w, hs[i])
		}
	}
}
