// Package golden compares test output with golden files under testdata/.
// Run the tests with -update to rewrite the files from the current output.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with the contents of the file at path. With -update it
// writes got to path (creating directories) instead. On a mismatch it fails
// tb with the first differing line, showing got and want.
func Check(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("golden: %v (run with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	tb.Errorf("golden %s mismatch (run with -update to accept):\n%s", path, diff(got, want))
}

// diff describes the first line at which got and want differ.
func diff(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		gok, wok := i < len(g), i < len(w)
		if gok {
			gl = g[i]
		}
		if wok {
			wl = w[i]
		}
		if gok && wok && gl == wl {
			continue
		}
		switch {
		case !gok:
			gl = "<end of output>"
		case !wok:
			wl = "<end of file>"
		}
		return fmt.Sprintf("line %d:\n  got  %q\n  want %q\n(got %d lines, want %d)", i+1, gl, wl, len(g), len(w))
	}
	return fmt.Sprintf("got %d bytes, want %d bytes", len(got), len(want))
}
