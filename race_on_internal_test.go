//go:build race

package reprint

// raceEnabled reports whether the race detector is on: a test that
// measures allocations skips under it (sync.Pool drops buffers at random
// there), having run in the plain test run.
const raceEnabled = true
