package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// oldTokenizerIndex returns an index of seeds made as reprint made them
// before it recorded the tokenizer version (no "tokenizer" key).
func oldTokenizerIndex(t *testing.T, names ...string) string {
	t.Helper()
	idx := seedIndex(t, names...)
	db, err := bolt.Open(idx, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Delete([]byte("tokenizer")) }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return idx
}

// Found in review (s24b): check's JSON report of an old index carries the
// old-tokenizer warning (check.go appends it), but serve, "check as a web
// page" whose /api/check answers "check's JSON report", prints it on its
// own standard error only: the newsroom reading the page or the API is
// not told that Cyrillic, Greek and invisible-character articles of the
// index may be missed.
func TestServeReportsOldTokenizer(t *testing.T) {
	idx := oldTokenizerIndex(t, seed0, seed1, seed4)
	text, err := os.ReadFile(filepath.Join(seeds, seed2))
	if err != nil {
		t.Fatal(err)
	}
	q := filepath.Join(t.TempDir(), "q.txt")
	if err := os.WriteFile(q, text, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, t.Context(), "", "check", "--index", idx, "--format", "json", q)
	if code != 0 {
		t.Fatalf("check: exit %d", code)
	}
	if !hasOldTokenizerWarning(decodeReport(t, out).Warnings) {
		t.Fatalf("check's report: no old-tokenizer warning in %q", decodeReport(t, out).Warnings)
	}
	base, _, cancel, _ := startServe(t, "--index", idx)
	defer cancel()
	if w := decodeReport(t, postCheck(t, base, seed2, string(text))).Warnings; !hasOldTokenizerWarning(w) {
		t.Errorf("serve's /api/check report: warnings %q, want the old-tokenizer warning check gives", w)
	}
}

func hasOldTokenizerWarning(ws []string) bool {
	for _, w := range ws {
		if strings.Contains(w, "built by an older reprint") {
			return true
		}
	}
	return false
}
