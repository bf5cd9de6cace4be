package input

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLocation reads every document of a JSON Lines file again from its
// Location and checks it is the document Read returned.
func TestLocation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.jsonl")
	data := "\ufeff{\"id\":\"a\",\"text\":\"first\"}\r\n\n" +
		"{\"id\":\"b\",\"text\":\"caf\xe9 latin-1\"}\n" +
		"not json\n" +
		"{\"id\":7,\"text\":\"numbered \\\"id\\\"\",\"published\":\"2024-01-02\"}"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := Open([]string{path}, nil, Options{})
	n := 0
	for {
		doc, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if _, ok := r.Location(); ok {
				t.Errorf("after error %v: got a location, want none", err)
			}
			continue
		}
		n++
		loc, ok := r.Location()
		if !ok {
			t.Fatalf("%s: no location", doc.ID)
		}
		again, err := ReadLocation(f, loc, Options{})
		if err != nil {
			t.Fatalf("%s: %v", doc.ID, err)
		}
		if again.ID != doc.ID || again.Text != doc.Text || !again.Published.Equal(doc.Published) {
			t.Errorf("read again at %+v: got %q %q, want %q %q", loc, again.ID, again.Text, doc.ID, doc.Text)
		}
	}
	if n != 3 {
		t.Errorf("got %d documents, want 3", n)
	}
}

func TestLocationNone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("plain text"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := Open([]string{path}, nil, Options{})
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	if loc, ok := r.Location(); ok {
		t.Errorf("plain text file: got location %+v, want none", loc)
	}
}

func TestLocationNotForPipes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.jsonl")
	if err := syscallMkfifo(path); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(`{"id":"a","text":"through a pipe"}` + "\n")
		f.Close()
	}()
	r := Open([]string{path}, nil, Options{})
	doc, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if loc, ok := r.Location(); ok {
		t.Errorf("%s from a pipe: got location %+v, want none", doc.ID, loc)
	}
}

// TestLocationMixedInputs reads a JSONL file, then a plain text file, then
// JSONL from stdin: only the file's lines have a location, and each reads
// back as itself.
func TestLocationMixedInputs(t *testing.T) {
	dir := t.TempDir()
	jl := filepath.Join(dir, "a.jsonl")
	txt := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(jl, []byte("{\"id\":\"a1\",\"text\":\"one\"}\n{\"id\":\"a2\",\"text\":\"two\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(txt, []byte("plain"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdin := strings.NewReader("{\"id\":\"s1\",\"text\":\"from stdin\"}\n")
	r := Open([]string{jl, txt, "-"}, stdin, Options{})
	f, err := os.Open(jl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]bool{"a1": true, "a2": true, "b.txt": false, "s1": false}
	for {
		doc, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		loc, ok := r.Location()
		if ok != want[doc.ID] {
			t.Errorf("%s: got location %+v (%v), want one: %v", doc.ID, loc, ok, want[doc.ID])
			continue
		}
		if ok {
			again, err := ReadLocation(f, loc, Options{})
			if err != nil || again.ID != doc.ID {
				t.Errorf("%s read again: got %q, %v", doc.ID, again.ID, err)
			}
		}
	}
}
