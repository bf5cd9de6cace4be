package report

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reprint-dev/reprint"
)

// maxExcerpt is the most characters of a passage shown as evidence in text
// output.
const maxExcerpt = 240

// Indents of text output.
const (
	pairIndent   = "  "
	detailIndent = "      "
)

// textWriter writes the text report. Write errors are sticky in the
// bufio.Writer and surface at Flush.
type textWriter struct {
	w   *bufio.Writer
	res *reprint.Result
	o   Options
	// cluster[i] is the 1-based number of the first cluster holding both
	// sides of pair i, 0 if none (pairClusters).
	cluster []int
	// pairsOf[d] lists the indices of the pairs involving document d.
	pairsOf [][]int
	err     error // the first error of o.Text
}

// text returns document i's text from o.Texts or o.Text, "" if neither
// has it.
func (t *textWriter) text(i int) string {
	if i >= 0 && i < len(t.o.Texts) && t.o.Texts[i] != "" {
		return t.o.Texts[i]
	}
	if t.o.Text == nil || t.err != nil || i < 0 || i >= len(t.res.Documents) {
		return ""
	}
	s, err := t.o.Text(i)
	if err != nil {
		t.err = fmt.Errorf("text of %s: %w", t.res.Documents[i].ID, err)
		return ""
	}
	return s
}

func writeText(w io.Writer, res *reprint.Result, o Options) error {
	t := &textWriter{
		w:       bufio.NewWriter(w),
		res:     res,
		o:       o,
		cluster: pairClusters(res),
		pairsOf: make([][]int, len(res.Documents)),
	}
	for i, p := range res.Pairs {
		t.pairsOf[p.A] = append(t.pairsOf[p.A], i)
		if p.B != p.A {
			t.pairsOf[p.B] = append(t.pairsOf[p.B], i)
		}
	}

	// Sort pairs into sections: derived (in cluster order, then the rest),
	// same story, and anything else.
	var derived, same, other []int
	for i, p := range res.Pairs {
		switch {
		case p.Relation.Derived():
			derived = append(derived, i)
		case p.Relation == reprint.SameStory:
			same = append(same, i)
		default:
			other = append(other, i)
		}
	}
	// cmp.Compare orders NaN scores consistently, keeping the sort valid.
	byScore := func(i, j int) int { return cmp.Compare(res.Pairs[j].Score, res.Pairs[i].Score) }
	slices.SortStableFunc(derived, func(i, j int) int {
		ci, cj := t.cluster[i], t.cluster[j]
		switch {
		case ci == cj:
			return byScore(i, j)
		case ci == 0: // unclustered pairs last
			return 1
		case cj == 0:
			return -1
		}
		return cmp.Compare(ci, cj)
	})
	slices.SortStableFunc(same, byScore)
	slices.SortStableFunc(other, byScore)

	fmt.Fprintf(t.w, "reprint: %s\n", counts(res, t.o))

	if len(derived) == 0 {
		fmt.Fprintf(t.w, "\nNo copies or rewrites found.\n")
	}
	for i := range res.Clusters {
		t.writeCluster(i)
	}
	if len(derived) > 0 {
		fmt.Fprintf(t.w, "\nCopies and rewrites\n")
		for k, i := range derived {
			t.writePair(i, k > 0, true)
		}
	}
	if len(same) > 0 {
		fmt.Fprintf(t.w, "\nSame story, independent wording (not derivation)\n")
		for k, i := range same {
			t.writePair(i, k > 0, false)
		}
	}
	if len(other) > 0 {
		fmt.Fprintf(t.w, "\nOther pairs\n")
		for k, i := range other {
			t.writePair(i, k > 0, false)
		}
	}
	if len(res.Errors) > 0 || len(res.Warnings) > 0 {
		fmt.Fprintf(t.w, "\nInput problems\n")
		for _, e := range res.Errors {
			t.wrap(pairIndent+escape(e.Source)+": ", detailIndent, escFields(e.Err))
		}
		for _, warn := range res.Warnings {
			t.wrap(pairIndent+"warning: ", detailIndent, escFields(warn))
		}
	}
	fmt.Fprintln(t.w)
	t.wrap("Parameters: ", pairIndent, params(res.Params))
	if t.err != nil {
		return t.err
	}
	return t.w.Flush()
}

