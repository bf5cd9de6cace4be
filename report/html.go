package report

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reprint-dev/reprint"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// htmlTemplates are the page's templates: "head" (from the doctype to the
// start of the pair details), "pair" (one pair's section) and "foot". The
// page is written in pieces so that a report of many pairs never holds
// more than one pair's view in memory.
var htmlTemplates = template.Must(template.New("report").
	Funcs(template.FuncMap{"plural": plural}).
	ParseFS(templateFS, "templates/*.tmpl"))

// htmlColors is the number of highlight colours that passages cycle
// through (classes c0 to c7 in the style sheet).
const htmlColors = 8

// maxTitle is the most characters of counterpart text in the title of a
// changed word.
const maxTitle = 120

// maxDiffCells caps the word-diff table of one passage (A's words times
// B's, once common ends are trimmed); a longer passage is shown undiffed.
const maxDiffCells = 1 << 20

// htmlPage is the overview: everything but the pair details.
type htmlPage struct {
	Title     string // "5 documents, 3 pairs, 1 cluster (1 skipped, 0 failed)"
	Summary   reprint.Summary
	Documents int
	Indexed   int // a check's indexed articles shown; Documents then counts the articles checked
	Relations []htmlCount
	Clusters  []htmlCluster
	Pairs     []htmlRow
	Params    []htmlParam
	Errors    []reprint.InputError
	Warnings  []string
	Notes     []string // what the pair details do and do not hold
	Diff      bool     // whether some pair shows changed words
}

type htmlCount struct {
	Relation string
	N        int
}

type htmlParam struct{ Key, Value string }

type htmlCluster struct {
	N, Size       int
	Original      string
	OriginalTitle string // its headline, if it has one (Headline)
	Reason        string
	Weak          bool         // only length or order named the original
	Members       []htmlMember // the derived members, Original left out
}

// htmlMember is a derived member of a cluster and the pair that ties it
// to the cluster (Pair is 0 if none).
type htmlMember struct {
	ID, Title, Relation, Of, Score string
	Pair                           int
}

// htmlRow is a pair as listed in the overview; N is its 1-based number.
type htmlRow struct {
	N        int
	A, B     string
	Relation string
	Derived  bool
	Original string // "" unless Derived
	Score    string
	AB, BA   htmlBar
	Passages int
	Cluster  int // 0 if the pair is in no cluster
}

// htmlBar is a share drawn as a bar Pct wide, labelled Text.
type htmlBar struct {
	Pct  int
	Text string
}

// htmlPair is one pair's detail section.
type htmlPair struct {
	htmlRow
	Reason           string
	Copy, Told       string // a derived pair's copy and "is a rewrite of" (CopyOf), for the heading: copy first
	Weak             bool   // only length or order named the original
	ATitle, BTitle   string // headlines, if the texts have them
	ASource, BSource string // set when a source differs from the ID
	APub, BPub       string // outlet, time and URL as the input gave them (published); set when either is known
	Included         bool   // within Options.MaxHTMLPairs
	Open             bool   // the details start open
	Sides            []htmlSide
	List             []htmlPassage // passages on their own, without texts
	Unplaced         []htmlPassage // passages whose offsets do not fit the texts
}

// htmlPassage is a passage shown on its own: its number, offsets and
// A-side text.
type htmlPassage struct {
	N                          int
	AStart, AEnd, BStart, BEnd int
	Text                       string
	Color                      int
}

// htmlSide is one document's text cut into segments at the passages.
type htmlSide struct {
	Label    string // "A" or "B"
	ID       string
	Title    string // headline, if any
	Original bool
	Segs     []htmlSeg
}

// htmlSeg is a stretch of a document's text: plain if M is nil, else a
// highlighted passage.
type htmlSeg struct {
	Text   string
	M      *htmlMark
	Elided string // a stretch left out, told ("… 1,234 words not in this pair …")
}

// htmlMark is a highlighted passage: number N, element ID, the ID of its
// partner on the other side, and its text in parts.
type htmlMark struct {
	N         int
	ID, Href  string
	OtherSide string // "A" or "B": where Href leads
	Color     int
	Parts     []htmlPart
}

// htmlPart is a stretch of a passage: unchanged, or words found only on
// this side (Del on A, Ins on B) with Title naming the other side's words.
type htmlPart struct {
	Text, Title string
	Del, Ins    bool
}

