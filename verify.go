package reprint

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/reprint-dev/reprint/align"
	"github.com/reprint-dev/reprint/shingle"
)

// pairFeatures are the exact measurements of one candidate pair.
type pairFeatures struct {
	jaccard, containAB, containBA float64 // literal channel sets
	rwAB, rwBA                    float64 // rewrite channel containment
	covA, covB                    float64 // share of content words inside aligned passages
	matched                       int     // content words, numbers not counted, of the smaller side inside passages
	ideo                          bool    // either side is Chinese or Japanese, a character to a word (Fingerprint.ideo)
	shared                        int     // literal shingles in common
	score                         float64
	passages                      []align.Passage // over content-word indices

	// quoted: a pair below MinScore that shares a long passage word for
	// word (minQuoted): derived for that passage alone, an excerpt.
	quoted bool

	// swapped: a literal edited copy or excerpt (not quoted) whose
	// passages differ mostly by one-for-one swaps (swapped), a machine
	// rewrite.
	swapped bool
}

// pair returns the pair of documents a and b as rel with f's measures;
// its original and evidence are still to be found.
func (f pairFeatures) pair(a, b int, rel Relation) Pair {
	return Pair{A: a, B: b, Relation: rel, Score: f.score, Jaccard: f.jaccard, ContainAB: f.containAB, ContainBA: f.containBA, covA: f.covA, covB: f.covB}
}

// Alignment settings for content-word sequences: anchors are shared
// content-word bigrams; a passage tolerates a few reworded words.
var alignOpts = align.Options{K: 1, MaxGap: 4, MinAnchors: 3}

// alignPair aligns a with b as align.Passages does, but the same whichever
// is given first: the alignment keeps one of several equally long anchor
// chains, so it aligns the shorter sequence (or, at equal length, the
// lesser) against the other and turns the passages round if need be.
func alignPair(a, b []uint32) []align.Passage {
	if len(a) > 0 && slices.Equal(a, b) { // one passage: the alignment of x with x is not mirrored
		return []align.Passage{{AStart: 0, AEnd: len(a), BStart: 0, BEnd: len(b), Anchors: len(a)}}
	}
	if len(a) < len(b) || len(a) == len(b) && slices.Compare(a, b) <= 0 {
		return align.Passages(a, b, alignOpts)
	}
	ps := align.Passages(b, a, alignOpts)
	for i, p := range ps {
		ps[i] = align.Passage{AStart: p.BStart, AEnd: p.BEnd, BStart: p.AStart, BEnd: p.AEnd, Anchors: p.Anchors}
	}
	slices.SortStableFunc(ps, func(x, y align.Passage) int { return cmp.Compare(x.AStart, y.AStart) })
	return ps
}

// MinMatched is the least number of aligned content words, numbers not
// counted, for a pair to be derived: below it, shared names and stock
// phrases can explain the match. Numbers (dates, times, ages, sums) are
// facts every report of an event states; on a two-line wire brief the
// dateline alone ("18:03 14/07/99: Page 2") made up half the words.
const MinMatched = 12

// numbersIn counts the content words in [lo,hi) that nums marks as numbers.
func numbersIn(nums []uint64, lo, hi int) int {
	n := 0
	for i := lo; i < hi && i/64 < len(nums); {
		w := nums[i/64] >> (i % 64)
		k := min(64-i%64, hi-i) // bits of this word in range
		if k < 64 {
			w &= 1<<k - 1
		}
		n += bits.OnesCount64(w)
		i += k
	}
	return n
}

