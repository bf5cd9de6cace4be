package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/report"
)

// detectOptions are the detection flags shared by scan, compare and eval.
// Zero means the library default for every field.
type detectOptions struct {
	Threshold        float64
	RewriteThreshold float64
	MinScore         float64
	K                int
	RewriteK         int
	NumHash          int
	Sketch           string
	Seed             uint64
	MaxBucket        int
	RewriteRows      int
	CandidateBudget  int
	MaxDocFreq       float64
	MinPassage       int
	SameStory        bool
	Workers          int
}

// AddFlags adds the detection flags to fs. Defaults shown in the help are
// the library's current defaults; 0 also means "default".
func (o *detectOptions) AddFlags(fs *pflag.FlagSet) {
	def := reprint.DefaultOptions()
	fs.Float64Var(&o.Threshold, "threshold", def.Threshold, "literal-channel Jaccard similarity the LSH index is tuned for, in (0,1]")
	fs.Float64Var(&o.RewriteThreshold, "rewrite-threshold", def.RewriteThreshold, "rewrite-channel Jaccard similarity its LSH index is tuned for, in (0,1]")
	fs.Float64Var(&o.MinScore, "min-score", def.MinScore, "least derivation score (share of the shorter text in matching passages) to report a derived pair, in (0,1]")
	fs.IntVarP(&o.K, "shingle", "k", def.K, "literal shingle length in words, 1..16")
	fs.IntVar(&o.RewriteK, "rewrite-k", def.RewriteK, "rewrite-channel shingle length in content words; negative disables the rewrite channel")
	fs.IntVar(&o.NumHash, "num-hash", def.NumHash, "MinHash signature length, 8..1024")
	fs.StringVar(&o.Sketch, "sketch", def.Sketch, "signature scheme for candidate search: oph (one-permutation hashing, fast) or minwise (go-minhash)")
	fs.Uint64Var(&o.Seed, "seed", 0, "MinHash seed (0 = the built-in seed)")
	fs.IntVar(&o.RewriteRows, "rewrite-rows", 0, "rows per LSH band of the rewrite channel (0: derived from --rewrite-threshold, grown on large corpora to fit --candidate-budget, with what it leaves spent on bands of one row fewer)")
	fs.IntVar(&o.CandidateBudget, "candidate-budget", def.CandidateBudget, "expected rewrite-channel candidate pairs per document on large corpora (any corpus may have 100000)")
	fs.IntVar(&o.MaxBucket, "max-bucket", def.MaxBucket, "pair no LSH bucket holding more documents than this whole: split it by further bands, or skip it (rewrite channel); at least 2")
	fs.Float64Var(&o.MaxDocFreq, "max-doc-freq", def.MaxDocFreq, "ignore shingles found in more than this share of the documents (boilerplate), in (0,1]")
	fs.IntVar(&o.MinPassage, "min-passage", def.MinPassage, "least passage length in words reported as evidence, on the longer side (a condensed side may be shorter)")
	fs.BoolVar(&o.SameStory, "same-story", false, "also report pairs that tell the same story in independent words")
	fs.IntVar(&o.Workers, "workers", 0, "goroutines for per-document work (0 = all cores); output does not depend on it")
}

// Options returns the library options the flags describe.
func (o *detectOptions) Options() reprint.Options {
	return reprint.Options{
		K:                o.K,
		RewriteK:         o.RewriteK,
		NumHash:          o.NumHash,
		Sketch:           o.Sketch,
		Seed:             o.Seed,
		Threshold:        o.Threshold,
		RewriteThreshold: o.RewriteThreshold,
		MinScore:         o.MinScore,
		MaxBucket:        o.MaxBucket,
		RewriteRows:      o.RewriteRows,
		CandidateBudget:  o.CandidateBudget,
		MaxDocFreq:       o.MaxDocFreq,
		MinPassage:       o.MinPassage,
		SameStory:        o.SameStory,
		Workers:          o.Workers,
	}
}

// inputOptions are the flags that say how input is read.
type inputOptions struct {
	Fields input.Fields
	Strict bool
}

// AddFlags adds the input flags to fs.
func (o *inputOptions) AddFlags(fs *pflag.FlagSet) {
	field := func(p *string, name, def, usage string) {
		*p = def
		fs.Var((*fieldName)(p), name, usage)
	}
	field(&o.Fields.ID, "id-field", "id", "JSONL field holding the document ID (string or number)")
	field(&o.Fields.Text, "text-field", "text", "JSONL field holding the article text")
	field(&o.Fields.URL, "url-field", "url", "JSONL field holding the article URL (optional)")
	field(&o.Fields.Published, "time-field", "published", "JSONL field holding the publication date or time (optional)")
	field(&o.Fields.Source, "source-field", "source", "JSONL field holding the outlet name (optional)")
	fs.BoolVar(&o.Strict, "strict", false, "fail (exit 3) if any file or line cannot be read, instead of skipping it")
}

// fieldName is a JSONL field name flag. An empty name is refused: the
// reader would take it for the default ("id" for --id-field), which is
// not what the user asked for.
type fieldName string

func (f *fieldName) String() string { return string(*f) }
func (f *fieldName) Type() string   { return "string" }
func (f *fieldName) Set(s string) error {
	if s == "" {
		return errors.New("a field name must not be empty")
	}
	*f = fieldName(s)
	return nil
}

// outputOptions are the flags that say where and how results are written.
type outputOptions struct {
	Format      string
	Output      string
	Quiet       bool
	NoProgress  bool
	FailOnMatch bool

	// formats lists the formats the command accepts; autoFormat says
	// whether an empty --format means text on a terminal, else json.
	formats    []report.Format
	autoFormat bool
}

