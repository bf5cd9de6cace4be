package main

import (
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/input"
)

// filterOptions are the flags of filter.
type filterOptions struct {
	index         indexOptions
	detect        detectOptions
	input         inputOptions
	Drop          bool
	Add           bool
	Window        int
	MaxCandidates int
	Batch         int
	Quiet         bool
}

const filterSummary = `
Filter copies JSON Lines from standard input to standard output, one
article per line, and marks each line that copies, excerpts or rewrites an
indexed article or an earlier line of the stream: it adds a field

  "reprint":{"duplicate_of":"ID","relation":"copy","score":0.97}

before the line's closing brace, or with --drop leaves the line out. The
other bytes of a line are kept as they were; a line with no match is copied
unchanged. The match reported is the derived pair with the highest score.
With --add the lines that are written out are also added to the index, in
batches. Memory is bounded, not growing with the stream: the keys and
compressed texts of the last --window lines written out are kept to compare
later lines with (about 4 KB a line for news articles, plus caches).

A line is verified against the articles and earlier lines that share at
least --min-shared-keys of its LSH keys (2 by default; check uses 1): one
shared key is mostly chance, and skipping those makes filter several times
faster for about 1% of the derived pairs, the weakest. Those sharing as
many of its anchor keys (a passage word for word, which a long text's LSH
keys may not show) are verified too, looked up apart.

Every line is accounted for: a line that is not a JSON object with an ID and
a text is left out and reported on standard error as "-:LINE: reason", and a
summary "read N, passed P (M marked), dropped D, rejected R" (N = P + D +
R, plus the line an error stopped on, if one did) ends the run. Blank lines are skipped and not counted. --index is
optional: without it lines are compared with earlier lines only. A line
whose ID is that of an indexed article or of an earlier line is not
compared with it.
`

func newFilterCommand(stderr io.Writer) (*command, *filterOptions) {
	c := newCommand("filter", "reprint filter [--index FILE] [--drop] [--add] [flags] < IN.jsonl > OUT.jsonl", filterSummary, stderr)
	o := &filterOptions{}
	c.group("Filter", func(fs *pflag.FlagSet) {
		fs.StringVar(&o.index.Path, "index", "", "compare lines with the index `FILE` (and add to it with --add)")
		fs.BoolVar(&o.Drop, "drop", false, "leave out lines that derive from an indexed or earlier line, instead of marking them")
		fs.BoolVar(&o.Add, "add", false, "add the lines written out to the index (requires --index)")
		fs.IntVar(&o.Window, "window", 100000, "compare each line with at most `N` earlier lines written out (0: none)")
		fs.IntVar(&o.MaxCandidates, "max-candidates", 100, "verify at most `N` indexed articles and N earlier lines per line, those sharing the most LSH keys, and N more of each sharing its anchor keys (0 = all)")
		o.index.addQueryFlags(fs, 2)
		fs.IntVar(&o.Batch, "batch", 1000, "lines per transaction with --add")
	})
	c.group("Detection", o.detect.AddFlags)
	c.group("Input", o.input.AddFlags)
	c.group("Output", func(fs *pflag.FlagSet) {
		fs.BoolVarP(&o.Quiet, "quiet", "q", false, "print no warnings and no summary on standard error (rejected lines are still reported)")
	})
	c.addHelp()
	return c, o
}

// filterCounts account for every non-blank input line.
type filterCounts struct {
	read, passed, tagged, dropped, rejected int
	added, replaced, unchanged              int // --add: what became of the passed lines in the index
}

// runFilter runs "reprint filter".
func runFilter(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	c, o := newFilterCommand(stderr)
	rest, done, err := c.parseArgs(args, stdout)
	if done || err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usageErrorf("filter: unexpected arguments %q (filter reads standard input)", rest)
	case o.Add && o.index.Path == "":
		return usageErrorf("filter: --add requires --index")
	case o.Window < 0 || o.MaxCandidates < 0 || o.Batch < 1:
		return usageErrorf("filter: --window and --max-candidates must not be negative, --batch must be positive")
	}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	opts := o.detect.Options()
	det, err := reprint.New(opts)
	if err != nil {
		return &usageError{err}
	}
	var ix *index.Index
	if o.index.Path != "" {
		if ix, err = o.index.open("filter", det.Params(), !o.Add, stderr, o.Quiet); err != nil {
			return err
		}
		defer func() {
			if cerr := ix.Close(); err == nil {
				err = cerr
			}
		}()
	}
	f := &filter{
		o: o, opts: opts, det: det, ix: ix, stderr: stderr,
		win: newWindow(o.Window, maxPostings(o.index.MaxPostings), o.index.MinShared),
		out: bufio.NewWriterSize(stdout, 64<<10),
	}
	err = f.run(ctx, stdin)
	if !o.Quiet {
		added := ""
		if o.Add {
			added = o.index.Path
		}
		fmt.Fprintf(stderr, "reprint: filter: %s\n", f.n.summary(added))
	}
	return err
}

