package gen

import (
	"strconv"
	"strings"
)

// tok is one word of a generated document, kept structured so that
// derivations can edit words before the text is rendered.
type tok struct {
	id  int32 // lexicon id, or -1 for a number
	num int32 // a number's value
	f   uint8 // fCap, fComma
	ns  uint8 // a number's style
}

const (
	fCap   = 1 << iota // a proper name: always capitalized
	fComma             // a comma follows
)

// Number styles.
const (
	numPlain = iota
	numGrouped
	numYear
	numPercent
	numMoney
	numDecimal
	numStyles
)

// Quote styles of a sentence.
const (
	quoteNone   = iota
	quoteAfter  // "Body," Name said.
	quoteBefore // "Body," said Name.
	quoteColon  // Name said: "Body."
)

// sent is a sentence: the tokens doc.toks[start:end].
type sent struct {
	start, end int32
	para       bool     // starts a paragraph
	quote      uint8    // quote style
	spk        [2]int32 // speaker's first and last name ids; spk[0] < 0: last name only
}

// doc is a generated document. Its slices are reused from document to
// document by one worker.
type doc struct {
	toks   []tok
	sents  []sent
	topic  []int32 // content word ids the document is about
	names  []int32 // people: first and last name ids in pairs
	footer bool    // boilerplate footer appended
}

func (d *doc) reset() {
	d.toks, d.sents, d.topic, d.names = d.toks[:0], d.sents[:0], d.topic[:0], d.names[:0]
	d.footer = false
}

// add appends s with its tokens from start to the end of d.toks, unless
// that is empty. It reports whether s was added.
func (d *doc) add(s sent, start int) bool {
	if len(d.toks) == start {
		return false
	}
	s.start, s.end = int32(start), int32(len(d.toks))
	d.sents = append(d.sents, s)
	return true
}

// Shares of the generated text.
const (
	funcShare0   = 0.20 // phrases with no function word
	funcShare1   = 0.50 // phrases with one (the rest have two)
	twoContent   = 0.35 // phrases with two content words (else one)
	numberPhrase = 0.03 // phrases that are a number
	commaRate    = 0.07 // phrases followed by a comma
	nameRate     = 0.04 // content words that name a person
	topicRate    = 0.74 // content words drawn from the topic (includes nameRate)
	quoteRate    = 0.12 // sentences that are quoted speech
)

// maxTopic is the largest number of topic words of a document.
const maxTopic = 100

// original generates the text of an original document with about words
// words.
func (c *corpus) original(r *rng, d *doc, words int) {
	d.reset()
	for range r.between(40, maxTopic) {
		d.topic = append(d.topic, c.topicWord(r))
	}
	for range r.between(2, 4) {
		d.names = append(d.names, c.topicWord(r), c.topicWord(r))
	}
	n := max(8, int(float64(words)*(0.35+1.3*r.float())))
	for i := 0; len(d.toks) < n; i++ {
		s := sent{para: i <= 1 || r.chance(0.45)}
		if i > 0 && r.chance(quoteRate) {
			s.quote = uint8(r.between(quoteAfter, quoteColon))
			s.spk = c.speaker(r, d)
			s.para = s.para || r.chance(0.6)
		}
		start := len(d.toks)
		c.sentence(r, d, d, (r.between(8, 35)+r.between(8, 35))/2)
		d.add(s, start)
	}
}

// topicWord draws a content word for a document's topic: mostly from the
// long tail, so that unrelated documents share few words.
func (c *corpus) topicWord(r *rng) int32 {
	return int32(c.lex.nFunc + 200 + r.intn(vocabSize-200))
}

// speaker picks one of ctx's people, by full or last name.
func (c *corpus) speaker(r *rng, ctx *doc) [2]int32 {
	p := r.intn(len(ctx.names) / 2)
	first, last := ctx.names[2*p], ctx.names[2*p+1]
	if r.chance(0.5) {
		first = -1
	}
	return [2]int32{first, last}
}

// sentence appends about n words of prose about ctx's topic to d.toks:
// phrases of function words followed by content words or a number.
func (c *corpus) sentence(r *rng, ctx, d *doc, n int) {
	start := len(d.toks)
	for len(d.toks)-start < n {
		nf := 2 // function words before the content
		switch u := r.float(); {
		case u < funcShare0:
			nf = 0
		case u < funcShare0+funcShare1:
			nf = 1
		}
		if t := c.funcTok(r); nf == 2 && !c.lex.isDet[t.id] {
			d.toks = append(d.toks, t)
		}
		if nf > 0 {
			// A determiner before the content word reads like English ("in
			// the"), two arbitrary function words rarely do ("in of").
			d.toks = append(d.toks, c.detTok(r))
		}
		if r.chance(numberPhrase) {
			d.toks = append(d.toks, c.numberTok(r, uint8(r.intn(numStyles))))
		} else {
			d.toks = append(d.toks, c.contentTok(r, ctx))
			if r.chance(twoContent) {
				d.toks = append(d.toks, c.contentTok(r, ctx))
			}
		}
		if r.chance(commaRate) {
			d.toks[len(d.toks)-1].f |= fComma
		}
	}
	if c.lex.isFunc(d.toks[len(d.toks)-1].id) {
		d.toks = append(d.toks, c.contentTok(r, ctx))
	}
	d.toks[len(d.toks)-1].f &^= fComma
}

