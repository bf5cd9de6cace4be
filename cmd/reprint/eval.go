package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint/eval"
	"github.com/reprint-dev/reprint/report"
)

// evalOptions are the flags of eval.
type evalOptions struct {
	Docs   string
	Labels string
	scanOptions
}

// AddFlags adds the eval flags to fs.
func (o *evalOptions) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Docs, "docs", "", "the documents to scan: a JSONL `FILE` (or folder, or \"-\"); required")
	fs.StringVar(&o.Labels, "labels", "", "the labels: a JSONL `FILE` of {\"doc\",\"label\",\"sources\"} objects; required")
}

const evalSummary = `
Eval scans the documents in --docs with the given detection flags and
scores the result against the hand-made labels in --labels. It prints the
scores, not the scan: derived / not-derived precision, recall, F1 and
macro-F1 (METER-style labels wholly_derived, partially_derived and
non_derived), attribution of the original, and for machine_rewrite labels
the share of rewrites linked to a source and the share of wrong pairs.
`

func newEvalCommand(stderr io.Writer) (*command, *evalOptions) {
	c := newCommand("eval", "reprint eval --docs D --labels L [flags]", evalSummary, stderr)
	o := &evalOptions{scanOptions: scanOptions{output: outputOptions{
		formats: []report.Format{report.Text, report.JSON},
	}}}
	c.group("Evaluation", o.AddFlags)
	o.scanOptions.AddFlags(c)
	return c, o
}

// runEval runs "reprint eval".
func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, o := newEvalCommand(stderr)
	rest, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usageErrorf("eval: unexpected arguments %q (use --docs and --labels)", rest)
	case o.Docs == "":
		return usageErrorf("eval: --docs is required")
	case o.Labels == "":
		return usageErrorf("eval: --labels is required")
	case o.Docs == "-" && o.Labels == "-":
		return usageErrorf(`eval: --docs and --labels cannot both be standard input ("-")`)
	}
	format, err := o.prepare(stdout, o.Docs, o.Labels)
	if err != nil {
		return err
	}
	// Read the labels first: they are small, and a bad file should fail
	// before a long scan.
	labels, err := readLabels(o.Labels, stdin)
	if err != nil {
		return err
	}
	if !o.output.Quiet {
		warnUnknownLabels(stderr, o.Labels, labels)
	}
	res, err := scan(ctx, []string{o.Docs}, stdin, stderr, &o.detect, &o.input, &o.output)
	if err != nil {
		return err
	}
	rep := eval.Score(res, labels)
	return writeReport(stdout, o.output.Output, func(w io.Writer) error {
		if format == report.JSON {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		}
		return rep.WriteText(w)
	})
}

// readLabels reads the labels file at path ("-": stdin).
func readLabels(path string, stdin io.Reader) ([]eval.Label, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, &inputError{fmt.Errorf("labels: %w", err)}
		}
		defer f.Close()
		r = f
	} else if r == nil {
		return nil, inputErrorf("labels: standard input is not available")
	}
	labels, err := eval.ReadLabels(r, path)
	if err != nil {
		return nil, &inputError{fmt.Errorf("labels: %w", err)}
	}
	if len(labels) == 0 {
		return nil, &inputError{errors.New("labels: no labels in " + path)}
	}
	return labels, nil
}

// warnUnknownLabels warns of the labels Score does not score, by value:
// the first line of each, and how many there are, so that a misspelt
// label is not silently left out of the figures.
func warnUnknownLabels(stderr io.Writer, path string, labels []eval.Label) {
	type seen struct{ line, n int }
	unknown := map[string]*seen{}
	var order []string
	for _, l := range labels {
		if l.Known() {
			continue
		}
		if u := unknown[l.Label]; u != nil {
			u.n++
			continue
		}
		unknown[l.Label] = &seen{l.Line, 1}
		order = append(order, l.Label)
	}
	for _, v := range order {
		u := unknown[v]
		warning(stderr, fmt.Sprintf("%s:%d: label %q is not scored (%s; scored: %s, %s, %s, %s)",
			path, u.line, v, plural(u.n, "label", "labels"), eval.WhollyDerived, eval.PartiallyDerived, eval.NonDerived, eval.MachineRewrite))
	}
}