// summary says what became of the lines read, and with added (the index
// path, for --add) how many were added to it. A line the run stopped on
// (a damaged index, say) is neither passed, dropped nor rejected: it says
// so, so that the counts still add up.
func (n filterCounts) summary(added string) string {
	s := fmt.Sprintf("read %d, passed %d (%d marked), dropped %d, rejected %d", n.read, n.passed, n.tagged, n.dropped, n.rejected)
	switch {
	case added == "":
	case n.replaced == 0 && n.unchanged == 0:
		s += fmt.Sprintf("; added %d to %s", n.added, added)
	default:
		s += fmt.Sprintf("; to %s added %d, replaced %d, unchanged %d", added, n.added, n.replaced, n.unchanged)
	}
	if left := n.read - n.passed - n.dropped - n.rejected; left > 0 {
		s += fmt.Sprintf(", stopped by the error below %d", left)
	}
	return s
}

func maxPostings(n int) int {
	if n <= 0 {
		return index.DefaultMaxPostings
	}
	return n
}

// filter is one run of reprint filter.
type filter struct {
	o      *filterOptions
	opts   reprint.Options
	det    *reprint.Detector
	ix     *index.Index
	win    *window
	out    *bufio.Writer
	stderr io.Writer
	n      filterCounts

	// addGen counts the flushes of --add: a worker's index lookup is
	// current if none happened since.
	addGen atomic.Int64

	// Lines passed and not yet added to the index (--add).
	docs []reprint.Document
	fps  []*reprint.Fingerprint
	keys [][]uint64
}

// job is one input line on its way through the workers.
type job struct {
	line int
	raw  []byte
	done chan struct{}

	doc    reprint.Document
	err    error // a rejected line
	fatal  error // an index or window failure
	warned []string
	fp     *reprint.Fingerprint
	keys   []uint64 // LSH keys
	akeys  []uint64 // anchor keys, looked up apart (Detector.AnchorKeys)
	ztext  []byte   // the text compressed, for the window

	// What the worker found among the indexed articles and the lines
	// in the window when it looked: the best match, the indexed
	// articles and window lines compared (ixIDs, winSeqs: lines by
	// number, for two lines may have one ID), and the index's generation
	// when it looked (addGen).
	match   *match
	ixIDs   []string
	winSeqs []int64
	addGen  int64
}

// run reads stdin, sends each line to the workers, and handles the
// results in input order.
func (f *filter) run(ctx context.Context, stdin io.Reader) error {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := f.det.Options().Workers
	jobs := make(chan *job, 4*workers)
	order := make(chan *job, 64*workers)
	var readErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(order)
		defer close(jobs)
		br := bufio.NewReaderSize(stdin, 64<<10)
		for line := 1; ctx.Err() == nil; line++ {
			raw, tooLong, err := readLine(br, input.MaxRecordSize)
			if tooLong || len(bytes.TrimSpace(raw)) > 0 {
				j := &job{line: line, raw: raw, done: make(chan struct{})}
				if tooLong {
					j.err = fmt.Errorf("-:%d: %w", line, input.ErrLineTooLong)
				}
				select {
				case order <- j:
				case <-ctx.Done():
					return
				}
				jobs <- j
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = inputErrorf("filter: read standard input: line %d: %w", line, unwrapPath(err))
				return
			}
		}
	})
	wopts := f.opts
	wopts.Workers, wopts.Progress = 1, nil // parallel across lines instead
	for range workers {
		wg.Go(func() {
			det, _ := reprint.New(wopts)
			zw, _ := flate.NewWriter(nil, flate.BestSpeed)
			for j := range jobs {
				f.prepare(ctx, det, zw, j)
				close(j.done)
			}
		})
	}
	var err error
	for j := range order {
		<-j.done
		if err = ctx.Err(); err != nil {
			break
		}
		if err = f.handle(ctx, j); err != nil {
			break
		}
		if len(order) == 0 {
			if err = f.out.Flush(); err != nil {
				err = fmt.Errorf("filter: write: %w", err)
				break
			}
		}
	}
	cancel()
	for j := range order { // let the reader and workers stop
		<-j.done
	}
	wg.Wait()
	if ferr := f.flushAdd(); err == nil {
		err = ferr
	}
	if ferr := f.out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("filter: write: %w", ferr)
	}
	if err == nil {
		err = readErr
	}
	if err == nil {
		err = parent.Err()
	}
	return err
}

