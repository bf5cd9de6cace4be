package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/report"
)

// indexOptions are the flags that name an index, shared by index add,
// index stats, check and filter.
type indexOptions struct {
	Path        string
	MaxPostings int
	MinShared   int
}

// AddFlags adds the index flags to fs.
func (o *indexOptions) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Path, "index", "", "the index `FILE`; required")
}

// addQueryFlags adds the flags that tune lookups; minShared is the
// command's default --min-shared-keys.
func (o *indexOptions) addQueryFlags(fs *pflag.FlagSet, minShared int) {
	fs.IntVar(&o.MaxPostings, "max-postings", index.DefaultMaxPostings, "skip LSH keys shared by more indexed documents than this (boilerplate)")
	fs.IntVar(&o.MinShared, "min-shared-keys", minShared, "verify only articles that share at least `N` of the 170 LSH keys (2 skips most chance matches and about 1% of derived pairs)")
}

// open opens the index at o.Path for the detector's parameters, mapping
// the errors to exit codes: other parameters are a usage error, a missing or
// unreadable index an input error, an index that cannot be created an
// output error.
func (o *indexOptions) open(cmd string, p reprint.Params, readOnly bool, stderr io.Writer, quiet bool) (*index.Index, error) {
	if err := o.validate(cmd); err != nil {
		return nil, err
	}
	ix, err := index.Open(o.Path, p, index.Options{ReadOnly: readOnly, MaxPostings: o.MaxPostings, MinShared: o.MinShared})
	var pe *index.ParamsError
	switch {
	case errors.As(err, &pe):
		return nil, &usageError{fmt.Errorf("%s: %w", cmd, err)}
	case errors.Is(err, index.ErrCreate):
		return nil, fmt.Errorf("%s: %w", cmd, err) // an output error: the index could not be written
	case err != nil:
		return nil, &inputError{fmt.Errorf("%s: %w", cmd, err)}
	}
	if ix.OldTokenizer() && !quiet {
		warning(stderr, index.OldTokenizerWarning(o.Path))
	}
	return ix, nil
}

// validate checks the index flags, as open does first.
func (o *indexOptions) validate(cmd string) error {
	if o.Path == "" {
		return usageErrorf("%s: --index FILE is required", cmd)
	}
	if o.MinShared < 0 || o.MaxPostings < 0 {
		return usageErrorf("%s: --min-shared-keys and --max-postings must not be negative", cmd)
	}
	return nil
}

const indexSummary = `
Index keeps the articles a newsroom has published or scraped in one file,
fingerprinted, so that "reprint check" and "reprint filter" can compare new
articles with all of them at once.

  reprint index add --index FILE [flags] PATH...   create the index or add to it
  reprint index stats --index FILE [--format json]  documents, size, parameters

Add reads each PATH as scan does (folders, text, HTML, JSONL, WARC, or "-")
and commits the documents in batches: a batch is on disk, and survives a
crash, once it is committed; --ack-log lists the documents committed. A
document whose ID is already indexed replaces it (an identical one is left
as it is), so adding a day's crawl twice changes nothing. A missing index
is created with the first batch: an add that reads nothing makes none.

The detection flags of a new index become its parameters; later adds,
checks and filters must give the same fingerprint and LSH parameters (k,
rewrite-k, num-hash, sketch, seed, thresholds, rewrite-rows), or they fail
with exit code 2 naming the difference. Verification flags (min-score,
min-passage, same-story, max-bucket, max-doc-freq, candidate-budget) may
differ from one check to the next.

An index open for adding cannot be read by another process until the add
ends; a check waits up to 10 seconds for it.
`

// indexAddOptions are the flags of index add.
type indexAddOptions struct {
	index      indexOptions
	detect     detectOptions
	input      inputOptions
	Batch      int
	AckLog     string
	IDPrefix   string
	Quiet      bool
	NoProgress bool
}

func newIndexAddCommand(stderr io.Writer) (*command, *indexAddOptions) {
	c := newCommand("index add", "reprint index add --index FILE [flags] PATH...", indexSummary, stderr)
	o := &indexAddOptions{}
	c.group("Index", func(fs *pflag.FlagSet) {
		o.index.AddFlags(fs)
		fs.IntVar(&o.Batch, "batch", 1000, "documents per transaction")
		fs.StringVar(&o.AckLog, "ack-log", "", "append an \"added ID\" line to `FILE` for each document once its batch is committed")
		fs.StringVar(&o.IDPrefix, "id-prefix", "", "put `STR` before every document ID, so that files of one name in two adds stay two documents (a day's crawl folder: --id-prefix 2026-12-07/)")
	})
	c.group("Detection", o.detect.AddFlags)
	c.group("Input", o.input.AddFlags)
	c.group("Output", func(fs *pflag.FlagSet) {
		fs.BoolVarP(&o.Quiet, "quiet", "q", false, "print no warnings, progress or summary on standard error (errors are still printed)")
		fs.BoolVar(&o.NoProgress, "no-progress", false, "show no progress bar (it is shown only when standard error is a terminal)")
	})
	c.addHelp()
	return c, o
}