// AddFlags adds the output flags to fs.
func (o *outputOptions) AddFlags(fs *pflag.FlagSet) {
	names := make([]string, len(o.formats))
	for i, f := range o.formats {
		names[i] = string(f)
	}
	formatHelp := "output format: " + strings.Join(names, "|")
	if o.autoFormat {
		formatHelp += " (default: text when writing to a terminal, else json)"
	} else {
		formatHelp += " (default text)"
	}
	fs.StringVar(&o.Format, "format", "", formatHelp)
	fs.StringVarP(&o.Output, "output", "o", "", "write the report to `FILE` instead of standard output")
	fs.BoolVarP(&o.Quiet, "quiet", "q", false, "print no warnings and no progress on standard error (errors are still printed)")
	fs.BoolVar(&o.NoProgress, "no-progress", false, "show no progress bar (it is shown only when standard error is a terminal)")
	if o.autoFormat {
		// Only scan and compare produce pairs to fail on.
		fs.BoolVar(&o.FailOnMatch, "fail-on-match", false, "exit 1 if any derived pair (copy, edited copy, excerpt, rewrite, machine rewrite) is found")
	}
}

// format resolves --format for output written to stdout (or to a file, when
// -o is set).
func (o *outputOptions) format(stdout io.Writer) (report.Format, error) {
	if o.Format == "" {
		switch {
		case !o.autoFormat:
			return report.Text, nil
		case o.Output == "" && isTerminal(stdout):
			return report.Text, nil
		default:
			return report.JSON, nil
		}
	}
	f, err := report.ParseFormat(o.Format)
	if err == nil {
		for _, ok := range o.formats {
			if f == ok {
				return f, nil
			}
		}
	}
	names := make([]string, len(o.formats))
	for i, f := range o.formats {
		names[i] = string(f)
	}
	return "", usageErrorf("unknown format %q (valid: %s)", o.Format, strings.Join(names, ", "))
}

// flagGroup is a titled group of flags in a command's help.
type flagGroup struct {
	title string
	fs    *pflag.FlagSet
}

// command is a parsed-flags frame shared by the subcommands: one flag set
// made of titled groups, and a --help flag.
type command struct {
	name    string
	usage   string // "reprint scan [flags] PATH..."
	summary string // paragraphs after the usage line
	fs      *pflag.FlagSet
	groups  []flagGroup
	help    bool
}

// newCommand returns a command whose flag set reports errors to stderr
// (pflag prints nothing itself with ContinueOnError; run prints them).
func newCommand(name, usage, summary string, stderr io.Writer) *command {
	c := &command{name: name, usage: usage, summary: summary}
	c.fs = pflag.NewFlagSet(name, pflag.ContinueOnError)
	c.fs.SortFlags = false
	c.fs.SetOutput(stderr)
	c.fs.Usage = func() {}
	return c
}

// group adds a titled group of flags, defined by add.
func (c *command) group(title string, add func(fs *pflag.FlagSet)) {
	g := pflag.NewFlagSet(c.name+" "+title, pflag.ContinueOnError)
	g.SortFlags = false
	add(g)
	c.fs.AddFlagSet(g)
	c.groups = append(c.groups, flagGroup{title: title, fs: g})
}

// addHelp adds the -h/--help flag in a last group, so that it is listed at
// the end of the help. Every command calls it after its other groups.
func (c *command) addHelp() {
	c.group("Other", func(fs *pflag.FlagSet) {
		fs.BoolVarP(&c.help, "help", "h", false, "show this help and exit")
	})
}

// parseArgs parses args and returns the positional arguments; with --help
// it writes the help to stdout instead and returns done.
func (c *command) parseArgs(args []string, stdout io.Writer) (rest []string, done bool, err error) {
	rest, err = c.parse(args)
	if err != nil {
		return nil, true, err
	}
	if c.help {
		c.writeHelp(stdout)
		return nil, true, nil
	}
	return rest, false, nil
}

// parse parses args and returns the positional arguments.
func (c *command) parse(args []string) ([]string, error) {
	if err := c.fs.Parse(args); err != nil {
		return nil, usageErrorf("%v", err)
	}
	return c.fs.Args(), nil
}

// writeHelp writes the command's help: usage, summary, flags by group and
// exit codes.
func (c *command) writeHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", c.usage, strings.TrimSpace(c.summary))
	for _, g := range c.groups {
		fmt.Fprintf(w, "\n%s flags:\n", g.title)
		writeFlags(w, g.fs)
	}
	fmt.Fprintf(w, "\n%s", exitCodeHelp(c.fs.Lookup("fail-on-match") != nil, c.name == "serve"))
}

// writeFlags lists the flags of fs in definition order, Go flag style: the
// flag and its value type, then the usage and default indented below,
// wrapped at 80 columns.
func writeFlags(w io.Writer, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		line := "      --" + f.Name
		if f.Shorthand != "" {
			line = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" && f.Value.Type() != "bool" {
			line += " " + name
		}
		switch f.DefValue {
		case "", "0", "false":
		default:
			if f.Value.Type() == "string" {
				usage += fmt.Sprintf(" (default %q)", f.DefValue)
			} else {
				usage += " (default " + f.DefValue + ")"
			}
		}
		fmt.Fprintln(w, line)
		const indent = "        "
		cur := indent
		for _, word := range strings.Fields(usage) {
			if len(cur) > len(indent) && len(cur)+1+len(word) > 80 {
				fmt.Fprintln(w, cur)
				cur = indent
			}
			if len(cur) > len(indent) {
				cur += " "
			}
			cur += word
		}
		fmt.Fprintln(w, cur)
	})
}