// readLine reads one line from br, its newline included. A line longer
// than limit is read to its end but not kept: tooLong is true and line
// nil, so that one huge line (a truncated or binary upstream) cannot take
// the memory. err is io.EOF at the end of the input.
func readLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		part, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(part) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, part...)
			}
		}
		if err != bufio.ErrBufferFull {
			return line, tooLong, err
		}
	}
}

// prepare does the part of a line's work that can run in parallel: it
// parses the line, fingerprints it, and compares it with its candidates
// in the index and among the lines already in the window.
func (f *filter) prepare(ctx context.Context, det *reprint.Detector, zw *flate.Writer, j *job) {
	if j.err != nil {
		return // a line too long to read
	}
	where := fmt.Sprintf("-:%d", j.line)
	opts := input.Options{Fields: f.o.input.Fields, Warn: func(msg string) {
		j.warned = append(j.warned, strings.Replace(msg, "-:1", where, 1))
	}}
	doc, err := input.NewJSONL(bytes.NewReader(j.raw), "-", opts).Read()
	if err != nil {
		var pe *input.ParseError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if err == io.EOF {
			err = errors.New("no document")
		}
		j.err = fmt.Errorf("%s: %w", where, err)
		return
	}
	doc.Source = where
	j.doc = doc
	j.fp = det.Fingerprint(doc)
	j.keys = det.Keys(j.fp)
	j.akeys = det.AnchorKeys(j.fp, nil)
	if f.win.size > 0 {
		j.ztext = compress(zw, doc.Text)
	}
	if f.ix != nil {
		j.addGen = f.addGen.Load() // before the lookup: a flush during it changes it
		if j.ixIDs, j.fatal = f.indexCandidates(j); j.fatal != nil {
			return
		}
	}
	wc := f.windowCandidates(j)
	var fps []*reprint.Fingerprint
	if j.winSeqs, fps, j.fatal = f.candidates(det, j, j.ixIDs, wc); j.fatal != nil {
		return
	}
	j.match, j.fatal = bestMatch(ctx, det, fps, j.fp)
}

// windowCandidates returns the window lines j is compared with: those
// sharing the most of its LSH keys, then those sharing its anchor keys
// (apart, as indexCandidates looks them up), each once.
func (f *filter) windowCandidates(j *job) []winCand {
	wc, _ := f.win.candidates(j.keys, 0, f.o.MaxCandidates)
	if len(j.akeys) < reprint.MinAnchors {
		return wc
	}
	more, _ := f.win.candidates(j.akeys, 0, f.o.MaxCandidates)
	for _, c := range more {
		if !slices.ContainsFunc(wc, func(w winCand) bool { return w.seq == c.seq }) {
			wc = append(wc, c)
		}
	}
	return wc
}

