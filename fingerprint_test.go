package reprint_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
)

func TestFingerprintRoundTrip(t *testing.T) {
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range append(seedDocs(t), reprint.Document{ID: "empty"},
		reprint.Document{ID: "dated", Text: "A short dated text.", Published: time.Date(2025, 8, 19, 10, 0, 0, 0, time.UTC)}) {
		t.Run(doc.ID, func(t *testing.T) {
			fp := d.Fingerprint(doc)
			b, err := fp.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var got reprint.Fingerprint
			if err := got.UnmarshalBinary(b); err != nil {
				t.Fatalf("UnmarshalBinary: %v", err)
			}
			b2, _ := got.MarshalBinary()
			if !reflect.DeepEqual(b, b2) {
				t.Errorf("re-encoding differs: got %d bytes, want %d", len(b2), len(b))
			}
			if got.ID() != doc.ID || got.Words() != fp.Words() {
				t.Errorf("got id %q words %d, want %q %d", got.ID(), got.Words(), doc.ID, fp.Words())
			}
			// The signatures are not stored: Keys signs the sets again.
			if k, want := d.Keys(&got), d.Keys(fp); !slices.Equal(k, want) {
				t.Errorf("decoded: got %d keys, want %d, the same", len(k), len(want))
			}
			for n := 0; n < len(b); n += 1 + len(b)/97 {
				var x reprint.Fingerprint
				if err := x.UnmarshalBinary(b[:n]); err == nil {
					t.Fatalf("truncated to %d of %d bytes: got no error", n, len(b))
				}
			}
		})
	}
}

// TestResolveMatchesRun checks that fingerprinting each document alone and
// resolving LSH-key collisions finds the pairs Run finds (on the seeds,
// where nothing is common enough to be discounted).
func TestResolveMatchesRun(t *testing.T) {
	docs := seedDocs(t)
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := d.Run(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	fps := make([]*reprint.Fingerprint, len(docs))
	texts := make([]string, len(docs))
	byKey := map[uint64][]int{}
	for i, doc := range docs {
		fps[i] = d.Fingerprint(doc)
		texts[i] = doc.Text
		for _, k := range d.Keys(fps[i]) {
			byKey[k] = append(byKey[k], i)
		}
	}
	seen := map[[2]int]bool{}
	var cands [][2]int
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			for _, k := range d.Keys(fps[a]) {
				for _, x := range byKey[k] {
					if x == b && !seen[[2]int{a, b}] {
						seen[[2]int{a, b}] = true
						cands = append(cands, [2]int{a, b})
					}
				}
			}
		}
	}
	got, err := d.Resolve(context.Background(), fps, texts, cands)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Pairs, want.Pairs) || !reflect.DeepEqual(got.Clusters, want.Clusters) {
		t.Errorf("Resolve found %d pairs and %d clusters, Run %d and %d", len(got.Pairs), len(got.Clusters), len(want.Pairs), len(want.Clusters))
	}
}

func FuzzFingerprintUnmarshal(f *testing.F) {
	d, _ := reprint.New(reprint.Options{})
	b, _ := d.Fingerprint(reprint.Document{ID: "x", Text: "The council approved the budget on Tuesday."}).MarshalBinary()
	f.Add(b)
	b, _ = d.Fingerprint(reprint.Document{ID: "y", Text: "At 18:03 on 14/07/99 the court heard that 3 men, aged 21, 34 and 56, owed £1,200."}).MarshalBinary()
	f.Add(b) // with number words marked
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var fp reprint.Fingerprint
		if err := fp.UnmarshalBinary(data); err != nil {
			return
		}
		again, err := fp.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var fp2 reprint.Fingerprint
		if err := fp2.UnmarshalBinary(again); err != nil {
			t.Fatalf("re-encoded fingerprint does not decode: %v", err)
		}
	})
}

// ExampleOverlap tells a new version of an article from another article
// stored under the same ID, as index add does.
func ExampleOverlap() {
	d, err := reprint.New(reprint.Options{})
	if err != nil {
		panic(err)
	}
	story := "The council approved the new budget on Tuesday after a long debate about school funding and road repairs in the north of the city."
	was := d.Fingerprint(reprint.Document{ID: "a.html", Text: story})
	updated := d.Fingerprint(reprint.Document{ID: "a.html", Text: story + " The mayor said work on the roads would start in March."})
	other := d.Fingerprint(reprint.Document{ID: "a.html", Text: "Heavy snow closed the airport for a second day, and the trains to the coast ran late on every line."})
	u, _ := reprint.Overlap(was, updated)
	o, _ := reprint.Overlap(was, other)
	fmt.Printf("updated %.2f, other %.2f\n", u, o)
	// Output: updated 1.00, other 0.00
}