func (t *textWriter) writeCluster(ci int) {
	c := t.res.Clusters[ci]
	orig := t.id(c.Original)
	fmt.Fprintf(t.w, "\nCluster %d: %s, original %s\n", ci+1, plural(len(c.Members), "article"), orig)
	if h := Headline(t.text(c.Original)); h != "" {
		t.wrap(pairIndent+"headline: ", detailIndent, fields("“"+h+"”"))
	}
	if c.Reason != "" {
		t.wrap(pairIndent+"why: ", detailIndent, escFields(c.Reason))
	}
	// For each derived member, name the pair that ties it to the original,
	// or else its strongest pair within the cluster.
	in := make(map[int]bool, len(c.Members))
	for _, m := range c.Members {
		in[m] = true
	}
	idWidth := 0
	for _, m := range c.Members {
		if m != c.Original {
			idWidth = max(idWidth, utf8.RuneCountInString(t.id(m)))
		}
	}
	for k, m := range c.Members {
		if m == c.Original {
			continue
		}
		best := memberLink(t.res, c, k, t.pairsOf[m], in)
		line := pairIndent + "- " + pad(t.id(m), idWidth)
		if best >= 0 {
			p := t.res.Pairs[best]
			other := t.id(p.A + p.B - m)
			if p.Original == m { // m's only link in the family is to a copy of it
				line += fmt.Sprintf("  source of %s (%s)  score %.2f", other, RelationLabel(p.Relation), p.Score)
			} else if TakesIn(p) {
				line += fmt.Sprintf("  takes in most of %s  score %.2f", other, p.Score)
			} else {
				line += fmt.Sprintf("  %s of %s  score %.2f", RelationLabel(p.Relation), other, p.Score)
			}
		}
		fmt.Fprintln(t.w, line)
	}
}

// memberLink returns the index of the pair that ties c.Members[k] to
// its family: the link to its parent when the cluster names it (Parents)
// and the pair is among pairs (those involving the member), else as
// clusterLink chooses; -1 if none. A check's families can share indexed
// articles, and another family's pair between two of this one's members
// is not this one's link.
func memberLink(res *reprint.Result, c reprint.Cluster, k int, pairs []int, in map[int]bool) int {
	m := c.Members[k]
	if len(c.Parents) == len(c.Members) && c.Parents[k] >= 0 {
		for _, i := range pairs {
			if p := res.Pairs[i]; p.Relation.Derived() && p.A+p.B-m == c.Parents[k] {
				return i
			}
		}
	}
	return clusterLink(res, pairs, in, m, c.Original)
}

