package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/reprint-dev/reprint"
)

// spool keeps document texts in a temporary file, so that a scan holds
// only fingerprints in memory and reads back the few texts that evidence
// needs.
type spool struct {
	f    *os.File
	w    *bufio.Writer // texts are written through it; flush before reading
	size int64
	offs []int64
	lens []int32
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "reprint-spool-*")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

// add appends a text and returns its number. Texts can be read back once
// flush is called.
func (s *spool) add(text string) (int, error) {
	if _, err := s.w.WriteString(text); err != nil {
		return 0, fmt.Errorf("spool: %w", err)
	}
	s.offs = append(s.offs, s.size)
	s.lens = append(s.lens, int32(len(text)))
	s.size += int64(len(text))
	return len(s.offs) - 1, nil
}

// flush writes out the buffered texts; call it after the last add.
func (s *spool) flush() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// text returns text number i.
func (s *spool) text(i int) (string, error) {
	b := make([]byte, s.lens[i])
	if _, err := s.f.ReadAt(b, s.offs[i]); err != nil && err != io.EOF {
		return "", fmt.Errorf("spool: %w", err)
	}
	return string(b), nil
}

// Close removes the spool file.
func (s *spool) Close() error {
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
	errs, warnings, err := readEach(paths, stdin, stderr, in, quiet, func(doc reprint.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		i, err := sp.add(doc.Text)
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
