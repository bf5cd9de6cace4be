package gen

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/reprint-dev/reprint/internal/jsonstr"
	"github.com/reprint-dev/reprint/shingle"
)

// worker generates batches; its buffers are reused from document to
// document.
type worker struct {
	c         *corpus
	wantTruth bool
	orig, der doc
	text, src []byte
	sa, sb    shingler
}

// run generates b's documents and truth lines and hands b to its future.
func (w *worker) run(b *batch) {
	c := w.c
	b.docs, b.truth, b.planted = b.docs[:0], b.truth[:0], 0
	for _, p := range b.plans {
		if p.kind == original {
			w.makeOriginal(p.i)
			w.text = c.render(w.text[:0], &w.orig, 0)
		} else {
			w.makeOriginal(p.src)
			r := newRNG(c.o.Seed, p.i, streamDerive)
			ws := c.derive(&r, p.kind, &w.orig, &w.der)
			w.text = c.render(w.text[:0], &w.der, ws)
			b.planted++
			if w.wantTruth {
				w.src = c.render(w.src[:0], &w.orig, 0)
				b.truth = w.appendTruth(b.truth, p)
			}
		}
		b.docs = append(b.docs, `{"id":"`...)
		b.docs = appendID(b.docs, p.i)
		b.docs = append(b.docs, `","text":"`...)
		b.docs = jsonstr.Append(b.docs, w.text)
		b.docs = append(b.docs, `","published":"`...)
		b.docs = c.published(p.i).AppendFormat(b.docs, time.RFC3339)
		b.docs = append(b.docs, "\"}\n"...)
	}
	b.fut <- b
}

// makeOriginal generates original i into w.orig.
func (w *worker) makeOriginal(i int) {
	r := newRNG(w.c.o.Seed, i, streamText)
	w.c.original(&r, &w.orig, w.c.o.Words)
	f := newRNG(w.c.o.Seed, i, streamFooter)
	w.orig.footer = f.chance(footerRate)
}

// appendTruth appends the truth line of derivative p, whose text is in
// w.text and its original's in w.src.
func (w *worker) appendTruth(dst []byte, p plan) []byte {
	a := w.sa.set(w.src, w.c.o.K)
	b := w.sb.set(w.text, w.c.o.K)
	t := Truth{
		A:         string(appendID(nil, p.src)),
		B:         string(appendID(nil, p.i)),
		Kind:      kindNames[p.kind],
		Jaccard:   shingle.Jaccard(a, b),
		ContainAB: shingle.Containment(a, b),
		ContainBA: shingle.Containment(b, a),
	}
	line, err := json.Marshal(t)
	if err != nil { // cannot happen: the fields are strings and finite floats
		panic(err)
	}
	dst = append(dst, line...)
	return append(dst, '\n')
}

// shingler computes shingle sets exactly as reprint does (shingle.Words
// and HashBytes are Tokenize and HashWord without an allocation per word),
// reusing its buffers.
type shingler struct {
	words  []uint64
	hashes []uint64
}

// set returns the word k-shingle set of text.
func (s *shingler) set(text []byte, k int) shingle.Set {
	s.words = s.words[:0]
	shingle.Words(string(text), func(w []byte, _, _ int) {
		s.words = append(s.words, shingle.HashBytes(w))
	})
	s.hashes = shingle.AppendShingles(s.hashes[:0], s.words, k)
	return shingle.NewSet(s.hashes)
}

// appendID appends the id of document i: "d" and the 1-based number in at
// least seven digits.
func appendID(dst []byte, i int) []byte {
	dst = append(dst, 'd')
	n := strconv.AppendInt(nil, int64(i+1), 10)
	for range 7 - len(n) {
		dst = append(dst, '0')
	}
	return append(dst, n...)
}
