package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/report"
)

// checkOptions are the flags of check.
type checkOptions struct {
	index         indexOptions
	MaxCandidates int
	scanOptions
}

const checkSummary = `
Check compares each article named by PATH with an index made by "reprint
index add" and reports, as scan does, which indexed articles it copies,
excerpts or rewrites, and which indexed articles copy, excerpt or rewrite
it, with scores, the matching passages and the likely original.

PATHs are read as by scan: folders, plain text, HTML, JSON Lines, WARC
files or "-" for standard input. Query articles are compared with the
index, not with each other. An indexed article with the same ID as a query
is the query itself and is not compared. When nothing else decides which
side is the original, the indexed article, which was there first, is.

The detection flags must give the index's fingerprint and LSH parameters;
verification flags (min-score, min-passage, same-story) may differ.
`

func newCheckCommand(stderr io.Writer) (*command, *checkOptions) {
	c := newCommand("check", "reprint check --index FILE [flags] PATH...", checkSummary, stderr)
	o := &checkOptions{scanOptions: scanOptions{output: outputOptions{
		formats:    []report.Format{report.Text, report.JSON, report.JSONL, report.CSV, report.HTML},
		autoFormat: true,
	}}}
	c.group("Index", func(fs *pflag.FlagSet) {
		o.index.AddFlags(fs)
		fs.IntVar(&o.MaxCandidates, "max-candidates", 100, "verify at most `N` indexed articles per query, those sharing the most LSH keys (0 = all)")
		o.index.addQueryFlags(fs, 1)
	})
	o.scanOptions.AddFlags(c)
	return c, o
}

// runCheck runs "reprint check".
func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, o := newCheckCommand(stderr)
	paths, err := c.parse(args)
	if err != nil {
		return err
	}
	if c.help {
		c.writeHelp(stdout)
		return nil
	}
	switch {
	case o.index.Path == "":
		return usageErrorf("check: --index FILE is required")
	case len(paths) == 0:
		return usageErrorf("check: no PATH given")
	case o.MaxCandidates < 0:
		return usageErrorf("check: --max-candidates must not be negative, got %d", o.MaxCandidates)
	}
	format, err := o.prepare(stdout)
	if err != nil {
		return err
	}
	opts := o.detect.Options()
	det, err := reprint.New(opts)
	if err != nil {
		return &usageError{err}
	}
	ix, err := o.index.open("check", det.Params(), true)
	if err != nil {
		return err
	}
	defer ix.Close()
	docs, errs, warnings, err := load(paths, stdin, stderr, &o.input, o.output.Quiet)
	if err != nil {
		return err
	}
	b := newBar(stderr, o.output.Quiet, o.output.NoProgress)
	opts.Progress = b
	res, texts, err := checkDocs(ctx, ix, docs, opts, o.MaxCandidates)
	b.Finish()
	if err != nil {
		return err
	}
	res.Errors = errs
	res.Warnings = warnings
	res.Summary.Skipped = len(errs)
	err = writeReport(stdout, o.output.Output, func(w io.Writer) error {
		return report.Write(w, res, format, report.Options{Texts: texts})
	})
	if err != nil {
		return err
	}
	return o.output.failOnMatch(res)
}

// checkDocs compares each query with its candidates in ix and returns the
// result and the texts of its documents. The result's documents are the
// indexed articles that take part in a pair, in index order, then the
// queries in input order: on a tie the indexed article is the original.
func checkDocs(ctx context.Context, ix *index.Index, queries []reprint.Document, opts reprint.Options, limit int) (*reprint.Result, []string, error) {
	progress := opts.Progress
	if progress != nil {
		progress.Stage("fingerprint", len(queries))
		opts.Progress = nil
	}
	f := newFingerprinter(opts)
	qfps, qkeys := f.all(queries)
	if progress != nil {
		progress.Add(len(queries))
		progress.Stage("lookup", len(queries))
	}
	isQuery := make(map[string]bool, len(queries))
	for _, q := range queries {
		isQuery[q.ID] = true
	}
	// Candidates of each query, looked up on all cores.
	found := make([][]string, len(queries))
	lookupErrs := make([]error, len(queries))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range len(f.dets) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(queries) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				found[i], lookupErrs[i] = ix.Candidates(qkeys[i], limitPlus(limit, isQuery))
				if progress != nil {
					progress.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := errors.Join(lookupErrs...); err != nil {
		return nil, nil, &inputError{err}
	}
	// Their union, in order of first sight.
	slot := map[string]int{}
	var ids []string
	perQuery := make([][]int, len(queries))
	for i, cands := range found {
		n := 0
		for _, id := range cands {
			if isQuery[id] {
				continue
			}
			if limit > 0 && n == limit {
				break
			}
			n++
			s, ok := slot[id]
			if !ok {
				s = len(ids)
				slot[id] = s
				ids = append(ids, id)
			}
			perQuery[i] = append(perQuery[i], s)
		}
	}
	fps, texts, err := ix.Get(ids)
	if err != nil {
		return nil, nil, &inputError{err}
	}
	nc := len(fps)
	all := append(fps, qfps...)
	for _, q := range queries {
		texts = append(texts, q.Text)
	}
	var pairs [][2]int
	for i, cs := range perQuery {
		for _, s := range cs {
			pairs = append(pairs, [2]int{s, nc + i})
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	opts.Progress = progress
	det, err := reprint.New(opts)
	if err != nil {
		return nil, nil, &usageError{err}
	}
	res, err := det.Resolve(ctx, all, texts, pairs)
	if err != nil {
		return nil, nil, fmt.Errorf("check: %w", err)
	}
	keep := make([]bool, len(all))
	for i := nc; i < len(all); i++ {
		keep[i] = true
	}
	for _, p := range res.Pairs {
		keep[p.A], keep[p.B] = true, true
	}
	return prune(res, texts, keep), pruneTexts(texts, keep), nil
}

// limitPlus returns the candidate limit to ask the index for, leaving room
// for the queries themselves, which are dropped.
func limitPlus(limit int, queries map[string]bool) int {
	if limit == 0 {
		return 0
	}
	return limit + len(queries)
}

// prune keeps the documents marked in keep and renumbers the pairs and
// clusters, which refer only to kept documents. The order is kept, so that
// A < B still holds.
func prune(res *reprint.Result, texts []string, keep []bool) *reprint.Result {
	newIdx := make([]int, len(keep))
	var docs []reprint.DocInfo
	for i, k := range keep {
		newIdx[i] = -1
		if k {
			newIdx[i] = len(docs)
			d := res.Documents[i]
			d.Index = len(docs)
			docs = append(docs, d)
		}
	}
	res.Documents = docs
	for i := range res.Pairs {
		p := &res.Pairs[i]
		p.A, p.B, p.Original = newIdx[p.A], newIdx[p.B], newIdx[p.Original]
	}
	for i := range res.Clusters {
		c := &res.Clusters[i]
		for j, m := range c.Members {
			c.Members[j] = newIdx[m]
		}
		c.Original = newIdx[c.Original]
	}
	res.Summary.Documents = len(docs)
	return res
}

func pruneTexts(texts []string, keep []bool) []string {
	var out []string
	for i, k := range keep {
		if k {
			out = append(out, texts[i])
		}
	}
	return out
}
