// Command reprint finds copies, excerpts and rewrites among news articles.
//
//	reprint scan [flags] PATH...      find derived articles in folders, files or JSONL
//	reprint compare [flags] A B       compare two articles in detail
//	reprint eval --docs D --labels L  score a scan against hand-made labels
//	reprint gen [flags]               write a benchmark corpus
//	reprint bench --docs D            time a whole scan and score it
//	reprint index add --index F PATH  create or grow an index of articles
//	reprint index stats --index F     show an index's size and parameters
//	reprint check --index F PATH...   compare articles with an index
//	reprint filter --index F          tag or drop JSONL lines that copy indexed ones
//	reprint serve --index F           serve the newsroom web page and JSON API
//	reprint version                   print the version
//	reprint help [command]            show help
//
// Run "reprint help" or "reprint COMMAND --help" for the flags and exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/reprint-dev/reprint/index"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go forceExit(ctx)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// forceGrace is how long a command may take to stop after a signal.
const forceGrace = 10 * time.Second

// forceExit ends the process with exitInterrupted if, after a signal
// cancelled ctx, the command has not returned within forceGrace or a
// second signal comes: a command blocked where no context reaches (the
// open of a named pipe with no writer) must still stop. Indexes are
// transactional, so a batch cut short is not committed.
func forceExit(ctx context.Context) {
	<-ctx.Done()
	again := make(chan os.Signal, 1)
	signal.Notify(again, os.Interrupt, syscall.SIGTERM)
	select {
	case <-again:
	case <-time.After(forceGrace):
	}
	fmt.Fprintln(os.Stderr, "reprint: interrupted")
	os.Exit(exitInterrupted)
}

// ctxReader is a reader that returns ctx's error as soon as ctx is done,
// even while a Read of r is blocked (a pipe whose writer sends nothing):
// a signal then stops a command that waits for standard input. The
// blocked Read goes on in its goroutine; its data is kept for the next
// call if ctx is still live.
type ctxReader struct {
	ctx     context.Context
	r       io.Reader
	pending chan readResult // the Read in flight, or nil
	left    []byte          // data read but not yet returned
	err     error           // the error after left
}

type readResult struct {
	b   []byte
	err error
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if len(c.left) > 0 {
		n := copy(p, c.left)
		c.left = c.left[n:]
		return n, nil
	}
	if c.err != nil {
		err := c.err
		c.err = nil
		return 0, err
	}
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if c.pending == nil {
		c.pending = make(chan readResult, 1)
		go func(ch chan readResult, buf []byte) {
			n, err := c.r.Read(buf)
			ch <- readResult{buf[:n], err}
		}(c.pending, make([]byte, max(len(p), 4096)))
	}
	select {
	case res := <-c.pending:
		c.pending = nil
		n := copy(p, res.b)
		c.left, c.err = res.b[n:], res.err
		if len(c.left) == 0 {
			c.left, c.err = nil, nil
			return n, res.err
		}
		return n, nil
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}

// Exit codes.
const (
	exitOK          = 0   // done
	exitMatches     = 1   // derived pairs found and --fail-on-match set
	exitUsage       = 2   // bad command line or option values
	exitInput       = 3   // input could not be read
	exitOutput      = 4   // the report could not be written
	exitInterrupted = 130 // interrupted by a signal
)

// exitCodeHelp documents the exit codes in a help text; matches adds code
// 1, for the commands that have --fail-on-match (and the top-level help).
// serve stops on a signal as it is meant to, with 0, so its help (serving)
// says so instead of listing 130.
func exitCodeHelp(matches, serving bool) string {
	last := "  130  interrupted\n"
	if serving {
		last = "  (Ctrl-C or SIGTERM stops serve: requests in flight get 5 seconds, then exit 0)\n"
	}
	one := ""
	if matches {
		one = "  1    derived pairs found and --fail-on-match was given (scan, compare, check)\n"
	}
	return `Exit codes:
  0    done
` + one + `  2    usage error: bad flag or flag value, missing argument, invalid option
       value, unknown format, -o naming a file the command reads, or detection
       parameters that differ from the index's
  3    input error: no document could be read, a path is missing, any unreadable
       input with --strict, unreadable labels or truth file, or a missing or
       unreadable index
  4    output error: the report, gen's files, the ack log or the index could not
       be written
` + last
}

// errMatches is returned after a successful run with --fail-on-match when
// derived pairs were found.
var errMatches = errors.New("derived pairs found")

// usageError is a bad command line or option value.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// inputError means the input could not be read well enough to go on.
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

func inputErrorf(format string, args ...any) error {
	return &inputError{fmt.Errorf(format, args...)}
}

// exitCode maps the error a command returned to the process exit code. It
// is the only place that decides exit codes.
func exitCode(err error) int {
	var ue *usageError
	var ie *inputError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errMatches):
		return exitMatches
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return exitInterrupted
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &ie), errors.Is(err, index.ErrDamaged):
		return exitInput // a damaged index may show only once it is read
	default:
		return exitOutput
	}
}

