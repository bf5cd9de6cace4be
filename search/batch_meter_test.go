package search_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/search"
)

// TestCheckBatchAgreesWithAloneMeter checks METER's newspaper texts, in
// one batch, against an index of its wire texts, then every fifth of them
// alone: each must get the same pairs and family either way. Many papers
// take from one wire story and its versions, so their candidates overlap;
// resolved together, a paper's family was shaped by the others' (97 of 704
// pairs were found alone and not in the batch). Skipped without
// ../shared/eval.
func TestCheckBatchAgreesWithAloneMeter(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	f, err := os.Open(filepath.Join("..", "..", "shared", "eval", "meter-courts", "docs.jsonl"))
	if err != nil {
		t.Skipf("evaluation data not available: %v", err)
	}
	docs, _, err := input.ReadAll(input.NewJSONL(f, "docs.jsonl", input.Options{}))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var wire, papers []reprint.Document
	for _, d := range docs {
		if strings.HasPrefix(d.ID, "pa/") {
			wire = append(wire, d)
		} else {
			papers = append(papers, d)
		}
	}
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := search.New(newIndex(t, det, wire), det, search.Options{MaxCandidates: 100})
	batch, _, err := s.Check(t.Context(), papers)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i := 0; i < len(papers); i += 5 {
		q := papers[i]
		alone, _, err := s.Check(t.Context(), []reprint.Document{q})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ofQuery(batch, q.ID), ofQuery(alone, q.ID); !slices.Equal(got, want) {
			t.Errorf("%s in a batch: got %q, want what it gets alone, %q", q.ID, got, want)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no papers checked; the test proves nothing")
	}
}

// ofQuery describes the pairs of res involving the document id and the
// clusters holding it.
func ofQuery(res *reprint.Result, id string) []string {
	var out []string
	d := res.Documents
	for _, p := range res.Pairs {
		if d[p.A].ID == id || d[p.B].ID == id {
			out = append(out, fmt.Sprintf("%s %s %s %s %.4f", d[p.A].ID, d[p.B].ID, p.Relation, d[p.Original].ID, p.Score))
		}
	}
	for _, c := range res.Clusters {
		var ms []string
		in := false
		for _, m := range c.Members {
			ms = append(ms, d[m].ID)
			in = in || d[m].ID == id
		}
		if in {
			out = append(out, fmt.Sprintf("cluster %s original %s", strings.Join(ms, ","), d[c.Original].ID))
		}
	}
	return out
}