// htmlWriter builds the views of the HTML report.
type htmlWriter struct {
	res *reprint.Result
	o   Options
	// cluster[i] is the 1-based number of the first cluster holding both
	// sides of pair i, 0 if none (pairClusters).
	cluster []int
	// lcs is scratch space for word diffs.
	lcs []int32
}

func writeHTML(w io.Writer, res *reprint.Result, o Options) error {
	h := &htmlWriter{res: res, o: o, cluster: pairClusters(res)}
	cw := &controlsWriter{w: w}
	bw := bufio.NewWriterSize(cw, 64<<10)
	page := h.page()
	if err := htmlTemplates.ExecuteTemplate(bw, "head", page); err != nil {
		return err
	}
	for i := range res.Pairs {
		if err := htmlTemplates.ExecuteTemplate(bw, "pair", h.pair(i)); err != nil {
			return err
		}
	}
	if err := htmlTemplates.ExecuteTemplate(bw, "foot", page); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return cw.flush()
}

// page returns the overview.
func (h *htmlWriter) page() *htmlPage {
	res := h.res
	s := res.Summary
	pg := &htmlPage{
		Title:     counts(res, h.o),
		Summary:   s,
		Documents: len(res.Documents),
		Errors:    res.Errors,
		Warnings:  res.Warnings,
	}
	if checked, indexed, ok := checkCounts(res, h.o); ok {
		pg.Documents, pg.Indexed = checked, indexed
	}

	counts := make(map[reprint.Relation]int)
	for _, p := range res.Pairs {
		counts[p.Relation]++
		if p.Relation == reprint.MachineRewrite {
			pg.Diff = true
		}
	}
	known := []reprint.Relation{reprint.Copy, reprint.EditedCopy, reprint.Excerpt,
		reprint.Rewrite, reprint.MachineRewrite, reprint.SameStory}
	var other []reprint.Relation
	for r := range counts {
		if !slices.Contains(known, r) {
			other = append(other, r)
		}
	}
	slices.Sort(other)
	for _, r := range append(known, other...) {
		if n := counts[r]; n > 0 {
			pg.Relations = append(pg.Relations, htmlCount{RelationLabel(r), n})
		}
	}

	pairsOf := make([][]int, len(res.Documents))
	for i, p := range res.Pairs {
		pairsOf[p.A] = append(pairsOf[p.A], i)
		if p.B != p.A {
			pairsOf[p.B] = append(pairsOf[p.B], i)
		}
	}
	for ci, c := range res.Clusters {
		hc := htmlCluster{N: ci + 1, Size: len(c.Members), Original: docID(res, c.Original), OriginalTitle: Headline(h.text(c.Original)), Reason: c.Reason,
			Weak: WeakCall(c.OriginalBy)}
		in := make(map[int]bool, len(c.Members))
		for _, m := range c.Members {
			in[m] = true
		}
		for k, m := range c.Members {
			if m == c.Original {
				continue
			}
			hm := htmlMember{ID: docID(res, m), Title: Headline(h.text(m))}
			if best := memberLink(res, c, k, pairsOf[m], in); best >= 0 {
				p := res.Pairs[best]
				hm.Pair = best + 1
				hm.Relation = RelationLabel(p.Relation)
				hm.Of = docID(res, p.A+p.B-m)
				hm.Score = fmt.Sprintf("%.2f", p.Score)
			}
			hc.Members = append(hc.Members, hm)
		}
		pg.Clusters = append(pg.Clusters, hc)
	}

	pg.Pairs = make([]htmlRow, len(res.Pairs))
	for i := range res.Pairs {
		pg.Pairs[i] = h.row(i)
	}
	for _, kv := range params(res.Params) {
		k, v, _ := strings.Cut(kv, "=")
		pg.Params = append(pg.Params, htmlParam{k, v})
	}

	if n := len(res.Pairs); n > 0 {
		if len(h.o.Texts) == 0 {
			pg.Notes = append(pg.Notes, "The document texts were not given to the report, so each pair lists its matching passages on their own.")
		}
		if n > h.o.MaxHTMLPairs {
			pg.Notes = append(pg.Notes, "To keep this page fast, "+leftOutNote(h.o.MaxHTMLPairs, n)+" The JSON report holds every passage.")
		}
	}
	return pg
}

