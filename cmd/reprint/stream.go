package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
)

// spool keeps the means to read each document's text again, so that a
// scan holds only fingerprints in memory and reads back the texts that
// verification and evidence need. A document from a JSON Lines file is
// read again from its line in that file; any other (standard input, web
// pages, plain files) is copied to a temporary file as it is read. Writing
// every text out again cost a 2.7 GB, million-document scan seconds of
// kernel time.
type spool struct {
	f      *os.File
	w      *bufio.Writer // texts are written through it; flush before reading
	pos    int64         // bytes written to f
	size   int64         // bytes of text added, spooled or not
	offs   []int64       // per document: offset in f, or start of its line
	lens   []int32       // per document: length of the text, or of its line
	file   []int32       // per document: -1 spooled, else index in inputs
	ids    []string      // per document, to check a line read again
	inputs []*os.File
	stats  []os.FileInfo // of each input when opened, to notice a change
	paths  map[string]int32
	opts   input.Options // how the inputs were read
}

func newSpool(opts input.Options) (*spool, error) {
	f, err := os.CreateTemp("", "reprint-spool-*")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 1<<20), paths: map[string]int32{}, opts: opts}, nil
}

// add records a document (where loc says it can be read again, or copied
// to the spool file) and returns its number. Texts can be read back once
// flush is called.
func (s *spool) add(doc reprint.Document, loc input.Location) (int, error) {
	s.size += int64(len(doc.Text))
	s.ids = append(s.ids, doc.ID)
	if loc.Path != "" {
		k, ok := s.paths[loc.Path]
		if !ok {
			f, err := os.Open(loc.Path)
			if err != nil {
				return 0, fmt.Errorf("spool: %w", err)
			}
			fi, err := f.Stat()
			if err != nil {
				f.Close()
				return 0, fmt.Errorf("spool: %w", err)
			}
			k = int32(len(s.inputs))
			s.inputs = append(s.inputs, f)
			s.stats = append(s.stats, fi)
			s.paths[loc.Path] = k
		}
		s.offs = append(s.offs, loc.Start)
		s.lens = append(s.lens, int32(loc.End-loc.Start))
		s.file = append(s.file, k)
		return len(s.offs) - 1, nil
	}
	if _, err := s.w.WriteString(doc.Text); err != nil {
		return 0, fmt.Errorf("spool: %w", err)
	}
	s.offs = append(s.offs, s.pos)
	s.lens = append(s.lens, int32(len(doc.Text)))
	s.file = append(s.file, -1)
	s.pos += int64(len(doc.Text))
	return len(s.offs) - 1, nil
}

// flush writes out the buffered texts; call it after the last add.
func (s *spool) flush() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// text returns the text of document i. It is safe for concurrent use.
func (s *spool) text(i int) (string, error) {
	if k := s.file[i]; k >= 0 {
		f := s.inputs[k]
		loc := input.Location{Path: f.Name(), Start: s.offs[i], End: s.offs[i] + int64(s.lens[i])}
		// An input that changed is an input error (exit 3), not ours.
		if fi, err := f.Stat(); err != nil || fi.Size() != s.stats[k].Size() || !fi.ModTime().Equal(s.stats[k].ModTime()) {
			return "", inputErrorf("%s changed while it was scanned (its texts are read again for verification)", loc.Path)
		}
		doc, err := input.ReadLocation(f, loc, s.opts)
		if err != nil {
			return "", &inputError{err}
		}
		if doc.ID != s.ids[i] {
			return "", inputErrorf("%s changed while it was read: id %q at byte %d, want %q", loc.Path, doc.ID, loc.Start, s.ids[i])
		}
		return doc.Text, nil
	}
	b := make([]byte, s.lens[i])
	if _, err := s.f.ReadAt(b, s.offs[i]); err != nil && err != io.EOF {
		return "", fmt.Errorf("spool: %w", err)
	}
	return string(b), nil
}

// Close closes the inputs and removes the spool file.
func (s *spool) Close() error {
	for _, f := range s.inputs {
		f.Close()
	}
	s.f.Close()
	return os.Remove(s.f.Name())
}

// prepared is one document's fingerprint with its number.
type prepared struct {
	i  int
	fp *reprint.Fingerprint
}

// readPrepared reads the documents named by paths (readEach's rules),
// spools their texts and prepares their fingerprints on workers as they
// arrive. Fingerprints come back in input order.
func readPrepared(ctx context.Context, sc *reprint.Scan, workers int, sp *spool, paths []string, stdin io.Reader, stderr io.Writer, in *inputOptions, quiet bool, progress reprint.Progress) ([]*reprint.Fingerprint, []reprint.InputError, []string, error) {
	type job struct {
		i   int
		doc reprint.Document
	}
	jobs := make(chan job, 4*workers)
	results := make(chan prepared, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				results <- prepared{j.i, sc.Prepare(j.i, j.doc)}
			}
		})
	}
	var fps []*reprint.Fingerprint
	done := make(chan struct{})
	go func() {
		for r := range results {
			for len(fps) <= r.i {
				fps = append(fps, nil)
			}
			fps[r.i] = r.fp
			if progress != nil {
				progress.Add(1)
			}
		}
		close(done)
	}()
	if progress != nil {
		progress.Stage("read and tokenize", -1)
	}
	errs, warnings, err := readEach(paths, stdin, stderr, in, quiet, func(doc reprint.Document, loc input.Location) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		i, err := sp.add(doc, loc)
		if err != nil {
			return err
		}
		jobs <- job{i, doc}
		return nil
	})
	close(jobs)
	wg.Wait()
	close(results)
	<-done
	if err == nil {
		err = sp.flush()
	}
	if err != nil {
		return nil, nil, nil, err
	}
	return fps, errs, warnings, nil
}
