package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A story copied word for word by more documents than spareCap (20,000)
// is still found. Found in review: 21,000 identical articles scan to
// 20,999 copy pairs, 22,000 to none (exit 0, even with --fail-on-match),
// with only the warning that they are "mostly text found in more than
// 1100 documents, left out as boilerplate"; 25,000 copies of one story
// appended to 20,000 generated articles likewise vanish. A crawler trap
// that serves one page under thousands of URLs is what a batch job meets.
// The cap is not in the README (late.go's spareCap comment says it).
func TestScanStoryCopiedMoreThanSpareCap(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("scans 22,000 documents")
	}
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "003_13c99c3a09f8c316.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := json.Marshal(string(seed))
	var b strings.Builder
	const n = 22000
	for i := range n {
		fmt.Fprintf(&b, "{\"id\":\"c%05d\",\"text\":%s}\n", i, text)
	}
	path := writeFile(t, t.TempDir(), "copies.jsonl", b.String())
	code, out, _ := runCmd(t, t.Context(), "", "scan", "-q", "--format", "json", path)
	if code != 0 {
		t.Fatalf("got exit %d", code)
	}
	if rep := decodeReport(t, out); len(rep.Pairs) < n-1 {
		t.Errorf("got %d pairs among %d identical articles, want %d copies", len(rep.Pairs), n, n-1)
	}
}