// run runs the command line args (without the program name) and returns
// the exit code. It never panics on bad input; tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	name := ""
	if len(args) > 0 {
		name = args[0]
	}
	if stdin != nil {
		stdin = &ctxReader{ctx: ctx, r: stdin}
	}
	err := dispatch(ctx, args, stdin, stdout, stderr)
	code := exitCode(err)
	if err != nil && ctx.Err() != nil && !errors.Is(err, errMatches) {
		code = exitInterrupted // whatever the error a cut-off read or write led to
	}
	switch code {
	case exitOK, exitMatches:
	case exitInterrupted:
		fmt.Fprintln(stderr, "reprint: interrupted")
	default:
		printError(stderr, err)
		if code == exitUsage {
			if _, ok := commands[name]; ok && name != "help" {
				fmt.Fprintf(stderr, "run 'reprint %s --help' for usage\n", name)
			} else {
				fmt.Fprintln(stderr, "run 'reprint help' for usage")
			}
		}
	}
	return code
}

// printError writes err as "reprint: message", one line per line of the
// message (errors.Join separates errors by newlines).
func printError(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "reprint: %s\n", line)
	}
}

// commandFunc runs a subcommand with its arguments (after the name).
type commandFunc func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error

// commands maps each subcommand's name to the function that runs it.
var commands = map[string]commandFunc{
	"scan":    runScan,
	"compare": runCompare,
	"eval":    runEval,
	"gen":     runGen,
	"bench":   runBench,
	"index":   runIndex,
	"check":   runCheck,
	"filter":  runFilter,
	"serve":   runServe,
	"version": runVersion,
	"help":    runHelp,
}

// dispatch runs the subcommand named by args[0].
func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		writeUsage(stderr)
		return usageErrorf("no command given")
	}
	switch args[0] {
	case "-h", "--help":
		writeUsage(stdout)
		return nil
	case "-v", "--version":
		return runVersion(ctx, nil, stdin, stdout, stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return usageErrorf("unknown command %q", args[0])
	}
	return cmd(ctx, args[1:], stdin, stdout, stderr)
}

// usageText is the top-level help.
const usageText = `reprint finds copies, edited copies, excerpts, rewrites and machine rewrites
among news articles, and names the likely original.

Usage:
  reprint scan [flags] PATH...       find derived articles among folders, files,
                                     JSONL files or standard input ("-")
  reprint compare [flags] A B        compare two articles in detail
  reprint eval --docs D --labels L   score a scan of D against the labels in L
  reprint gen [flags]                write a benchmark corpus with planted copies
  reprint bench --docs D [--truth T] time a whole scan, stage by stage, and
                                     score it against planted pairs
  reprint index add --index FILE PATH...
                                     create an index of articles or add to it
  reprint index stats --index FILE   documents, size and parameters of an index
  reprint check --index FILE PATH... which indexed articles each article copies
                                     or rewrites, and which copy or rewrite it
  reprint filter [--index FILE]      tag (or --drop) JSONL lines from standard
                                     input that copy indexed or earlier lines
  reprint serve --index FILE         a web page (and JSON API) where a newsroom
                                     pastes or uploads an article to check it
  reprint version                    print the version
  reprint help [command]             show help for a command

Run 'reprint help COMMAND' or 'reprint COMMAND --help' for a command's flags.
`

func writeUsage(w io.Writer) {
	fmt.Fprintf(w, "%s\n%s", usageText, exitCodeHelp(true, false))
}

// helpers builds each command's flag set, for "reprint help COMMAND".
var helpers = map[string]func(stderr io.Writer) *command{
	"scan":        func(w io.Writer) *command { c, _ := newScanCommand(w); return c },
	"compare":     func(w io.Writer) *command { c, _ := newCompareCommand(w); return c },
	"eval":        func(w io.Writer) *command { c, _ := newEvalCommand(w); return c },
	"gen":         func(w io.Writer) *command { c, _ := newGenCommand(w); return c },
	"bench":       func(w io.Writer) *command { c, _ := newBenchCommand(w); return c },
	"index":       func(w io.Writer) *command { c, _ := newIndexAddCommand(w); return c },
	"index add":   func(w io.Writer) *command { c, _ := newIndexAddCommand(w); return c },
	"index stats": func(w io.Writer) *command { c, _ := newIndexStatsCommand(w); return c },
	"check":       func(w io.Writer) *command { c, _ := newCheckCommand(w); return c },
	"filter":      func(w io.Writer) *command { c, _ := newFilterCommand(w); return c },
	"serve":       func(w io.Writer) *command { c, _ := newServeCommand(w); return c },
}

// runHelp prints the top-level help or a command's help.
func runHelp(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	name := strings.Join(args, " ") // "index add", "index stats": two words
	switch name {
	case "", "help":
		writeUsage(stdout)
		return nil
	case "version":
		fmt.Fprintln(stdout, "Usage: reprint version\n\nPrints the version of reprint and of the Go toolchain that built it.")
		return nil
	}
	build, ok := helpers[name]
	if !ok {
		return usageErrorf("unknown command %q (help takes one command, or index add, index stats)", name)
	}
	build(stderr).writeHelp(stdout)
	return nil
}

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

// runVersion prints the version.
func runVersion(_ context.Context, args []string, _ io.Reader, stdout, _ io.Writer) error {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" {
			return runHelp(context.Background(), []string{"version"}, nil, stdout, nil)
		}
		return usageErrorf("version takes no arguments")
	}
	v, rev := version, ""
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = s.Value[:12]
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	if rev != "" {
		v += " " + rev
	}
	if _, err := fmt.Fprintf(stdout, "reprint %s %s %s/%s\n", v, runtime.Version(), runtime.GOOS, runtime.GOARCH); err != nil {
		return fmt.Errorf("version: %w", err) // exit 4, as any output error
	}
	return nil
}
