package reprint

import (
	"cmp"
	"fmt"
	"slices"
)

// wholeCopy is the least share of a text inside its passages with another
// for the text to count as a near-whole copy of it (inherited,
// secondHand). A condensed copy put through machine translation keeps
// less than 90% inside its passages with its source, as the garbling
// breaks them; at 0.7 those count too (wrong-pair share 0.014 -> 0.000 on
// such copies), and below 0.7 lead excerpts start to lose their link to
// their source.
const wholeCopy = 0.7

// inherited reports the kept derived pairs whose match a third text
// explains: X is linked to Y, Y is a near-whole copy of Z (Z its original,
// wholeCopy of Y inside their passages), and X was compared with Z and
// found not derived although Z holds at least as much of X as Y does.
// What X shares with Y it shares with Z; the pair with Y scores higher only
// because Y, a condensed copy, is shorter. A paper that tells a wire story
// in its own words otherwise becomes a rewrite of every short copy of the
// wire text.
//
// A link of X as the copy must be weak (score under weakLink): a strong
// one may be the one X was copied from, a condensed copy rather than the
// story (a paper that took a wire brief). As the original, X gains
// nothing from Y that it does not share with Z: a wire story and a lead
// excerpt of another version of it that repeats its lead. Such a pair is
// set aside, not demoted, and whether X-Z is derived or not: it stays a
// link of its copy to a source, but X's link to another family is X-Z,
// if anything.
//
// covs holds each candidate's share of its two sides inside passages. The
// result gives each pair's verdict and, where it is not keepIt, the text
// Z that explains it. The decision reads the pairs as classified, not as
// demoted, so it does not depend on their order. Besides the result it
// needs 4 bytes per candidate (to find X-Z) and a list of the near-whole
// copies.
func inherited(cands [][2]int, covs [][2]float32, pairs []Pair, keep []bool) ([]verdict, []int) {
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
			v := demoted
			if pairs[n].Score >= weakLink {
				if pairs[n].Original != x {
					continue // a strong link from a copy: its own source, maybe
				}
				v = aside
			}
			for _, m := range copyOf[y] {
				if verdicts[n] >= v {
					break // nothing stronger to find through y
				}
				z := pairs[m].Original
				if z == x {
					continue
				}
				// Set aside whether or not X-Z is derived: as a link to
				// another family, X-Z says it, if anything does.
				if xz, ok := find(x, z); ok && (v == aside || !derived(xz)) && cover(xz, x) >= cover(n, x) {
					verdicts[n], by[n] = v, z
				}
			}
		}
	}
	return verdicts, by
}

// A verdict is what inherited makes of a pair, weakest first.
type verdict uint8

const (
	keepIt  verdict = iota // explained by nothing else
	aside                  // strong: not reported as a link to another family
	demoted                // weak: same story
)

// demoteInherited turns the weak pairs inherited reports into same-story
// pairs, kept only when same-story pairs are reported, and sets the strong
// ones aside: families report them only as a document's link to its
// source, not as an original's link to another family. id names document
// i, for the reason.
func demoteInherited(cands [][2]int, covs [][2]float32, pairs []Pair, keep []bool, o Options, id func(i int) string) {
	verdicts, by := inherited(cands, covs, pairs, keep)
	for n, v := range verdicts {
		switch v {
		case demoted:
			pairs[n].Relation, keep[n] = SameStory, o.SameStory
			pairs[n].Reason = fmt.Sprintf("same story: one is a near-whole copy of %s, which holds as much of the other", id(by[n]))
		case aside:
			pairs[n].aside = true
		}
	}
}

// secondHand reports the derived pairs that link a text X to a near-whole
// copy Y of a text Z (wholeCopy of Y inside their passages, Z the
// original) when X is derived from Z too and Z holds at least as much of
// X. Families take such a link as X's parent only when nothing else is
// left: Y holds nothing of X that Z does not, and Y, shorter, would
// otherwise win on shared exact wording, which makes a paper the copy of
// a condensed copy of the wire story it took from.
func secondHand(pairs []Pair) []bool {
	type key [2]int
	at := make(map[key]int, len(pairs))
	for n, p := range pairs {
		if p.Relation.Derived() {
			at[key{min(p.A, p.B), max(p.A, p.B)}] = n
		}
	}
	cover := func(p Pair, doc int) float32 { // float32, as inherited compares
		if p.A == doc {
			return float32(p.covA)
		}
		return float32(p.covB)
	}
	copyOf := map[int][]int{} // Y -> pairs that make Y a near-whole copy of their original
	for n, p := range pairs {
		if y := p.A + p.B - p.Original; p.Relation.Derived() && cover(p, y) >= wholeCopy {
			copyOf[y] = append(copyOf[y], n)
		}
	}
	late := make([]bool, len(pairs))
	for n, p := range pairs {
		if !p.Relation.Derived() {
			continue
		}
		y := p.Original
		x := p.A + p.B - y
		for _, m := range copyOf[y] {
			z := pairs[m].Original
			if z == x {
				continue
			}
			if xz, ok := at[key{min(x, z), max(x, z)}]; ok && pairs[xz].Original == z && cover(pairs[xz], x) >= cover(p, x) {
				late[n] = true
				break
			}
		}
	}
	return late
}
