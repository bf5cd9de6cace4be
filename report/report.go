package report

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/reprint-dev/reprint"
)

// Format is an output format.
type Format string

// Formats.
const (
	Text  Format = "text"  // plain report for people
	JSON  Format = "json"  // one JSON object, see the package doc
	JSONL Format = "jsonl" // one JSON object per pair and cluster, then a summary
	CSV   Format = "csv"   // one row per pair
	HTML  Format = "html"  // one self-contained page for people, see the package doc
)

// formats lists the valid formats, in the order error messages show them.
var formats = []Format{Text, JSON, JSONL, CSV, HTML}

// ParseFormat returns the format named s, ignoring case and surrounding
// space.
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, f := range formats {
		if name == string(f) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown report format %q (valid: %s)", s, validFormats())
}

func validFormats() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// Options configure Write. The zero value means the defaults.
type Options struct {
	// MaxPassages is the number of evidence excerpts shown per pair in
	// text output. 0 → 2; negative shows none.
	MaxPassages int
	// Width is the column at which text output wraps. 0 → 80.
	Width int
	// Texts are the document texts, indexed like Result.Documents, which
	// the HTML report shows side by side with the passages highlighted
	// (a Result does not hold them), and from which the HTML and text
	// reports take an article's headline (its first line, when it reads as
	// one). nil, or a missing or empty entry, shows the passages' own text
	// instead. JSON, JSONL and CSV ignore it.
	Texts []string
	// Text, where Texts has no entry for document i, returns its text.
	// The text report reads what it shows of texts (a cluster original's
	// headline, the other side of each passage it quotes) this way, one
	// document at a time, so that a large scan's report need not hold
	// them. nil: none. An error from it stops Write and is returned.
	Text func(i int) (string, error)
	// MaxHTMLPairs is the number of pairs, in result order, whose texts
	// and passages the HTML report includes; later pairs keep their
	// scores and a link, so that a huge report stays usable.
	// 0 → 2000; negative includes none.
	MaxHTMLPairs int
	// Check says the result is a check's (its last Summary.Documents
	// documents the articles checked, the others indexed articles
	// shown): the text and HTML reports count them apart, "1 article
	// checked, 0 indexed articles shown", also when no indexed article
	// matched. Without it a result listing more documents than its
	// summary counts is taken for a check's.
	Check bool
}

func (o Options) withDefaults() Options {
	if o.MaxPassages == 0 {
		o.MaxPassages = 2
	}
	if o.MaxPassages < 0 {
		o.MaxPassages = 0
	}
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.MaxHTMLPairs == 0 {
		o.MaxHTMLPairs = 2000
	}
	if o.MaxHTMLPairs < 0 {
		o.MaxHTMLPairs = 0
	}
	return o
}

// Write writes res to w in format f. It rejects a result whose pairs or
// clusters refer to documents it does not hold, before writing anything.
func Write(w io.Writer, res *reprint.Result, f Format, o Options) error {
	if res == nil {
		return errors.New("report: nil result")
	}
	if err := check(res); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	var err error
	switch f {
	case Text:
		err = writeText(w, res, o.withDefaults())
	case JSON:
		err = writeJSON(w, res)
	case JSONL:
		err = writeJSONL(w, res)
	case CSV:
		err = writeCSV(w, res)
	case HTML:
		err = writeHTML(w, res, o.withDefaults())
	default:
		return fmt.Errorf("report: unknown format %q (valid: %s)", string(f), validFormats())
	}
	if err != nil {
		return fmt.Errorf("report: write %s: %w", f, err)
	}
	return nil
}

// check reports the first document index in res that is out of range.
func check(res *reprint.Result) error {
	n := len(res.Documents)
	bad := func(i int) bool { return i < 0 || i >= n }
	for i, p := range res.Pairs {
		for _, d := range [...]int{p.A, p.B, p.Original} {
			if bad(d) {
				return fmt.Errorf("pair %d: document index %d out of range (%s)", i, d, plural(n, "document"))
			}
		}
		// Checked before anything is written: JSON has no NaN, and a
		// report is written element by element.
		for _, x := range [...]float64{p.Score, p.Jaccard, p.ContainAB, p.ContainBA} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("pair %d: score or measure %v is not a number", i, x)
			}
		}
	}
	for i, c := range res.Clusters {
		if bad(c.Original) {
			return fmt.Errorf("cluster %d: document index %d out of range (%s)", i, c.Original, plural(n, "document"))
		}
		for _, d := range c.Members {
			if bad(d) {
				return fmt.Errorf("cluster %d: document index %d out of range (%s)", i, d, plural(n, "document"))
			}
		}
	}
	return nil
}

// plural returns n and noun, with an s for any count but one: "1 pair",
// "0 pairs". noun must take a plain s in the plural.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// docID returns the ID of document i, or "" if there is none.
func docID(res *reprint.Result, i int) string {
	if i < 0 || i >= len(res.Documents) {
		return ""
	}
	return res.Documents[i].ID
}

// counts sums up res for a report's first line: "5 documents, 2 pairs,
// 1 cluster (0 skipped, 0 failed)". A check's result lists more documents
// than it read (the indexed articles with a match); it says "2 articles
// checked, 3 indexed articles shown" for its documents, as its summary
// counts them.
func counts(res *reprint.Result, o Options) string {
	s := res.Summary
	docs := plural(len(res.Documents), "document")
	if checked, indexed, ok := checkCounts(res, o); ok {
		docs = fmt.Sprintf("%s checked, %s shown", plural(checked, "article"), plural(indexed, "indexed article"))
	}
	return fmt.Sprintf("%s, %s, %s (%d skipped, %d failed)", docs, plural(len(res.Pairs), "pair"), plural(len(res.Clusters), "cluster"), s.Skipped, s.Failed)
}

// checkCounts returns, for a check's result (one whose summary counts
// fewer documents than it lists: the queries, not the indexed articles
// shown with them), the articles checked and the indexed ones shown.
func checkCounts(res *reprint.Result, o Options) (checked, indexed int, ok bool) {
	n, s := len(res.Documents), res.Summary.Documents
	if s > 0 && s < n || o.Check && s <= n {
		return s, n - s, true
	}
	return 0, 0, false
}

// WeakCall reports whether only length or input order named an original
// (an OriginalBy code): the HTML report and serve's verdicts mark such
// calls.
func WeakCall(by string) bool { return by == reprint.ByLonger || by == reprint.ByOrder }

// pairClusters returns, for each pair of res, the 1-based number of the
// first cluster holding both its documents, 0 if none. Clusters may share
// members: a check reports each query's family, and two queries can take
// from one indexed article.
func pairClusters(res *reprint.Result) []int {
	of := make([][]int, len(res.Documents)) // document -> its clusters, ascending
	for i, c := range res.Clusters {
		for _, m := range c.Members {
			of[m] = append(of[m], i+1)
		}
	}
	out := make([]int, len(res.Pairs))
	for i, p := range res.Pairs {
		for _, c := range of[p.A] {
			if slices.Contains(of[p.B], c) {
				out[i] = c
				break
			}
		}
	}
	return out
}
