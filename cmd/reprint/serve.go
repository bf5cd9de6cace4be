package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/search"
	"github.com/reprint-dev/reprint/web"
)

// serveOptions are the flags of serve.
type serveOptions struct {
	index         indexOptions
	MaxCandidates int
	detect        detectOptions
	Addr          string
	MaxBytes      int64
	Timeout       time.Duration
	MaxDocuments  int
	MaxChecks     int
}

// shutdownGrace is how long serve waits for requests in flight when it is
// stopped.
const shutdownGrace = 5 * time.Second

const serveSummary = `
Serve runs the newsroom web page: open the address it prints, paste an
article or upload it (.txt, .html, .htm), and see, in the report of "scan
--format html", which indexed articles it copies, excerpts or rewrites and
which copy, excerpt or rewrite it. Programs post JSON to /api/check:

  curl -H 'Content-Type: application/json' \
    -d '{"id": "story-1", "text": "..."}' http://127.0.0.1:8080/api/check

and get the JSON report of "reprint check --format json". The body may
also be {"documents": [{"id": ..., "text": ...}, ...]}, or the raw article
with Content-Type text/plain or text/html (?id=NAME names it). A "url"
field is only shown in the report: the server never fetches anything. GET /healthz
answers "ok".

Errors get a status and a message: 400 bad input (malformed JSON, empty
text), 405 wrong method, 413 a body over --max-bytes, 415 an unknown
Content-Type, 503 a check over --timeout (or waiting that long behind
--max-checks others).

Serve listens on 127.0.0.1 by default, reachable from this computer only.
It has no login: to open it to a newsroom, put it behind a reverse proxy
that authenticates, or give --addr with care.

The index is opened read-only for as long as serve runs, and an index can
have only one writer, which waits for the readers: "reprint index add" on
the same file waits 10 seconds and gives up. Stop serve (Ctrl-C finishes
the requests in flight, for at most 5 seconds), add, and start it again.
The detection flags must give the index's fingerprint and LSH parameters,
as for check.
`

func newServeCommand(stderr io.Writer) (*command, *serveOptions) {
	c := newCommand("serve", "reprint serve --index FILE [flags]", serveSummary, stderr)
	o := &serveOptions{}
	c.group("Index", func(fs *pflag.FlagSet) {
		o.index.AddFlags(fs)
		fs.IntVar(&o.MaxCandidates, "max-candidates", 100, "verify at most `N` indexed articles per query, those sharing the most LSH keys (0 = all)")
		o.index.addQueryFlags(fs, 1)
	})
	c.group("Server", func(fs *pflag.FlagSet) {
		fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0: any free port; the address is printed)")
		fs.Int64Var(&o.MaxBytes, "max-bytes", web.DefaultMaxBytes, "largest request body in `BYTES` (a form's file or text may be this long); larger ones get 413")
		fs.DurationVar(&o.Timeout, "timeout", web.DefaultTimeout, "time limit of one check; slower ones get 503")
		fs.IntVar(&o.MaxDocuments, "max-documents", web.DefaultMaxDocuments, "most articles in one /api/check request")
		fs.IntVar(&o.MaxChecks, "max-checks", 0, "most checks running at once; others wait, within --timeout (0 = one per CPU)")
	})
	c.group("Detection", o.detect.AddFlags)
	c.addHelp()
	return c, o
}

// serveURL is the address to open in a browser for a server asked to
// listen on addr and listening on ln (whose port is the real one when addr
// asks for port 0). A host left out or unspecified (":8080", "0.0.0.0",
// "[::]") listens on every address; all reports it, and the URL names
// localhost. Otherwise the host is shown as the user gave it.
func serveURL(addr string, ln net.Addr) (url string, all bool) {
	host, _, err := net.SplitHostPort(addr)
	_, port, err2 := net.SplitHostPort(ln.String())
	if err != nil || err2 != nil {
		return "http://" + ln.String(), false
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host, all = "localhost", true
	}
	return "http://" + net.JoinHostPort(host, port), all
}

// runServe runs "reprint serve" until ctx is cancelled.
func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	c, o := newServeCommand(stderr)
	rest, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	switch {
	case o.index.Path == "":
		return usageErrorf("serve: --index FILE is required")
	case len(rest) > 0:
		return usageErrorf("serve: takes no PATH, got %q (articles are posted to the page)", rest[0])
	case o.MaxCandidates < 0:
		return usageErrorf("serve: --max-candidates must not be negative, got %d", o.MaxCandidates)
	case o.MaxBytes <= 0:
		return usageErrorf("serve: --max-bytes must be positive, got %d", o.MaxBytes)
	case o.Timeout <= 0:
		return usageErrorf("serve: --timeout must be positive, got %v", o.Timeout)
	case o.MaxDocuments <= 0:
		return usageErrorf("serve: --max-documents must be positive, got %d", o.MaxDocuments)
	case o.MaxChecks < 0:
		return usageErrorf("serve: --max-checks must not be negative, got %d", o.MaxChecks)
	}
	det, err := reprint.New(o.detect.Options())
	if err != nil {
		return &usageError{err}
	}
	// The open waits while another process writes the index (up to its
	// timeout): an interrupt then stops serve at once, before it serves.
	type opened struct {
		ix  *index.Index
		err error
	}
	opening := make(chan opened, 1)
	go func() {
		x, err := o.index.open("serve", det.Params(), true, stderr, false)
		opening <- opened{x, err}
	}()
	var ix *index.Index
	select {
	case r := <-opening:
		if r.err != nil {
			return r.err
		}
		ix = r.ix
	case <-ctx.Done():
		go func() {
			if r := <-opening; r.err == nil {
				r.ix.Close()
			}
		}()
		return ctx.Err()
	}
	defer ix.Close()
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		hint := "give --addr as HOST:PORT, such as 127.0.0.1:8080"
		if errors.Is(err, syscall.EADDRINUSE) {
			hint = "another server on that port? choose one with --addr"
		}
		return usageErrorf("serve: cannot listen on %s: %v (%s)", o.Addr, unwrapOp(err), hint)
	}
	wo := web.Options{
		MaxBytes:     o.MaxBytes,
		Timeout:      o.Timeout,
		MaxDocuments: o.MaxDocuments,
		MaxChecks:    o.MaxChecks,
		ErrorLog:     log.New(stderr, "", log.LstdFlags),
	}
	h := web.NewServer(search.New(ix, det, search.Options{MaxCandidates: o.MaxCandidates}), wo)
	srv := web.NewHTTPServer(ln.Addr().String(), h, wo)
	url, all := serveURL(o.Addr, ln.Addr())
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		where := url
		if all {
			where = "every address of this computer"
		}
		fmt.Fprintf(stderr, "reprint: warning: serving on %s: reachable from other computers, and the page has no login\n", where)
	}
	fmt.Fprintf(stderr, "reprint: serving on %s\n", url)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		fmt.Fprintf(stderr, "reprint: stopped after %v with requests still in flight (%v)\n", shutdownGrace, err)
	} else {
		fmt.Fprintln(stderr, "reprint: stopped")
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// unwrapOp drops the "listen tcp ADDR:" prefix of a *net.OpError, since
// the message names the address already.
func unwrapOp(err error) error {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err
	}
	return err
}
