package reprint

import (
	"github.com/reprint-dev/reprint/minhash"
	"github.com/reprint-dev/reprint/shingle"
)

// docData is what the pipeline derives from one document's text.
type docData struct {
	toks    []shingle.Token
	words   []uint64    // hash of each token
	content []int32     // token index of each content word
	chash   []uint64    // hash of each content word's stem
	lit     shingle.Set // literal channel: word K-shingles
	rw      shingle.Set // rewrite channel: content-word RewriteK-shingles
	sigLit  minhash.Signature
	sigRw   minhash.Signature
	garble  float64 // garbling signs per 100 words
	credit  string  // a source the text credits ("BBC"), if any
	wire    string  // the news agency whose copy this is ("PA News"), if any
}

func prepare(text string, o Options) docData {
	var d docData
	d.toks = shingle.Tokenize(nil, text)
	d.words = make([]uint64, len(d.toks))
	for i, t := range d.toks {
		d.words[i] = shingle.HashWord(t.Text)
		if w, ok := shingle.ContentWord(t.Text); ok {
			d.content = append(d.content, int32(i))
			d.chash = append(d.chash, shingle.HashWord(w))
		}
	}
	d.lit = shingle.NewSet(shingle.AppendShingles(nil, d.words, o.K))
	if o.RewriteK > 0 {
		d.rw = shingle.NewSet(shingle.AppendShingles(nil, d.chash, o.RewriteK))
	}
	d.garble = garbleScore(text, d.toks)
	d.credit = creditedSource(text)
	d.wire = wireAgency(text)
	return d
}
