package input

import (
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/valyala/fastjson"

	"github.com/reprint-dev/reprint"
)

// jsonlBatchLines is how many lines one decoding job holds.
const jsonlBatchLines = 64

// jsonlBatch is a run of lines decoded by one worker. done is closed when
// out is filled. A batch whose err is set is the last one.
type jsonlBatch struct {
	lines [][]byte
	first int // number of the first line
	out   []decoded
	done  chan struct{}
	err   error // io.EOF, or a read error naming its line, after these lines
	last  int   // number of the last line read, for a read error
}

// jsonlPipe reads lines on one goroutine, decodes batches of them on
// workers, and hands them back in order through order.
type jsonlPipe struct {
	order chan *jsonlBatch
	stop  chan struct{}
	once  sync.Once
	cur   *jsonlBatch
	next  int // index in cur.out
}

func (r *JSONLReader) startPipe() {
	workers := r.opts.Workers
	p := &jsonlPipe{order: make(chan *jsonlBatch, 2*workers), stop: make(chan struct{})}
	work := make(chan *jsonlBatch, 2*workers)
	for range workers {
		go func() {
			var parser fastjson.Parser // one per worker: a Parser is not safe for concurrent use
			for b := range work {
				b.out = make([]decoded, len(b.lines))
				for i, line := range b.lines {
					n := b.first + i
					if len(bytes.TrimSpace(line)) == 0 {
						b.out[i] = decoded{line: n, blank: true}
						continue
					}
					b.out[i] = decodeLine(line, n, r.name, r.fields, &parser)
				}
				close(b.done)
			}
		}()
	}
	go func() {
		defer close(work)
		defer close(p.order)
		n := 0 // lines read; r.line belongs to the consumer
		for {
			b := &jsonlBatch{first: n + 1, done: make(chan struct{})}
			for len(b.lines) < jsonlBatchLines {
				line, err := r.readLine()
				if err != nil {
					if err != io.EOF {
						err = fmt.Errorf("%s:%d: %w", r.name, n+1, err)
					}
					b.err, b.last = err, n
					break
				}
				n++
				if n == 1 {
					line = trimBOM(line)
				}
				if !isTooLong(line) {
					line = bytes.Clone(line)
				}
				b.lines = append(b.lines, line)
			}
			select {
			case work <- b:
			case <-p.stop:
				return
			}
			select {
			case p.order <- b:
			case <-p.stop:
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	r.pipe = p
}

// readParallel is Read with lines decoded on Options.Workers goroutines.
func (r *JSONLReader) readParallel() (reprint.Document, error) {
	if r.pipe == nil {
		if r.err != nil {
			return reprint.Document{}, r.err
		}
		r.startPipe()
	}
	p := r.pipe
	for {
		if p.cur == nil || p.next == len(p.cur.out) {
			if p.cur != nil && p.cur.err != nil {
				r.err = p.cur.err
				r.line = p.cur.last
				r.failAt = r.line + 1
				p.cur = nil
			}
			if r.err != nil {
				return reprint.Document{}, r.err
			}
			b, ok := <-p.order
			if !ok {
				r.err = io.EOF
				return reprint.Document{}, r.err
			}
			<-b.done
			p.cur, p.next = b, 0
			continue
		}
		d := p.cur.out[p.next]
		p.next++
		r.line = d.line
		if d.blank {
			continue
		}
		doc, err := r.finish(d)
		if err != nil {
			return reprint.Document{}, &ParseError{Source: r.name, Line: d.line, Err: err}
		}
		return doc, nil
	}
}

// Close stops a parallel reader's goroutines when reading stops before the
// end. It does not close the underlying reader.
func (r *JSONLReader) Close() error {
	if r.pipe != nil {
		r.pipe.once.Do(func() { close(r.pipe.stop) })
	}
	return nil
}
