package input

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenFolderNonUTF8Names checks that a folder's files and subfolders
// whose names are not UTF-8 (Latin-1 systems, crawls) are read, as the same
// file named directly is; through os.DirFS they failed with a bare
// "invalid argument", and a subfolder was lost whole.
func TestOpenFolderNonUTF8Names(t *testing.T) {
	const text = "The council approved the budget on Monday night after a three-hour debate."
	tests := []struct {
		name string
		path string // inside the folder
	}{
		{"file name", "a\xff.txt"},
		{"subfolder name", "sub\xff/x.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, filepath.FromSlash(tt.path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Skipf("file system refuses the name: %v", err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Skipf("file system refuses the name: %v", err)
			}
			r := Open([]string{dir}, nil, Options{})
			var docs int
			var errs []string
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				var pe *ParseError
				if errors.As(err, &pe) {
					errs = append(errs, err.Error())
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				docs++
			}
			if docs != 1 {
				t.Errorf("got %d documents, want 1 (the file is readable; named directly it is read); errors %q", docs, errs)
			}
			for _, e := range errs {
				if strings.HasSuffix(e, ": invalid argument") {
					t.Errorf("got error %q, which does not say what is wrong", e)
				}
			}
		})
	}
}