// leftOutNote says that the passages of only the first shown of n pairs
// are on the page, in words that read right for none and one.
func leftOutNote(shown, n int) string {
	switch shown {
	case 0:
		return "no passages are included; each pair shows its scores only."
	case 1:
		return fmt.Sprintf("passages are included for the first pair of %d; the others show their scores only.", n)
	}
	return fmt.Sprintf("passages are included for the first %d pairs of %d; the others show their scores only.", shown, n)
}

// row returns pair i as listed in the overview.
func (h *htmlWriter) row(i int) htmlRow {
	p := h.res.Pairs[i]
	r := htmlRow{
		N:        i + 1,
		A:        docID(h.res, p.A),
		B:        docID(h.res, p.B),
		Relation: RelationLabel(p.Relation),
		Derived:  p.Relation.Derived(),
		Score:    fmt.Sprintf("%.2f", p.Score),
		AB:       bar(p.ContainAB),
		BA:       bar(p.ContainBA),
		Passages: len(p.Passages),
	}
	if r.Derived {
		r.Original = docID(h.res, p.Original)
		r.Cluster = h.cluster[i]
	}
	return r
}

// pair returns the detail view of pair i.
func (h *htmlWriter) pair(i int) *htmlPair {
	res := h.res
	p := res.Pairs[i]
	a, b := res.Documents[p.A], res.Documents[p.B]
	d := &htmlPair{
		htmlRow:  h.row(i),
		Reason:   p.Reason,
		Weak:     WeakCall(p.OriginalBy),
		ATitle:   Headline(h.text(p.A)),
		BTitle:   Headline(h.text(p.B)),
		Included: i < h.o.MaxHTMLPairs,
		Open:     len(res.Pairs) == 1,
	}
	if (a.Source != "" && a.Source != a.ID) || (b.Source != "" && b.Source != b.ID) {
		d.ASource, d.BSource = orDash(a.Source), orDash(b.Source)
	}
	if pa, pb := published(a), published(b); pa != "" || pb != "" {
		d.APub, d.BPub = orDash(pa), orDash(pb)
	}
	if d.Derived && p.A != p.B && (p.Original == p.A || p.Original == p.B) {
		d.Copy, d.Told = docID(res, p.A+p.B-p.Original), CopyOf(p)
	}
	if !d.Included || len(p.Passages) == 0 {
		return d
	}
	ta, tb := h.text(p.A), h.text(p.B)
	if ta == "" || tb == "" {
		d.List = make([]htmlPassage, len(p.Passages))
		for k := range p.Passages {
			d.List[k] = passageView(p, k)
		}
		return d
	}

	kept, unplaced := place(p.Passages, ta, tb)
	for j, k := range unplaced {
		v := passageView(p, k)
		v.N, v.Color = len(kept)+j+1, (len(kept)+j)%htmlColors // after the placed ones
		d.Unplaced = append(d.Unplaced, v)
	}
	diff := p.Relation == reprint.MachineRewrite
	// Number the passages in A's reading order, so that A's side reads 1,
	// 2, 3 and a rewrite's B side nearly so.
	slices.SortStableFunc(kept, func(x, y placement) int { return x.as - y.as })
	var marksA, marksB []markSpan
	for r, pl := range kept {
		n := r + 1
		idA := "p" + strconv.Itoa(i+1) + "-" + strconv.Itoa(n) + "-a"
		idB := idA[:len(idA)-1] + "b"
		ma := &htmlMark{N: n, ID: idA, Href: idB, Color: r % htmlColors, OtherSide: "B"}
		mb := &htmlMark{N: n, ID: idB, Href: idA, Color: r % htmlColors, OtherSide: "A"}
		sa, sb := ta[pl.as:pl.ae], tb[pl.bs:pl.be]
		if diff {
			ma.Parts, mb.Parts = h.diffParts(sa, sb)
		} else {
			ma.Parts, mb.Parts = []htmlPart{{Text: sa}}, []htmlPart{{Text: sb}}
		}
		marksA = append(marksA, markSpan{pl.as, pl.ae, ma})
		marksB = append(marksB, markSpan{pl.bs, pl.be, mb})
	}
	byStart := func(x, y markSpan) int { return x.s - y.s }
	slices.SortFunc(marksA, byStart)
	slices.SortFunc(marksB, byStart)
	d.Sides = []htmlSide{
		{Label: "A", ID: a.ID, Title: d.ATitle, Original: d.Derived && p.Original == p.A, Segs: segments(ta, marksA)},
		{Label: "B", ID: b.ID, Title: d.BTitle, Original: d.Derived && p.Original == p.B, Segs: segments(tb, marksB)},
	}
	return d
}

