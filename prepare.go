package reprint

import (
	"time"

	"github.com/reprint-dev/reprint/minhash"
	"github.com/reprint-dev/reprint/shingle"
)

// Fingerprint is what reprint keeps of one document to match it: no text
// and no tokens, only what candidate search, verification, alignment and
// evidence offsets need. Detector.Fingerprint makes one; MarshalBinary
// stores it, so an index can match new documents against old ones without
// their texts.
type Fingerprint struct {
	id        string
	source    string
	published time.Time
	words     int         // number of words
	chash     []uint32    // hash of each content word's stem, folded to 32 bits
	lit       shingle.Set // literal channel: word K-shingles
	rw        shingle.Set // rewrite channel: content-word RewriteK-shingles
	sigLit    minhash.Signature
	sigRw     minhash.Signature
	garble    float64 // garbling signs per 100 words
	credit    string  // a source the text credits ("BBC"), if any
	wire      string  // the news agency whose copy this is ("PA News"), if any
}

// contentPos locates a content word: its index among all words and its
// byte span in the text. Fingerprints do not keep them (they cost more
// memory than the hashes); evidence recomputes them from the text.
type contentPos struct {
	word       int32
	start, end int32
}

// scratch is per-worker reusable memory for prepare.
type scratch struct {
	words   []uint64 // hash of each word
	content []uint64 // hash of each content word's stem
	shing   []uint64
	wide    []uint64 // a set widened back to 64 bits for the signers
	sig     minhash.Signature
	names   []string
}

func prepare(doc *Document, o Options, s *scratch) *Fingerprint {
	text := doc.Text
	d := &Fingerprint{id: doc.ID, source: doc.Source, published: doc.Published}
	s.words = s.words[:0]
	s.content = s.content[:0]
	s.names = s.names[:0]
	doubled := 0
	shingle.Words(text, func(w []byte, start, end int) {
		h := shingle.HashBytes(w)
		if n := len(s.words); n > 0 && s.words[n-1] == h && len(w) > 1 {
			doubled++ // "the the": a garbling sign
		}
		if c, ok := shingle.ContentWordBytes(w); ok {
			s.content = append(s.content, shingle.HashBytes(c))
		}
		s.words = append(s.words, h)
		if isNameLike(text[start:end]) {
			s.names = append(s.names, string(w))
		}
	})
	d.words = len(s.words)
	d.chash = make([]uint32, len(s.content))
	for i, h := range s.content {
		d.chash[i] = shingle.Fold(h)
	}
	s.shing = shingle.AppendShingles(s.shing[:0], s.words, o.K)
	d.lit = shingle.NewSet(s.shing)
	if o.RewriteK > 0 {
		s.shing = shingle.AppendShingles(s.shing[:0], s.content, o.RewriteK)
		d.rw = shingle.NewSet(s.shing)
	}
	d.garble = garbleScore(text, d.words, doubled, s.names)
	d.credit = creditedSource(text)
	d.wire = wireAgency(text)
	return d
}

// contentPositions returns the position of each content word of text, in
// the order prepare hashed them.
func contentPositions(text string) []contentPos {
	var pos []contentPos
	n := int32(0)
	shingle.Words(text, func(w []byte, start, end int) {
		if _, ok := shingle.ContentWordBytes(w); ok {
			pos = append(pos, contentPos{n, int32(start), int32(end)})
		}
		n++
	})
	return pos
}
