package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/report"
)

// scanOptions are the flags of scan and compare.
type scanOptions struct {
	detect detectOptions
	input  inputOptions
	output outputOptions
}

// AddFlags adds every group of scan flags to c.
func (o *scanOptions) AddFlags(c *command) {
	c.group("Detection", o.detect.AddFlags)
	c.group("Input", o.input.AddFlags)
	c.group("Output", o.output.AddFlags)
	c.addHelp()
}

const scanSummary = `
Scan reads the articles named by each PATH and reports which are copies,
edited copies, excerpts, rewrites or machine rewrites of which, with scores,
the matching passages and the likely original.

A PATH is a folder (read recursively, skipping hidden names), a file, a
JSON Lines file (.jsonl or .ndjson, one {"id":...,"text":...} object per
line), a JSON file (.json: JSON Lines, an array of such objects, or
objects one after another), an HTML page (.html, .htm: its article body is
extracted), a web archive (.warc, .warc.gz: each HTML response is an
article) or "-" for standard input (JSON Lines if it starts with "{", JSON
if with a "{" alone on its line or a "[" of objects, HTML if with
"<!doctype html" or "<html", else one plain-text article; gunzipped first
if gzipped). Gzipped files are read as their
name without .gz says (x.jsonl.gz is JSON Lines); zip, tar, bzip2, xz and zstd archives must be
unpacked first. A plain-text file's ID is its path relative to the folder
argument it was found in. Text that is not valid UTF-8 is read as
Windows-1252 (Latin-1), with a warning.

Unreadable files and lines are skipped with a warning on standard error and
listed in the report's errors; --strict makes them fatal.
`

func newScanCommand(stderr io.Writer) (*command, *scanOptions) {
	c := newCommand("scan", "reprint scan [flags] PATH...", scanSummary, stderr)
	o := &scanOptions{output: outputOptions{
		formats:    []report.Format{report.Text, report.JSON, report.JSONL, report.CSV, report.HTML},
		autoFormat: true,
	}}
	o.AddFlags(c)
	return c, o
}

// runScan runs "reprint scan".
func runScan(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, o := newScanCommand(stderr)
	paths, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	if len(paths) == 0 {
		return usageErrorf("scan: no PATH given")
	}
	format, err := o.prepare(stdout, paths...)
	if err != nil {
		return err
	}
	res, text, closeSpool, err := scanStream(ctx, paths, stdin, stderr, o)
	if err != nil {
		return err
	}
	defer closeSpool()
	var ropts report.Options
	switch format {
	case report.HTML:
		if ropts.Texts, err = pairTexts(res, text); err != nil {
			return err
		}
	case report.Text: // headlines and the other side of passages, read as shown
		ropts.Text = text
	}
	err = writeReport(stdout, o.output.Output, func(w io.Writer) error {
		return report.Write(w, res, format, ropts)
	})
	if err != nil {
		return err
	}
	return o.output.failOnMatch(res)
}

// scanStream runs a scan that holds fingerprints, not texts, in memory:
// texts go to a spool file as they are read, and only those of reported
// pairs are read back. It returns the result, a way to read any document's
// text while the spool lives, and a function that removes the spool.
func scanStream(ctx context.Context, paths []string, stdin io.Reader, stderr io.Writer, o *scanOptions) (*reprint.Result, func(int) (string, error), func(), error) {
	opts := o.detect.Options()
	b := newBar(stderr, o.output.Quiet, o.output.NoProgress)
	opts.Progress = b
	det, err := reprint.New(opts)
	if err != nil {
		return nil, nil, nil, &usageError{err}
	}
	sp, err := newSpool(input.Options{Fields: o.input.Fields})
	if err != nil {
		return nil, nil, nil, err
	}
	sc := det.NewScan()
	fps, errs, warnings, err := readPrepared(ctx, sc, det.Options().Workers, sp, paths, stdin, stderr, &o.input, o.output.Quiet, b)
	if err != nil {
		b.Finish()
		sp.Close()
		return nil, nil, nil, err
	}
	res, err := sc.Run(ctx, fps, sp.text)
	b.Finish()
	if err != nil {
		sp.Close()
		return nil, nil, nil, fmt.Errorf("scan: %w", err)
	}
	res.SetInputErrors(errs)
	res.Warnings = detectorWarnings(stderr, o.output.Quiet, warnings, res.Warnings)
	return res, sp.text, func() { sp.Close() }, nil
}