func verify(a, b *Fingerprint, o Options) pairFeatures {
	var f pairFeatures
	n := shingle.Intersect(a.lit, b.lit)
	f.shared = n
	if u := len(a.lit) + len(b.lit) - n; u > 0 {
		f.jaccard = float64(n) / float64(u)
	}
	if len(a.lit) > 0 {
		f.containAB = float64(n) / float64(len(a.lit))
	}
	if len(b.lit) > 0 {
		f.containBA = float64(n) / float64(len(b.lit))
	}
	if m := shingle.Intersect(a.rw, b.rw); m > 0 {
		f.rwAB = float64(m) / float64(len(a.rw))
		f.rwBA = float64(m) / float64(len(b.rw))
	}
	if max(f.containAB, f.containBA) < 0.02 && max(f.rwAB, f.rwBA) < 0.03 && n < minQuoted {
		return f // nothing in common worth aligning (a long passage of two long texts is)
	}
	f.passages = alignPair(a.alignable(0x9e3779b9), b.alignable(0x7f4a7c15))
	// Content words of each side in passages: their shares of its own
	// words (boilerplate left out), and matched, the count of the shorter
	// side's (at equal length, the fewer) without its numbers (wA, wB),
	// not rounded back from a share.
	inA, inB, wA, wB := 0, 0, 0, 0
	for _, p := range f.passages {
		inA += p.AEnd - p.AStart
		inB += p.BEnd - p.BStart
		wA += p.AEnd - p.AStart - numbersIn(a.nums, p.AStart, p.AEnd)
		wB += p.BEnd - p.BStart - numbersIn(b.nums, p.BStart, p.BEnd)
	}
	share := func(in, n int) float64 {
		if n == 0 {
			return 0
		}
		return min(1, float64(in)/float64(n))
	}
	f.covA, f.covB = share(inA, a.own()), share(inB, b.own())
	switch {
	case a.own() < b.own():
		f.matched = wA
	case a.own() > b.own():
		f.matched = wB
	default:
		f.matched = min(wA, wB)
	}
	f.score = max(f.covA, f.covB, f.jaccard)
	f.ideo = a.ideo || b.ideo
	f.quoted = f.score < o.MinScore && f.matched >= MinMatched && quotedRun(a, b, f)
	if rel := literalRelation(f); (rel == EditedCopy || rel == Excerpt) && !f.quoted {
		f.swapped = swapped(f, a, b)
	}
	return f
}

// quotedRun reports whether a and b share a long passage word for word:
// minQuoted literal shingles in common, and one aligned passage of
// minQuotedRun content words or more on both sides that is not where both
// texts start or both end (a site's header or footer, which a corpus too
// small to tell boilerplate holds as one passage). Chinese and Japanese
// texts, a character to a word, need ideoScale times as many.
func quotedRun(a, b *Fingerprint, f pairFeatures) bool {
	scale := 1
	if a.ideo || b.ideo {
		scale = ideoScale
	}
	if f.shared < minQuoted*scale {
		return false
	}
	for _, p := range f.passages {
		if min(p.AEnd-p.AStart, p.BEnd-p.BStart) < minQuotedRun*scale {
			continue
		}
		starts := p.AStart <= edgeSlack && p.BStart <= edgeSlack
		ends := p.AEnd >= len(a.chash)-edgeSlack && p.BEnd >= len(b.chash)-edgeSlack
		if !starts && !ends {
			return true
		}
	}
	return false
}

// minQuoted is the number of literal shingles in common (some sixty words
// word for word, with the default five-word shingles) that, with one long
// passage (quotedRun), make a pair derived whatever share of either text
// they are: a story's four paragraphs set into a longer article unrelated
// to it. 30% of a wire story set amid twice as much unrelated text goes
// from 18% found to 94%; meter-courts is unchanged (counting shingles
// alone, without one long passage, added 7 papers, all from scattered
// quotes of a judge that papers share).
const minQuoted = 55

// minQuotedRun is the least number of content words of the one passage a
// quoted pair needs (about sixty words of text): four separate quotes of
// a judge's remarks, twenty words each, which two papers on one trial
// both carry, are not an excerpt. ideoScale multiplies both figures for
// Chinese and Japanese, where a word is a character: one statement of a
// ministry's spokesman, which every report of the day quotes, is 70. edgeSlack
// is how near the start or the end of both texts a passage may begin or
// stop and count as theirs (a footer's last word, a header's first).
const (
	minQuotedRun = 30
	ideoScale    = 3
	edgeSlack    = 2
)

// Relation thresholds on literal word-shingle measures.
const (
	copyJaccard       = 0.8 // copy: nearly the same shingles
	editedContainment = 0.5 // edited copy: each keeps half the other's shingles
	excerptContain    = 0.5 // excerpt: one keeps half its shingles in the other
	// excerptWhole: one lies (nearly) wholly inside the other, which it
	// does not nearly fill (copyJaccard): a cut, not an edit, however
	// much of the other it keeps.
	excerptWhole = 0.9
	garbledRate  = 0.5 // garbling signs per 100 words that mark a machine rewrite
)

