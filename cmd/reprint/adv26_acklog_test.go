package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAckLogIDWithNewline checks that the ack log names each committed
// document on one line: an ID holding a newline is written as a JSON
// string, where written raw it split into a line for a document never
// added.
func TestAckLogIDWithNewline(t *testing.T) {
	tests := []struct {
		name string
		id   string
	}{
		{"newline", "x\nadded fake"},
		{"carriage return and newline", "y\r\nadded fake2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			r := newAckRand()
			in := writeFile(t, dir, "in.jsonl", jsonLine(tt.id, synthText(r, 200))+"\n"+jsonLine("plain", synthText(r, 200))+"\n")
			idx, ack := filepath.Join(dir, "a.idx"), filepath.Join(dir, "ack.log")
			if code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "-q", "--index", idx, "--ack-log", ack, in); code != exitOK {
				t.Fatalf("index add: exit %d: %s", code, errOut)
			}
			b, err := os.ReadFile(ack)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
			if st := statsJSON(t, idx); len(lines) != st.Documents {
				t.Errorf("got %d ack lines %q for %d documents added, want one line per document", len(lines), lines, st.Documents)
			}
			for _, l := range lines {
				if strings.Contains(l, "fake") && !strings.Contains(l, "x") && !strings.Contains(l, "y") {
					t.Errorf("got ack line %q for a document that was never added", l)
				}
			}
		})
	}
}

func newAckRand() *rand.Rand { return rand.New(rand.NewPCG(26, 2)) }
