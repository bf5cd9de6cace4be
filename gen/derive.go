package gen

import "math"

// Kinds of planted derivatives.
const (
	KindCopy    = "copy"    // the same text, whitespace aside
	KindEdited  = "edited"  // 2–10% of words changed, some sentences dropped
	KindExcerpt = "excerpt" // a contiguous 30–70% of the paragraphs
	KindRewrite = "rewrite" // function words and word order changed, synonyms used
)

// kind numbers in plans; 0 is an original.
const (
	original = iota
	copyKind
	editedKind
	excerptKind
	rewriteKind
)

var kindNames = [...]string{"", KindCopy, KindEdited, KindExcerpt, KindRewrite}

// kindShares are the cumulative shares of the derivative kinds.
var kindShares = [...]float64{copyKind: 0.15, editedKind: 0.55, excerptKind: 0.75, rewriteKind: 1}

func drawKind(r *rng) uint8 {
	u := r.float()
	k := uint8(copyKind)
	for u >= kindShares[k] && k < rewriteKind {
		k++
	}
	return k
}

// derive writes into out a derivative of kind from orig and returns the
// whitespace style to render it in.
func (c *corpus) derive(r *rng, kind uint8, orig, out *doc) int {
	out.reset()
	ws := 0
	switch kind {
	case copyKind:
		out.toks = append(out.toks, orig.toks...)
		out.sents = append(out.sents, orig.sents...)
		out.footer = orig.footer
		ws = r.intn(len(paraSeps))
	case editedKind:
		c.edit(r, orig, out)
	case excerptKind:
		c.excerpt(r, orig, out)
	case rewriteKind:
		c.rewrite(r, orig, out)
	}
	if len(out.sents) == 0 { // everything edited away: keep the original
		out.toks = append(out.toks, orig.toks...)
		out.sents = append(out.sents, orig.sents...)
	}
	return ws
}

// edit changes 2–10% of the words by substitution, insertion and deletion.
// Edits come in runs of random mean length, so that the same edit rate
// spreads the shingle Jaccard from about 0.3 (scattered edits) to 0.95
// (a few rewritten phrases). Some documents also lose sentences.
func (c *corpus) edit(r *rng, orig, out *doc) {
	rate := 0.02 + 0.08*r.float()
	burst := 0.85 * r.float()             // chance that an edit follows an edit
	p0 := rate * (1 - burst) / (1 - rate) // chance that an edit follows a kept word
	drop := 0.0
	if r.chance(0.5) {
		drop = 0.2 * r.float()
	}
	prev, carry, edits := false, false, 0
	for si, s := range orig.sents {
		if si > 0 && r.chance(drop) {
			carry = carry || s.para
			continue
		}
		start := len(out.toks)
		for _, t := range orig.toks[s.start:s.end] {
			p := p0
			if prev {
				p = burst
			}
			if prev = r.chance(p); !prev {
				out.toks = append(out.toks, t)
				continue
			}
			edits++
			switch u := r.float(); {
			case u < 0.6:
				out.toks = append(out.toks, c.substitute(r, orig, t))
			case u < 0.8:
				out.toks = append(out.toks, t, c.randomTok(r, orig))
			}
		}
		s.para = s.para || carry
		if out.add(s, start) {
			carry = false
		} else {
			carry = s.para
		}
	}
	if edits == 0 && len(out.toks) > 0 { // an edited copy differs
		i := r.intn(len(out.toks))
		out.toks[i] = c.substitute(r, orig, out.toks[i])
	}
	out.footer = orig.footer
}

// substitute returns a word to put in place of t, a different one when a
// few draws find one.
func (c *corpus) substitute(r *rng, ctx *doc, t tok) tok {
	for range 4 {
		if u := c.substitute1(r, ctx, t); u.id != t.id || u.num != t.num {
			return u
		}
	}
	return c.substitute1(r, ctx, t)
}

func (c *corpus) substitute1(r *rng, ctx *doc, t tok) tok {
	switch {
	case t.id < 0:
		return c.numberTok(r, t.ns)
	case c.lex.isFunc(t.id):
		return c.funcTok(r)
	default:
		return c.contentTok(r, ctx)
	}
}

func (c *corpus) randomTok(r *rng, ctx *doc) tok {
	if r.chance(0.45) {
		return c.funcTok(r)
	}
	return c.contentTok(r, ctx)
}

// excerpt keeps a contiguous 30–70% of the paragraphs (of the sentences,
// for documents of fewer than three paragraphs), sometimes under a new
// lead sentence.
func (c *corpus) excerpt(r *rng, orig, out *doc) {
	var starts []int // first sentence of each paragraph
	for i, s := range orig.sents {
		if i == 0 || s.para {
			starts = append(starts, i)
		}
	}
	if len(starts) < 3 {
		starts = starts[:0]
		for i := range orig.sents {
			starts = append(starts, i)
		}
	}
	n := len(starts)
	keep := min(max(int(math.Round(float64(n)*(0.3+0.4*r.float()))), 1), max(n-1, 1))
	from := r.intn(n - keep + 1)
	lo, hi := starts[from], len(orig.sents)
	if from+keep < n {
		hi = starts[from+keep]
	}
	// A new lead, at most a quarter of the excerpt, so that the excerpt is
	// still mostly contained in its original.
	kept := int(orig.sents[hi-1].end - orig.sents[lo].start)
	if n := min(r.between(12, 30), kept/4); n >= 8 && r.chance(0.5) {
		start := len(out.toks)
		c.sentence(r, orig, out, n)
		out.add(sent{para: true}, start)
	}
	for i, s := range orig.sents[lo:hi] {
		start := len(out.toks)
		out.toks = append(out.toks, orig.toks[s.start:s.end]...)
		s.para = s.para || i == 0
		out.add(s, start)
	}
}

// rewrite keeps the content words but swaps most function words for near
// neighbours, uses synonyms and swaps adjacent words: what a paraphrasing
// tool does. Few word 5-shingles survive.
func (c *corpus) rewrite(r *rng, orig, out *doc) {
	nf := int32(c.lex.nFunc)
	for _, s := range orig.sents {
		start := len(out.toks)
		for _, t := range orig.toks[s.start:s.end] {
			switch {
			case c.lex.isFunc(t.id):
				u := r.float()
				if u < 0.08 {
					continue
				}
				if u < 0.6 {
					id := t.id + int32(r.between(1, 6))
					if r.chance(0.5) {
						id = t.id - int32(r.between(1, 6))
					}
					t.id = min(max(id, 0), nf-1)
				}
				out.toks = append(out.toks, t)
			case t.id >= nf && t.f&fCap == 0:
				if r.chance(0.3) {
					t.id = c.lex.synonym(t.id)
				}
				out.toks = append(out.toks, t)
				if r.chance(0.05) {
					out.toks = append(out.toks, c.funcTok(r))
				}
			default:
				out.toks = append(out.toks, t)
			}
		}
		seg := out.toks[start:]
		for j := 1; j < len(seg); j++ {
			if r.chance(0.12) {
				// Swap the words; commas stay where they were.
				fa, fb := seg[j-1].f&fComma, seg[j].f&fComma
				seg[j-1], seg[j] = seg[j], seg[j-1]
				seg[j-1].f = seg[j-1].f&^fComma | fa
				seg[j].f = seg[j].f&^fComma | fb
				j++
			}
		}
		if s.quote == quoteAfter || s.quote == quoteBefore {
			s.quote = quoteAfter + quoteBefore - s.quote
		}
		out.add(s, start)
	}
}
