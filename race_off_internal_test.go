//go:build !race

package reprint

// raceEnabled: see race_on_test.go.
const raceEnabled = false