// Headline returns the line a text opens with when it reads as a
// headline, so that an editor sees which article an ID is: its first
// non-blank line that is mostly letters (past up to four rules of dashes,
// banners of codes and times or editors' notes in brackets, as wire copy
// opens with), if that has 3
// to 25 words and at most 160 bytes, and is not a lead paragraph, as a wire story or paper opens
// without a headline: a sentence of more than 8 words ending in a full
// stop, one that goes on in the next line (which starts in lower case, or
// the line ends on a colon, a comma, a possessive or a word such as
// "the"); nor a byline ("By Jane Smith, Home Affairs Editor"); nor the
// whole text. Else "". The HTML and text reports show it beside IDs.
func Headline(text string) string {
	var line, rest string
	rest = text
	inNote := false // in an editors' note that goes on over lines
	for skipped, noted := 0, 0; ; {
		line, rest, _ = strings.Cut(strings.TrimLeft(rest, " \t\r\n"), "\n")
		line = cleanLine(line)
		found := false
		switch {
		case inNote:
			inNote = !closesNote(line)
			noted++
		case strings.HasPrefix(line, "(") && !strings.Contains(line, ")"), strings.HasPrefix(line, "[") && !strings.Contains(line, "]"):
			inNote = true
			noted++
		case editorsNote(line):
			noted++
		case mostlyLetters(line):
			found = true
		default:
			skipped++
		}
		if found {
			break
		}
		if skipped > maxBannerLines || noted > maxNoteLines || rest == "" {
			return ""
		}
		// A rule, a wire service's banner ("12:21 28/09/99: Page 1
		// (HHH) COURTS Pinochet") or a note above the headline: the next
		// line.
	}
	words := strings.Fields(line)
	n := len(words)
	if n < 3 || n > 25 || len(line) > 160 {
		return ""
	}
	if end := strings.TrimRight(line, `"'”’`); n > 8 && strings.HasSuffix(end, ".") && !strings.HasSuffix(end, "..") {
		return ""
	}
	if dangling(line, words[n-1]) {
		return "" // a sentence cut at the line's end
	}
	if byline(words) {
		return ""
	}
	blank := strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n") // a blank line follows
	rest = strings.TrimLeft(rest, " \t\r\n")
	if next, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsLower(next) || onlyEndMarks(rest) {
		return "" // the whole text, or a sentence that goes on in the next line
	}
	// A long line run on into the next, which ends the sentence: a
	// paragraph wrapped at a fixed width (a later take of wire copy starts
	// so), not a headline above a byline or a blank line.
	if next, _, _ := strings.Cut(rest, "\n"); n > 8 && len(line) >= wrapWidth && !blank && !endsSentence(line) {
		if next = cleanLine(next); len(next) <= maxWrapped && (endsSentence(next) || len(next) >= wrapWidth) {
			return ""
		}
	}
	if r, _ := utf8.DecodeRuneInString(line); unicode.IsLower(r) && endsSentence(line) {
		return "" // a sentence's end ("whom pay for their own care."), not "e-scooter trials extended"
	}
	return line
}

// wrapWidth is the length from which a line that does not end a sentence,
// run on into a line as long or one that ends the sentence, reads as a
// paragraph wrapped at a fixed width (wire copy wraps at some 75 to 80
// characters) rather than a headline over its text (headlines are seldom
// that long).
const wrapWidth = 72

// maxWrapped is the longest a line of a paragraph wrapped at a fixed width
// is: a longer next line is a paragraph on one line, under a headline.
const maxWrapped = 100

// cleanLine trims a line of white space, control characters and the "<"
// that ends each line of old wire copy.
func cleanLine(line string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimFunc(line, isMarkup), "<"))
}