// clusterLink returns the index of the pair that ties member m of a
// cluster to it: the derived pair in which m takes from another member
// (its source link), preferring one with the original orig and then the
// strongest; failing that, m's strongest derived pair within the cluster
// the same way; -1 if none. pairs lists the pairs involving m and in holds
// the cluster's members.
func clusterLink(res *reprint.Result, pairs []int, in map[int]bool, m, orig int) int {
	best := -1
	for _, i := range pairs {
		p := res.Pairs[i]
		if !p.Relation.Derived() {
			continue
		}
		other := p.A + p.B - m
		if other == m || !in[other] {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		bp := res.Pairs[best]
		// m's own source link first (m is not its original), then a
		// link to the family's original, then the strongest.
		child, bestChild := p.Original != m, bp.Original != m
		if child != bestChild {
			if child {
				best = i
			}
			continue
		}
		toOrig, bestToOrig := other == orig, bp.A+bp.B-m == orig
		if toOrig != bestToOrig {
			if toOrig {
				best = i
			}
			continue
		}
		if p.Score > bp.Score {
			best = i
		}
	}
	return best
}

// writePair writes pair i, after a blank line if gap is set. A derived
// pair reads as an editor would say it, copy first: "X is a rewrite of Y",
// with the evidence quoted as the original words it and the copy's; other
// pairs name their sides A and B, in the result's order.
func (t *textWriter) writePair(i int, gap, derived bool) {
	p := t.res.Pairs[i]
	if gap {
		t.w.WriteByte('\n')
	}
	// first and second are the sides in the order the pair is told:
	// for a derived pair, the copy and then its original.
	first, second := p.A, p.B
	derived = derived && (p.Original == p.A || p.Original == p.B) && p.A != p.B
	if derived && p.Original == p.A {
		first, second = p.B, p.A
	}
	d1, d2 := t.res.Documents[first], t.res.Documents[second]
	id1, id2 := escape(d1.ID), escape(d2.ID)
	var head string
	if derived {
		head = fmt.Sprintf("%s%s %s %s  score %.2f", pairIndent, id1, CopyOf(p), id2, p.Score)
	} else {
		head = fmt.Sprintf("%s%s ↔ %s  %s  score %.2f", pairIndent, id1, id2, p.Relation, p.Score)
	}
	if c := t.cluster[i]; c != 0 && derived {
		head += fmt.Sprintf("  (cluster %d)", c)
	}
	fmt.Fprintln(t.w, head)
	t.writeHeadlines(first, second, p.Relation, derived)
	if (d1.Source != "" && d1.Source != d1.ID) || (d2.Source != "" && d2.Source != d2.ID) {
		fmt.Fprintf(t.w, "%sfrom: %s / %s\n", detailIndent, orDash(escape(d1.Source)), orDash(escape(d2.Source)))
	}
	if m1, m2 := published(d1), published(d2); m1 != "" || m2 != "" {
		t.wrap(detailIndent+"published: ", detailIndent+"  ", strings.Fields(escape(orDash(m1)+" / "+orDash(m2))))
	}
	if derived && p.Reason != "" {
		t.wrap(detailIndent+"why "+id2+" is the original: ", detailIndent+"  ", escFields(p.Reason))
	}
	// The score counts content words in matching passages; this counts
	// word-for-word five-word phrases, which a rewrite keeps few of.
	c1, c2 := p.ContainAB, p.ContainBA
	if first != p.A {
		c1, c2 = c2, c1
	}
	ww := []string{"word", "for", "word:", percent(c1), "of", id1 + ",", percent(c2), "of", id2}
	switch {
	case p.Relation == reprint.MachineRewrite && max(c1, c2) >= 0.5:
		// Half its phrases kept and still a machine rewrite: the
		// passages differ by words swapped one for one (a spinner).
		ww = append(ww, strings.Fields(fmt.Sprintf("(jaccard %.2f; the rest differs mostly by words swapped one for one, as a spinner swaps synonyms)", p.Jaccard))...)
	case p.Relation == reprint.Rewrite || p.Relation == reprint.MachineRewrite:
		ww = append(ww, strings.Fields(fmt.Sprintf("(jaccard %.2f; few exact runs, as in any rewrite: the evidence is the reworded passages)", p.Jaccard))...)
	default:
		ww = append(ww, fmt.Sprintf("(jaccard %.2f)", p.Jaccard))
	}
	t.wrap(detailIndent, detailIndent+"  ", ww)
	t.writeEvidence(p, derived)
}

// writeHeadlines names the headlines of a pair's sides, first and second
// as the pair is told, so that an editor knows the articles by more than
// their IDs: "headline of the rewrite:" and "headline of the original:"
// for a derived pair, of A and B for others; one line when they are the
// same, none for a side without one (Headline).
func (t *textWriter) writeHeadlines(first, second int, rel reprint.Relation, derived bool) {
	h1, h2 := Headline(t.text(first)), Headline(t.text(second))
	l1, l2 := "A", "B"
	if derived {
		l1, l2 = "the "+RelationLabel(rel), "the original"
	}
	if h1 != "" && h1 == h2 {
		t.wrap(detailIndent+"headline of both: ", detailIndent+"  ", fields("“"+h1+"”"))
		return
	}
	if h1 != "" {
		t.wrap(detailIndent+"headline of "+l1+": ", detailIndent+"  ", fields("“"+h1+"”"))
	}
	if h2 != "" {
		t.wrap(detailIndent+"headline of "+l2+": ", detailIndent+"  ", fields("“"+h2+"”"))
	}
}

// writeEvidence quotes pair p's passages, at most o.MaxPassages of them.
// Each side's wording is quoted when its text is at hand and differs;
// a derived pair's sides are labelled original and copy (its relation),
// the original first, and other pairs' A and B.
func (t *textWriter) writeEvidence(p reprint.Pair, derived bool) {
	n := min(len(p.Passages), t.o.MaxPassages)
	var tb string // B's text, read once the first passage needs it
	if n > 0 {
		tb = t.text(p.B)
	}
	labelA, labelB := "A", "B"
	if derived {
		labelA, labelB = RelationLabel(p.Relation), "original"
		if p.Original == p.A {
			labelA, labelB = labelB, labelA
		}
	}
	for _, ps := range p.Passages[:n] {
		a := collapse(ps.Text)
		var b string
		if 0 <= ps.BStart && ps.BStart < ps.BEnd && ps.BEnd <= len(tb) {
			b = collapse(strings.ToValidUTF8(tb[ps.BStart:ps.BEnd], "\uFFFD"))
		}
		if b == "" || b == a {
			words := fields(`"` + truncate(a, maxExcerpt) + `"`)
			// "(original bytes 0–95, copy bytes 10–105)", breaking
			// lines between the sides' words but not in "bytes 0–95".
			l1, s1, e1, l2, s2, e2 := labelA, ps.AStart, ps.AEnd, labelB, ps.BStart, ps.BEnd
			if derived && p.Original == p.B {
				l1, s1, e1, l2, s2, e2 = l2, s2, e2, l1, s1, e1
			}
			words = append(words, strings.Fields("("+l1)...)
			words = append(words, fmt.Sprintf("bytes %d–%d,", s1, e1))
			words = append(words, strings.Fields(l2)...)
			words = append(words, fmt.Sprintf("bytes %d–%d)", s2, e2))
			t.wrap(detailIndent+"evidence: ", detailIndent+"          ", words)
			continue
		}
		// A rewrite's evidence is the two wordings, the original's
		// first (A's in a pair that is not derivation).
		type side struct {
			label, text string
			start, end  int
		}
		s1 := side{labelA, a, ps.AStart, ps.AEnd}
		s2 := side{labelB, b, ps.BStart, ps.BEnd}
		if derived && p.Original == p.B {
			s1, s2 = s2, s1
		}
		first := "evidence, " + s1.label
		width := max(utf8.RuneCountInString(first), utf8.RuneCountInString(s2.label))
		indent := detailIndent + strings.Repeat(" ", width+2)
		for k, s := range []side{s1, s2} {
			label := first
			if k == 1 {
				label = s2.label
			}
			words := fields(`"` + truncate(s.text, maxExcerpt) + `"`)
			words = append(words, fmt.Sprintf("(bytes %d–%d)", s.start, s.end))
			prefix := detailIndent + strings.Repeat(" ", width-utf8.RuneCountInString(label)) + label + ": "
			t.wrap(prefix, indent, words)
		}
	}
	if more := len(p.Passages) - n; more > 0 {
		fmt.Fprintf(t.w, "%s… %s\n", detailIndent, plural(more, "more matching passage"))
	}
}

// wrap writes words separated by spaces, in lines of at most o.Width
// characters where it can: the first line starts with first, the others
// with indent. A word too long for a line gets a line of its own.
func (t *textWriter) wrap(first, indent string, words []string) {
	t.w.WriteString(first)
	col := utf8.RuneCountInString(first)
	start := true // nothing written on this line yet but the prefix
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if !start && col+1+n > t.o.Width {
			t.w.WriteByte('\n')
			t.w.WriteString(indent)
			col = utf8.RuneCountInString(indent)
			start = true
		}
		if !start {
			t.w.WriteByte(' ')
			col++
		}
		t.w.WriteString(w)
		col += n
		start = false
	}
	t.w.WriteByte('\n')
}

