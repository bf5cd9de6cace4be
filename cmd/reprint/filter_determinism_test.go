package main

import (
	"bufio"
	"compress/flate"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestFilterMarkIndependentOfSplit: filter's worker compares a line with
// the window lines added so far, and handle settles it against the window
// as it is when the line's turn comes. How many lines the worker saw
// depends on goroutine timing, so the mark a line gets must not depend on
// it: every split must give what one lookup of the whole window gives.
// Before settle looked the candidates up again, it did not: line
// 345 (pa/16.07.99/care/care1snap) is marked a copy of care1nlcorr
// (0.6857) or of care1 (0.6571) depending on the split, and `reprint
// filter < meter-courts/docs.jsonl` prints different bytes from run to run
// (five different outputs in eight runs, whatever --workers).
func TestFilterMarkIndependentOfSplit(t *testing.T) {
	dir := os.Getenv("REPRINT_METER")
	if dir == "" {
		t.Skip("set REPRINT_METER to the meter-courts folder")
	}
	f, err := os.Open(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	det, err := reprint.New(reprint.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := flate.NewWriter(nil, flate.BestSpeed)
	var ls []splitLine
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() && len(ls) < 345 {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		ls = append(ls, newSplitLine(det, zw, d.ID, d.Text))
	}
	q, prev := ls[len(ls)-1], ls[:len(ls)-1]
	if q.doc.ID != "pa/16.07.99/care/care1snap" {
		t.Fatalf("line 345 is %s", q.doc.ID)
	}
	mark := func(at int) *match { return markAtSplit(t, det, zw, prev, q.doc, at) }
	whole := mark(len(prev))
	for _, at := range []int{0, 338, 340, 342, 343} {
		if m := mark(at); (m == nil) != (whole == nil) || m != nil && *m != *whole {
			t.Errorf("worker saw %d of %d lines: mark %+v; it saw all: %+v", at, len(prev), m, whole)
		}
	}
}

// splitLine is a line of a filter test's stream, ready for the window.
type splitLine struct {
	doc  reprint.Document
	z    []byte
	fp   *reprint.Fingerprint
	keys []uint64
}

func newSplitLine(det *reprint.Detector, zw *flate.Writer, id, text string) splitLine {
	doc := reprint.Document{ID: id, Text: text}
	fp := det.Fingerprint(doc)
	return splitLine{doc, compress(zw, text), fp, det.Keys(fp)}
}

// markAtSplit returns the mark filter gives q, the line after prev, when
// its worker looked after the first at lines of prev had entered the
// window and handle settled it after all of them.
func markAtSplit(t *testing.T, det *reprint.Detector, zw *flate.Writer, prev []splitLine, q reprint.Document, at int) *match {
	t.Helper()
	raw, err := json.Marshal(map[string]string{"id": q.ID, "text": q.Text})
	if err != nil {
		t.Fatal(err)
	}
	_, o := newFilterCommand(io.Discard)
	o.MaxCandidates = 100 // filter's default --max-candidates
	f := &filter{o: o, opts: det.Options(), det: det, win: newWindow(100000, maxPostings(0), 2)}
	for _, l := range prev[:at] {
		f.win.add(l.doc, l.z, l.fp, l.keys)
	}
	j := &job{line: len(prev) + 1, raw: raw}
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
