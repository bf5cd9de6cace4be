package index_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
)

// TestCreateConcurrently checks that adds starting together on one new
// index each add their document to the one index: of processes creating
// it at once, the later ones open the first's rather than replacing it
// while it is written to (or failing on a shared temporary name), and no
// temporary file is left.
func TestCreateConcurrently(t *testing.T) {
	det := detector(t, reprint.Options{})
	docs := seedDocs(t)
	for try := range 10 {
		dir := t.TempDir()
		path := filepath.Join(dir, "new.idx")
		var wg sync.WaitGroup
		errs := make([]error, len(docs))
		for i, d := range docs {
			wg.Go(func() {
				ix, err := index.Open(path, det.Params(), index.Options{})
				if err != nil {
					errs[i] = err
					return
				}
				fps, keys := prepare(det, []reprint.Document{d})
				_, errs[i] = ix.Add([]reprint.Document{d}, fps, keys)
				if cerr := ix.Close(); errs[i] == nil {
					errs[i] = cerr
				}
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("try %d, add %d: %v", try, i, err)
			}
		}
		ix, err := index.Open(path, det.Params(), index.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		st, err := ix.Stats()
		ix.Close()
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != len(docs) {
			t.Fatalf("try %d: got %d documents, want %d", try, st.Documents, len(docs))
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".creating") {
				t.Errorf("try %d: left %s", try, e.Name())
			}
		}
	}
}

// TestCreateRemovesStaleTemporaries checks that creating an index removes
// the temporary files a killed creator left over ten minutes ago, and
// keeps a fresh one (another creation under way) and other files.
func TestCreateRemovesStaleTemporaries(t *testing.T) {
	det := detector(t, reprint.Options{})
	dir := t.TempDir()
	path := filepath.Join(dir, "new.idx")
	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // name -> kept
		"new.idx.creating-123-1":   false,
		"new.idx.creating-456-9":   true, // fresh
		"other.idx.creating-123-1": true,
		"notes.txt":                true,
	}
	for name, kept := range files {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if !kept || name != "new.idx.creating-456-9" {
			if err := os.Chtimes(f, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	ix, err := index.Open(path, det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	for name, kept := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if got := err == nil; got != kept {
			t.Errorf("%s: got kept %v, want %v", name, got, kept)
		}
	}
}

// TestCreateAtDanglingSymlink checks that an index named by a symbolic
// link to nothing is created in the link's place, as before creators
// linked their file into place (the link seemed an index made meanwhile).
func TestCreateAtDanglingSymlink(t *testing.T) {
	det := detector(t, reprint.Options{})
	dir := t.TempDir()
	path := filepath.Join(dir, "link.idx")
	if err := os.Symlink(filepath.Join(dir, "nowhere.idx"), path); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	ix, err := index.Open(path, det.Params(), index.Options{})
	if err != nil {
		t.Fatalf("got %v, want the index created", err)
	}
	ix.Close()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".creating") {
			t.Errorf("left %s", e.Name())
		}
	}
}
