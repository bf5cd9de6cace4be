package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"time"

	"github.com/reprint-dev/reprint"
)

// JSONReport is the JSON output, field for field (see the package doc).
// Programs that read reports can decode into it.
type JSONReport struct {
	Documents []JSONDocument `json:"documents"`
	Pairs     []JSONPair     `json:"pairs"`
	Clusters  []JSONCluster  `json:"clusters"`
	Params    reprint.Params `json:"params"`
	Summary   JSONSummary    `json:"summary"`
	Errors    []JSONError    `json:"errors"`
	Warnings  []string       `json:"warnings"`
}

// JSONDocument is an analysed input document.
type JSONDocument struct {
	ID     string `json:"id"`
	Source string `json:"source"` // "path" or "path:line"
	Words  int    `json:"words"`
	// URL, Outlet and Published are what the input said of the article
	// (JSONL "url", "source", "published"; a page's metadata), left out
	// when it said nothing.
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339, UTC
}

// jsonDocument is d as the JSON report gives it.
func jsonDocument(d reprint.DocInfo) JSONDocument {
	j := JSONDocument{ID: d.ID, Source: d.Source, Words: d.Words, URL: d.URL, Outlet: d.Outlet}
	if !d.Published.IsZero() {
		j.Published = d.Published.UTC().Format(time.RFC3339)
	}
	return j
}

// JSONPair is a link between documents A and B, named by ID.
type JSONPair struct {
	A        string           `json:"a"`
	B        string           `json:"b"`
	Relation reprint.Relation `json:"relation"`
	Original string           `json:"original"` // A or B
	Reason   string           `json:"reason"`   // why Original was chosen
	// OriginalBy names what decided Original (reprint.ByPublished, ...).
	OriginalBy string  `json:"original_by"`
	Score      float64 `json:"score"` // in [0,1]
	Jaccard    float64 `json:"jaccard"`
	// ContainAB is the share of A's shingles found in B; ContainBA the
	// reverse.
	ContainAB float64       `json:"containment_ab"`
	ContainBA float64       `json:"containment_ba"`
	Passages  []JSONPassage `json:"passages"` // longest first
}

// JSONPassage is a matching passage: half-open byte offsets into A's and
// B's text, and A's text of it.
type JSONPassage struct {
	AStart int    `json:"a_start"`
	AEnd   int    `json:"a_end"`
	BStart int    `json:"b_start"`
	BEnd   int    `json:"b_end"`
	Text   string `json:"text"`
}

// JSONCluster is a family of documents derived from Original.
type JSONCluster struct {
	Members  []string `json:"members"` // IDs, Original among them
	Original string   `json:"original"`
	Reason   string   `json:"reason"`
	// OriginalBy names what decided Original (reprint.ByPublished, ...,
	// reprint.ByLinks).
	OriginalBy string `json:"original_by"`
	// Parents names, for each member but Original, the member it derives
	// from in the family (its link to its source: the family's tree),
	// by ID; empty when not known.
	Parents map[string]string `json:"parents"`
}

// JSONSummary counts what happened to the input.
type JSONSummary struct {
	// Documents counts the articles read: for a check, the queries, not
	// the indexed articles the report also lists.
	Documents int `json:"documents"`
	Skipped   int `json:"skipped"`
	Failed    int `json:"failed"`
	Pairs     int `json:"pairs"`
	Clusters  int `json:"clusters"`
}

// JSONError is an input that could not be read.
type JSONError struct {
	Source string `json:"source"` // "path" or "path:line"
	Error  string `json:"error"`
}

// Build returns the JSON report of res: document indices replaced by IDs,
// scores rounded to 4 decimals, empty lists non-nil. An index out of range
// yields an empty ID; Write rejects such results. A nil res gives the
// empty report.
func Build(res *reprint.Result) JSONReport {
	if res == nil {
		res = &reprint.Result{} // an empty report, as Write refuses nil
	}
	r := JSONReport{
		Documents: make([]JSONDocument, 0, len(res.Documents)),
		Pairs:     make([]JSONPair, 0, len(res.Pairs)),
		Clusters:  make([]JSONCluster, 0, len(res.Clusters)),
		Params:    res.Params,
		Summary:   JSONSummary(res.Summary),
		Errors:    make([]JSONError, 0, len(res.Errors)),
		Warnings:  make([]string, 0, len(res.Warnings)),
	}
	for _, d := range res.Documents {
		r.Documents = append(r.Documents, jsonDocument(d))
	}
	for _, p := range res.Pairs {
		r.Pairs = append(r.Pairs, buildPair(res, p))
	}
	for _, c := range res.Clusters {
		r.Clusters = append(r.Clusters, buildCluster(res, c))
	}
	for _, e := range res.Errors {
		r.Errors = append(r.Errors, JSONError{Source: e.Source, Error: e.Err})
	}
	r.Warnings = append(r.Warnings, res.Warnings...)
	return r
}

func buildPair(res *reprint.Result, p reprint.Pair) JSONPair {
	jp := JSONPair{
		A:          docID(res, p.A),
		B:          docID(res, p.B),
		Relation:   p.Relation,
		Original:   docID(res, p.Original),
		Reason:     p.Reason,
		OriginalBy: p.OriginalBy,
		Score:      round4(p.Score),
		Jaccard:    round4(p.Jaccard),
		ContainAB:  round4(p.ContainAB),
		ContainBA:  round4(p.ContainBA),
		Passages:   make([]JSONPassage, len(p.Passages)),
	}
	for i, ps := range p.Passages {
		jp.Passages[i] = JSONPassage(ps)
	}
	return jp
}

