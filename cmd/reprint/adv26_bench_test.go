package main

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBenchReportsUnreadableLines checks that bench warns of each line of
// its corpus it cannot read, as scan does, and counts them in its report,
// where it dropped them silently and benchmarked a smaller corpus.
func TestBenchReportsUnreadableLines(t *testing.T) {
	r := rand.New(rand.NewPCG(26, 1))
	good := jsonLine("a", synthText(r, 200)) + jsonLine("b", synthText(r, 200))
	tests := []struct {
		name     string
		content  string
		wantWarn string
	}{
		{"broken line", good + "not json\n", "docs.jsonl:3"},
		{"missing text", good + `{"id":"c"}` + "\n", "docs.jsonl:3"},
		{"duplicate id", good + jsonLine("a", synthText(r, 50)), "docs.jsonl:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := writeFile(t, t.TempDir(), "docs.jsonl", tt.content)
			code, out, errOut := runCmd(t, t.Context(), "", "bench", "--docs", docs)
			if code != exitOK {
				t.Fatalf("got exit %d, want %d: %s", code, exitOK, errOut)
			}
			if !strings.Contains(errOut, tt.wantWarn) {
				t.Errorf("got stderr %q, want a warning naming %s", errOut, tt.wantWarn)
			}
			var rep benchReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("report: %v", err)
			}
			if rep.Documents != 2 || rep.Skipped != 1 {
				t.Errorf("got documents %d, skipped %d, want 2 and 1", rep.Documents, rep.Skipped)
			}
		})
	}
}