// runIndex runs "reprint index SUBCOMMAND".
func runIndex(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageErrorf("index: no subcommand given (add or stats)")
	}
	switch args[0] {
	case "add":
		return runIndexAdd(ctx, args[1:], stdin, stdout, stderr)
	case "stats":
		return runIndexStats(ctx, args[1:], stdin, stdout, stderr)
	case "-h", "--help", "help":
		c, _ := newIndexAddCommand(stderr)
		c.writeHelp(stdout)
		return nil
	}
	return usageErrorf("index: unknown subcommand %q (add or stats)", args[0])
}

// addCounts are the totals of an index add.
type addCounts struct {
	read, skipped int
	index.AddStats
}

// runIndexAdd runs "reprint index add".
func runIndexAdd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	c, o := newIndexAddCommand(stderr)
	paths, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	switch {
	case o.index.Path == "":
		return usageErrorf("index add: --index FILE is required")
	case len(paths) == 0:
		return usageErrorf("index add: no PATH given")
	case o.Batch < 1:
		return usageErrorf("index add: --batch must be at least 1, got %d", o.Batch)
	}
	opts := o.detect.Options()
	det, err := reprint.New(opts)
	if err != nil {
		return &usageError{err}
	}
	if err := checkPaths(paths); err != nil {
		return err
	}
	var ack io.Writer = io.Discard
	if o.AckLog != "" {
		f, err := os.OpenFile(o.AckLog, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return fmt.Errorf("index add: ack log: %w", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("index add: ack log: %w", cerr)
			}
		}()
		ack = f
	}
	// A missing index is created with the first batch, so that an add
	// that reads nothing makes no empty index; an existing one is opened
	// now, so that a mismatch of parameters stops the add before any
	// work.
	if err := o.index.validate("index add"); err != nil {
		return err
	}
	var ix *index.Index
	openFailed := false // the error says why there is no index
	openIndex := func() (*index.Index, error) {
		if ix == nil {
			var err error
			if ix, err = o.index.open("index add", det.Params(), false, stderr, o.Quiet); err != nil {
				openFailed = true
				return nil, err
			}
		}
		return ix, nil
	}
	_, serr := os.Stat(o.index.Path)
	if !errors.Is(serr, fs.ErrNotExist) || !canCreateIn(filepath.Dir(o.index.Path)) {
		// An existing index, or one that could not be created (its
		// folder missing, not a folder, or not writable): the open,
		// or its error, comes before any work.
		if _, err := openIndex(); err != nil {
			return err
		}
	}
	defer func() {
		if ix == nil {
			return
		}
		if cerr := ix.Close(); err == nil {
			err = cerr
		}
	}()

	warn := func(msg string) {
		if !o.Quiet {
			warning(stderr, msg)
		}
	}
	in := input.Open(paths, stdin, input.Options{Fields: o.input.Fields, Warn: warn})
	defer in.Close()
	var r input.Reader = in
	if o.IDPrefix != "" {
		r = prefixIDs{in, o.IDPrefix}
	}
	b := newBar(stderr, o.Quiet, o.NoProgress)
	b.Stage("index", -1)
	var n addCounts
	err = addAll(ctx, openIndex, r, opts, o.Batch, func(e reprint.InputError) error {
		n.skipped++
		if o.input.Strict {
			fmt.Fprintf(stderr, "reprint: %s\n", inputErrorText(e))
			return inputErrorf("an input could not be read (--strict); the batches before it are indexed")
		}
		warn(e.Source + ": " + e.Err)
		return nil
	}, func(docs []reprint.Document, st index.AddStats) error {
		n.read += len(docs)
		n.Added += st.Added
		n.Replaced += st.Replaced
		n.Unchanged += st.Unchanged
		n.Unrelated = append(n.Unrelated, st.Unrelated...)
		b.Add(len(docs))
		var sb strings.Builder
		for _, d := range docs {
			sb.WriteString(ackLine(d.ID))
		}
		if _, err := io.WriteString(ack, sb.String()); err != nil {
			return fmt.Errorf("index add: ack log: %w", err)
		}
		return nil
	})
	b.Finish()
	if !o.Quiet {
		stopped := ""
		if err != nil {
			stopped = "stopped by the error below; committed before it: "
		}
		fmt.Fprintf(stderr, "reprint: %sread %s: added %d, replaced %d, unchanged %d; skipped %s\n",
			stopped, plural(n.read, "document", "documents"), n.Added, n.Replaced, n.Unchanged, plural(n.skipped, "unreadable input", "unreadable inputs"))
		if len(n.Unrelated) > 0 {
			warn(unrelatedWarning(n.Unrelated))
		}
		switch {
		case ix == nil && !openFailed:
			fmt.Fprintf(stderr, "reprint: index %s: nothing to add, not created\n", o.index.Path)
		case ix != nil:
			if st, serr := ix.Stats(); serr == nil {
				fmt.Fprintf(stderr, "reprint: index %s: %s, %s\n", o.index.Path, plural(st.Documents, "document", "documents"), humanBytes(st.FileBytes))
			}
		}

	}
	if err != nil {
		return err
	}
	if n.read == 0 && n.Added+n.Replaced+n.Unchanged == 0 {
		return inputErrorf("index add: no documents could be read from %s", strings.Join(paths, " "))
	}
	return nil
}