// params returns p as key=value words, in JSON field order, so that new
// parameters appear without changing this code.
func params(p reprint.Params) []string {
	data, err := json.Marshal(p)
	if err != nil {
		return []string{fmt.Sprintf("%+v", p)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var words []string
	if _, err := dec.Token(); err != nil { // {
		return []string{string(data)}
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			break
		}
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			break
		}
		words = append(words, fmt.Sprintf("%v=%s", key, val))
	}
	return words
}

// id returns the ID of document i as the text report shows it: escaped.
func (t *textWriter) id(i int) string { return escape(docID(t.res, i)) }

// escFields splits a message that may quote IDs and paths (a reason, a
// warning, an error) into words after escaping it, so that an ID holding
// a newline or tab reads there as it does where the report names it.
func escFields(s string) []string { return strings.Fields(escape(s)) }

// fields splits s into words at white space, as strings.Fields does, and
// escapes each word: for article text, whose line breaks are spacing.
func fields(s string) []string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = escape(w)
	}
	return words
}

// Escape returns s as the text report prints IDs, paths and messages:
// control characters, bidirectional overrides and invalid UTF-8 escaped
// (\x1b, \n, \u202e, \xe9), so that input cannot drive a terminal or
// reorder a line; other text unchanged. Programs
// printing input's names to a terminal (standard error) use it too.
func Escape(s string) string { return escape(s) }

