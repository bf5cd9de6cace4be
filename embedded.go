package reprint

import "fmt"

// A text that holds the whole of another need not be its fuller version:
// a page of several stories, a live blog or a newsletter sets a whole
// article among text on other matters. The fuller version of a story
// goes on about it (the same people, places and charges); the page's other
// text does not. Told apart by the words of the fuller side outside the
// passages: how many of them, weighted by rarity in the corpus, the other
// text also uses.

// minEmbeddedRest is the least number of content words outside the
// passages for the fuller side's rest to be judged.
const minEmbeddedRest = 50

// offTopicRest is the share of the fuller side's rest (weighted by
// rarity) under which it is on other matters. A wire story set amid twice
// or as much text of other court stories of its corpus scores 0.004 to
// 0.032 (150 of meter-courts' wire stories); of the 611 pairs of
// meter-courts that fuller decides, those where one side is a near-whole
// copy (wholeCopy) score 0.043 and more, the rest of a story its shorter
// version left out.
const offTopicRest = 0.035

// offTopicRestPlain is offTopicRest for a check against an index, which
// keeps no word counts: every word weighs the same, and words common to
// all news ("court", "police") make any two texts share more. Stories
// amid other court stories score 0.03 to 0.15 so (half under 0.08); the
// near-whole pairs fuller decides on meter-courts 0.118 and more.
const offTopicRestPlain = 0.08

// embedded reports whether part, wholeCopy or more of it inside its
// passages with full (partCov), lies whole in full amid text on other
// matters, and how many own content words of full lie outside the
// passages. fullIsA says which side of f's passages full is. wf holds the
// corpus's word counts, which weigh rarer words more; without them (a
// check against an index) every word weighs the same.
func embedded(full, part *Fingerprint, f pairFeatures, fullIsA bool, partCov float64, wf *wordFreq) (bool, int) {
	if partCov < wholeCopy || full.sketched() || part.sketched() {
		return false, 0
	}
	share, rest := restShare(full, part, f, fullIsA, wf)
	return rest >= minEmbeddedRest && share < offTopic(wf), rest
}

// offTopic is the share under which a rest is on other matters: by
// weighted words in a scan, plain ones in a check.
func offTopic(wf *wordFreq) float64 {
	if wf == nil {
		return offTopicRestPlain
	}
	return offTopicRest
}

// restShare returns the share of x's own content words outside the
// passages (weighted by rarity when wf is given) that y also uses, and
// how many there are. xIsA says which side of f's passages x is.
func restShare(x, y *Fingerprint, f pairFeatures, xIsA bool, wf *wordFreq) (float64, int) {
	inPassage := make([]bool, len(x.chash))
	for _, p := range f.passages {
		lo, hi := p.BStart, p.BEnd
		if xIsA {
			lo, hi = p.AStart, p.AEnd
		}
		for i := max(lo, 0); i < min(hi, len(inPassage)); i++ {
			inPassage[i] = true
		}
	}
	words := make(map[uint32]struct{}, len(y.chash))
	for i, h := range y.chash {
		if !y.isBoiler(i) {
			words[h] = struct{}{}
		}
	}
	rest := 0
	var shared, all float64
	for i, h := range x.chash {
		if inPassage[i] || x.isBoiler(i) {
			continue
		}
		rest++
		w := 1.0
		if wf != nil {
			w = 1 / float64(1+wf.count(h)) // rarer words say more of a topic
		}
		all += w
		if _, ok := words[h]; ok {
			shared += w
		}
	}
	if all == 0 {
		return 0, rest
	}
	return shared / all, rest
}

// quotedSource returns the side of a quoted pair (a long passage word for
// word, little else in common) whose own other text goes on about what the
// passage says, when the other side's does not: the story the passage was
// taken from, not the page it was set in. It returns -1 when that does
// not tell (both sides on one topic, or neither).
func quotedSource(a, b *Fingerprint, f pairFeatures, wf *wordFreq) int {
	if a.sketched() || b.sketched() {
		return -1
	}
	sa, ra := restShare(a, b, f, true, wf)
	sb, rb := restShare(b, a, f, false, wf)
	if ra < minEmbeddedRest || rb < minEmbeddedRest {
		return -1
	}
	lim := offTopic(wf)
	switch {
	case sb < lim && sa >= 2*lim:
		return 0
	case sa < lim && sb >= 2*lim:
		return 1
	}
	return -1
}

// embeddedReason says why the whole text is the original.
func embeddedReason(cov float64, rest int) string {
	return fmt.Sprintf("the whole story: %.0f%% of it lies in the other, whose other %d content words are on other matters (a page that sets it among other text)", 100*cov, rest)
}

// quotedReason says why the side of a quoted pair is the original.
func quotedReason() string {
	return "the passage they share is part of its story; the other sets it among text on other matters"
}
