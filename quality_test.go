package reprint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/eval"
	"github.com/reprint-dev/reprint/input"
)

// evalSet loads a labelled set from ../shared/eval, skipping the test when
// the data is not there (it is kept out of the repository).
func evalSet(t *testing.T, name string) ([]reprint.Document, []eval.Label) {
	t.Helper()
	dir := filepath.Join("..", "shared", "eval", name)
	f, err := os.Open(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		t.Skipf("evaluation data not available: %v", err)
	}
	defer f.Close()
	docs, errs, err := input.ReadAll(input.NewJSONL(f, "docs.jsonl", input.Options{}))
	if err != nil || len(errs) > 0 {
		t.Fatalf("read docs: %v %v", err, errs)
	}
	lf, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer lf.Close()
	labels, err := eval.ReadLabels(lf, "labels.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return docs, labels
}

// TestQualityFloors guards the published figures against regressions. The
// floors sit a little under the figures measured when they were last set.
func TestQualityFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	t.Run("meter-courts", func(t *testing.T) {
		docs, labels := evalSet(t, "meter-courts")
		rep := eval.Score(run(t, reprint.Options{}, docs), labels)
		d := rep.Derivation
		if d == nil {
			t.Fatal("no derivation figures")
		}
		t.Logf("macro-F1 %.3f attribution %.3f", d.MacroF1, d.Attribution)
		if d.MacroF1 < 0.68 {
			t.Errorf("got macro-F1 %.3f, want at least 0.68", d.MacroF1)
		}
		if d.Attribution < 0.97 {
			t.Errorf("got attribution %.3f, want at least 0.97", d.Attribution)
		}
	})
	t.Run("rewrites-courts", func(t *testing.T) {
		docs, labels := evalSet(t, "rewrites-courts")
		rep := eval.Score(run(t, reprint.Options{}, docs), labels)
		r := rep.Rewrites
		if r == nil {
			t.Fatal("no rewrite figures")
		}
		t.Logf("recall %.3f wrong share %.3f", r.Recall, r.WrongShare)
		if r.Recall < 0.90 {
			t.Errorf("got recall %.3f, want at least 0.90", r.Recall)
		}
		if r.WrongShare > 0.05 {
			t.Errorf("got wrong-pair share %.3f, want at most 0.05", r.WrongShare)
		}
	})
}