// escape returns s with each control character, each bidirectional
// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) and each
// byte of invalid UTF-8 written as a Go escape (\n, \x1b, \u202e, \xe9),
// so that text from the input (an ID, a source, a message) cannot move
// the cursor, restyle the terminal the text report is shown on, or show
// a name reversed ("evil\u202etxt.exe" read as "evilexe.txt"). Right-to-left
// text itself and the marks U+200E, U+200F are kept. Text without any of
// these, the usual case, is returned as it is.
func escape(s string) string {
	var b []byte // nil until s needs an escape
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || n != 1) && !unicode.IsControl(r) && !isBidiControl(r) {
			i += n
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s)+8)
		}
		q := strconv.Quote(s[i : i+n])
		b = append(append(b, s[start:i]...), q[1:len(q)-1]...)
		i += n
		start = i
	}
	if b == nil {
		return s
	}
	return string(append(b, s[start:]...))
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate: invisible, and able to reorder the rest of a line.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// collapse replaces each run of white space in s with one space and trims
// the ends. Control characters count as white space: old wire copy marks
// its paragraphs with them ("\x19He said"), which an excerpt for people
// need not show.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isMarkup), " ")
}

// truncate cuts s to at most n characters, ending it with "…" if cut.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return strings.TrimRight(s[:i], " ") + "…"
}

// pad right-pads s with spaces to n characters.
func pad(s string, n int) string {
	if k := n - utf8.RuneCountInString(s); k > 0 {
		return s + strings.Repeat(" ", k)
	}
	return s
}

func percent(x float64) string {
	if math.IsNaN(x) {
		return "?%"
	}
	return fmt.Sprintf("%.0f%%", x*100)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// published tells who published d and when, as the input said: "Daily
// Planet, 2025-08-20 09:30 UTC, https://...", "" when it said nothing.
func published(d reprint.DocInfo) string {
	var parts []string
	if d.Outlet != "" {
		parts = append(parts, d.Outlet)
	}
	if !d.Published.IsZero() {
		u := d.Published.UTC()
		if reprint.DateOnly(u) {
			parts = append(parts, u.Format("2006-01-02"))
		} else {
			parts = append(parts, u.Format("2006-01-02 15:04 UTC"))
		}
	}
	if d.URL != "" {
		parts = append(parts, d.URL)
	}
	return strings.Join(parts, ", ")
}
