package search_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/search"
)

// pairLine describes pair p of documents d in full: sides, relation,
// original and how it was decided, score, reason and passages.
func pairLine(d []reprint.DocInfo, p reprint.Pair) string {
	s := fmt.Sprintf("%s|%s|%s|orig=%s|by=%s|%.6f|%s", d[p.A].ID, d[p.B].ID, p.Relation, d[p.Original].ID, p.OriginalBy, p.Score, p.Reason)
	for _, ps := range p.Passages {
		s += fmt.Sprintf("|%v", ps)
	}
	return s
}

// ofQueryFull describes everything res reports about query id: its pairs,
// in full, and each cluster holding it, with every pair among its members.
func ofQueryFull(res *reprint.Result, id string) []string {
	var out []string
	d := res.Documents
	for _, p := range res.Pairs {
		if d[p.A].ID == id || d[p.B].ID == id {
			out = append(out, "pair "+pairLine(d, p))
		}
	}
	for _, c := range res.Clusters {
		in := map[int]bool{}
		has := false
		var ms []string
		for _, m := range c.Members {
			in[m] = true
			ms = append(ms, d[m].ID)
			has = has || d[m].ID == id
		}
		if !has {
			continue
		}
		out = append(out, fmt.Sprintf("cluster %s orig=%s reason=%s", strings.Join(ms, ","), d[c.Original].ID, c.Reason))
		for _, p := range res.Pairs {
			if in[p.A] && in[p.B] && d[p.A].ID != id && d[p.B].ID != id {
				out = append(out, "  member pair "+pairLine(d, p))
			}
		}
	}
	return out
}

// againstAlone checks each query alone with s and compares its own pairs
// and clusters (ofQueryFull without member pairs) with those of batch, the
// result of checking them all at once; it returns how many differ and how
// many are linked to anything alone.
func againstAlone(t *testing.T, s *search.Searcher, batch *reprint.Result, queries []reprint.Document, label string) (bad, linked int) {
	t.Helper()
	own := func(xs []string) []string {
		return slices.DeleteFunc(slices.Clone(xs), func(s string) bool { return strings.HasPrefix(s, "  ") })
	}
	for _, q := range queries {
		alone, _, err := s.Check(t.Context(), []reprint.Document{q})
		if err != nil {
			t.Fatal(err)
		}
		got, want := own(ofQueryFull(batch, q.ID)), own(ofQueryFull(alone, q.ID))
		if len(want) > 0 {
			linked++
		}
		if !slices.Equal(got, want) {
			bad++
			if bad < 3 {
				t.Errorf("%s %s:\n batch %.1500q\n alone %.1500q", label, q.ID, got, want)
			}
		}
	}
	return bad, linked
}