// endsSentence reports whether line ends as a sentence does: in a full
// stop, question or exclamation mark, closing quotes allowed.
func endsSentence(line string) bool {
	end := strings.TrimRight(line, `"'”’`)
	return strings.HasSuffix(end, ".") || strings.HasSuffix(end, "?") || strings.HasSuffix(end, "!")
}

// onlyEndMarks reports whether text is nothing but a wire story's end
// marks ("end", "ends", "more", "-30-", "###"): a line above them is the
// whole story, not its headline.
func onlyEndMarks(text string) bool {
	for rest, more := text, true; more; {
		var l string
		l, rest, more = strings.Cut(rest, "\n")
		switch strings.ToLower(cleanLine(l)) {
		case "", "end", "ends", "more", "-30-", "###":
		default:
			return false
		}
	}
	return true
}

// maxBannerLines is how many lines of rules and codes Headline passes
// over to reach a headline (notes apart: maxNoteLines).
const maxBannerLines = 6

// mostlyLetters reports whether line is mostly letters: not a rule of
// dashes, nor a page header of codes and times.
func mostlyLetters(line string) bool {
	letters, other := 0, 0
	for _, r := range line {
		switch {
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			other++
		}
	}
	return letters > 0 && letters >= 4*other
}

// editorsNote reports whether line is wholly in brackets, as a note to
// editors above wire copy is: "(corrected repetition, amending ...)".
func editorsNote(line string) bool {
	return (strings.HasPrefix(line, "(") || strings.HasPrefix(line, "[")) && closesNote(line)
}

// closesNote reports whether line ends a note in brackets: ")" or "]",
// a full stop after it allowed ("... end of the case).").
func closesNote(line string) bool {
	end := strings.TrimRight(line, ".")
	return strings.HasSuffix(end, ")") || strings.HasSuffix(end, "]")
}

// maxNoteLines is how many lines of editors' notes Headline passes over.
const maxNoteLines = 8

// isMarkup reports whether r is white space or a control character, as
// old wire copy marks its lines with (METER's PA texts: "\x19By ...").
func isMarkup(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// danglers are words a headline does not end on but a line cut inside a
// sentence does.
var danglers = map[string]bool{"a": true, "an": true, "the": true, "of": true, "to": true, "and": true, "or": true, "but": true,
	"on": true, "in": true, "for": true, "with": true, "at": true, "by": true, "from": true, "where": true, "who": true,
	"which": true, "that": true, "as": true, "into": true, "than": true, "his": true, "her": true, "their": true, "its": true}

// dangling reports whether line, whose last word is last, ends as a
// sentence cut short does: on a colon or comma (a list or clause to
// follow), a possessive ("the BBC's") or a word such as "the", "of" or
// "where".
func dangling(line, last string) bool {
	if strings.HasSuffix(line, ":") || strings.HasSuffix(line, ",") {
		return true
	}
	if strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
		return true
	}
	return danglers[last]
}

// byline reports whether a line of words names its writers, as "By Jane
// Smith and John Roe, Political Correspondents" or "By The Associated
// Press" does: "by" and then at most seven words, each capitalised or
// "and", "&" or "of", and no colon, question or exclamation mark. A
// headline opening "By" goes on in lower case ("By the numbers: ...") or
// past a colon ("BY THE NUMBERS: HOW ...").
func byline(words []string) bool {
	if len(words) > 8 || !strings.EqualFold(words[0], "by") {
		return false
	}
	for _, w := range words[1:] {
		switch w {
		case "and", "&", "of":
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.ContainsAny(w, ":?!") {
			return false
		}
	}
	return true
}

// text returns the text of document i, "" if unknown, as shown
// (visible).
func (h *htmlWriter) text(i int) string {
	if i < 0 || i >= len(h.o.Texts) {
		return ""
	}
	return visible(h.o.Texts[i])
}

// visible returns s with its control characters as white space, byte
// for byte, so that passage offsets still hold: each ASCII one but tab,
// line feed and carriage return as a space, each C1 one (U+0080–U+009F,
// two bytes: Windows-1252 quotes read as Latin-1) as a no-break space;
// and each bidirectional embedding, override or isolate (three bytes,
// invisible, able to reorder the rest of a line of evidence) as U+FFFD,
// which shows that something was there. Old wire copy marks its
// paragraphs with controls ("\x19He said"); HTML may not carry them, and
// a word glued to one was marked as changed in a machine rewrite's word
// diff. Bytes that are not UTF-8 are left as they are (the template
// writes them as U+FFFD).
func visible(s string) string {
	b := []byte(s)
	showControls(b)
	return string(b)
}

// ShowControls rewrites b's control characters in place as visible does,
// for an HTML page as a whole: IDs, file names and reasons can hold them
// too. The page's markup holds none.
func ShowControls(b []byte) []byte {
	showControls(b)
	return b
}

// showControls rewrites b in place as visible says and returns how many
// of its last bytes may start a sequence that b ends before it is known
// (a stream cut there; controlsWriter holds them back).
func showControls(b []byte) (pending int) {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f:
			b[i] = ' '
		case c == 0xc2:
			if i+1 == len(b) {
				return 1
			}
			if b[i+1] >= 0x80 && b[i+1] <= 0x9f {
				b[i+1] = 0xa0
				i++
			}
		case c == 0xe2:
			if i+2 >= len(b) {
				return len(b) - i
			}
			if b[i+1] == 0x80 && b[i+2] >= 0xaa && b[i+2] <= 0xae || b[i+1] == 0x81 && b[i+2] >= 0xa6 && b[i+2] <= 0xa9 {
				b[i], b[i+1], b[i+2] = 0xef, 0xbf, 0xbd
				i += 2
			}
		}
	}
	return 0
}

