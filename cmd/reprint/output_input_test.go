package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputIsAnInput checks that -o naming a file the command reads (a
// corpus, labels, check's index) is a usage error before any work, and the
// file is left as it was, where the report used to overwrite it.
func TestOutputIsAnInput(t *testing.T) {
	dir := t.TempDir()
	corpus := writeFile(t, dir, "c.jsonl", jsonLine("a", "The council voted on Monday to close the old bridge for repairs."))
	labels := writeFile(t, dir, "l.jsonl", `{"doc":"a","label":"non_derived","sources":[]}`+"\n")
	idx := filepath.Join(dir, "x.idx")
	if code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "-q", "--index", idx, corpus); code != exitOK {
		t.Fatalf("index add: exit %d: %s", code, errOut)
	}
	other := writeFile(t, dir, "b.txt", "Another text about a bridge.")
	tests := []struct {
		name string
		args []string
		file string // the input -o names
	}{
		{"scan", []string{"scan", "-o", corpus, corpus}, corpus},
		{"scan through another path", []string{"scan", "-o", filepath.Join(dir, ".", "c.jsonl"), corpus}, corpus},
		{"compare", []string{"compare", "-o", other, corpus, other}, other},
		{"eval labels", []string{"eval", "--docs", corpus, "--labels", labels, "-o", labels}, labels},
		{"check index", []string{"check", "--index", idx, "-o", idx, other}, idx},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			code, _, errOut := runCmd(t, t.Context(), "", tt.args...)
			if code != exitUsage {
				t.Errorf("got exit %d, want %d (stderr %q)", code, exitUsage, errOut)
			}
			after, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if string(after) != string(before) {
				t.Errorf("got %s changed (%d bytes, was %d), want it left as it was", tt.file, len(after), len(before))
			}
		})
	}
}

// TestCompareVersionsUnderOneID checks that compare takes two files that
// hold one article each under the same ID (two versions of a story) and
// names them by where they were read, where it refused a duplicate ID.
func TestCompareVersionsUnderOneID(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "v1.jsonl", jsonLine("story-1", seedText(t, seed1)))
	b := writeFile(t, dir, "v2.jsonl", jsonLine("story-1", seedText(t, seed2)))
	code, out, errOut := runCmd(t, t.Context(), "", "compare", "--format", "json", a, b)
	if code != exitOK {
		t.Fatalf("got exit %d, want %d: %s", code, exitOK, errOut)
	}
	var res struct {
		Documents []struct{ ID string }
		Pairs     []struct{ Relation string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Documents) != 2 || res.Documents[0].ID != a+":1" || res.Documents[1].ID != b+":1" {
		t.Errorf("got documents %+v, want %s:1 and %s:1", res.Documents, a, b)
	}
	if len(res.Pairs) != 1 || res.Pairs[0].Relation != "machine_rewrite" {
		t.Errorf("got pairs %+v, want one machine_rewrite", res.Pairs)
	}
}

// TestEvalWarnsOfUnknownLabels checks that eval names a label value it
// does not score (a misspelling) with its first line, and scores the rest.
func TestEvalWarnsOfUnknownLabels(t *testing.T) {
	dir := t.TempDir()
	docs := writeFile(t, dir, "d.jsonl", jsonLine("a", "x y z w")+jsonLine("b", "x y z q")+jsonLine("c", "x"))
	labels := writeFile(t, dir, "l.jsonl", `{"doc":"b","label":"non_derived"}`+"\n"+
		`{"doc":"a","label":"wholly-derived","sources":["b"]}`+"\n"+`{"doc":"c","label":"wholly-derived","sources":["b"]}`+"\n")
	code, _, errOut := runCmd(t, t.Context(), "", "eval", "--docs", docs, "--labels", labels)
	if code != exitOK {
		t.Fatalf("got exit %d, want %d: %s", code, exitOK, errOut)
	}
	want := `l.jsonl:2: label "wholly-derived" is not scored (2 labels;`
	if !strings.Contains(errOut, want) {
		t.Errorf("got stderr %q, want it to hold %q", errOut, want)
	}
}