// pairTexts returns the texts the HTML report shows: those of documents in
// its pairs ("" for the others).
func pairTexts(res *reprint.Result, text func(int) (string, error)) ([]string, error) {
	texts := make([]string, len(res.Documents))
	for _, p := range res.Pairs {
		for _, i := range [2]int{p.A, p.B} {
			if texts[i] != "" {
				continue
			}
			t, err := text(i)
			if err != nil {
				return nil, err
			}
			texts[i] = t
		}
	}
	return texts, nil
}

// texts returns the texts of docs, for the HTML report's side-by-side view.
func texts(docs []reprint.Document) []string {
	t := make([]string, len(docs))
	for i, d := range docs {
		t[i] = d.Text
	}
	return t
}

// prepare checks the flag values before any work is done and returns the
// output format.
// inputs are the files the command reads, which -o must not name.
func (o *scanOptions) prepare(stdout io.Writer, inputs ...string) (report.Format, error) {
	if err := o.detect.Options().Validate(); err != nil {
		return "", &usageError{fmt.Errorf("invalid options: %w", err)}
	}
	format, err := o.output.format(stdout)
	if err != nil {
		return "", err
	}
	if err := checkOutput(o.output.Output, inputs); err != nil {
		return "", err
	}
	return format, nil
}

// failOnMatch returns errMatches when --fail-on-match is set and res holds
// a derived pair.
func (o *outputOptions) failOnMatch(res *reprint.Result) error {
	if o.FailOnMatch && hasDerived(res) {
		return errMatches
	}
	return nil
}

// scan reads the documents named by paths and runs the detector on them.
// The result carries the input errors and warnings.
func scan(ctx context.Context, paths []string, stdin io.Reader, stderr io.Writer, d *detectOptions, in *inputOptions, out *outputOptions) (*reprint.Result, error) {
	docs, errs, warnings, err := load(paths, stdin, stderr, in, out.Quiet)
	if err != nil {
		return nil, err
	}
	return detect(ctx, docs, errs, warnings, stderr, d.Options(), out)
}

// load reads the documents named by paths. Missing paths, no documents at
// all, and any unreadable item with --strict are input errors; otherwise
// each unreadable item is reported on stderr as a warning (unless quiet)
// and returned in errs.
func load(paths []string, stdin io.Reader, stderr io.Writer, in *inputOptions, quiet bool) (docs []reprint.Document, errs []reprint.InputError, warnings []string, err error) {
	errs, warnings, err = readEach(paths, stdin, stderr, in, quiet, func(d reprint.Document, _ input.Location) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	return docs, errs, warnings, nil
}

// readEach reads the documents named by paths and calls each for every one,
// in input order, with load's rules for errors: missing paths, no
// documents at all, and any unreadable item with --strict are input
// errors; otherwise each unreadable item is a warning on stderr (unless
// quiet) and is returned in errs. An error from each stops the reading and
// is returned.
func readEach(paths []string, stdin io.Reader, stderr io.Writer, in *inputOptions, quiet bool, each func(reprint.Document, input.Location) error) (errs []reprint.InputError, warnings []string, err error) {
	if err := checkPaths(paths); err != nil {
		return nil, nil, err
	}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	opts := input.Options{
		Fields: in.Fields,
		Warn: func(msg string) {
			warnings = append(warnings, msg)
			if !quiet {
				warning(stderr, msg)
			}
		},
	}
	r := input.Open(paths, stdin, opts)
	defer r.Close()
	n := 0
	for {
		doc, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			ie, ok := input.AsInputError(err)
			if !ok {
				return nil, nil, &inputError{err}
			}
			errs = append(errs, ie)
			continue
		}
		n++
		loc, _ := r.Location()
		if err := each(doc, loc); err != nil {
			return nil, nil, err
		}
	}
	fatal := in.Strict && len(errs) > 0 || n == 0
	for _, e := range errs {
		switch {
		case fatal:
			fmt.Fprintf(stderr, "reprint: %s\n", inputErrorText(e))
		case !quiet:
			warning(stderr, e.Source+": "+e.Err)
		}
	}
	switch {
	case n == 0:
		return nil, nil, inputErrorf("no documents could be read from %s", strings.Join(paths, " "))
	case fatal:
		return nil, nil, inputErrorf("%d of the inputs could not be read (--strict)", len(errs))
	case len(errs) > 0 && !quiet:
		skipped, failed := reprint.CountInputErrors(errs)
		var lost []string
		if s := skipped; s > 0 {
			lost = append(lost, plural(s, "line or record", "lines or records"))
		}
		if f := failed; f > 0 {
			lost = append(lost, plural(f, "file", "files"))
		}
		fmt.Fprintf(stderr, "reprint: read %s; could not read %s (see errors)\n", plural(n, "document", "documents"), strings.Join(lost, " and "))
	}
	return errs, warnings, nil
}

