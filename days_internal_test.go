package reprint

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/shingle"
)

// fingerprintOf returns the fingerprint of text a Detector with default
// options makes.
func fingerprintOf(tb testing.TB, id, text string) *Fingerprint {
	tb.Helper()
	d, err := New(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return d.Fingerprint(Document{ID: id, Text: text})
}

func TestDayLean(t *testing.T) {
	tests := []struct {
		name, text string
		want       int8
	}{
		{"none", "The jury retired to consider its verdict.", 0},
		{"today", "The judge told the court today that the case would go ahead.", 1},
		{"tonight", "Campaigners said tonight they would appeal.", 1},
		{"yesterday", "The judge told the court yesterday that the case would go ahead.", -1},
		{"last night", "Campaigners said last night they would appeal.", -1},
		{"capitalised", "Yesterday the jury was sent home.", -1},
		{"more today", "He said today that today was final, as he had yesterday.", 1},
		{"possessive", "Last night's verdict was a surprise.", -1},
		{"tie", "Today's verdict follows yesterday's hearing.", 0},
		{"night alone", "He spent the night in a cell.", 0},
		{"last alone", "It was the last hearing.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fingerprintOf(t, "x", tt.text).days; got != tt.want {
				t.Errorf("day lean of %q: got %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestAttributeDays(t *testing.T) {
	// b holds all of a and more: without other signals b is the fuller
	// version and the original.
	fuller := pairFeatures{covA: 0.9, covB: 0.3}
	tests := []struct {
		name         string
		daysA, daysB int8
		wireB        string
		garbleA      float64
		rel          Relation
		want         int
		reason       string
	}{
		{"no day words", 0, 0, "", 0, Rewrite, 1, "fuller version"},
		{"same day words", 1, 1, "", 0, Rewrite, 1, "fuller version"},
		{"today before yesterday", 1, -1, "", 0, Rewrite, 0, `it says "today", the other "yesterday"`},
		{"no day before yesterday", 0, -1, "", 0, Rewrite, 0, `it says no day, the other "yesterday"`},
		{"today before no day", 1, 0, "", 0, Excerpt, 0, "written nearer the events"},
		{"yesterday loses to today", -1, 1, "", 0, Rewrite, 1, "written nearer the events"},
		{"agency copy first", 1, -1, "PA News", 0, Rewrite, 1, "agency copy"},
		{"garbling first", 1, -1, "", 3, MachineRewrite, 1, "garbling"},
		{"less garbled word for word", 1, -1, "", 0.2, MachineRewrite, 1, "the less garbled of a word-for-word rewording"},
		{"equal garbling falls through", 1, -1, "", 0, MachineRewrite, 0, "written nearer the events"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Fingerprint{id: "a", words: 100, days: tt.daysA, garble: tt.garbleA}
			b := &Fingerprint{id: "b", words: 300, days: tt.daysB, wire: tt.wireB}
			got, why, _ := attribute([]*Fingerprint{a, b}, 0, 1, fuller, tt.rel, nil, inputOrder{})
			if got != tt.want || !strings.Contains(why, tt.reason) {
				t.Errorf("got original %d (%q), want %d (%q)", got, why, tt.want, tt.reason)
			}
		})
	}
}

// TestSeparateOriginals builds two wire stories a day apart (w1, w2), each
// rewritten by a paper (n1, n2), and a weak link between the two stories:
// w1 repeats w2's background. The stories stay apart, each the original of
// its own family, unless the link is strong, one story has no copies of
// its own, or one story does not read as a same-day report.
func TestSeparateOriginals(t *testing.T) {
	const w1, n1, w2, n2 = 0, 1, 2, 3
	tests := []struct {
		name    string
		link    float64 // score of the w1-w2 link, which names w2 the original
		days    [4]int8
		noCopy  bool // n1 derives from nothing
		want    [][]int
		wantOrg []int
	}{
		{"weak link between same-day stories", 0.4, [4]int8{1, -1, 1, -1}, false, [][]int{{w1, n1}, {w2, n2}}, []int{w1, w2}},
		{"strong link", 0.6, [4]int8{1, -1, 1, -1}, false, [][]int{{w1, n1, w2, n2}}, []int{w2}},
		{"child story not same-day", 0.4, [4]int8{0, -1, 1, -1}, false, [][]int{{w1, n1, w2, n2}}, []int{w2}},
		{"parent story not same-day", 0.4, [4]int8{1, -1, 0, -1}, false, [][]int{{w1, n1, w2, n2}}, []int{w2}},
		{"child story without copies", 0.4, [4]int8{1, -1, 1, -1}, true, [][]int{{w1, w2, n2}}, []int{w2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := make([]*Fingerprint, 4)
			for i := range data {
				data[i] = &Fingerprint{id: string(rune('a' + i)), words: 100, days: tt.days[i]}
			}
			pairs := []Pair{
				link(w1, w2, w2, Rewrite, tt.link, 0),
				link(w2, n2, w2, Rewrite, 0.8, 0),
			}
			if !tt.noCopy {
				pairs = append(pairs, link(w1, n1, w1, Rewrite, 0.8, 0))
			}
			_, clusters := families(data, pairs)
			var got [][]int
			var orig []int
			for _, c := range clusters {
				got = append(got, c.Members)
				orig = append(orig, c.Original)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) || !slices.Equal(orig, tt.wantOrg) {
				t.Errorf("got families %v with originals %v, want %v with %v", got, orig, tt.want, tt.wantOrg)
			}
		})
	}
}

func TestFingerprintDaysRoundTrip(t *testing.T) {
	fp := fingerprintOf(t, "x", "The council approved the budget yesterday after a long debate.")
	if fp.days != -1 {
		t.Fatalf("got day lean %d, want -1", fp.days)
	}
	b, err := fp.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("current", func(t *testing.T) {
		var got Fingerprint
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("UnmarshalBinary: %v", err)
		}
		if got.days != fp.days {
			t.Errorf("got day lean %d, want %d", got.days, fp.days)
		}
	})
	// Version 5 stores the signatures, version 4 has no number marks,
	// version 3 no day lean.
	t.Run("version 5", func(t *testing.T) {
		var got Fingerprint
		if err := got.UnmarshalBinary(fp.marshal(5)); err != nil {
			t.Fatalf("UnmarshalBinary: %v", err)
		}
		if got.days != fp.days || !slices.Equal(got.lit, fp.lit) || got.sigLit != nil {
			t.Errorf("got day lean %d, %d shingles, signature %v, want %d, %d, none kept", got.days, len(got.lit), got.sigLit != nil, fp.days, len(fp.lit))
		}
		if re, _ := got.MarshalBinary(); !slices.Equal(re, b) {
			t.Errorf("re-encoding as version %d: got %d bytes, want %d", fingerprintVersion, len(re), len(b))
		}
	})
	t.Run("version 4", func(t *testing.T) {
		old := fp.marshal(4)
		var got Fingerprint
		if err := got.UnmarshalBinary(old); err != nil {
			t.Fatalf("UnmarshalBinary: %v", err)
		}
		if got.days != fp.days || got.nums != nil {
			t.Errorf("got day lean %d, numbers %v, want %d, none", got.days, got.nums, fp.days)
		}
	})
	t.Run("version 3", func(t *testing.T) {
		old := fp.marshal(3)
		var got Fingerprint
		if err := got.UnmarshalBinary(old); err != nil {
			t.Fatalf("UnmarshalBinary: %v", err)
		}
		if got.days != 0 || got.id != fp.id || got.words != fp.words {
			t.Errorf("got id %q words %d day lean %d, want %q %d 0", got.id, got.words, got.days, fp.id, fp.words)
		}
	})
	t.Run("bad lean", func(t *testing.T) {
		bad := append([]byte(nil), b...)
		bad[len(bad)-1] = 7
		var got Fingerprint
		if err := got.UnmarshalBinary(bad); err == nil {
			t.Error("got no error for day lean 7")
		}
	})
}

func BenchmarkDayLean(b *testing.B) {
	var words []uint64
	n := 0
	for _, doc := range seedTexts(b) {
		shingle.Words(doc, func(w []byte, start, end int) { words = append(words, shingle.HashBytes(w)) })
		n += len(doc)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		dayLean(words)
	}
}

// seedTexts reads the texts of the seed articles in testdata/seeds.
func seedTexts(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}
