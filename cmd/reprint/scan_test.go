package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/reprint-dev/reprint/eval"
	"github.com/reprint-dev/reprint/internal/golden"
)

func TestScanGolden(t *testing.T) {
	for _, format := range []string{"txt", "json", "jsonl", "csv", "html"} {
		t.Run(format, func(t *testing.T) {
			f := format
			if f == "txt" {
				f = "text"
			}
			code, out, stderr := runCmd(t, t.Context(), "", "scan", "--format", f, "--no-progress", seeds)
			if code != 0 {
				t.Fatalf("got exit %d, want 0; stderr:\n%s", code, stderr)
			}
			if stderr != "" {
				t.Errorf("got stderr %q, want none", stderr)
			}
			golden.Check(t, filepath.Join("testdata", "golden", "scan."+format), []byte(out))
		})
	}
}

// TestScanIDs checks that document IDs are relative to the folder
// argument, so that reports do not depend on where reprint was run from.
func TestScanIDs(t *testing.T) {
	code, out, _ := runCmd(t, t.Context(), "", "scan", "--format", "json", seeds)
	if code != 0 {
		t.Fatalf("got exit %d, want 0", code)
	}
	rep := decodeReport(t, out)
	if len(rep.Documents) != 5 {
		t.Fatalf("got %d documents, want 5", len(rep.Documents))
	}
	for _, d := range rep.Documents {
		if strings.Contains(d.ID, "/") || !strings.HasSuffix(d.ID, ".txt") {
			t.Errorf("got ID %q, want a bare file name", d.ID)
		}
		if want := filepath.Join(seeds, d.ID); d.Source != want {
			t.Errorf("got source %q, want %q", d.Source, want)
		}
	}
}

func TestDefaultFormatNotTerminal(t *testing.T) {
	code, out, _ := runCmd(t, t.Context(), "", "scan", seeds)
	if code != 0 {
		t.Fatalf("got exit %d, want 0", code)
	}
	decodeReport(t, out) // JSON when stdout is not a terminal
}

func TestOutputFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	code, out, _ := runCmd(t, t.Context(), "", "scan", "--format", "csv", "-o", path, seeds)
	if code != 0 || out != "" {
		t.Fatalf("got exit %d and stdout %q, want 0 and nothing", code, out)
	}
	_, want, _ := runCmd(t, t.Context(), "", "scan", "--format", "csv", seeds)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got file\n%s\nwant\n%s", got, want)
	}
}

// TestWorkersDeterministic checks that the output does not depend on the
// number of workers.
func TestWorkersDeterministic(t *testing.T) {
	corpus, planted := synthCorpus(300)
	big := writeFile(t, t.TempDir(), "synth.jsonl", corpus)
	for _, tt := range []struct {
		name, path string
		minPairs   int
	}{
		{"seeds", seeds, 0},
		{"synthetic", big, planted / 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code1, out1, _ := runCmd(t, t.Context(), "", "scan", "--format", "json", "--workers", "1", tt.path)
			code8, out8, _ := runCmd(t, t.Context(), "", "scan", "--format", "json", "--workers", "8", tt.path)
			if code1 != 0 || code8 != 0 {
				t.Fatalf("got exits %d and %d, want 0 and 0", code1, code8)
			}
			if out1 != out8 {
				t.Errorf("--workers 1 and --workers 8 differ:\n%s", firstDiff(out1, out8))
			}
			if n := len(decodeReport(t, out1).Pairs); n < tt.minPairs {
				t.Errorf("got %d pairs, want at least %d (planted %d)", n, tt.minPairs, planted)
			}
		})
	}
}

// firstDiff describes the first line at which a and b differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  workers 1: %q\n  workers 8: %q", i+1, al[i], bl[i])
		}
	}
	return "lengths differ"
}

func TestCompare(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(3, 4))
	text := synthText(r, 300)
	a := writeFile(t, dir, "a.txt", text)
	b := writeFile(t, dir, "b.txt", "Reprinted. "+text)
	c := writeFile(t, dir, "c.txt", synthText(r, 300))
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"copy", []string{"compare", "--format", "text", a, b}, 0, "copy"},
		{"copy fails on match", []string{"compare", "--format", "text", "--fail-on-match", a, b}, 1, "copy"},
		{"unrelated", []string{"compare", "--format", "text", a, c}, 0,
			"no derivation found between " + filepath.ToSlash(a) + " and " + filepath.ToSlash(c)},
		{"unrelated json", []string{"compare", "--format", "json", a, c}, 0, `"pairs": []`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCmd(t, t.Context(), "", tt.args...)
			if code != tt.wantCode {
				t.Fatalf("got exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("got output\n%s\nwant it to contain %q", out, tt.want)
			}
		})
	}
}

