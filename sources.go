package reprint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/reprint-dev/reprint/align"
)

// A text can be built from several earlier ones without any one of them
// holding enough of it to count alone: a morning paper's court report
// takes the wire's opening story, its afternoon update and the quotes of
// a third take. Each pair falls below MinScore; together the sources make
// up most of the paper's text. So a document that no pair derives is
// derived from its earlier texts when, together, their passages cover at
// least MinScore of it.
//
// Only texts known to be earlier count as its sources: their publication
// times, an agency byline or how the texts date their events say so
// (precedes). A text of the same day with no such sign may be a sibling
// that took the same source, or its own reporter's notes of the same
// hearing; letting siblings add up would make every paper on a story
// derived from the others.

// sourceLink is a verified pair whose earlier side is known and that the
// pair rules do not derive (below them, or a same-story pair): a candidate
// share of a document built from several sources.
type sourceLink struct {
	n       int          // the pair's index among the candidates
	later   int          // the document that takes from the other
	earlier int          // the other
	byDays  bool         // only the day words tell the order (attribute may weigh garbling first)
	cov     float64      // share of later's content words inside the passages
	spans   [][2]int     // later's content-word ranges inside the passages
	nwords  int          // later's content words, boilerplate left out
	nums    []uint64     // later's number words (Fingerprint.nums): they do not count as added
	f       pairFeatures // the pair's measures, to build it if joined
}

// precedes returns the side of a pair (0: a, 1: b) that the documents
// themselves show was written first, or -1 when they do not: published
// earlier (any difference in time, or another day for a date alone), agency copy against a paper, or dating
// the events "today" against "yesterday", the order attribute weighs them
// in (attribute also orders a text without day words before one that says
// "yesterday": a guess for naming an original, too weak to make a text
// derived). byDays says the day words decided. Length, containment and input
// order say nothing about time and are not used.
func precedes(a, b *Fingerprint) (first int, byDays bool) {
	e := earlierPublished(a.published, b.published)
	switch {
	case e != 0:
		if e < 0 {
			return 0, false
		}
		return 1, false
	case (a.wire == "") != (b.wire == ""):
		if a.wire != "" {
			return 0, false
		}
		return 1, false
	case a.days*b.days < 0: // "today" against "yesterday"; no day words say nothing
		if a.days > b.days {
			return 0, true
		}
		return 1, true
	}
	return -1, false
}

// linkOf returns the source link of verified pair n between documents a
// and b (fingerprints fa, fb), if it is one: it aligns enough words to be
// more than shared names, and one side is known to be earlier. The caller
// asks only for pairs that the pair rules do not derive.
func linkOf(n, a, b int, fa, fb *Fingerprint, f pairFeatures) (sourceLink, bool) {
	if f.matched < minWords(f) || len(f.passages) == 0 {
		return sourceLink{}, false
	}
	first, byDays := precedes(fa, fb)
	if first < 0 {
		return sourceLink{}, false
	}
	l := sourceLink{n: n, later: b, earlier: a, byDays: byDays, cov: f.covB, nwords: fb.own(), nums: fb.nums}
	if first == 1 {
		l.later, l.earlier, l.cov, l.nwords, l.nums = a, b, f.covA, fa.own(), fa.nums
	}
	l.spans = make([][2]int, len(f.passages))
	for i, p := range f.passages {
		if l.later == a {
			l.spans[i] = [2]int{p.AStart, p.AEnd}
		} else {
			l.spans[i] = [2]int{p.BStart, p.BEnd}
		}
	}
	return l, true
}

// linkHolds reports whether attribution agrees with link l of pair f
// (documents a and b) when only the day words gave its order: for a
// machine rewrite attribute weighs garbling first, so fa and fb must have
// been measured (finishText) when f has no literal relation.
func linkHolds(l sourceLink, f pairFeatures, a, b int, fa, fb *Fingerprint, wf *wordFreq) bool {
	if !l.byDays {
		return true // publication times and bylines come first in attribute too
	}
	orig, _, _ := attribute([]*Fingerprint{fa, fb}, 0, 1, f, derivedRelation(f, fa, fb), wf, inputOrder{})
	return []int{a, b}[orig] != l.later
}