// kept reports whether classify keeps a pair, and whether as same story.
// It reads only the pair's features, not the documents' text measures.
func kept(f pairFeatures, o Options) (keep, sameStory bool) {
	if (f.jaccard >= copyJaccard && f.matched >= minWords(f)) || f.quoted {
		return true, false // a copy; a stub ("Subscribe to read on") too short to tell is none
	}
	if f.score < o.MinScore || f.matched < minWords(f) || background(f) {
		if o.SameStory && max(f.rwAB, f.rwBA) >= 0.03 && max(f.covA, f.covB) >= 0.05 {
			return true, true
		}
		return false, false
	}
	return true, false
}

// minWords is the least number of content words (MinMatched) a derived
// pair, a copy too, needs; ideoScale times as many characters in Chinese
// or Japanese, a character to a word (some 18 words), so that a
// twelve-character stub or slogan is none.
func minWords(f pairFeatures) int {
	if f.ideo {
		return MinMatched * ideoScale
	}
	return MinMatched
}

// background reports whether a pair's passages are background rather than
// copying: they cover less than half of either text (weakLink) and the
// texts share not one five-word phrase. Independent reports of one trial
// name the same people, places and charges in much the same order, and a
// machine rewrite aligns that way with a paper on its source's story;
// a text rewritten from another keeps a phrase somewhere, or most of it
// aligns.
func background(f pairFeatures) bool {
	return f.score < weakLink && f.jaccard == 0
}

func classify(f pairFeatures, a, b *Fingerprint, o Options) (Relation, bool) {
	keep, same := kept(f, o)
	switch {
	case !keep:
		return "", false
	case same:
		return SameStory, true
	}
	return derivedRelation(f, a, b), true
}

// literalRelation returns the relation of a kept derived pair that its
// literal shingle measures decide (copy, edited copy, excerpt), or "" for
// a rewrite, which the sides' garbling tells apart.
func literalRelation(f pairFeatures) Relation {
	switch {
	case f.jaccard >= copyJaccard:
		return Copy
	case max(f.containAB, f.containBA) >= excerptWhole && min(f.containAB, f.containBA) < copyJaccard:
		return Excerpt
	case min(f.containAB, f.containBA) >= editedContainment:
		return EditedCopy
	case max(f.containAB, f.containBA) >= excerptContain, f.quoted:
		return Excerpt
	}
	return ""
}

// minGarbleSigns is the least number of garbling signs that make a text
// garbled, whatever its rate: one doubled word or space is a typist's slip
// as often as a machine's ("Machin  was committed", a double space in a
// 100-word wire story, made it read as a machine rewrite of the paper
// that copied it). A name spelt two ways is one sign (prepare), as often
// an OCR or typing slip ("Clarencefield", "Clarencefleld" in one METER
// paper; two counts made 33 of its 908 human pairs machine rewrites, one
// now 7). Machine rewrites show several: the seeds' 002 has 7.
const minGarbleSigns = 2

// garbled reports whether one side shows clearly more garbling than the
// other.
func garbled(a, b *Fingerprint) bool {
	g := a
	if b.garble > a.garble {
		g = b
	}
	hi, lo := g.garble, min(a.garble, b.garble)
	return hi >= garbledRate && hi-lo >= garbledRate/2 && g.garbleSigns() >= minGarbleSigns
}

// garbleSigns is the number of garbling signs fp's rate stands for.
func (fp *Fingerprint) garbleSigns() int {
	return int(math.Round(fp.garble * float64(fp.words) / 100))
}

