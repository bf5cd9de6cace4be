package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/report"
)

// genOptions are the flags of gen.
type genOptions struct {
	opts  gen.Options
	Out   string
	Truth string
}

func (o *genOptions) AddFlags(fs *pflag.FlagSet) {
	fs.IntVarP(&o.opts.Docs, "docs", "n", 10000, "number of `N` documents")
	fs.Uint64Var(&o.opts.Seed, "seed", 1, "generator `SEED`")
	fs.IntVar(&o.opts.Words, "words", 450, "mean words per document")
	fs.Float64Var(&o.opts.Planted, "planted", 0.25, "share of documents planted as derivatives of another")
	fs.StringVarP(&o.Out, "output", "o", "", "write the documents (JSONL) to `FILE` instead of standard output")
	fs.StringVar(&o.Truth, "truth", "", "write the planted pairs with their exact Jaccard (JSONL) to `FILE`")
}

const genSummary = `
Gen writes a deterministic, news-like benchmark corpus as JSON Lines, with
planted copies, edited copies, excerpts and rewrites, and (with --truth) the
ground truth: every planted pair with its exact word 5-shingle Jaccard.
The same flags always give the same bytes.
`

func newGenCommand(stderr io.Writer) (*command, *genOptions) {
	c := newCommand("gen", "reprint gen [flags]", genSummary, stderr)
	o := &genOptions{}
	c.group("Corpus", o.AddFlags)
	c.addHelp()
	return c, o
}

// runGen runs "reprint gen".
func runGen(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	c, o := newGenCommand(stderr)
	rest, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	switch g := o.opts; {
	case len(rest) > 0:
		return usageErrorf("gen: unexpected arguments %q", rest)
	case g.Docs < 1:
		return usageErrorf("gen: --docs (-n) must be at least 1, got %d", g.Docs)
	case g.Words < 1:
		return usageErrorf("gen: --words must be at least 1, got %d", g.Words)
	case !(g.Planted >= 0 && g.Planted <= 0.5): // NaN too
		return usageErrorf("gen: --planted must be between 0 and 0.5 (every derivative needs its own original), got %g", g.Planted)
	}
	docs := stdout
	if o.Out != "" {
		f, err := os.Create(o.Out)
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		defer f.Close()
		docs = f
	}
	var truth io.Writer
	if o.Truth != "" {
		f, err := os.Create(o.Truth)
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		defer f.Close()
		truth = f
	}
	st, err := gen.Write(docs, truth, o.opts)
	if err != nil {
		return err // the flags are valid: writing failed (gen's errors say "gen:")
	}
	fmt.Fprintf(stderr, "reprint: generated %s (%d planted), %d bytes\n", plural(st.Docs, "document", "documents"), st.Planted, st.Bytes)
	return nil
}

// benchOptions are the flags of bench.
type benchOptions struct {
	Docs       string
	Truth      string
	Min        float64
	CPUProfile string
	scanOptions
}

const benchSummary = `
Bench runs a whole scan of --docs and reports wall time, documents and
megabytes per second, the time of each stage, peak memory (resident set)
and, with --truth (from reprint gen), recall and precision of the pairs
whose exact word-shingle Jaccard is at least --min-jaccard: predicted pairs
are reported pairs with a derived relation and Jaccard >= --min-jaccard.
`

func newBenchCommand(stderr io.Writer) (*command, *benchOptions) {
	c := newCommand("bench", "reprint bench --docs D [--truth T] [flags]", benchSummary, stderr)
	o := &benchOptions{}
	c.group("Benchmark", func(fs *pflag.FlagSet) {
		fs.StringVar(&o.Docs, "docs", "", "the corpus: a JSONL `FILE`; required")
		fs.StringVar(&o.Truth, "truth", "", "planted pairs (JSONL from reprint gen --truth) to score against")
		fs.Float64Var(&o.Min, "min-jaccard", 0.5, "score pairs whose exact Jaccard is at least this")
		fs.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the run to `FILE` (go tool pprof)")
	})
	c.group("Detection", o.detect.AddFlags)
	c.group("Input", o.input.AddFlags)
	c.addHelp()
	return c, o
}

// stageTimer is a reprint.Progress that records when each stage starts.
type stageTimer struct {
	mu     sync.Mutex
	names  []string
	starts []time.Time
}

func (s *stageTimer) Stage(name string, _ int) {
	s.mu.Lock()
	s.names = append(s.names, name)
	s.starts = append(s.starts, time.Now())
	s.mu.Unlock()
}

func (s *stageTimer) Add(int) {}

// benchReport is what bench prints (as JSON with --format json).
type benchReport struct {
	Documents    int                `json:"documents"`
	Skipped      int                `json:"skipped"` // lines of --docs not read (each warned of on stderr)
	Failed       int                `json:"failed"`  // --docs not read at all
	Bytes        int64              `json:"bytes"`
	Workers      int                `json:"workers"`
	Seconds      float64            `json:"seconds"`
	DocsPerSec   float64            `json:"docs_per_sec"`
	MBPerSec     float64            `json:"mb_per_sec"`
	Stages       map[string]float64 `json:"stage_seconds"`
	StageOrder   []string           `json:"stages"`
	PeakRSSBytes int64              `json:"peak_rss_bytes"`
	Pairs        int                `json:"pairs"`
	Candidates   int                `json:"candidates"`
	// Params are the scan's effective parameters, the rewrite channel's
	// shape for this corpus among them, as scan's report echoes them.
	Params reprint.Params `json:"params"`
	// With --truth: the planted pairs scored, the share of them found,
	// and the share of reported pairs (Jaccard at least --min-jaccard)
	// that are planted; each is left out when it is undefined (no
	// planted pairs, no reported pairs).
	TruthPairs *int     `json:"truth_pairs,omitempty"`
	Recall     *float64 `json:"recall,omitempty"`
	Precision  *float64 `json:"precision,omitempty"`
}

