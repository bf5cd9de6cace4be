package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestREADMEMeterClusterOriginalBy checks the README's count of METER's
// clusters by original_by ("on METER's court texts: `agency` 182
// clusters, `fuller` 35, `dates` 34, ...") against a scan of
// meter-courts with default settings: after embedded came before day
// words and a wire banner marked agency copy, the scan gives agency 210,
// fuller 37, dates 8, embedded 1, garbling 1.
func TestREADMEMeterClusterOriginalBy(t *testing.T) {
	dir := os.Getenv("REPRINT_METER")
	if dir == "" {
		t.Skip("set REPRINT_METER to the meter-courts folder")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(readme)), " ")
	m := regexp.MustCompile("on METER's court texts: ((?:`[a-z_]+` \\d+(?: clusters)?(?:, )?)+)").FindStringSubmatch(flat)
	if m == nil {
		t.Fatal("README has no count of METER's clusters by original_by")
	}
	want := map[string]int{}
	for _, kv := range regexp.MustCompile("`([a-z_]+)` (\\d+)").FindAllStringSubmatch(m[1], -1) {
		want[kv[1]], _ = strconv.Atoi(kv[2])
	}
	f, err := os.Open(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []reprint.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, reprint.Document{ID: d.ID, Text: d.Text})
	}
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := det.Run(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range res.Clusters {
		got[c.OriginalBy]++
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("README: METER clusters by original_by %v; a scan gives %v", want, got)
	}
}
