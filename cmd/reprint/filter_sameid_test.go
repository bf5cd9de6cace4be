package main

import (
	"compress/flate"
	"os"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestFilterMarkIndependentOfSplitSameID: a feed re-sends an updated
// article under its ID (line 2 is line 1 with its second half rewritten),
// then a copy of the update arrives (line 3). The window then holds two
// lines of ID "a". When line 3's worker looked before line 2 entered the
// window, it compared line 3 with line 1; settle, whose check that the
// worker's candidates are still the ones it compared went by ID, kept
// that stale match, although the window as it is holds line 2 of the same
// ID first. The mark (score, relation) depended on goroutine timing.
func TestFilterMarkIndependentOfSplitSameID(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seeds/000_e2e2f117c2aa15b3.txt")
	if err != nil {
		t.Fatal(err)
	}
	t1 := string(b)
	words := strings.Fields(t1)
	half := len(words) / 2
	upd := append([]string{}, words[:half]...)
	for i, w := range words[half:] { // the update: a new second half
		if i%3 == 0 {
			w = "updated" + w
		}
		upd = append(upd, w)
	}
	t2 := strings.Join(upd, " ")
	det, err := reprint.New(reprint.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := flate.NewWriter(nil, flate.BestSpeed)
	prev := []splitLine{newSplitLine(det, zw, "a", t1), newSplitLine(det, zw, "a", t2)}
	mark := func(at int) *match { return markAtSplit(t, det, zw, prev, reprint.Document{ID: "c", Text: t2}, at) }
	whole := mark(len(prev))
	if whole == nil {
		t.Fatal("line 3 is not marked when its worker saw both lines")
	}
	for at := range len(prev) {
		if m := mark(at); m == nil || *m != *whole {
			t.Errorf("worker saw %d of %d lines: mark %+v; it saw both: %+v", at, len(prev), m, whole)
		}
	}
}
