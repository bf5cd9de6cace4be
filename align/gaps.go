package align

// Gaps sums up how the passages' two sides differ inside them. Walking
// each passage from its start, it steps over tokens equal on both sides
// and, at a difference, to the nearest pair of equal tokens at most
// maxGap ahead on each side (0 → 6, the default MaxGap). A gap of k
// tokens against k is counted in Even (k words put in place of k, the mark
// of a spinner's synonym swaps), any other in Uneven (the larger side's
// tokens: words cut, added or rephrased, as editors do). A difference with
// no equal pair within maxGap ends the walk of its passage.
func Gaps(a, b []uint32, ps []Passage, maxGap int) GapCounts {
	if maxGap <= 0 {
		maxGap = 6
	}
	var g GapCounts
	for _, p := range ps {
		i, j := p.AStart, p.BStart
		aEnd, bEnd := min(p.AEnd, len(a)), min(p.BEnd, len(b))
		for i < aEnd && j < bEnd {
			if a[i] == b[j] {
				i, j = i+1, j+1
				g.Equal++
				continue
			}
			di, dj, ok := resync(a[i:aEnd], b[j:bEnd], maxGap)
			if !ok {
				break
			}
			if di == dj {
				g.Even += di
			} else {
				g.Uneven += max(di, dj)
			}
			i, j = i+di, j+dj
		}
	}
	return g
}

// GapCounts are the token counts Gaps finds inside passages.
type GapCounts struct {
	Equal  int // tokens equal on both sides
	Even   int // tokens of gaps as long on both sides (substitutions)
	Uneven int // tokens of the longer side of other gaps
}

// resync returns the nearest offsets (least di+dj, then least di) at most
// maxGap into a and b where the two hold equal tokens.
func resync(a, b []uint32, maxGap int) (di, dj int, ok bool) {
	for sum := 1; sum <= 2*maxGap; sum++ {
		for x := max(0, sum-maxGap); x <= min(sum, maxGap); x++ {
			y := sum - x
			if x < len(a) && y < len(b) && a[x] == b[y] {
				return x, y, true
			}
		}
	}
	return 0, 0, false
}