// joined is a source link that joinSources takes (pair n): the share of
// its later document that the links picked for it make up together, and
// their earlier documents, its own among them.
type joined struct {
	n       int
	share   float64
	sources []int
}

// joinSources picks the links that derive documents together. For each
// document that is not already the derived side of a kept pair (derived),
// its links are taken, most covering first, while each adds at least
// minWords content words (numbers not counted) not covered yet; when two or more are taken
// and together they cover at least minScore of it, they are joined. The
// result is in pair order.
func joinSources(links []sourceLink, derived func(doc int) bool, minScore float64) []joined {
	byDoc := map[int][]int{}
	var docs []int
	for k, l := range links {
		if derived(l.later) {
			continue
		}
		if byDoc[l.later] == nil {
			docs = append(docs, l.later)
		}
		byDoc[l.later] = append(byDoc[l.later], k)
	}
	slices.Sort(docs)
	var out []joined
	for _, d := range docs {
		ks := byDoc[d]
		if len(ks) < 2 {
			continue // one link alone is judged by the pair rules
		}
		slices.SortStableFunc(ks, func(x, y int) int { return cmp.Compare(links[y].cov, links[x].cov) })
		covered := make([]bool, links[ks[0]].nwords)
		total := 0
		var picked []int
		for _, k := range ks {
			added, words := 0, 0 // content words not covered yet; those that are not numbers
			for _, s := range links[k].spans {
				for w := max(s[0], 0); w < s[1] && w < len(covered); w++ {
					if !covered[w] {
						added++
						if numbersIn(links[k].nums, w, w+1) == 0 {
							words++
						}
					}
				}
			}
			if words < minWords(links[k].f) && len(picked) > 0 {
				continue
			}
			for _, s := range links[k].spans {
				for w := max(s[0], 0); w < s[1] && w < len(covered); w++ {
					covered[w] = true
				}
			}
			total += added
			picked = append(picked, k)
		}
		share := float64(total) / float64(max(1, len(covered)))
		if share < minScore || len(picked) < 2 {
			continue
		}
		sources := make([]int, len(picked))
		for i, k := range picked {
			sources[i] = links[k].earlier
		}
		slices.Sort(sources)
		for _, k := range picked {
			out = append(out, joined{n: links[k].n, share: share, sources: sources})
		}
	}
	slices.SortFunc(out, func(x, y joined) int { return cmp.Compare(x.n, y.n) })
	return out
}

// joinedReason adds to pair p's attribution reason that its original is
// one of several earlier texts that together make up the other side, and
// names the others: their pairs may be left out of the report, as a
// family keeps one link per document.
func joinedReason(fps []*Fingerprint, p Pair, j joined) string {
	var others []string
	for _, i := range j.sources {
		if i != p.Original {
			others = append(others, fps[i].id)
		}
	}
	if len(others) > 3 {
		others = append(others[:3], fmt.Sprintf("%d more", len(others)-3))
	}
	return fmt.Sprintf("%s; with %s, also earlier, it makes up %.0f%% of %s",
		p.Reason, strings.Join(others, ", "), 100*j.share, fps[p.A+p.B-p.Original].id)
}

// derivedRelation is the relation of a derived pair: what its literal
// measures decide, else a machine rewrite when one side is garbled or the
// two are reworded word for word (wordForWord), else a rewrite.
func derivedRelation(f pairFeatures, a, b *Fingerprint) Relation {
	if rel := literalRelation(f); rel != "" {
		if f.swapped {
			return MachineRewrite
		}
		return rel
	}
	if garbled(a, b) || wordForWord(f) {
		return MachineRewrite
	}
	return Rewrite
}

// wordForWord reports whether two texts that share few exact phrases
// still align almost whole: one of them nearly all (wordForWordShare), the
// other at least wordForWordRest, its rest what a rewriter drops (an
// agency's banner, byline and sign-off). That is the same content words in
// the same order, with the words between them changed. A spinner or a
// round trip through machine translation rewords a text this way,
// sentence for sentence; people who rewrite a story cut, reorder and add.
// Of the 2,098 non-literal pairs of the 1,429 human texts of meter-courts,
// none reaches 0.9 on one side and 0.8 on the other (the closest: 0.89 and
// 0.87, a wire story and its rerun the next day). Round trips of wire
// stories through Apertium's English-Spanish, -Catalan and -Esperanto
// pairs reach it in 84-88% of their pairs with sources that keep their
// banner and byline (51% through Serbo-Croatian, which drops and merges
// words, and is mostly told by its garbling); the rule before this, both
// sides at 0.9 and lengths within 10%, in 47-57% (8%).
func wordForWord(f pairFeatures) bool {
	return max(f.covA, f.covB) >= wordForWordShare && min(f.covA, f.covB) >= wordForWordRest
}

