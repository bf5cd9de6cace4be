package reprint

import (
	"time"
	"unique"

	"github.com/reprint-dev/reprint/minhash"
	"github.com/reprint-dev/reprint/shingle"
)

// Fingerprint is what reprint keeps of one document to match it: no text
// and no tokens. Detector.Fingerprint makes a complete one (sets,
// content-word hashes, signatures, text measures); MarshalBinary stores
// it, so an index can match new documents against old ones without their
// texts. A Scan's fingerprints hold only the LSH sketch until the document
// is read again for verification: their detail is nil, so that a million
// of them do not each carry its empty slices. They are for the Scan's Run
// alone: the methods that take fingerprints (Detector.Keys, Resolve,
// DocFreq.Add, MarshalBinary) need complete ones.
type Fingerprint struct {
	id        string
	source    string
	published time.Time
	words     int      // number of words
	litKeys   []uint32 // a scan's sketch: literal channel band keys
	rwSig     []uint32 // a scan's sketch: rewrite channel signature, folded
	anchors   []uint32 // a scan's sketch: its anchors (anchorsOf)
	// mostlyCommon: most of its literal shingles were left out of its
	// sketch as common (boilerplate, or a story most of the corpus copies).
	mostlyCommon bool
	watched      bool     // a scan's document past its sample holding a shingle the sample spared (commonSet)
	noGarble     bool     // garble not yet measured (finishText)
	days         int8     // +1: dates its events "today"; -1: "yesterday"; 0: neither (dayLean)
	ideo         bool     // most of its words are Chinese or Japanese characters (shingle.Ideographic)
	probe        []uint32 // a scan's document past its sample: a sample of its literal shingles (countLate)
	garble       float64  // garbling signs per 100 words
	credit       string   // a source the text credits ("BBC"), if any
	wire         string   // the news agency whose copy this is ("PA News"), if any
	meta         *docMeta // its URL and outlet; nil: neither known
	*detail               // nil in a scan's sketch (sketched)
}

// docMeta is what a document's input says of it beyond its time: kept
// for reports, apart, so that a fingerprint without it costs a pointer.
type docMeta struct{ url, outlet string }

// metaOf returns doc's URL and outlet, nil when neither is known.
func metaOf(doc *Document) *docMeta {
	if doc.URL == "" && doc.Outlet == "" {
		return nil
	}
	// An outlet names thousands of articles: one copy of its name.
	return &docMeta{doc.URL, unique.Make(doc.Outlet).Value()}
}

// detail is what a complete fingerprint holds beyond a scan's sketch: the
// shingle sets and content words that verification compares.
type detail struct {
	chash  []uint32    // hash of each content word's stem, folded to 32 bits
	nums   []uint64    // bit i set: content word i is a number; nil: none (or an index made before numbers were marked)
	boil   []uint64    // bit i set: content word i lies in boilerplate (a scan's verification only); nil: none
	nboil  int         // content words marked in boil
	lit    shingle.Set // literal channel: word K-shingles
	rw     shingle.Set // rewrite channel: content-word RewriteK-shingles
	sigLit minhash.Signature
	sigRw  minhash.Signature
}

// sketched reports whether fp is a scan's sketch, without its detail.
func (fp *Fingerprint) sketched() bool { return fp.detail == nil }

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
	nums    []uint64 // bit i set: content word i is a number
	shing   []uint64
	wide    []uint64 // a set widened back to 64 bits for the signers
	sig     minhash.Signature
	names   []string
	pos     []contentPos // content word positions (prepVerify)
	litBuf  []uint32     // a sketched document's sets (prepSketch)
	rwBuf   []uint32
	detail  detail   // a sketched document's detail (prepSketch)
	hits    []int    // indices of common shingles found (Scan.sketch)
	kept    []uint32 // a set without its common shingles (Scan.sketch)
	late    []uint32 // a set without its common shingles (countLate)
	least   []uint32 // the least of late, sorted (countLate)
	slots   []uint32 // wordFreq counters of a document's content words
	inBoil  []bool   // word i lies in boilerplate (boilerplate); empty: none
}

// prepMode says how much prepare does, for whom.
type prepMode uint8

const (
	// prepFull makes a complete fingerprint: sorted sets, content-word
	// hashes, credit and garbling (an index's fingerprints).
	prepFull prepMode = iota
	// prepLazy leaves the sets unsorted (they may hold duplicates) and
	// takes no text measures: a scan sorts, and reads again, only
	// documents with a candidate.
	prepLazy
	// prepSketch is prepLazy with the sets in s's memory, valid until s is
	// reused, and no content-word hashes: for a scan to sketch at once.
	prepSketch
	// prepVerify is prepLazy that also records in s.pos where the content
	// words are, for evidence: a candidate read again.
	prepVerify
)

