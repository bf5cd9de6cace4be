package reprint

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
// found not derived although Z holds at least as much of X as Y does. A
// link of X as the copy must be weak (score under weakLink): a strong one
// may be the one X was copied from, a condensed copy rather than the
// story (a paper that took a wire brief). As the original, X gains
// nothing from Y that it does not share with Z: a wire story and a lead
// excerpt of another version of it that repeats its lead. Such a pair
// is set aside, not demoted, and whether X-Z is derived or not: it stays a
// link of its copy to a source, but X's link to another family is X-Z,
// if anything.
// What X shares with Y it shares with Z; the pair with Y scores higher only
// because Y, a condensed copy, is shorter. A paper that tells a wire story
// in its own words otherwise becomes a rewrite of every short copy of the
// wire text. covs holds each candidate's share of its two sides inside
// passages. The decision reads the pairs as classified, not as demoted, so
// it does not depend on their order.
func inherited(cands [][2]int, covs [][2]float32, pairs []Pair, keep []bool) []verdict {
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
	drop := make([]verdict, len(cands))
	if len(copyOf) == 0 {
		return drop
	}
	// The pairs X-Z to look at, and the weak pairs X-Y that each decides:
	// only these are indexed, not every candidate.
	type key [2]int
	type weak struct {
		n, x int
		v    verdict
	}
	need := map[key][]weak{}
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
				if z := pairs[m].Original; z != x {
					k := key{min(x, z), max(x, z)}
					need[k] = append(need[k], weak{n, x, v})
				}
			}
		}
	}
	for xz, c := range cands {
		for _, w := range need[key{min(c[0], c[1]), max(c[0], c[1])}] {
			// Set aside whether or not X-Z is derived: as a link to
			// another family, X-Z says it, if anything does.
			if (w.v == aside || !derived(xz)) && cover(xz, w.x) >= cover(w.n, w.x) {
				drop[w.n] = max(drop[w.n], w.v)
			}
		}
	}
	return drop
}

// A verdict is what inherited makes of a pair.
type verdict uint8

const (
	keepIt  verdict = iota // explained by nothing else
	aside                  // strong: not reported as a link to another family
	demoted                // weak: same story
)

// demoteInherited turns the weak pairs inherited reports into same-story
// pairs, kept only when same-story pairs are reported, and sets the strong
// ones aside: families report them only as a document's link to its
// source, not as an original's link to another family.
func demoteInherited(cands [][2]int, covs [][2]float32, pairs []Pair, keep []bool, o Options) {
	for n, v := range inherited(cands, covs, pairs, keep) {
		switch v {
		case demoted:
			pairs[n].Relation, keep[n] = SameStory, o.SameStory
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
	cover := func(p Pair, doc int) float64 {
		if p.A == doc {
			return p.covA
		}
		return p.covB
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