// runBench runs "reprint bench".
func runBench(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, o := newBenchCommand(stderr)
	rest, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	if len(rest) > 0 || o.Docs == "" {
		return usageErrorf("bench: --docs FILE is required and takes no other arguments")
	}
	if !(o.Min >= 0 && o.Min <= 1) { // NaN too
		return usageErrorf("bench: --min-jaccard must be between 0 and 1, got %g", o.Min)
	}
	opts := o.detect.Options()
	if err := opts.Validate(); err != nil {
		return &usageError{fmt.Errorf("invalid options: %w", err)}
	}
	var truth map[[2]string]bool
	if o.Truth != "" {
		if truth, err = readTruth(o.Truth, o.Min); err != nil {
			return err
		}
	}
	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	timer := &stageTimer{}
	start := time.Now()
	opts.Progress = timer
	det, err := reprint.New(opts)
	if err != nil {
		return &usageError{err}
	}
	sp, err := newSpool(input.Options{Fields: o.input.Fields})
	if err != nil {
		return err
	}
	defer sp.Close()
	sc := det.NewScan()
	// Unreadable lines are warned of as a scan warns of them and
	// counted in the report, so a corpus that lost lines says so.
	fps, errs, _, err := readPrepared(ctx, sc, det.Options().Workers, sp, []string{o.Docs}, stdin, stderr, &o.input, false, timer)
	if err != nil {
		return err
	}
	bytes := sp.size
	res, err := sc.Run(ctx, fps, sp.text)
	if err != nil {
		return err
	}
	// The report a scan would write, as JSON, to nowhere.
	timer.Stage("output", -1)
	if err := report.Write(io.Discard, res, report.JSON, report.Options{}); err != nil {
		return err
	}
	timer.Stage("end", -1)
	wall := time.Since(start).Seconds()
	rep := benchReport{
		Documents: len(fps), Bytes: bytes, Workers: det.Options().Workers, Seconds: wall,
		DocsPerSec: float64(len(fps)) / wall, MBPerSec: float64(bytes) / 1e6 / wall,
		Stages: map[string]float64{}, PeakRSSBytes: peakRSS(), Pairs: len(res.Pairs), Candidates: res.Params.Candidates,
		Params: res.Params,
	}
	rep.Skipped, rep.Failed = reprint.CountInputErrors(errs)
	for i := 0; i+1 < len(timer.names); i++ {
		name := timer.names[i]
		if _, seen := rep.Stages[name]; !seen {
			rep.StageOrder = append(rep.StageOrder, name)
		}
		rep.Stages[name] += timer.starts[i+1].Sub(timer.starts[i]).Seconds()
	}
	if truth != nil {
		n := len(truth)
		rep.TruthPairs = &n
		if missing := truthMissing(truth, res); missing > 0 {
			fmt.Fprintf(stderr, "reprint: warning: %s: %d of %d planted pairs name documents that are not in %s (a truth file of another corpus?)\n", o.Truth, missing, n, o.Docs)
		}
		found, predicted := 0, 0
		for _, p := range res.Pairs {
			if !p.Relation.Derived() || p.Jaccard < o.Min {
				continue
			}
			predicted++
			a, b := res.Documents[p.A].ID, res.Documents[p.B].ID
			if truth[[2]string{a, b}] || truth[[2]string{b, a}] {
				found++
			}
		}
		if n > 0 {
			r := float64(found) / float64(n)
			rep.Recall = &r
		}
		if predicted > 0 {
			p := float64(found) / float64(predicted)
			rep.Precision = &p
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// truthMissing counts the planted pairs that name a document res does not
// hold.
func truthMissing(truth map[[2]string]bool, res *reprint.Result) int {
	ids := make(map[string]bool, len(res.Documents))
	for _, d := range res.Documents {
		ids[d.ID] = true
	}
	missing := 0
	for p := range truth {
		if !ids[p[0]] || !ids[p[1]] {
			missing++
		}
	}
	return missing
}

// readTruth reads the planted pairs whose Jaccard is at least min.
func readTruth(path string, min float64) (map[[2]string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &inputError{fmt.Errorf("truth: %w", err)}
	}
	defer f.Close()
	truth := map[[2]string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var t gen.Truth
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, inputErrorf("%s:%d: %v", path, line, err)
		}
		if t.A == "" || t.B == "" {
			return nil, inputErrorf("%s:%d: not a truth line (want {\"a\",\"b\",\"jaccard\",...} from reprint gen --truth)", path, line)
		}
		if t.Jaccard >= min {
			truth[[2]string{t.A, t.B}] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &inputError{fmt.Errorf("truth: %w", err)}
	}
	return truth, nil
}