func TestCompareStdin(t *testing.T) {
	dir := t.TempDir()
	text := synthText(rand.New(rand.NewPCG(5, 6)), 200)
	a := writeFile(t, dir, "a.txt", text)
	code, out, stderr := runCmd(t, t.Context(), text, "compare", "--format", "json", a, "-")
	if code != 0 {
		t.Fatalf("got exit %d, want 0; stderr:\n%s", code, stderr)
	}
	rep := decodeReport(t, out)
	if len(rep.Pairs) != 1 || !rep.Pairs[0].Relation.Derived() {
		t.Errorf("got pairs %+v, want one derived pair", rep.Pairs)
	}
}

func TestEvalSmall(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(7, 8))
	text := synthText(r, 300)
	docs := writeFile(t, dir, "docs.jsonl", jsonLine("a", text)+jsonLine("b", text+" more words")+jsonLine("c", synthText(r, 300)))
	labels := writeFile(t, dir, "labels.jsonl",
		`{"doc":"b","label":"wholly_derived","sources":["a"]}`+"\n"+`{"doc":"c","label":"non_derived","sources":["a"]}`+"\n")
	code, out, stderr := runCmd(t, t.Context(), "", "eval", "--docs", docs, "--labels", labels, "--format", "json")
	if code != 0 {
		t.Fatalf("got exit %d, want 0; stderr:\n%s", code, stderr)
	}
	var rep eval.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	if rep.Derivation == nil || rep.Derivation.Confusion.TP != 1 {
		t.Errorf("got %s, want derivation figures with TP 1", out)
	}
	code, out, _ = runCmd(t, t.Context(), "", "eval", "--docs", docs, "--labels", labels)
	if code != 0 || !strings.Contains(out, "macro-F1") {
		t.Errorf("got exit %d and\n%s\nwant 0 and a text report (the default)", code, out)
	}
}

func jsonLine(id, text string) string {
	b, _ := json.Marshal(map[string]string{"id": id, "text": text})
	return string(b) + "\n"
}

// TestEvalMeter runs eval on the METER court sample when it is present.
func TestEvalMeter(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "eval", "meter-courts")
	docs, labels := filepath.Join(dir, "docs.jsonl"), filepath.Join(dir, "labels.jsonl")
	if _, err := os.Stat(labels); err != nil {
		t.Skipf("no evaluation data: %v", err)
	}
	code, out, stderr := runCmd(t, t.Context(), "", "eval", "--docs", docs, "--labels", labels, "--format", "text")
	if code != 0 {
		t.Fatalf("got exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(out, "macro-F1") {
		t.Errorf("got output\n%s\nwant it to contain macro-F1", out)
	}
}

func TestBarConcurrent(t *testing.T) {
	b := newBar(new(bytes.Buffer), false, false)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 100 {
				if j%50 == 0 && i == 0 {
					b.Stage("stage", 400)
				}
				b.Add(1)
			}
		})
	}
	wg.Wait()
	b.Finish()
	if isTerminal(new(bytes.Buffer)) {
		t.Error("got a buffer reported as a terminal")
	}
}

// FuzzScanStdin checks that no standard input makes scan panic or fail
// with anything but an input error.
func FuzzScanStdin(f *testing.F) {
	f.Add(`{"id":"a","text":"one two three four five six seven"}` + "\n" + `{"id":"b","text":"one two three four five six seven"}`)
	f.Add("{broken\n{\"id\":1,\"text\":\"x\"}\n")
	f.Add("plain text \xff\xfe article")
	f.Add(`{"id":"a","text":""}`)
	f.Add("")
	var gz bytes.Buffer // gzipped standard input is gunzipped
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id":"a","text":"one two three four five six seven"}` + "\n" + `{"id":"b","text":"one two three four five six"}`))
	zw.Close()
	f.Add(gz.String())
	f.Fuzz(func(t *testing.T, stdin string) {
		code, _, stderr := runCmd(t, t.Context(), stdin, "scan", "-q", "--format", "json", "--workers", "2", "-")
		if code != 0 && code != 3 {
			t.Errorf("got exit %d, want 0 or 3; stderr:\n%s", code, stderr)
		}
	})
}

func BenchmarkScanSeeds(b *testing.B) {
	entries, err := os.ReadDir(seeds)
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		total += fi.Size()
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		if code := run(b.Context(), []string{"scan", "-q", "--format", "json", seeds}, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("got exit %d, want 0", code)
		}
	}
}
