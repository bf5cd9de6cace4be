package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenBench generates a small corpus and benchmarks a scan of it: the
// planted pairs must all be found.
func TestGenBench(t *testing.T) {
	dir := t.TempDir()
	docs, truth := filepath.Join(dir, "docs.jsonl"), filepath.Join(dir, "truth.jsonl")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"gen", "-n", "400", "-o", docs, "--truth", truth}, nil, &out, &errb); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"bench", "--docs", docs, "--truth", truth}, nil, &out, &errb); code != 0 {
		t.Fatalf("bench: exit %d: %s", code, errb.String())
	}
	var rep benchReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("bench output: %v\n%s", err, out.String())
	}
	if rep.Documents != 400 || rep.TruthPairs == nil || *rep.TruthPairs == 0 {
		t.Fatalf("got %d documents and truth pairs %v, want 400 and some", rep.Documents, rep.TruthPairs)
	}
	if rep.Recall == nil || rep.Precision == nil || *rep.Recall < 0.99 || *rep.Precision < 0.99 {
		t.Errorf("got recall %v precision %v, want both at least 0.99", rep.Recall, rep.Precision)
	}
	if p := rep.Params; p.NumHash != 128 || p.RewriteBands == 0 || p.RewriteRows == 0 || p.Candidates != rep.Candidates {
		t.Errorf("got params %+v, want the effective ones (128 hashes, the rewrite shape, %d candidates)", p, rep.Candidates)
	}

	// A truth file of another corpus whose IDs are not in docs: recall 0
	// is reported, with a warning.
	other := filepath.Join(dir, "other.truth")
	if err := os.WriteFile(other, []byte(`{"a":"x1","b":"x2","kind":"copy","jaccard":1}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"bench", "--docs", docs, "--truth", other}, nil, &out, &errb); code != 0 {
		t.Fatalf("bench: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), `"recall": 0,`) || !strings.Contains(errb.String(), "1 of 1 planted pairs name documents that are not in") {
		t.Errorf("got output %s and stderr %q, want recall 0 and a warning", out.String(), errb.String())
	}

	// The documents given as the truth file: an input error naming line 1.
	errb.Reset()
	if code := run(context.Background(), []string{"bench", "--docs", docs, "--truth", docs}, nil, &out, &errb); code != exitInput || !strings.Contains(errb.String(), "docs.jsonl:1: not a truth line") {
		t.Errorf("bench --truth DOCS: got exit %d, stderr %q; want %d and the line named", code, errb.String(), exitInput)
	}
	for _, st := range []string{"read and tokenize", "signatures", "candidates", "verify"} {
		if _, ok := rep.Stages[st]; !ok {
			t.Errorf("stage %q missing from %v", st, rep.StageOrder)
		}
	}
}

func TestGenBenchUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"bench without docs", []string{"bench"}, exitUsage},
		{"bench missing file", []string{"bench", "--docs", "/nonexistent/x.jsonl"}, exitInput},
		{"gen bad planted", []string{"gen", "-n", "10", "--planted", "0.9"}, exitUsage},
		{"gen no documents", []string{"gen", "-n", "0"}, exitUsage},
		{"gen no words", []string{"gen", "--words", "0"}, exitUsage},
		{"gen help", []string{"gen", "--help"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(context.Background(), tt.args, nil, &out, &errb); got != tt.want {
				t.Errorf("got exit %d, want %d (stderr %s)", got, tt.want, errb.String())
			}
		})
	}
}
