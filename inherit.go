package reprint

import (
	"cmp"
	"fmt"
	"slices"
)

// wholeCopy is the least share of a text inside its passages with another
// for the text to count as a near-whole copy of it (inherited). A condensed copy put through machine translation keeps
// less than 90% inside its passages with its source, as the garbling
// breaks them; at 0.7 those count too (wrong-pair share 0.014 -> 0.000 on
// such copies), and below 0.7 lead excerpts start to lose their link to
// their source.
const wholeCopy = 0.7

// inherited judges the kept derived pairs that link a text X to a
// near-whole copy Y of a text Z (Z the original, wholeCopy of Y inside
// their passages) by what Z explains of X: what X shares with Y it shares
// with Z, and the pair with Y scores higher only because Y, a condensed
// copy, is shorter. Where Z holds at least as much of X as Y does:
//
//   - demoted: the link is weak (score under weakLink, or X is its
//     original) and X was compared with Z and found not derived. A paper
//     that tells a wire story in its own words otherwise becomes a rewrite
//     of every short copy of the wire text.
//   - aside: the link is strong, X is its original, and X was compared
//     with Z, derived or not. A wire story resembles a lead excerpt of
//     another version of it that repeats its lead: the link stays one of
//     the copy to a source, but X's link to another family is X-Z, if
//     anything.
//   - late: X is the copy in the link and derived from Z too, Z its
//     original. Families take the link as X's parent only after X-Z, so a
//     paper is not the copy of a condensed copy of the wire story it took
//     from. A strong link from X as the copy is not otherwise judged: it
//     may be the one X was copied from (a paper that took a wire brief).
//
// covs holds each candidate's share of its two sides inside passages. The
// result gives each pair's verdicts and, for demoted ones, the text Z that
// explains them. The decision reads the pairs as classified, not as
// demoted, so it does not depend on their order. Besides the result it
// needs 4 bytes per candidate (to find X-Z) and a list of the near-whole
// copies.
func inherited(cands [][2]int, covs [][2]float32, pairs []*Pair, keep []bool) ([]verdict, []int) {
	cover := func(n, doc int) float32 { // share of doc inside pair n's passages
		if cands[n][0] == doc {
			return covs[n][0]
		}
		return covs[n][1]
	}
	derived := func(n int) bool { return keep[n] && pairs[n].Relation.Derived() }
	copyOf := map[int][]int{} // Y -> pairs that make Y a near-whole copy of their original
	for n := range cands {
		if !derived(n) {
			continue
		}
		p := pairs[n]
		y := p.A + p.B - p.Original
		if cover(n, y) >= wholeCopy {
			copyOf[y] = append(copyOf[y], n)
		}
	}
	verdicts, by := make([]verdict, len(cands)), make([]int, len(cands))
	if len(copyOf) == 0 {
		return verdicts, by
	}
	// Candidates by their documents, to find X-Z by binary search.
	key := func(n int) [2]int { return [2]int{min(cands[n][0], cands[n][1]), max(cands[n][0], cands[n][1])} }
	cmpKey := func(k, l [2]int) int {
		if k[0] != l[0] {
			return cmp.Compare(k[0], l[0])
		}
		return cmp.Compare(k[1], l[1])
	}
	sorted := make([]int32, len(cands))
	for n := range sorted {
		sorted[n] = int32(n)
	}
	slices.SortFunc(sorted, func(n, m int32) int { return cmpKey(key(int(n)), key(int(m))) })
	find := func(a, b int) (int, bool) {
		k := [2]int{min(a, b), max(a, b)}
		i, ok := slices.BinarySearchFunc(sorted, k, func(n int32, k [2]int) int { return cmpKey(key(int(n)), k) })
		if !ok {
			return 0, false
		}
		return int(sorted[i]), true
	}
	for n := range cands {
		if !derived(n) {
			continue
		}
		for _, y := range cands[n] {
			x := cands[n][0] + cands[n][1] - y
			copySide, weak := pairs[n].Original == y, pairs[n].Score < weakLink
			var want verdict // what this side can find
			switch {
			case !copySide && weak:
				want = demoted
			case !copySide:
				want = aside
			case weak:
				want = demoted | late
			default:
				want = late
			}
			for _, m := range copyOf[y] {
				if verdicts[n]&demoted != 0 || verdicts[n]&want == want {
					break // nothing more to find through y
				}
				z := pairs[m].Original
				xz, ok := find(x, z)
				if z == x || !ok || cover(xz, x) < cover(n, x) {
					continue
				}
				switch {
				case want&demoted != 0 && !derived(xz):
					verdicts[n], by[n] = verdicts[n]|demoted, z
				case want&aside != 0:
					verdicts[n] |= aside
				case want&late != 0 && derived(xz) && pairs[xz].Original == z:
					verdicts[n] |= late
				}
			}
		}
	}
	return verdicts, by
}

// A verdict is what inherited makes of a pair: no bit, explained by
// nothing else; demoted wins over the others.
type verdict uint8

const (
	demoted verdict = 1 << iota // weak: same story
	aside                       // not reported as an original's link to another family
	late                        // taken as the copy's parent only after its other sources
)

// demoteInherited turns the pairs inherited demotes into same-story
// pairs, kept only when same-story pairs are reported, and marks the
// others it judges for families (Pair.aside, Pair.late). id names
// document i, for the reason.
func demoteInherited(cands [][2]int, covs [][2]float32, pairs []*Pair, keep []bool, o Options, id func(i int) string) {
	verdicts, by := inherited(cands, covs, pairs, keep)
	for n, v := range verdicts {
		switch {
		case v == 0: // nothing to mark; a candidate that kept no pair has none
			continue
		case v&demoted != 0:
			pairs[n].Relation, keep[n] = SameStory, o.SameStory
			pairs[n].Reason = fmt.Sprintf("same story: one is a near-whole copy of %s, which holds as much of the other", id(by[n]))
			continue
		}
		pairs[n].aside, pairs[n].late = v&aside != 0, v&late != 0
	}
}