// controlsWriter writes through to w with control characters shown
// (showControls), holding back the last bytes of a write that may start
// a sequence the next one ends; flush writes them.
type controlsWriter struct {
	w   io.Writer
	buf []byte
	n   int // bytes held back at the start of buf
}

func (cw *controlsWriter) Write(p []byte) (int, error) {
	cw.buf = append(cw.buf[:cw.n], p...)
	k := len(cw.buf) - showControls(cw.buf)
	if _, err := cw.w.Write(cw.buf[:k]); err != nil {
		return 0, err
	}
	cw.n = copy(cw.buf, cw.buf[k:])
	return len(p), nil
}

func (cw *controlsWriter) flush() error {
	_, err := cw.w.Write(cw.buf[:cw.n])
	cw.n = 0
	return err
}

func passageView(p reprint.Pair, k int) htmlPassage {
	ps := p.Passages[k]
	return htmlPassage{N: k + 1, AStart: ps.AStart, AEnd: ps.AEnd, BStart: ps.BStart, BEnd: ps.BEnd,
		Text: ps.Text, Color: k % htmlColors}
}

// RelationLabel names r for people: "machine rewrite".
func RelationLabel(r reprint.Relation) string {
	if r == "" {
		return "unknown"
	}
	return strings.ReplaceAll(string(r), "_", " ")
}

// CopyOf tells how a derived pair's copy stands to its original, as a
// sentence says it after the copy: "is a rewrite of", "is an excerpt of";
// or "takes in most of" when the excerpt is the original's text set into
// the copy (TakesIn), as a short wire item quoted whole in a longer story
// is: "is an excerpt of" would call the longer story the cut.
func CopyOf(p reprint.Pair) string {
	if TakesIn(p) {
		return "takes in most of"
	}
	return "is " + RelationPhrase(p.Relation) + " of"
}

// TakesIn reports whether derived pair p is an excerpt whose contained
// side, the one with half or more of its wording in the other and more of
// it than the other has, is its original.
func TakesIn(p reprint.Pair) bool {
	if p.Relation != reprint.Excerpt || (p.Original != p.A && p.Original != p.B) || p.A == p.B {
		return false
	}
	orig, copied := p.ContainAB, p.ContainBA
	if p.Original == p.B {
		orig, copied = copied, orig
	}
	return orig >= 0.5 && orig > copied
}

// RelationPhrase is RelationLabel after "a" or "an", as a sentence says
// it: "an edited copy", "a machine rewrite".
func RelationPhrase(r reprint.Relation) string {
	label := RelationLabel(r)
	if strings.ContainsRune("aeiou", rune(label[0])) {
		return "an " + label
	}
	return "a " + label
}

func bar(x float64) htmlBar {
	pct := 0
	if !math.IsNaN(x) {
		pct = int(math.Round(min(max(x, 0), 1) * 100))
	}
	return htmlBar{Pct: pct, Text: percent(x)}
}

