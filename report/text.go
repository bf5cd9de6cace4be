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
	// cluster[d] is the 1-based number of the first cluster holding
	// document d, 0 if none.
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
		cluster: make([]int, len(res.Documents)),
		pairsOf: make([][]int, len(res.Documents)),
	}
	for i, p := range res.Pairs {
		t.pairsOf[p.A] = append(t.pairsOf[p.A], i)
		if p.B != p.A {
			t.pairsOf[p.B] = append(t.pairsOf[p.B], i)
		}
	}
	for i := len(res.Clusters) - 1; i >= 0; i-- {
		for _, m := range res.Clusters[i].Members {
			t.cluster[m] = i + 1
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
		ci, cj := t.pairCluster(i), t.pairCluster(j)
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

	s := res.Summary
	fmt.Fprintf(t.w, "reprint: %s, %s, %s (%d skipped, %d failed)\n",
		plural(len(res.Documents), "document"), plural(len(res.Pairs), "pair"),
		plural(len(res.Clusters), "cluster"), s.Skipped, s.Failed)

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

// pairCluster returns the number of the cluster holding both sides of pair
// i, 0 if none.
func (t *textWriter) pairCluster(i int) int {
	p := t.res.Pairs[i]
	if c := t.cluster[p.A]; c != 0 && c == t.cluster[p.B] {
		return c
	}
	return 0
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
	for _, m := range c.Members {
		if m == c.Original {
			continue
		}
		best := clusterLink(t.res, t.pairsOf[m], in, m, c.Original)
		line := pairIndent + "- " + pad(t.id(m), idWidth)
		if best >= 0 {
			p := t.res.Pairs[best]
			line += fmt.Sprintf("  %s of %s  score %.2f", p.Relation, t.id(p.A+p.B-m), p.Score)
		}
		fmt.Fprintln(t.w, line)
	}
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

// writePair writes pair i, after a blank line if gap is set; derived pairs
// say which side is the original.
func (t *textWriter) writePair(i int, gap, derived bool) {
	p := t.res.Pairs[i]
	a, b := t.res.Documents[p.A], t.res.Documents[p.B]
	idA, idB := escape(a.ID), escape(b.ID)
	if gap {
		t.w.WriteByte('\n')
	}
	head := fmt.Sprintf("%s%s ↔ %s  %s  score %.2f", pairIndent, idA, idB, p.Relation, p.Score)
	if c := t.pairCluster(i); c != 0 && derived {
		head += fmt.Sprintf("  (cluster %d)", c)
	}
	fmt.Fprintln(t.w, head)
	if (a.Source != "" && a.Source != a.ID) || (b.Source != "" && b.Source != b.ID) {
		fmt.Fprintf(t.w, "%sfrom: %s / %s\n", detailIndent, orDash(escape(a.Source)), orDash(escape(b.Source)))
	}
	if derived {
		words := []string{t.id(p.Original)}
		if p.Reason != "" {
			words = append(words, escFields("("+p.Reason+")")...)
		}
		t.wrap(detailIndent+"original: ", detailIndent+"  ", words)
	}
	// The score counts content words in matching passages; this counts
	// word-for-word five-word phrases, which a rewrite keeps few of.
	ww := []string{
		"word", "for", "word:", percent(p.ContainAB), "of", idA + ",", percent(p.ContainBA),
		"of", idB,
	}
	if p.Relation == reprint.Rewrite || p.Relation == reprint.MachineRewrite {
		ww = append(ww, strings.Fields(fmt.Sprintf("(jaccard %.2f; few exact runs, as in any rewrite: the evidence is the reworded passages)", p.Jaccard))...)
	} else {
		ww = append(ww, fmt.Sprintf("(jaccard %.2f)", p.Jaccard))
	}
	t.wrap(detailIndent, detailIndent+"  ", ww)
	n := min(len(p.Passages), t.o.MaxPassages)
	var tb string // B's text, read once the first passage needs it
	if n > 0 {
		tb = t.text(p.B)
	}
	for _, ps := range p.Passages[:n] {
		a := collapse(ps.Text)
		// A rewrite's evidence is the two wordings: B's is quoted
		// too when its text is at hand and reads otherwise.
		var b string
		if 0 <= ps.BStart && ps.BStart < ps.BEnd && ps.BEnd <= len(tb) {
			b = collapse(strings.ToValidUTF8(tb[ps.BStart:ps.BEnd], "\uFFFD"))
		}
		if b == "" || b == a {
			words := fields(`"` + truncate(a, maxExcerpt) + `"`)
			words = append(words, fmt.Sprintf("(A bytes %d–%d, B bytes %d–%d)", ps.AStart, ps.AEnd, ps.BStart, ps.BEnd))
			t.wrap(detailIndent+"evidence: ", detailIndent+"          ", words)
			continue
		}
		words := fields(`"` + truncate(a, maxExcerpt) + `"`)
		words = append(words, fmt.Sprintf("(bytes %d–%d)", ps.AStart, ps.AEnd))
		t.wrap(detailIndent+"evidence, A: ", detailIndent+"             ", words)
		words = fields(`"` + truncate(b, maxExcerpt) + `"`)
		words = append(words, fmt.Sprintf("(bytes %d–%d)", ps.BStart, ps.BEnd))
		t.wrap(detailIndent+"          B: ", detailIndent+"             ", words)
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
// the ends.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
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