// attribute picks the side of a pair that is the likely original, why (for
// people) and by what (one of the By constants, for programs).
func attribute(data []*Fingerprint, a, b int, f pairFeatures, rel Relation, wf *wordFreq, order inputOrder) (int, string, string) {
	da, db := data[a], data[b]
	switch earlierPublished(da.published, db.published) {
	case -1:
		return a, "published earlier (" + publishedText(da.published) + ")", ByPublished
	case 1:
		return b, "published earlier (" + publishedText(db.published) + ")", ByPublished
	}
	if wa, wb := data[a].wire, data[b].wire; (wa == "") != (wb == "") {
		if wa != "" {
			return a, fmt.Sprintf("agency copy (%s); papers take from the wire", wa), ByAgency
		}
		return b, fmt.Sprintf("agency copy (%s); papers take from the wire", wb), ByAgency
	}
	// In a machine rewrite the clearly less garbled side is the source.
	// Else the side whose own words are the corpus's usual ones (wf: the
	// corpus's word counts, nil when there are none), and failing that
	// the less garbled, still right in 19 of 20 word-for-word rewordings
	// whose signs differ only a little (round trips and spun copies of
	// wire stories).
	if rel == MachineRewrite {
		// Read here only: a scan measures garbling for rewrites alone.
		ga, gb := da.garble, db.garble
		why, by := "fluent; the other shows machine-rewrite garbling (%.1f vs %.1f signs per 100 words)", ByGarbling
		switch {
		case garbled(da, db):
		case wf != nil:
			if ma, mb, ok := wf.usualWording(da.ownWords(), db.ownWords()); ok {
				if ma > mb {
					return a, usualReason(ma, mb), ByUsualWording
				}
				return b, usualReason(mb, ma), ByUsualWording
			}
			fallthrough
		default:
			why, by = "the less garbled of a word-for-word rewording (%.1f vs %.1f garbling signs per 100 words)", ByLessGarbled
		}
		if ga < gb {
			return a, fmt.Sprintf(why, ga, gb), by
		} else if gb < ga {
			return b, fmt.Sprintf(why, gb, ga), by
		}
	}
	// A story whole in a text on other matters (a digest, a page that sets
	// it among other stories) is the original, whatever day words the
	// rest of that text has: they date its other matter, not the story.
	if d := f.covA - f.covB; d >= 0.1 {
		if ok, rest := embedded(db, da, f, false, f.covA, wf); ok {
			return a, embeddedReason(f.covA, rest), ByEmbedded
		}
	} else if d <= -0.1 {
		if ok, rest := embedded(da, db, f, true, f.covB, wf); ok {
			return b, embeddedReason(f.covB, rest), ByEmbedded
		}
	}
	// A text that dates the events later ("yesterday" against "today")
	// was written later: the next day's paper rewrites the day's report.
	if la, lb := da.days, db.days; la != lb {
		if la > lb {
			return a, dayReason(la, lb), ByDates
		}
		return b, dayReason(lb, la), ByDates
	}
	// A long passage word for word, little else in common: the story it
	// belongs to, not the page it was set in.
	if f.quoted {
		switch quotedSource(da, db, f, wf) {
		case 0:
			return a, quotedReason(), ByEmbedded
		case 1:
			return b, quotedReason(), ByEmbedded
		}
	}
	// The side that holds more of the other is the fuller version; the
	// other was cut down from it (unless it is whole in it amid text on
	// other matters: embedded, above).
	if d := f.covA - f.covB; d >= 0.1 {
		return b, fmt.Sprintf("fuller version: the passages they share make up %.0f%% of the other but only %.0f%% of it", 100*f.covA, 100*f.covB), ByFuller
	} else if d <= -0.1 {
		return a, fmt.Sprintf("fuller version: the passages they share make up %.0f%% of the other but only %.0f%% of it", 100*f.covB, 100*f.covA), ByFuller
	}
	if wa, wb := data[a].words, data[b].words; wa*10 >= wb*11 {
		return a, fmt.Sprintf("longer (%d vs %d words)", wa, wb), ByLonger
	} else if wb*10 >= wa*11 {
		return b, fmt.Sprintf("longer (%d vs %d words)", wb, wa), ByLonger
	}
	orig := order.first(a, b)
	return orig, order.reason(a, b), ByOrder
}

// earlierPublished compares two publication times: -1 when x is the
// earlier, 1 when y is, 0 when one is unknown (zero), they are equal, or
// they fall on one day and one of them is a date alone (midnight UTC, as
// "2025-08-20" is read, and as feeds give dates: a real time of exactly
// 00:00:00 UTC is taken so too): a date says nothing of which came first
// that day.
func earlierPublished(x, y time.Time) int {
	if x.IsZero() || y.IsZero() || x.Equal(y) {
		return 0
	}
	if DateOnly(x) || DateOnly(y) {
		xy, xm, xd := x.UTC().Date()
		yy, ym, yd := y.UTC().Date()
		if xy == yy && xm == ym && xd == yd {
			return 0
		}
	}
	if x.Before(y) {
		return -1
	}
	return 1
}