// placement is passage k placed at [as,ae) in A's text and [bs,be) in B's.
type placement struct{ k, as, ae, bs, be int }

// place fits the passages into the texts: offsets are clamped to the text
// and moved inward to rune boundaries, and a passage that is then empty
// or overlaps one placed before it on either side is left out (its index
// is returned in unplaced). Passages come longest first, so the longest
// win.
func place(ps []reprint.Passage, ta, tb string) (kept []placement, unplaced []int) {
	var ia, ib spans
	for k, p := range ps {
		as, ae := clampSpan(ta, p.AStart, p.AEnd)
		bs, be := clampSpan(tb, p.BStart, p.BEnd)
		if as >= ae || bs >= be || ia.overlaps(as, ae) || ib.overlaps(bs, be) {
			unplaced = append(unplaced, k)
			continue
		}
		ia.insert(as, ae)
		ib.insert(bs, be)
		kept = append(kept, placement{k, as, ae, bs, be})
	}
	return kept, unplaced
}

// clampSpan clamps [s,e) to text and moves both ends inward to the start
// of a rune. The result is empty (s >= e) if nothing is left.
func clampSpan(text string, s, e int) (int, int) {
	n := len(text)
	s, e = min(max(s, 0), n), min(max(e, 0), n)
	for s < e && !utf8.RuneStart(text[s]) {
		s++
	}
	for e > s && e < n && !utf8.RuneStart(text[e]) {
		e--
	}
	return s, e
}

// spans is a sorted list of disjoint half-open byte ranges.
type spans []struct{ s, e int }

func (sp spans) search(s int) int {
	return sort.Search(len(sp), func(i int) bool { return sp[i].s >= s })
}

func (sp spans) overlaps(s, e int) bool {
	j := sp.search(s)
	return (j < len(sp) && sp[j].s < e) || (j > 0 && sp[j-1].e > s)
}

func (sp *spans) insert(s, e int) {
	*sp = slices.Insert(*sp, sp.search(s), struct{ s, e int }{s, e})
}

// markSpan is a highlight over [s,e) of a text.
type markSpan struct {
	s, e int
	m    *htmlMark
}

// segments cuts text at the sorted, disjoint marks. A stretch between
// marks longer than elideOver bytes keeps elideKeep bytes at each end and
// tells how many words it leaves out: a text that holds many others (a
// digest, a live blog) is shown in every pair it is in, and the page would
// otherwise grow with pairs times its length.
func segments(text string, marks []markSpan) []htmlSeg {
	segs := make([]htmlSeg, 0, 2*len(marks)+1)
	plain := func(s string) {
		if len(s) <= elideOver {
			segs = append(segs, htmlSeg{Text: s})
			return
		}
		head, tail := cutAtSpace(s, elideKeep, true), cutAtSpace(s, len(s)-elideKeep, false)
		words, in := 0, false // as len(strings.Fields), without the slice
		for _, r := range s[head:tail] {
			sp := unicode.IsSpace(r)
			if !sp && !in {
				words++
			}
			in = !sp
		}
		segs = append(segs, htmlSeg{Text: s[:head]},
			htmlSeg{Elided: fmt.Sprintf(" … %s not in this pair … ", plural(words, "word"))},
			htmlSeg{Text: s[tail:]})
	}
	pos := 0
	for _, m := range marks {
		if m.s > pos {
			plain(text[pos:m.s])
		}
		segs = append(segs, htmlSeg{M: m.m})
		pos = m.e
	}
	if pos < len(text) {
		plain(text[pos:])
	}
	return segs
}

// elideOver is the length of unshared text (some 500 words) past which
// a side-by-side view leaves out its middle, and elideKeep how much it
// keeps at each end.
const (
	elideOver = 3000
	elideKeep = 400
)

