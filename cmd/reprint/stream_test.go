package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
)

// TestSpoolReadsAgain checks that a JSONL document is read again from its
// line, another is copied to the spool, and a changed input is noticed.
func TestSpoolReadsAgain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.jsonl")
	line := `{"id":"a1","text":"from the file"}`
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sp, err := newSpool(input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	if _, err := sp.add(reprint.Document{ID: "a1", Text: "from the file"}, input.Location{Path: path, Start: 0, End: int64(len(line))}); err != nil {
		t.Fatal(err)
	}
	if _, err := sp.add(reprint.Document{ID: "s1", Text: "spooled"}, input.Location{}); err != nil {
		t.Fatal(err)
	}
	if err := sp.flush(); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"from the file", "spooled"} {
		if got, err := sp.text(i); err != nil || got != want {
			t.Errorf("text(%d): got %q, %v; want %q", i, got, err, want)
		}
	}
	if err := os.WriteFile(path, []byte(line+"\n"+line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = sp.text(0)
	if err == nil || !strings.Contains(err.Error(), "changed while it was scanned") || exitCode(err) != exitInput {
		t.Errorf("text of a changed file: got %v (exit %d), want an error saying it changed (exit %d)", err, exitCode(err), exitInput)
	}
}
