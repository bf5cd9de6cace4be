package search_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/report"
	"github.com/reprint-dev/reprint/search"
)

// TestCheckBatchAgreesWithAloneMeter checks METER's newspaper texts, in
// one batch, against an index of its wire texts, then every fifth of them
// alone, and those in families of four or more: each must get the same
// pairs and family either way. Many papers
// take from one wire story and its versions, so their candidates overlap;
// resolved together, a paper's family was shaped by the others' (97 of 704
// pairs were found alone and not in the batch), and the text report must
// tell its family alike. Skipped without ../shared/eval.
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
	ix := newIndex(t, det, wire)
	for _, limit := range []int{100, 3} {
		t.Run(fmt.Sprintf("max-candidates %d", limit), func(t *testing.T) {
			s := search.New(ix, det, search.Options{MaxCandidates: limit})
			batch, btexts, err := s.Check(t.Context(), papers)
			if err != nil {
				t.Fatal(err)
			}
			big := map[string]bool{} // papers in families of 4 or more
			for _, c := range batch.Clusters {
				if len(c.Members) >= 4 {
					big[batch.Documents[c.Members[len(c.Members)-1]].ID] = true
				}
			}
			checked := 0
			for i, q := range papers {
				if i%5 != 0 && !big[q.ID] {
					continue
				}
				alone, atexts, err := s.Check(t.Context(), []reprint.Document{q})
				if err != nil {
					t.Fatal(err)
				}
				if got, want := ofQuery(batch, q.ID), ofQuery(alone, q.ID); !slices.Equal(got, want) {
					t.Errorf("%s in a batch: got %q, want what it gets alone, %q", q.ID, got, want)
				}
				// The family as the text report tells it, each member by
				// its own link: not by a pair another query's family
				// brought in.
				if got, want := clusterBlocks(t, batch, btexts, q.ID), clusterBlocks(t, alone, atexts, q.ID); !slices.Equal(got, want) {
					t.Errorf("%s: text report's family in a batch\n%s\nwant it as alone\n%s", q.ID, strings.Join(got, "\n--\n"), strings.Join(want, "\n--\n"))
				}
				checked++
			}
			t.Logf("%d papers checked alone", checked)
			if checked == 0 {
				t.Fatal("no papers checked; the test proves nothing")
			}
		})
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

// clusterBlocks returns the text report's lines of each cluster holding
// query id, after their "Cluster N" number.
func clusterBlocks(t *testing.T, res *reprint.Result, texts []string, id string) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, res, report.Text, report.Options{Texts: texts, Width: 1000}); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, blk := range strings.Split(buf.String(), "\n\n") {
		if !strings.HasPrefix(blk, "Cluster ") || !strings.Contains(blk, "- "+id) {
			continue
		}
		_, rest, _ := strings.Cut(blk, ":")
		out = append(out, rest)
	}
	return out
}
