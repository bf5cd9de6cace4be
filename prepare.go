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
	litKeys   []uint64 // a scan's sketch: literal channel band keys
	rwSig     []uint32 // a scan's sketch: rewrite channel signature, folded
	sketched  bool     // a scan keeps only the sketch; chash, lit, rw are nil
	unsorted  bool     // lit and rw not yet sorted (finishSets)
	noCredit  bool     // credit not yet read (finishText)
	noGarble  bool     // garble not yet measured (finishText)
	garble    float64  // garbling signs per 100 words
	credit    string   // a source the text credits ("BBC"), if any
	wire      string   // the news agency whose copy this is ("PA News"), if any
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
	hits    []int    // indices of common shingles found (Scan.sketch)
	kept    []uint32 // a set without its common shingles (Scan.sketch)
}

// prepare fingerprints doc. A lazy fingerprint leaves for later what only
// a document in a candidate pair needs: its sets are not sorted (they may
// hold duplicates; finishSets sorts them), and the source it credits and
// its garbling are not read off its text (finishText). A scan then sorts
// the sets of documents with a candidate, reads the credits of those in
// reported pairs and measures the garbling of those in rewrites, not all.
func prepare(doc *Document, o Options, s *scratch, lazy bool) *Fingerprint {
	text := doc.Text
	d := &Fingerprint{id: doc.ID, source: doc.Source, published: doc.Published,
		unsorted: lazy, noCredit: true, noGarble: true, wire: wireAgency(text)}
	s.words = s.words[:0]
	s.content = s.content[:0]
	shingle.Words(text, func(w []byte, start, end int) {
		if c, ok := shingle.ContentWordBytes(w); ok {
			s.content = append(s.content, shingle.HashBytes(c))
		}
		s.words = append(s.words, shingle.HashBytes(w))
	})
	d.words = len(s.words)
	d.chash = make([]uint32, len(s.content))
	for i, h := range s.content {
		d.chash[i] = shingle.Fold(h)
	}
	set := shingle.NewSet
	if lazy {
		set = foldAll
	}
	s.shing = shingle.AppendShingles(s.shing[:0], s.words, o.K)
	d.lit = set(s.shing)
	if o.RewriteK > 0 {
		s.shing = shingle.AppendShingles(s.shing[:0], s.content, o.RewriteK)
		d.rw = set(s.shing)
	}
	if !lazy {
		d.finishText(text, s, true)
	}
	return d
}

// foldAll folds hashes to 32 bits without sorting them: an unsorted Set.
func foldAll(h []uint64) shingle.Set {
	s := make(shingle.Set, len(h))
	for i, x := range h {
		s[i] = shingle.Fold(x)
	}
	return s
}

// finishSets sorts a lazy fingerprint's sets and drops their duplicates.
func (fp *Fingerprint) finishSets() {
	if !fp.unsorted {
		return
	}
	fp.lit = shingle.SortSet(fp.lit)
	fp.rw = shingle.SortSet(fp.rw)
	fp.unsorted = false
}

// finishText reads the source the text credits and, with garble, measures
// its garbling.
func (fp *Fingerprint) finishText(text string, s *scratch, garble bool) {
	if fp.noCredit {
		fp.credit = creditedSource(text)
		fp.noCredit = false
	}
	if !garble || !fp.noGarble {
		return
	}
	s.names = s.names[:0]
	doubled := 0
	var last [64]byte
	prev := last[:0]
	shingle.Words(text, func(w []byte, start, end int) {
		if len(w) > 1 && string(w) == string(prev) {
			doubled++ // "the the": a garbling sign
		}
		prev = append(last[:0], w...)
		if isNameLike(text[start:end]) {
			s.names = append(s.names, string(w))
		}
	})
	fp.garble = garbleScore(text, fp.words, doubled, s.names)
	fp.noGarble = false
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
