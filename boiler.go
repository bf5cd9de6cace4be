package reprint

import (
	"slices"

	"github.com/reprint-dev/reprint/shingle"
)

// Text that many documents of a corpus share (a site's menu and footer, a
// cookie notice, "Share this article") says nothing of copying. A scan
// leaves its shingles out of the sets it compares, and verification also
// leaves its content words out of the alignment: two unrelated articles of
// one site would otherwise align on their footers, and a copy's share of
// its source would count the footer too.

// boilerplate finds the words of the text prepared in s (in prepVerify
// mode, with positions) that lie inside a literal K-shingle of common. It returns the content words among them, as a
// bitset over content-word indices (nil when there are none) with their
// number, and the text's day lean without them (days when there are none):
// a footer's "Sign up today" does not date the article. s.inBoil[w] tells
// whether word w is boilerplate (empty when none is).
func boilerplate(s *scratch, k int, common *commonSet, days int8) (marks []uint64, n int, lean int8) {
	s.inBoil = s.inBoil[:0]
	if !common.anyLit() {
		return nil, 0, days
	}
	s.shing = shingle.AppendShingles(s.shing[:0], s.words, k)
	var own []uint64 // the words outside boilerplate, once there is any
	end, j := 0, 0   // words before end lie in a common shingle; j: the next content word
	for w, h := range s.words {
		if w < len(s.shing) {
			if common.hasLit(shingle.Fold(s.shing[w])) {
				if own == nil {
					own = slices.Clone(s.words[:w])
				}
				end = max(end, w+k)
			}
		}
		in := w < end
		s.inBoil = append(s.inBoil, in)
		if !in && own != nil {
			own = append(own, h)
		}
		if j < len(s.pos) && int(s.pos[j].word) == w {
			if in {
				if marks == nil {
					marks = make([]uint64, (len(s.pos)+63)/64)
				}
				marks[j/64] |= 1 << (j % 64)
				n++
			}
			j++
		}
	}
	if own == nil {
		s.inBoil = s.inBoil[:0]
		return nil, 0, days
	}
	return marks, n, dayLean(own)
}

// withoutBoiler drops from set, a text's shingles in text order (shingle i
// made of units i to i+k-1, as shingle.AppendShingles makes them), those
// with a unit that in says is boilerplate: a shingle that runs from the
// article's last words into its footer is no more evidence than the
// footer. units is the number of units.
func withoutBoiler(set shingle.Set, k int, in func(i int) bool, units int) shingle.Set {
	k = min(k, units)
	out := set[:0]
	for i, h := range set {
		keep := true
		for u := i; u < i+k && keep; u++ {
			keep = !in(u)
		}
		if keep {
			out = append(out, h)
		}
	}
	return out
}

// own is the number of fp's content words outside boilerplate: what the
// shares of a pair are measured against.
func (fp *Fingerprint) own() int { return len(fp.chash) - fp.nboil }

// isBoiler reports whether content word i of fp lies in boilerplate.
func (fp *Fingerprint) isBoiler(i int) bool {
	return fp.boil != nil && fp.boil[i/64]&(1<<(i%64)) != 0
}

// alignable returns fp's content-word hashes for alignment: boilerplate
// words replaced by values that match nothing (salt tells the two sides of
// a pair apart), so passages form only in the text's own words. Without
// boilerplate it is fp.chash itself.
func (fp *Fingerprint) alignable(salt uint32) []uint32 {
	if fp.nboil == 0 {
		return fp.chash
	}
	out := slices.Clone(fp.chash)
	for i := range out {
		if fp.isBoiler(i) {
			out[i] = salt ^ uint32(i)
		}
	}
	return out
}

// ownWords returns fp's content-word hashes outside boilerplate.
func (fp *Fingerprint) ownWords() []uint32 {
	if fp.nboil == 0 {
		return fp.chash
	}
	out := make([]uint32, 0, fp.own())
	for i, h := range fp.chash {
		if !fp.isBoiler(i) {
			out = append(out, h)
		}
	}
	return out
}