// checkPaths returns an input error naming every path argument that does
// not exist or cannot be examined, so that a typo fails fast.
func checkPaths(paths []string) error {
	var errs []error
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			stdin++
			continue
		}
		if _, err := os.Stat(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, fmt.Errorf("%s: no such file or directory", p))
			} else {
				errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPath(err)))
			}
		}
	}
	if stdin > 1 {
		return usageErrorf(`standard input ("-") can be read only once`)
	}
	if len(errs) > 0 {
		return &inputError{errors.Join(errs...)}
	}
	return nil
}

// unwrapPath drops the *fs.PathError wrapper, whose message repeats the
// operation and path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// detect runs the detector on docs with a progress bar, and records the
// input errors and warnings in the result.
func detect(ctx context.Context, docs []reprint.Document, errs []reprint.InputError, warnings []string, stderr io.Writer, opts reprint.Options, out *outputOptions) (*reprint.Result, error) {
	b := newBar(stderr, out.Quiet, out.NoProgress)
	opts.Progress = b
	det, err := reprint.New(opts)
	if err != nil {
		return nil, &usageError{err}
	}
	res, err := det.Run(ctx, docs)
	b.Finish()
	if err != nil {
		return nil, fmt.Errorf("scan: %w", err)
	}
	res.SetInputErrors(errs)
	res.Warnings = detectorWarnings(stderr, out.Quiet, warnings, res.Warnings)
	return res, nil
}

// detectorWarnings prints the warnings of a run (not of the reading, which
// were printed as they came) and returns all of them, the reading's first.
func detectorWarnings(stderr io.Writer, quiet bool, reading, run []string) []string {
	if !quiet {
		for _, w := range run {
			warning(stderr, w)
		}
	}
	return append(reading, run...)
}

// checkOutput checks, before any work, that the folder of the -o file
// exists and that the file is none of inputs, which the report would
// overwrite (a corpus, or check's index).
func checkOutput(path string, inputs []string) error {
	if path == "" || path == "-" {
		return nil
	}
	for _, in := range inputs {
		if sameFile(path, in) {
			return usageErrorf("output %s is the input %s: the report would overwrite it", path, in)
		}
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("output %s: %w", path, unwrapPath(err))
	case !fi.IsDir():
		return fmt.Errorf("output %s: %s is not a folder", path, dir)
	}
	return nil
}

// writeReport calls write with stdout, or with the file at path if path is
// set and not "-".
func writeReport(stdout io.Writer, path string, write func(w io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write report to %s: %w", path, err)
	}
	return nil
}

// warning prints msg as a warning on w (standard error), with the control
// characters that input's names and texts may hold escaped (report.Escape).
func warning(w io.Writer, msg string) {
	fmt.Fprintf(w, "reprint: warning: %s\n", report.Escape(msg))
}

// inputErrorText is an input error as standard error shows it: its source
// and reason, escaped.
func inputErrorText(e reprint.InputError) string {
	return report.Escape(e.Source) + ": " + report.Escape(e.Err)
}

// plural is "1 noun" or "n nouns" (given as many).
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
