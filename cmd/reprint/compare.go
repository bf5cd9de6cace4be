package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/report"
)

const compareSummary = `
Compare reads exactly two articles, A and B (files, or "-" for standard
input), and reports in detail how they are related: the relation, scores,
every matching passage and which one is likely the original. Pairs that only
tell the same story are reported too (--same-story is always on). If neither
derives from the other, the text output says so.
`

func newCompareCommand(stderr io.Writer) (*command, *scanOptions) {
	c := newCommand("compare", "reprint compare [flags] A B", compareSummary, stderr)
	o := &scanOptions{output: outputOptions{
		formats:    []report.Format{report.Text, report.JSON, report.JSONL, report.CSV, report.HTML},
		autoFormat: true,
	}}
	o.AddFlags(c)
	return c, o
}

// runCompare runs "reprint compare".
func runCompare(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, o := newCompareCommand(stderr)
	paths, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	if len(paths) != 2 {
		return usageErrorf("compare: want exactly two documents A and B, got %s", plural(len(paths), "argument", "arguments"))
	}
	if sameFile(paths[0], paths[1]) {
		return usageErrorf("compare: %s and %s are the same file: give two articles", paths[0], paths[1])
	}
	o.detect.SameStory = true
	format, err := o.prepare(stdout, paths...)
	if err != nil {
		return err
	}
	// Each path is read on its own, so that two versions of one article
	// kept under one ID (story-1 in a.jsonl and in b.jsonl) can be
	// compared: they are then named by where they were read.
	var docs []reprint.Document
	var errs []reprint.InputError
	var warnings []string
	for _, p := range paths {
		d, e, w, err := load([]string{p}, stdin, stderr, &o.input, o.output.Quiet)
		if err != nil {
			return err
		}
		docs, errs, warnings = append(docs, d...), append(errs, e...), append(warnings, w...)
	}
	if len(docs) == 2 && docs[0].ID == docs[1].ID && docs[0].Source != docs[1].Source {
		docs[0].ID, docs[1].ID = docs[0].Source, docs[1].Source
	}
	if len(docs) != 2 {
		return inputErrorf("compare: want exactly two documents, read %d from %s and %s", len(docs), paths[0], paths[1])
	}
	res, err := detect(ctx, docs, errs, warnings, stderr, o.detect.Options(), &o.output)
	if err != nil {
		return err
	}
	err = writeReport(stdout, o.output.Output, func(w io.Writer) error {
		if err := report.Write(w, res, format, report.Options{MaxPassages: math.MaxInt32, Texts: texts(docs)}); err != nil {
			return err
		}
		if format == report.Text && !hasDerived(res) {
			_, err := fmt.Fprintf(w, "\nno derivation found between %s and %s\n", docs[0].ID, docs[1].ID)
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	return o.output.failOnMatch(res)
}

// sameFile reports whether paths a and b name one file (x and ./x, or
// two links to it), which would be read as one document twice.
func sameFile(a, b string) bool {
	if a == "-" || b == "-" {
		return false
	}
	fa, err := os.Stat(a)
	if err != nil || !fa.Mode().IsRegular() {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// hasDerived reports whether res holds a derived pair.
func hasDerived(res *reprint.Result) bool {
	for _, p := range res.Pairs {
		if p.Relation.Derived() {
			return true
		}
	}
	return false
}