func (c *corpus) funcTok(r *rng) tok { return tok{id: int32(c.funcZ.draw(r))} }

// detTok draws a function word that may precede a content word: half the
// time a determiner, else any function word.
func (c *corpus) detTok(r *rng) tok {
	if r.chance(0.5) {
		return tok{id: c.lex.dets[c.detZ.draw(r)]}
	}
	return c.funcTok(r)
}

// contentTok draws a content word: a person's last name, a topic word or a
// word of the whole vocabulary.
func (c *corpus) contentTok(r *rng, ctx *doc) tok {
	switch u := r.float(); {
	case u < nameRate && len(ctx.names) > 0:
		return tok{id: ctx.names[2*r.intn(len(ctx.names)/2)+1], f: fCap}
	case u < topicRate && len(ctx.topic) > 0:
		return tok{id: ctx.topic[c.topicZ[min(len(ctx.topic), maxTopic)].draw(r)]}
	default:
		return tok{id: int32(c.lex.nFunc + c.vocabZ.draw(r))}
	}
}

func (c *corpus) numberTok(r *rng, style uint8) tok {
	var v int
	switch style {
	case numGrouped:
		v = r.between(1000, 999999)
	case numYear:
		v = r.between(1990, 2024)
	case numDecimal:
		v = r.between(11, 999)
	default:
		v = r.between(2, 99)
	}
	return tok{id: -1, num: int32(v), ns: style}
}

// Separators by whitespace style: copies may differ from their original in
// whitespace only.
var (
	sentSeps = [...]string{" ", "  ", " ", " "}
	paraSeps = [...]string{"\n\n", "\n\n", "\n\n\n", "\n \n"}
)

// render appends d's text to dst in whitespace style ws.
func (c *corpus) render(dst []byte, d *doc, ws int) []byte {
	first := true
	for _, s := range d.sents {
		if s.end == s.start {
			continue
		}
		if !first {
			if s.para {
				dst = append(dst, paraSeps[ws]...)
			} else {
				dst = append(dst, sentSeps[ws]...)
			}
		}
		first = false
		toks := d.toks[s.start:s.end]
		switch s.quote {
		case quoteAfter:
			dst = append(dst, '"')
			dst = c.appendWords(dst, toks)
			dst = append(dst, ",\" "...)
			dst = c.appendSpeaker(dst, s.spk)
			dst = append(dst, " said."...)
		case quoteBefore:
			dst = append(dst, '"')
			dst = c.appendWords(dst, toks)
			dst = append(dst, ",\" said "...)
			dst = c.appendSpeaker(dst, s.spk)
			dst = append(dst, '.')
		case quoteColon:
			dst = c.appendSpeaker(dst, s.spk)
			dst = append(dst, " said: \""...)
			dst = c.appendWords(dst, toks)
			dst = append(dst, ".\""...)
		default:
			dst = c.appendWords(dst, toks)
			dst = append(dst, '.')
		}
	}
	if d.footer {
		if !first {
			dst = append(dst, paraSeps[ws]...)
		}
		dst = append(dst, footer...)
	}
	return dst
}

func (c *corpus) appendSpeaker(dst []byte, spk [2]int32) []byte {
	if spk[0] >= 0 {
		dst = appendCap(dst, c.lex.words[spk[0]])
		dst = append(dst, ' ')
	}
	return appendCap(dst, c.lex.words[spk[1]])
}

// appendWords appends a sentence's words, the first one capitalized.
func (c *corpus) appendWords(dst []byte, toks []tok) []byte {
	for j, t := range toks {
		if j > 0 {
			dst = append(dst, ' ')
		}
		w := t.id
		if (w == c.lex.a || w == c.lex.an) && j+1 < len(toks) {
			w = c.lex.a // "a" or "an" by the next word's sound, loosely
			if n := toks[j+1]; n.id >= 0 && strings.IndexByte("aeiou", c.lex.words[n.id][0]) >= 0 {
				w = c.lex.an
			}
		}
		switch {
		case t.id < 0:
			dst = appendNumber(dst, t)
		case j == 0 || t.f&fCap != 0:
			dst = appendCap(dst, c.lex.words[w])
		default:
			dst = append(dst, c.lex.words[w]...)
		}
		if t.f&fComma != 0 && j < len(toks)-1 {
			dst = append(dst, ',')
		}
	}
	return dst
}

// appendCap appends the ASCII word w with its first letter in upper case.
func appendCap(dst []byte, w string) []byte {
	dst = append(dst, w[0]-'a'+'A')
	return append(dst, w[1:]...)
}

func appendNumber(dst []byte, t tok) []byte {
	v := int64(t.num)
	switch t.ns {
	case numGrouped:
		dst = strconv.AppendInt(dst, v/1000, 10)
		dst = append(dst, ',')
		dst = append(dst, byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
	case numPercent:
		dst = strconv.AppendInt(dst, v, 10)
		dst = append(dst, " percent"...)
	case numMoney:
		dst = append(dst, '$')
		dst = strconv.AppendInt(dst, v, 10)
		if v%3 == 0 {
			dst = append(dst, " billion"...)
		} else {
			dst = append(dst, " million"...)
		}
	case numDecimal:
		dst = strconv.AppendInt(dst, v/10, 10)
		dst = append(dst, '.')
		dst = append(dst, byte('0'+v%10))
	default:
		dst = strconv.AppendInt(dst, v, 10)
	}
	return dst
}
