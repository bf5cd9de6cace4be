package search_test

import (
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/search"
)

// TestCheckRepeatedQueryIDIsError: Detector.Run refuses documents with a
// repeated or empty ID, since reports name documents by ID, but Check
// takes them: two queries named alike give two identical pairs
// ("seed1 seed2 machine_rewrite" twice) that a consumer of the JSON cannot
// tell apart, and an empty ID gives a pair whose b is "". Check should
// refuse them as Run does (the CLI's reader never sends them, but serve's
// API and Go callers can).
func TestCheckRepeatedQueryIDIsError(t *testing.T) {
	s := newSearcher(t, search.Options{MaxCandidates: 100}, seed0, seed1, seed4)
	q := seedDoc(t, seed2)
	noID := q
	noID.ID = ""
	for _, qs := range [][]reprint.Document{{q, q}, {noID}} {
		res, _, err := s.Check(t.Context(), qs)
		if err == nil {
			t.Errorf("queries %q, %d of them: got pairs %q and no error; want an error as Detector.Run gives", qs[0].ID, len(qs), pairs(res))
		}
	}
}