// DateOnly reports whether t is midnight UTC, as a date read alone is
// (a report shows such a time as its date).
func DateOnly(t time.Time) bool {
	u := t.UTC()
	return u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0
}

// publishedText is t as a reason tells it: its date alone for a date.
func publishedText(t time.Time) string {
	if DateOnly(t) {
		return t.UTC().Format("2006-01-02")
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// inputOrder says why the earlier of two documents (a < b) is the original
// when nothing else tells. In a scan it came first in the input; in a
// check the first indexed documents, in the order they were added, were
// there before the queries.
type inputOrder struct {
	indexed int // documents before this are indexed articles
	// readded: the query (document indexed, the only one past the
	// indexed) is in the index too, added after the first rank indexed
	// documents: between it and an indexed article the earlier added is
	// the original, as in a check of the two in either order.
	readded bool
	rank    int
}

// first returns the earlier of a and b (a < b).
func (o inputOrder) first(a, b int) int {
	if o.readded && a < o.indexed && b == o.indexed && o.rank <= a {
		return b
	}
	return a
}

func (o inputOrder) reason(a, b int) string {
	switch {
	case b < o.indexed, o.readded && a < o.indexed && b == o.indexed:
		return "added to the index first (no stronger signal)"
	case a < o.indexed:
		return "already in the index (no stronger signal)"
	}
	return "earlier in the input (no stronger signal)"
}

// minShortPassage is the least length in words of a passage shown when
// no passage of a pair reaches MinPassage.
const minShortPassage = 3

// maxPassages bounds the evidence kept per pair.
const maxPassages = 20

// evidence maps aligned passages to byte offsets in both texts, longest
// first, dropping those shorter than MinPassage words.
// pa and pb are the texts' content-word positions (contentPositions); when
// a text is missing or does not match its fingerprint there is no evidence.
func evidence(ta, tb string, pa, pb []contentPos, a, b *Fingerprint, f pairFeatures, o Options, derived bool) []Passage {
	if len(pa) != len(a.chash) || len(pb) != len(b.chash) {
		return nil
	}
	var out, short []Passage
	for _, p := range f.passages {
		as, ae := pa[p.AStart], pa[p.AEnd-1]
		bs, be := pb[p.BStart], pb[p.BEnd-1]
		ps := Passage{AStart: int(as.start), AEnd: int(ae.end), BStart: int(bs.start), BEnd: int(be.end)}
		if int(ae.word-as.word)+1 < o.MinPassage && int(be.word-bs.word)+1 < o.MinPassage {
			if derived && int(max(ae.word-as.word, be.word-bs.word))+1 >= minShortPassage {
				short = append(short, ps)
			}
			continue
		}
		out = append(out, ps)
	}
	if len(out) == 0 && derived {
		// A short text rewritten phrase by phrase ("appeared in court
		// yesterday accused of threatening to kill Home Secretary Jack
		// Straw") aligns in runs shorter than MinPassage: they are its
		// evidence, as a pair reported with none would have nothing to
		// show.
		out = short
	}
	// Longest first, by both sides' lengths, so that either order of the
	// pair keeps the same passages.
	slices.SortStableFunc(out, func(x, y Passage) int {
		if c := cmp.Compare(y.AEnd-y.AStart+y.BEnd-y.BStart, x.AEnd-x.AStart+x.BEnd-x.BStart); c != 0 {
			return c
		}
		if c := cmp.Compare(min(x.AStart, x.BStart), min(y.AStart, y.BStart)); c != 0 {
			return c
		}
		return cmp.Compare(x.AStart+x.BStart, y.AStart+y.BStart)
	})
	if len(out) > maxPassages {
		out = out[:maxPassages]
	}
	// A copy of the passage, not a slice of ta: a result of many pairs
	// would otherwise keep every text they were read from.
	for i := range out {
		if q := &out[i]; q.AEnd <= len(ta) {
			q.Text = strings.Clone(ta[q.AStart:q.AEnd])
		}
	}
	return out
}
