package main

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/report"
	"github.com/reprint-dev/reprint/search"
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
index, not with each other, and each on its own: what is reported for one
does not depend on the others checked with it. Each query's family is a
cluster of its own, so two clusters can hold one indexed article. An
indexed article with the same ID as a query is the query itself: it is
not compared with it, and another query that takes from it is linked to
the query (or, if their texts differ, to neither). When nothing else decides which side is the original, the
indexed article, which was there first, is.

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
	paths, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	switch {
	case o.index.Path == "":
		return usageErrorf("check: --index FILE is required")
	case len(paths) == 0:
		return usageErrorf("check: no PATH given")
	case o.MaxCandidates < 0:
		return usageErrorf("check: --max-candidates must not be negative, got %d", o.MaxCandidates)
	}
	format, err := o.prepare(stdout, append([]string{o.index.Path}, paths...)...)
	if err != nil {
		return err
	}
	opts := o.detect.Options()
	det, err := reprint.New(opts)
	if err != nil {
		return &usageError{err}
	}
	ix, err := o.index.open("check", det.Params(), true, stderr, true) // its warnings come with the result
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
	res.SetInputErrors(errs)
	res.Warnings = detectorWarnings(stderr, o.output.Quiet, warnings, res.Warnings)
	err = writeReport(stdout, o.output.Output, func(w io.Writer) error {
		return report.Write(w, res, format, report.Options{Texts: texts, Check: true})
	})
	if err != nil {
		return err
	}
	return o.output.failOnMatch(res)
}

// checkDocs compares each query with its candidates in ix (search.Searcher
// Check) and returns the result and the texts of its documents, with the
// errors mapped to exit codes: an unreadable index is an input error.
func checkDocs(ctx context.Context, ix *index.Index, queries []reprint.Document, opts reprint.Options, limit int) (*reprint.Result, []string, error) {
	det, err := reprint.New(opts)
	if err != nil {
		return nil, nil, &usageError{err}
	}
	res, texts, err := search.New(ix, det, search.Options{MaxCandidates: limit}).Check(ctx, queries)
	var ie *search.IndexError
	if errors.As(err, &ie) {
		return nil, nil, &inputError{err}
	}
	return res, texts, err
}
