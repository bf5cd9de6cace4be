package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStderrEscapesControls: the text report escapes control characters
// from the input (ce1d00a) so that they cannot drive a terminal, but the
// warnings scan prints to standard error, which is the terminal too, write
// a file name holding ESC raw.
func TestStderrEscapesControls(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x\x1b[2Jy.txt")
	if err := os.WriteFile(name, []byte("\x00\x01binary"), 0o644); err != nil {
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("The council voted on Tuesday to close the old bridge for repairs."), 0o644)
	_, _, stderr := runCmd(t, context.Background(), "", "scan", "--format", "text", dir)
	if strings.Contains(stderr, "\x1b") {
		t.Errorf("got standard error %q, want ESC escaped", stderr)
	}
}