func buildCluster(res *reprint.Result, c reprint.Cluster) JSONCluster {
	jc := JSONCluster{
		Members:    make([]string, len(c.Members)),
		Original:   docID(res, c.Original),
		Reason:     c.Reason,
		OriginalBy: c.OriginalBy,
		Parents:    map[string]string{},
	}
	for i, m := range c.Members {
		jc.Members[i] = docID(res, m)
		if len(c.Parents) == len(c.Members) && c.Parents[i] >= 0 && c.Parents[i] < len(res.Documents) {
			jc.Parents[jc.Members[i]] = docID(res, c.Parents[i])
		}
	}
	return jc
}

// round4 rounds x to 4 decimals, so that output does not carry float noise.
// NaN and infinities are left for the encoder to reject.
func round4(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1e15 {
		return x // nothing to round (and x*1e4 could overflow)
	}
	r := math.Round(x*1e4) / 1e4
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // article text is full of & and quotes; keep it readable
	return enc
}

// writeJSON writes Build(res) as one indented JSON object, as
// json.Encoder with two-space indents would, but element by element: a
// report of a large corpus runs to tens of megabytes, and encoding it whole
// held it in memory three times over.
func writeJSON(w io.Writer, res *reprint.Result) error {
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	// value writes v indented as a member at depth 1 (prefix "  ") or as an
	// array element at depth 2 (prefix "    ").
	value := func(prefix string, v any) error {
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	array := func(name string, n int, elem func(i int) any, last bool) error {
		fmt.Fprintf(bw, "  %q: [", name)
		for i := 0; i < n; i++ {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			if err := value("    ", elem(i)); err != nil {
				return err
			}
		}
		if n > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteString("]")
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		return nil
	}
	bw.WriteString("{\n")
	if err := array("documents", len(res.Documents), func(i int) any {
		return jsonDocument(res.Documents[i])
	}, false); err != nil {
		return err
	}
	// Pairs are most of a large report: encoded on all cores.
	bw.WriteString(`  "pairs": [`)
	err := encodeInOrder(len(res.Pairs), "    ", func(buf *bytes.Buffer, _ *json.Encoder, i int) error {
		_, err := buf.Write(appendPair(buf.AvailableBuffer(), buildPair(res, res.Pairs[i]), "    "))
		return err
	}, func(i int, b []byte) error {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		_, err := bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if len(res.Pairs) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	if err := array("clusters", len(res.Clusters), func(i int) any { return buildCluster(res, res.Clusters[i]) }, false); err != nil {
		return err
	}
	bw.WriteString(`  "params": `)
	if err := value("  ", res.Params); err != nil {
		return err
	}
	bw.WriteString(",\n" + `  "summary": `)
	if err := value("  ", JSONSummary(res.Summary)); err != nil {
		return err
	}
	bw.WriteString(",\n")
	if err := array("errors", len(res.Errors), func(i int) any {
		return JSONError{Source: res.Errors[i].Source, Error: res.Errors[i].Err}
	}, false); err != nil {
		return err
	}
	if err := array("warnings", len(res.Warnings), func(i int) any { return res.Warnings[i] }, true); err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// encodeInOrder encodes items 0..n-1 (encode, into buf directly or with
// enc, an encoder into buf indenting by prefix, or not at all for "") on
// all cores, a batch at a time, and
// hands each encoding to write in order: the output does not depend on the
// number of cores.
func encodeInOrder(n int, prefix string, encode func(buf *bytes.Buffer, enc *json.Encoder, i int) error, write func(i int, b []byte) error) error {
	const batch = 512
	workers := runtime.GOMAXPROCS(0)
	bufs := make([]bytes.Buffer, min(batch, n))
	for lo := 0; lo < n; lo += batch {
		hi := min(lo+batch, n)
		errs := make([]error, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := lo + w; i < hi; i += workers {
					b := &bufs[i-lo]
					b.Reset()
					enc := newEncoder(b)
					if prefix != "" {
						enc.SetIndent(prefix, "  ")
					}
					if err := encode(b, enc, i); err != nil {
						errs[w] = err
						return
					}
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		for i := lo; i < hi; i++ {
			if err := write(i, bufs[i-lo].Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}

// JSONL line shapes: the type tag first, then the JSON fields.
type (
	jsonlPair struct {
		Type string `json:"type"`
		JSONPair
	}
	jsonlCluster struct {
		Type string `json:"type"`
		JSONCluster
	}
	jsonlSummary struct {
		Type     string         `json:"type"`
		Summary  JSONSummary    `json:"summary"`
		Params   reprint.Params `json:"params"`
		Errors   []JSONError    `json:"errors"`
		Warnings []string       `json:"warnings"`
	}
)

func writeJSONL(w io.Writer, res *reprint.Result) error {
	bw := bufio.NewWriter(w)
	err := encodeInOrder(len(res.Pairs), "", func(_ *bytes.Buffer, enc *json.Encoder, i int) error {
		return enc.Encode(jsonlPair{"pair", buildPair(res, res.Pairs[i])})
	}, func(_ int, b []byte) error {
		_, err := bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	r := Build(&reprint.Result{Clusters: res.Clusters, Documents: res.Documents, Params: res.Params,
		Summary: res.Summary, Errors: res.Errors, Warnings: res.Warnings})
	enc := newEncoder(bw)
	for _, c := range r.Clusters {
		if err := enc.Encode(jsonlCluster{"cluster", c}); err != nil {
			return err
		}
	}
	err = enc.Encode(jsonlSummary{
		Type:     "summary",
		Summary:  r.Summary,
		Params:   r.Params,
		Errors:   r.Errors,
		Warnings: r.Warnings,
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