// unrelatedWarning says that documents replaced articles they share
// almost nothing with (index.AddStats.Unrelated), naming the first few.
func unrelatedWarning(ids []string) string {
	const show = 3
	names := make([]string, 0, show)
	for _, id := range ids[:min(show, len(ids))] {
		names = append(names, strconv.Quote(id))
	}
	more := ""
	if len(ids) > show {
		more = fmt.Sprintf(" and %d more", len(ids)-show)
	}
	return fmt.Sprintf("%s replaced an indexed article that shares almost nothing with it: %s%s. "+
		"Another article of the same name (two days' crawl folders added one at a time give the same IDs)? "+
		"The earlier one is gone from the index; give IDs that differ (index add --id-prefix, the day say) to keep both",
		plural(len(ids), "document", "documents"), strings.Join(names, ", "), more)
}

// prefixIDs puts a prefix before the ID of each document r reads.
type prefixIDs struct {
	r      input.Reader
	prefix string
}

func (p prefixIDs) Read() (reprint.Document, error) {
	d, err := p.r.Read()
	if err == nil {
		d.ID = p.prefix + d.ID
	}
	return d, err
}

// addAll reads r to the end in batches, fingerprints each batch on all
// cores while the previous one is committed, and adds it to the index
// openIndex gives (opened at the first batch, if not before). skip is
// called for each unreadable item and done after each committed batch;
// an error from either stops the work. The batches committed before an
// error or an interruption stay in the index.
func addAll(ctx context.Context, openIndex func() (*index.Index, error), r input.Reader, opts reprint.Options, batch int, skip func(reprint.InputError) error, done func([]reprint.Document, index.AddStats) error) error {
	type prepared struct {
		docs []reprint.Document
		fps  []*reprint.Fingerprint
		keys [][]uint64
	}
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan prepared, 1)
	var readErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(out)
		fp := newFingerprinter(opts)
		for eof := false; !eof && inner.Err() == nil; {
			var docs []reprint.Document
			for len(docs) < batch {
				d, err := r.Read()
				if err == io.EOF {
					eof = true
					break
				}
				if err != nil {
					if e, ok := input.AsInputError(err); ok {
						if readErr = skip(e); readErr == nil {
							continue
						}
					} else {
						readErr = &inputError{err}
					}
					return
				}
				docs = append(docs, d)
			}
			if len(docs) == 0 {
				return
			}
			fps, keys := fp.all(docs)
			select {
			case out <- prepared{docs, fps, keys}:
			case <-inner.Done():
				return
			}
		}
	})
	var err error
	for p := range out {
		if err = ctx.Err(); err != nil {
			break
		}
		var ix *index.Index
		if ix, err = openIndex(); err != nil {
			break
		}
		var st index.AddStats
		if st, err = ix.Add(p.docs, p.fps, p.keys); err != nil {
			break
		}
		if err = done(p.docs, st); err != nil {
			break
		}
	}
	cancel()
	for range out { // let the reader stop
	}
	wg.Wait()
	if err == nil {
		err = readErr
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// fingerprinter fingerprints documents on all cores, one detector per
// worker.
type fingerprinter struct {
	dets []*reprint.Detector
}

func newFingerprinter(opts reprint.Options) *fingerprinter {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	opts.Progress = nil
	f := &fingerprinter{}
	for range workers {
		det, err := reprint.New(opts)
		if err != nil { // validated by the caller
			panic(err)
		}
		f.dets = append(f.dets, det)
	}
	return f
}

// all returns the fingerprints and LSH keys of docs.
func (f *fingerprinter) all(docs []reprint.Document) ([]*reprint.Fingerprint, [][]uint64) {
	fps := make([]*reprint.Fingerprint, len(docs))
	keys := make([][]uint64, len(docs))
	var wg sync.WaitGroup
	for w, det := range f.dets {
		wg.Go(func() {
			for i := w; i < len(docs); i += len(f.dets) {
				fps[i] = det.Fingerprint(docs[i])
				keys[i] = det.IndexKeys(fps[i])
			}
		})
	}
	wg.Wait()
	return fps, keys
}

// humanBytes formats n as "12.3 MB".
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return plural(int(n), "byte", "bytes")
}