// cutAtSpace returns a cut in s near i: after i at the next white space
// when forward (the end of a head), before it at the previous one when not
// (the start of a tail), or at i moved to a rune boundary when there is no
// white space within 100 bytes.
func cutAtSpace(s string, i int, forward bool) int {
	i = min(max(i, 0), len(s))
	for k := 0; k < 100; k++ {
		j := i + k
		if !forward {
			j = i - k
		}
		if j <= 0 || j >= len(s) {
			break
		}
		if s[j] == ' ' || s[j] == '\n' {
			return j
		}
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// token is a word of a passage at [s,e), compared by key.
type token struct {
	s, e int
	key  string
}

// tokenize splits text into words at white space. A word's key is the
// word lowercased without surrounding punctuation, so that "Week," and
// "week" compare equal.
func tokenize(text string) []token {
	var ts []token
	start := -1
	add := func(end int) {
		w := text[start:end]
		key := strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if key == "" {
			key = w
		}
		ts = append(ts, token{start, end, strings.ToLower(key)})
	}
	for i, r := range text {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				add(i)
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		add(len(text))
	}
	return ts
}

// hunk is a run of words a[a0:a1] replaced by b[b0:b1] (either may be
// empty).
type hunk struct{ a0, a1, b0, b1 int }

// diffWords returns the hunks of a longest-common-subsequence word diff
// of a and b, or nil if they are the same or too long to diff.
func (h *htmlWriter) diffWords(a, b []token) []hunk {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre].key == b[pre].key {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf].key == b[len(b)-1-suf].key {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(am), len(bm)
	switch {
	case n == 0 && m == 0:
		return nil
	case n == 0 || m == 0:
		return []hunk{{pre, pre + n, pre, pre + m}}
	case n > maxDiffCells/m:
		return nil
	}
	// dp[i*w+j] is the length of the LCS of am[i:] and bm[j:].
	w := m + 1
	size := (n + 1) * w
	if cap(h.lcs) < size {
		h.lcs = make([]int32, size)
	}
	dp := h.lcs[:size]
	clear(dp[n*w:])
	for i := n - 1; i >= 0; i-- {
		dp[i*w+m] = 0
		for j := m - 1; j >= 0; j-- {
			if am[i].key == bm[j].key {
				dp[i*w+j] = dp[(i+1)*w+j+1] + 1
			} else {
				dp[i*w+j] = max(dp[(i+1)*w+j], dp[i*w+j+1])
			}
		}
	}
	var hs []hunk
	i, j, hi, hj := 0, 0, 0, 0
	for i < n && j < m {
		switch {
		case am[i].key == bm[j].key:
			if hi < i || hj < j {
				hs = append(hs, hunk{pre + hi, pre + i, pre + hj, pre + j})
			}
			i, j = i+1, j+1
			hi, hj = i, j
		case dp[(i+1)*w+j] >= dp[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	if hi < n || hj < m {
		hs = append(hs, hunk{pre + hi, pre + n, pre + hj, pre + m})
	}
	return hs
}

// diffParts cuts passage texts ta (A side) and tb (B side) into parts,
// marking the words found on one side only.
func (h *htmlWriter) diffParts(ta, tb string) (pa, pb []htmlPart) {
	a, b := tokenize(ta), tokenize(tb)
	hs := h.diffWords(a, b)
	if len(hs) == 0 {
		return []htmlPart{{Text: ta}}, []htmlPart{{Text: tb}}
	}
	posA, posB := 0, 0
	for _, x := range hs {
		wa, wb := joinWords(ta, a[x.a0:x.a1]), joinWords(tb, b[x.b0:x.b1])
		if x.a1 > x.a0 {
			s, e := a[x.a0].s, a[x.a1-1].e
			pa = appendPlain(pa, ta[posA:s])
			pa = append(pa, htmlPart{Text: ta[s:e], Title: counterpart("B", wb), Del: true})
			posA = e
		}
		if x.b1 > x.b0 {
			s, e := b[x.b0].s, b[x.b1-1].e
			pb = appendPlain(pb, tb[posB:s])
			pb = append(pb, htmlPart{Text: tb[s:e], Title: counterpart("A", wa), Ins: true})
			posB = e
		}
	}
	return appendPlain(pa, ta[posA:]), appendPlain(pb, tb[posB:])
}

func appendPlain(parts []htmlPart, s string) []htmlPart {
	if s == "" {
		return parts
	}
	return append(parts, htmlPart{Text: s})
}

func joinWords(text string, ts []token) string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = text[t.s:t.e]
	}
	return strings.Join(words, " ")
}

// counterpart is the title of changed words: what the other side has
// instead.
func counterpart(side, words string) string {
	if words == "" {
		return "not in " + side
	}
	return side + " has: " + truncate(words, maxTitle)
}