// indexCandidates returns the IDs of j's candidates in the index: those
// sharing the most of its LSH keys, best first, then those sharing its
// anchor keys, without j's own ID.
func (f *filter) indexCandidates(j *job) ([]string, error) {
	limit := f.o.MaxCandidates
	if limit > 0 {
		limit++ // the line itself may be indexed
	}
	ids, err := f.ix.Candidates(j.keys, limit)
	if err != nil {
		return nil, err
	}
	if len(j.akeys) >= reprint.MinAnchors {
		// Apart, as check looks them up: a site's footer gives its long
		// pages many anchor keys in common with a line of the site, which
		// ranked with the LSH keys would crowd its sources out.
		more, err := f.ix.CandidatesSharing(j.akeys, limit, reprint.MinAnchors)
		if err != nil {
			return nil, err
		}
		for _, id := range more {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	var keep []string
	for _, id := range ids {
		if id != j.doc.ID && (f.o.MaxCandidates == 0 || len(keep) < 2*f.o.MaxCandidates) {
			keep = append(keep, id)
		}
	}
	return keep, nil
}

// candidates returns the fingerprints of the documents j is compared
// with: the indexed ones (ixIDs), then the window lines of wc that
// windowLines keeps, whose numbers it returns too.
func (f *filter) candidates(det *reprint.Detector, j *job, ixIDs []string, wc []winCand) ([]int64, []*reprint.Fingerprint, error) {
	var fps []*reprint.Fingerprint
	if len(ixIDs) > 0 {
		var err error
		if fps, _, err = f.ix.Get(ixIDs); err != nil {
			return nil, nil, err
		}
	}
	keep := windowLines(wc, j.doc.ID, ixIDs)
	seqs := make([]int64, len(keep))
	for k, i := range keep {
		c := &wc[i]
		fp, err := f.win.fingerprint(c, det)
		if err != nil {
			return nil, nil, fmt.Errorf("window line %s: %w", c.doc.Source, err)
		}
		seqs[k] = c.seq
		fps = append(fps, fp)
	}
	return seqs, fps, nil
}

// windowLines returns the indices of the window candidates wc compared
// with a line of ID self: those of other IDs than self and ixIDs, the
// first of each ID.
func windowLines(wc []winCand, self string, ixIDs []string) []int {
	seen := map[string]bool{self: true}
	for _, id := range ixIDs {
		seen[id] = true
	}
	var keep []int
	for i := range wc {
		if id := wc[i].doc.ID; !seen[id] {
			seen[id] = true
			keep = append(keep, i)
		}
	}
	return keep
}

// match is the reprint field added to a line.
type match struct {
	DuplicateOf string           `json:"duplicate_of"`
	Relation    reprint.Relation `json:"relation"`
	Score       float64          `json:"score"`
}

// bestMatch returns the highest-scoring derived pair of q with one of
// cands whose original is the candidate, or nil; on a tie, the earlier
// candidate. A pair that names q the original (published earlier, say)
// does not count: q is not a copy of its own copy.
func bestMatch(ctx context.Context, det *reprint.Detector, cands []*reprint.Fingerprint, q *reprint.Fingerprint) (*match, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	n := len(cands)
	all := append(cands[:n:n], q)
	pairs := make([][2]int, n)
	for i := range pairs {
		pairs[i] = [2]int{i, n}
	}
	res, err := det.Resolve(ctx, all, nil, pairs)
	if err != nil {
		return nil, err
	}
	var m *match
	best := -1
	for _, p := range res.Pairs {
		if !p.Relation.Derived() || p.Original == n {
			continue
		}
		other := p.A
		if other == n {
			other = p.B
		}
		if m != nil && (p.Score < m.Score || p.Score == m.Score && other > best) {
			continue
		}
		best = other
		m = &match{DuplicateOf: res.Documents[other].ID, Relation: p.Relation, Score: math.Round(p.Score*1e4) / 1e4}
	}
	return m, nil
}

// settle returns j's match as a filter reading one line at a time would
// find it: against the index and the window as they are now, in input
// order. The worker looked earlier, while lines before j were still
// being handled (lines entered the window, old ones left it, --add
// flushed to the index), so its candidates are looked up again; when they
// are the same, the worker's match stands, else j is compared again here.
// Comparing only the lines added since would not do: which candidates
// make the limit, and which pair of a family Resolve keeps, depend on
// all of them, so the mark would depend on goroutine timing.
func (f *filter) settle(ctx context.Context, j *job) (*match, error) {
	ixIDs := j.ixIDs
	indexChanged := f.ix != nil && f.addGen.Load() != j.addGen
	if indexChanged {
		// A flush may have added candidates or replaced documents under
		// the IDs the worker compared: compare again.
		var err error
		if ixIDs, err = f.indexCandidates(j); err != nil {
			return nil, err
		}
	}
	wc := f.windowCandidates(j)
	if !indexChanged {
		keep := windowLines(wc, j.doc.ID, ixIDs)
		same := len(keep) == len(j.winSeqs)
		for k := 0; same && k < len(keep); k++ {
			same = wc[keep[k]].seq == j.winSeqs[k]
		}
		if same {
			return j.match, nil
		}
	}
	_, fps, err := f.candidates(f.det, j, ixIDs, wc)
	if err != nil {
		return nil, err
	}
	return bestMatch(ctx, f.det, fps, j.fp)
}

// handle decides a line's fate, in input order: it compares the line with
// the lines that entered the window after its worker looked, then writes,
// marks or drops it.
func (f *filter) handle(ctx context.Context, j *job) error {
	f.n.read++
	if !f.o.Quiet {
		for _, w := range j.warned {
			warning(f.stderr, w)
		}
	}
	if j.fatal != nil {
		return &inputError{fmt.Errorf("filter: -:%d: %w", j.line, j.fatal)}
	}
	if j.err != nil {
		f.n.rejected++
		fmt.Fprintf(f.stderr, "reprint: %v\n", j.err)
		if f.o.input.Strict {
			return inputErrorf("filter: a line could not be read (--strict)")
		}
		return nil
	}
	m, err := f.settle(ctx, j)
	if err != nil {
		return fmt.Errorf("filter: -:%d: %w", j.line, err)
	}
	line := j.raw
	if m != nil {
		if f.o.Drop {
			f.n.dropped++
			return nil
		}
		val, _ := json.Marshal(m)
		var err error
		if line, err = setField(j.raw, "reprint", val); err != nil {
			return fmt.Errorf("filter: -:%d: %w", j.line, err)
		}
		f.n.tagged++
	}
	if _, err := f.out.Write(line); err != nil {
		return fmt.Errorf("filter: write: %w", err)
	}
	if len(line) == 0 || line[len(line)-1] != '\n' {
		if err := f.out.WriteByte('\n'); err != nil {
			return fmt.Errorf("filter: write: %w", err)
		}
	}
	f.n.passed++
	keys := append(j.keys[:len(j.keys):len(j.keys)], j.akeys...) // IndexKeys
	f.win.add(j.doc, j.ztext, j.fp, keys)
	if f.o.Add {
		f.docs = append(f.docs, j.doc)
		f.fps = append(f.fps, j.fp)
		f.keys = append(f.keys, keys)
		if len(f.docs) >= f.o.Batch {
			return f.flushAdd()
		}
	}
	return nil
}

// flushAdd adds the lines waiting for --add to the index.
func (f *filter) flushAdd() error {
	if len(f.docs) == 0 {
		return nil
	}
	st, err := f.ix.Add(f.docs, f.fps, f.keys)
	if err != nil {
		return fmt.Errorf("filter: %w", err)
	}
	f.addGen.Add(1)
	f.n.added += st.Added
	f.n.replaced += st.Replaced
	f.n.unchanged += st.Unchanged
	if len(st.Unrelated) > 0 && !f.o.Quiet {
		warning(f.stderr, unrelatedWarning(st.Unrelated))
	}
	f.docs, f.fps, f.keys = nil, nil, nil
	return nil
}

// setField returns the JSON object line with key set to the JSON value
// val. The other bytes of the line are kept: when key is not in the
// object, the member is inserted before the closing brace; otherwise only
// the bytes of key's value are replaced. A byte order mark or white space
// before the object is kept too.
func setField(line []byte, key string, val []byte) ([]byte, error) {
	end := len(bytes.TrimRight(line, " \t\r\n"))
	if end == 0 || line[end-1] != '}' {
		return nil, errors.New("not a JSON object")
	}
	start := len(line) - len(bytes.TrimLeft(bytes.TrimPrefix(line, utf8BOM), " \t\r\n"))
	obj := line[start:end]
	spans, err := memberValues(obj, key)
	if err != nil {
		return nil, err
	}
	if len(spans) == 0 {
		qkey, _ := json.Marshal(key)
		body := bytes.TrimRight(line[:end-1], " \t\r\n")
		out := make([]byte, 0, len(line)+len(qkey)+len(val)+2)
		out = append(out, body...)
		if len(body) > start && body[len(body)-1] != '{' {
			out = append(out, ',')
		}
		out = append(out, qkey...)
		out = append(out, ':')
		out = append(out, val...)
		out = append(out, line[end-1:]...)
		return out, nil
	}
	out := make([]byte, 0, len(line)+len(val))
	at := 0
	for _, sp := range spans {
		out = append(out, line[at:start+sp[0]]...)
		out = append(out, val...)
		at = start + sp[1]
	}
	return append(out, line[at:]...), nil
}

// utf8BOM is the UTF-8 byte order mark, which a line saved by some
// Windows tools starts with.
var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// memberValues returns the byte spans of the values of obj's top-level
// members named key (usually none or one), obj being one JSON object.
func memberValues(obj []byte, key string) ([][2]int, error) {
	if !bytes.Contains(obj, []byte(key)) {
		return nil, nil // most lines: no need to parse
	}
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var spans [][2]int
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if k, _ := t.(string); k == key {
			valEnd := int(dec.InputOffset())
			spans = append(spans, [2]int{valEnd - len(raw), valEnd})
		}
	}
	return spans, nil
}