// swapped reports whether the passages of a pair that keeps much of its
// wording differ mostly by words swapped one for one: a spinner's work,
// which puts a synonym in place of one word in a few ("the court" becomes
// "the tribunal") and leaves the rest, so that half or more of the text's
// five-word phrases survive and the literal measures call it an edited
// copy. Editors cut, add and rephrase: gaps of uneven length. Of
// METER's literal pairs (edited copies, excerpts) of newspapers with wire
// texts, 3 have 5 swaps or more in 5% of their words, and of those the
// most swapped has 42% of its differing words swapped; of 150 wire
// stories with 30% of their replaceable words put through a WordNet
// spinner (tools/roundtrip/spin.py) 142 reach half, and 125 when the
// spinner may put two words for one ("tribunal" for "court of law").
// Counting a two-for-one gap as a swap would catch more of those, and 8
// METER papers.
//
// Numbers and boilerplate count as kept words: a story re-sent with next
// year's figures, or two pages' shared "Advertisement" lines inside a
// passage, are not a spinner's swaps. Names are not told apart (content
// words keep no case): a copy with every name replaced reads as swapped.
func swapped(f pairFeatures, a, b *Fingerprint) bool {
	g := align.Gaps(a.swappable(), b.swappable(), f.passages, alignOpts.MaxGap)
	return g.Even >= minSwaps && float64(g.Even) >= swapRate*float64(g.Equal) && float64(g.Even) >= swapShare*float64(g.Even+g.Uneven)
}

// swappable returns fp's content-word hashes for swapped, with every
// number and every boilerplate word one mark apiece, so that such words
// match on both sides.
func (fp *Fingerprint) swappable() []uint32 {
	out := slices.Clone(fp.chash)
	for i := range out {
		switch {
		case fp.isBoiler(i):
			out[i] = boilerMark
		case numbersIn(fp.nums, i, i+1) == 1:
			out[i] = numberMark
		}
	}
	return out
}

// Marks that stand for any boilerplate word and any number (swappable).
const (
	boilerMark = 0xfffffffe
	numberMark = 0xffffffff
)

// rewordable reports whether a derived pair's relation may be a rewrite
// or a machine rewrite, which garbling tells apart and by which attribute
// weighs it: the literal measures decide nothing, or its passages show a
// spinner's swaps (verify sets f.swapped). Its texts' garbling must be read before derivedRelation
// and attribute (scan's measure, the detector's finishText).
func rewordable(f pairFeatures) bool {
	return f.swapped || literalRelation(f) == ""
}

// Spinner thresholds (swapped): the least number of words swapped, their
// least rate to the words kept, and their least share of the words that
// differ.
const (
	minSwaps  = 5
	swapRate  = 0.05
	swapShare = 0.5
)

// wordForWordShare is the share of one text that a word-for-word rewording
// aligns, and wordForWordRest that of the other.
const (
	wordForWordShare = 0.9
	wordForWordRest  = 0.8
)

// joinSources returns the links that derive a document of the n together
// with others. pairs and keep are the pairs the pair rules keep; links[k]
// is pair k's link (spans nil: none).
func (d *Detector) joinSources(n int, pairs []*Pair, keep []bool, links []*sourceLink) []joined {
	derived := make([]bool, n)
	var ls []sourceLink
	for k := range links {
		switch {
		case links[k] != nil:
			ls = append(ls, *links[k])
		case keep[k] && pairs[k].Relation.Derived():
			derived[pairs[k].A+pairs[k].B-pairs[k].Original] = true
		}
	}
	return joinSources(ls, func(i int) bool { return derived[i] }, d.opts.MinScore)
}