// prepare fingerprints doc as mode says.
func prepare(doc *Document, o Options, s *scratch, mode prepMode) *Fingerprint {
	text := doc.Text
	d := &Fingerprint{id: doc.ID, source: doc.Source, published: doc.Published,
		meta: metaOf(doc), noGarble: true}
	if mode == prepSketch { // in s until Scan.sketch drops it
		s.detail = detail{}
		d.detail = &s.detail
	} else {
		d.detail = &detail{}
	}
	if mode == prepFull || mode == prepVerify { // only a pair's attribution reads it
		d.wire = wireAgency(text)
	}
	s.words = s.words[:0]
	s.content = s.content[:0]
	s.nums = s.nums[:0]
	s.pos = s.pos[:0]
	positions := mode == prepVerify
	marks := mode != prepSketch // number marks go with chash
	anyNum := false
	ideo := 0
	shingle.Words(text, func(w []byte, start, end int) {
		if w[0] >= 0xe2 && shingle.Ideographic(w) {
			ideo++
		}
		h := shingle.HashBytes(w)
		if c, ok := shingle.ContentHash(w, h); ok {
			if marks {
				if i := len(s.content); i%64 == 0 {
					s.nums = append(s.nums, 0)
				}
				if isDigit(w[0]) {
					s.nums[len(s.content)/64] |= 1 << (len(s.content) % 64)
					anyNum = true
				}
			}
			s.content = append(s.content, c)
			if positions {
				s.pos = append(s.pos, contentPos{int32(len(s.words)), int32(start), int32(end)})
			}
		}
		s.words = append(s.words, h)
	})
	d.days = dayLean(s.words) // always: a scan keeps it from its one reading
	d.words = len(s.words)
	d.ideo = 2*ideo > len(s.words)
	if mode != prepSketch {
		d.chash = make([]uint32, len(s.content))
		for i, h := range s.content {
			d.chash[i] = shingle.Fold(h)
		}
		if anyNum {
			d.nums = append([]uint64(nil), s.nums...)
		}
	}
	set := func(h []uint64, buf *[]uint32) shingle.Set {
		switch mode {
		case prepFull:
			return shingle.NewSet(h)
		case prepSketch:
			*buf = foldInto((*buf)[:0], h)
			return *buf
		}
		return foldInto(make(shingle.Set, 0, len(h)), h)
	}
	s.shing = shingle.AppendShingles(s.shing[:0], s.words, o.K)
	d.lit = set(s.shing, &s.litBuf)
	if o.RewriteK > 0 {
		s.shing = shingle.AppendShingles(s.shing[:0], s.content, o.RewriteK)
		d.rw = set(s.shing, &s.rwBuf)
	}
	if mode == prepFull {
		d.credit = creditedSource(text)
		d.finishText(text, s)
	}
	return d
}

// foldInto appends h's hashes folded to 32 bits to dst, unsorted.
func foldInto(dst shingle.Set, h []uint64) shingle.Set {
	for _, x := range h {
		dst = append(dst, shingle.Fold(x))
	}
	return dst
}

// finishText measures the garbling of fp's text: only the documents of
// rewrites need it, to tell a machine rewrite from its original.
func (fp *Fingerprint) finishText(text string, s *scratch) {
	if !fp.noGarble {
		return
	}
	s.names = s.names[:0]
	doubled := 0
	var last [64]byte
	prev, prevEnd := last[:0], 0
	shingle.Words(text, func(w []byte, start, end int) {
		// "the the": a garbling sign; not across a line, a punctuation
		// mark ("Chemists\nCHEMISTS", a slug and a headline) or in a number
		// ("15:04 04/10/99"), nor between characters with nothing between
		// them (a Chinese or Japanese doubled character, "人人", is a word).
		if len(w) > 1 && string(w) == string(prev) && !isDigit(w[0]) && prevEnd < start && onlySpaces(text[prevEnd:start]) {
			doubled++
		}
		prev, prevEnd = append(last[:0], w...), end
		if isNameLike(text[start:end]) && !sentenceStart(text, start) {
			s.names = append(s.names, string(w))
		}
	})
	fp.garble = garbleScore(text, fp.words, doubled+nameVariants(s.names))
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
