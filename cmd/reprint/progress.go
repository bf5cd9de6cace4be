package main

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/reprint-dev/reprint"
)

var _ reprint.Progress = (*bar)(nil)

// bar shows the detector's progress as a progress bar on standard error,
// one bar per stage. It is safe for concurrent use, as reprint.Progress
// requires. An invisible bar only counts.
type bar struct {
	w       io.Writer
	visible bool

	mu  sync.Mutex
	cur *progressbar.ProgressBar // the current stage's bar, nil before the first
}

// newBar returns a progress bar writing to w, shown only when w is a
// terminal and neither quiet nor noProgress is set.
func newBar(w io.Writer, quiet, noProgress bool) *bar {
	return &bar{w: w, visible: isTerminal(w) && !quiet && !noProgress}
}

// Stage ends the previous stage's bar and starts one for name, of total
// steps (total < 0: unknown, shown as a spinner).
func (b *bar) Stage(name string, total int) {
	if total < 0 {
		total = -1
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur != nil {
		_ = b.cur.Finish()
	}
	b.cur = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(b.w),
		progressbar.OptionSetVisibility(b.visible),
		progressbar.OptionThrottle(65*time.Millisecond),
		progressbar.OptionSetDescription(name),
		progressbar.OptionClearOnFinish(),
	)
}

// Add reports n more steps of the current stage done.
func (b *bar) Add(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur != nil {
		_ = b.cur.Add(n)
	}
}

// Finish ends the last stage and clears its bar, so that later output
// starts on a clean line.
func (b *bar) Finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur != nil {
		_ = b.cur.Finish()
		b.cur = nil
	}
}

// isTerminal reports whether w is a terminal (a character device). Writers
// that are not files are not terminals.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