// indexStatsOptions are the flags of index stats.
type indexStatsOptions struct {
	index  indexOptions
	Format string
}

const indexStatsSummary = `
Stats prints an index's documents, postings (LSH key entries), segments,
file size and the detection parameters it was built with, as text or, with
--format json, as one JSON object.
`

func newIndexStatsCommand(stderr io.Writer) (*command, *indexStatsOptions) {
	c := newCommand("index stats", "reprint index stats --index FILE [--format text|json]", indexStatsSummary, stderr)
	o := &indexStatsOptions{}
	c.group("Index", func(fs *pflag.FlagSet) {
		o.index.AddFlags(fs)
		fs.StringVar(&o.Format, "format", "text", "output format: text|json")
	})
	c.addHelp()
	return c, o
}

// runIndexStats runs "reprint index stats".
func runIndexStats(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	c, o := newIndexStatsCommand(stderr)
	rest, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("index stats: unexpected arguments %q", rest)
	}
	if o.Format != string(report.Text) && o.Format != string(report.JSON) {
		return usageErrorf("unknown format %q (valid: text, json)", o.Format)
	}
	ix, err := o.index.open("index stats", reprint.Params{}, true, stderr, false)
	if err != nil {
		return err
	}
	st, err := ix.Stats()
	ix.Close()
	if err != nil {
		return &inputError{err}
	}
	if o.Format == string(report.JSON) {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	p := st.Params
	_, err = fmt.Fprintf(stdout, `index %s (format %d, tokenizer %d)
  documents  %d
  postings   %d in %s
  file size  %s (%d bytes)
  boilerplate %s (in more than max_doc_freq of the documents; left out of checks)
parameters: k=%d rewrite_k=%d num_hash=%d sketch=%s seed=%d threshold=%g bands=%d rows=%d
  rewrite_threshold=%g rewrite_bands=%d rewrite_rows=%d
  min_score=%g min_passage=%d same_story=%t (verification: checks may differ)
`, st.Path, st.FormatVersion, st.TokenizerVersion, st.Documents, st.Postings, plural(st.Segments, "segment", "segments"), humanBytes(st.FileBytes), st.FileBytes, plural(st.CommonShingles, "shingle", "shingles"),
		p.K, p.RewriteK, p.NumHash, p.Sketch, p.Seed, p.Threshold, p.Bands, p.Rows,
		p.RewriteThreshold, p.RewriteBands, p.RewriteRows, p.MinScore, p.MinPassage, p.SameStory)
	return err
}

// ackLine returns the ack log's line for a committed document: "added ID",
// with the ID written as the JSON report writes it, a JSON string
// (added "a\nb"), when it holds a control character or invalid UTF-8 or
// starts with a quote, so that each line names one document; a plain ID,
// the usual case, reads as it is.
func ackLine(id string) string {
	plain := utf8.ValidString(id) && !strings.HasPrefix(id, `"`) &&
		!strings.ContainsFunc(id, unicode.IsControl)
	if !plain {
		b, _ := json.Marshal(id) // a string always marshals
		id = string(b)
	}
	return "added " + id + "\n"
}

// canCreateIn reports whether a file can be created in dir, by creating
// and removing one of a name of its own (so that concurrent adds do not
// meet): an add to a missing index checks so before any work, where it
// would otherwise learn at its first batch that the folder is read-only.
func canCreateIn(dir string) bool {
	f, err := os.CreateTemp(dir, ".reprint-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
