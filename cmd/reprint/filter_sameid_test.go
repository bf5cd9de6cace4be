package main

import (
	"compress/flate"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestFilterMarkIndependentOfSplitSameID: a feed re-sends an updated
// article under its ID (line 2 is line 1 with its second half rewritten),
// then a copy of the update arrives (line 3). The window then holds two
// lines of ID "a", and settle's check that the worker's candidates are
// still the ones it compared goes by ID only (sameWindowIDs): when line
// 3's worker looked before line 2 entered the window, it compared line 3
// with line 1, and settle keeps that stale match, although a lookup of the
// window as it is finds line 2, of the same ID, first. The mark (score,
// relation) depends on goroutine timing.
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
	type line struct {
		doc  reprint.Document
		z    []byte
		fp   *reprint.Fingerprint
		keys []uint64
	}
	mk := func(id, text string) line {
		doc := reprint.Document{ID: id, Text: text}
		fp := det.Fingerprint(doc)
		return line{doc, compress(zw, text), fp, det.Keys(fp)}
	}
	prev := []line{mk("a", t1), mk("a", t2)}
	raw, _ := json.Marshal(map[string]string{"id": "c", "text": t2})
	_, o := newFilterCommand(io.Discard)
	o.MaxCandidates = 100
	mark := func(at int) *match {
		f := &filter{o: o, opts: det.Options(), det: det, win: newWindow(100000, maxPostings(0), 2)}
		for _, l := range prev[:at] {
			f.win.add(l.doc, l.z, l.fp, l.keys)
		}
		j := &job{line: 3, raw: raw}
		f.prepare(t.Context(), det, zw, j)
		if j.err != nil || j.fatal != nil {
			t.Fatalf("prepare: %v %v", j.err, j.fatal)
		}
		for _, l := range prev[at:] {
			f.win.add(l.doc, l.z, l.fp, l.keys)
		}
		m, err := f.settle(t.Context(), j)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
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
