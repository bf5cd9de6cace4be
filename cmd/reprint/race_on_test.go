//go:build race

package main

// raceEnabled reports whether the race detector is on: the few tests that
// scan tens of thousands of documents skip under it (ten times slower),
// having run in the plain test run.
const raceEnabled = true
