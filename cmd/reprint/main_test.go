package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint/report"
)

// seeds is the bundled example folder, relative to this package.
const seeds = "../../testdata/seeds"

// runCmd runs the command line args with stdin and returns the exit code,
// stdout and stderr.
func runCmd(tb testing.TB, ctx context.Context, stdin string, args ...string) (code int, stdout, stderr string) {
	tb.Helper()
	var out, errOut bytes.Buffer
	code = run(ctx, args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFile writes content to name in dir and returns its path.
func writeFile(tb testing.TB, dir, name, content string) string {
	tb.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// decodeReport decodes JSON scan output.
func decodeReport(tb testing.TB, out string) report.JSONReport {
	tb.Helper()
	var rep report.JSONReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		tb.Fatalf("decode JSON output: %v\n%s", err, out)
	}
	return rep
}

// anyDerived reports whether a JSON report holds a derived pair.
func anyDerived(rep report.JSONReport) bool {
	for _, p := range rep.Pairs {
		if p.Relation.Derived() {
			return true
		}
	}
	return false
}

// synthText returns n pseudo-words drawn from a fixed vocabulary.
func synthText(r *rand.Rand, n int) string {
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "po", "da", "fe", "gu", "hi", "ja", "be"}
	words := make([]string, n)
	for i := range words {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		words[i] = b.String()
		if r.IntN(12) == 0 {
			words[i] += "."
		}
	}
	return strings.Join(words, " ")
}

// synthCorpus returns n JSONL documents with planted copies, edited copies
// and excerpts of earlier documents, and the number planted.
func synthCorpus(n int) (jsonl string, planted int) {
	r := rand.New(rand.NewPCG(1, 2))
	texts := make([]string, 0, n)
	var b strings.Builder
	for i := range n {
		var text string
		switch {
		case i >= 10 && i%10 == 0: // verbatim copy
			text = texts[r.IntN(len(texts))]
			planted++
		case i >= 10 && i%10 == 3: // edited copy: every tenth word changed
			w := strings.Fields(texts[r.IntN(len(texts))])
			for j := range w {
				if j%10 == 0 {
					w[j] = "edited"
				}
			}
			text = strings.Join(w, " ")
			planted++
		case i >= 10 && i%10 == 7: // excerpt: the middle half plus new text
			w := strings.Fields(texts[r.IntN(len(texts))])
			text = strings.Join(w[len(w)/4:3*len(w)/4], " ") + " " + synthText(r, 100)
			planted++
		default:
			text = synthText(r, 150+r.IntN(250))
		}
		texts = append(texts, text)
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc%03d", i), "text": text})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String(), planted
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.jsonl", "")
	broken := writeFile(t, dir, "broken.jsonl", `{"id":"a","text":"one two three four five six"}`+"\n{broken\n"+`{"id":"b","text":"seven eight nine ten"}`+"\n")
	labels := writeFile(t, dir, "labels.jsonl", `{"doc":"a","label":"non_derived","sources":["b"]}`+"\n")

	// --fail-on-match exits 1 exactly when the seeds hold a derived pair.
	code, out, _ := runCmd(t, t.Context(), "", "scan", "-q", "--format", "json", seeds)
	if code != 0 {
		t.Fatalf("scan seeds: got exit %d, want 0", code)
	}
	wantFail := 0
	if anyDerived(decodeReport(t, out)) {
		wantFail = 1
	}
	canceled, cancel := context.WithCancel(t.Context())
	cancel()

	tests := []struct {
		name  string
		ctx   context.Context
		stdin string
		args  []string
		want  int
	}{
		{"no command", nil, "", nil, 2},
		{"unknown command", nil, "", []string{"frob"}, 2},
		{"top help", nil, "", []string{"--help"}, 0},
		{"help", nil, "", []string{"help"}, 0},
		{"help scan", nil, "", []string{"help", "scan"}, 0},
		{"help unknown", nil, "", []string{"help", "frob"}, 2},
		{"version", nil, "", []string{"version"}, 0},
		{"scan help", nil, "", []string{"scan", "--help"}, 0},
		{"scan -h", nil, "", []string{"scan", "-h"}, 0},
		{"compare help", nil, "", []string{"compare", "--help"}, 0},
		{"eval help", nil, "", []string{"eval", "-h"}, 0},
		{"scan seeds", nil, "", []string{"scan", seeds}, 0},
		{"unknown flag", nil, "", []string{"scan", "--bogus", seeds}, 2},
		{"no path", nil, "", []string{"scan"}, 2},
		{"missing path", nil, "", []string{"scan", filepath.Join(dir, "nope")}, 3},
		{"missing path among good", nil, "", []string{"scan", seeds, filepath.Join(dir, "nope")}, 3},
		{"fail on match", nil, "", []string{"scan", "--fail-on-match", seeds}, wantFail},
		{"bad format", nil, "", []string{"scan", "--format", "xml", seeds}, 2},
		{"eval format csv", nil, "", []string{"eval", "--docs", broken, "--labels", labels, "--format", "csv"}, 2},
		{"invalid threshold", nil, "", []string{"scan", "--threshold", "2", seeds}, 2},
		{"invalid workers", nil, "", []string{"scan", "--workers", "-1", seeds}, 2},
		{"bad flag value", nil, "", []string{"scan", "--num-hash", "many", seeds}, 2},
		{"empty field name", nil, "", []string{"scan", "--id-field", "", seeds}, 2},
		{"compare a file with itself", nil, "", []string{"compare", filepath.Join(seeds, "001_1fe8c6310e030e24.txt"), "./" + filepath.Join(seeds, "001_1fe8c6310e030e24.txt")}, 2},
		{"empty field name in filter", nil, "", []string{"filter", "--text-field="}, 2},
		{"empty jsonl", nil, "", []string{"scan", empty}, 3},
		{"empty stdin", nil, "", []string{"scan", "-"}, 3},
		{"stdin twice", nil, "", []string{"scan", "-", "-"}, 2},
		{"broken line", nil, "", []string{"scan", broken}, 0},
		{"broken line strict", nil, "", []string{"scan", "--strict", broken}, 3},
		{"stdin jsonl", nil, `{"id":"x","text":"some words here"}`, []string{"scan", "-"}, 0},
		{"compare one arg", nil, "", []string{"compare", seeds + "/000_e2e2f117c2aa15b3.txt"}, 2},
		{"compare three docs", nil, "", []string{"compare", broken, seeds + "/000_e2e2f117c2aa15b3.txt"}, 3},
		{"eval without labels", nil, "", []string{"eval", "--docs", broken}, 2},
		{"eval without docs", nil, "", []string{"eval", "--labels", labels}, 2},
		{"eval missing labels", nil, "", []string{"eval", "--docs", broken, "--labels", filepath.Join(dir, "nope")}, 3},
		{"eval bad labels", nil, "", []string{"eval", "--docs", broken, "--labels", broken}, 3},
		{"eval", nil, "", []string{"eval", "--docs", broken, "--labels", labels}, 0},
		{"output in missing folder", nil, "", []string{"scan", "-o", filepath.Join(dir, "nope", "out.json"), seeds}, 4},
		{"interrupted", canceled, "", []string{"scan", seeds}, 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = t.Context()
			}
			code, _, stderr := runCmd(t, ctx, tt.stdin, tt.args...)
			if code != tt.want {
				t.Errorf("run %q: got exit %d, want %d; stderr:\n%s", tt.args, code, tt.want, stderr)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if strings.Contains(line, "panic") || strings.Contains(line, "goroutine") {
					t.Errorf("run %q: stderr looks like a crash: %q", tt.args, line)
				}
			}
			if code >= 2 && !strings.Contains(stderr, "reprint: ") {
				t.Errorf("run %q: got stderr %q, want a \"reprint: \" message", tt.args, stderr)
			}
		})
	}
}

func TestHelpDocumentsFlags(t *testing.T) {
	for _, name := range []string{"scan", "compare", "eval"} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCmd(t, t.Context(), "", name, "--help")
			if code != 0 {
				t.Fatalf("got exit %d, want 0", code)
			}
			c := helpers[name](new(bytes.Buffer))
			c.fs.VisitAll(func(f *pflag.Flag) {
				if !strings.Contains(out, "--"+f.Name+"\n") && !strings.Contains(out, "--"+f.Name+" ") {
					t.Errorf("help does not document --%s", f.Name)
				}
			})
			for _, want := range []string{"Usage: reprint " + name, "Exit codes:", "130"} {
				if !strings.Contains(out, want) {
					t.Errorf("help lacks %q", want)
				}
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	dir := t.TempDir()
	broken := writeFile(t, dir, "broken.jsonl", `{"id":"a","text":"one two three four five six"}`+"\n{broken\n")
	tests := []struct {
		name       string
		args       []string
		wantStderr []string
		wantNot    []string
	}{
		{"warns", []string{"scan", broken},
			[]string{"reprint: warning: " + broken + ":2: ", "reprint: read 1 document; could not read 1 line or record (see errors)"}, nil},
		{"quiet", []string{"scan", "-q", broken}, nil, []string{"warning", "skipped"}},
		{"strict", []string{"scan", "--strict", broken},
			[]string{"reprint: " + broken + ":2: ", "could not be read (--strict)"}, []string{"warning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, out, stderr := runCmd(t, t.Context(), "", tt.args...)
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("got stderr %q, want it to contain %q", stderr, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(stderr, w) {
					t.Errorf("got stderr %q, want no %q", stderr, w)
				}
			}
			if out == "" {
				return
			}
			rep := decodeReport(t, out)
			if rep.Summary.Skipped != 1 || len(rep.Errors) != 1 {
				t.Errorf("got skipped %d and %d errors, want 1 and 1", rep.Summary.Skipped, len(rep.Errors))
			}
		})
	}
}

func TestLatin1Warning(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "latin.txt", "caf\xe9 na\xefve r\xe9sum\xe9 of the day")
	code, out, stderr := runCmd(t, t.Context(), "", "scan", dir)
	if code != 0 {
		t.Fatalf("got exit %d, want 0; stderr:\n%s", code, stderr)
	}
	rep := decodeReport(t, out)
	if len(rep.Warnings) != 1 || !strings.Contains(stderr, "reprint: warning: ") {
		t.Errorf("got warnings %q and stderr %q, want one warning in both", rep.Warnings, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, t.Context(), "", "version")
	if code != 0 || !strings.HasPrefix(out, "reprint ") {
		t.Errorf("got exit %d and %q, want 0 and \"reprint ...\"", code, out)
	}
}

// TestSkippedAndFailed: a broken line counts as skipped, a file that
// cannot be read at all as failed, and the counts add up to the inputs.
func TestSkippedAndFailed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", "{\"id\":\"a\",\"text\":\"one two three\"}\n{broken\n")
	writeFile(t, dir, "b.txt", "\x00\x01\x02")
	writeFile(t, dir, "c.txt", "a plain article")
	writeFile(t, dir, "d.txt", " \n")
	writeFile(t, dir, "e.warc", "this is not a web archive\n")
	code, out, stderr := runCmd(t, t.Context(), "", "scan", "--format", "json", dir)
	if code != 0 {
		t.Fatalf("got exit %d: %s", code, stderr)
	}
	rep := decodeReport(t, out)
	if s := rep.Summary; s.Documents != 2 || s.Skipped != 1 || s.Failed != 3 || len(rep.Errors) != 4 {
		t.Errorf("got documents %d, skipped %d, failed %d, %d errors; want 2, 1, 3, 4", s.Documents, s.Skipped, s.Failed, len(rep.Errors))
	}
	if want := "read 2 documents; could not read 1 line or record and 3 files (see errors)"; !strings.Contains(stderr, want) {
		t.Errorf("got stderr %q, want %q", stderr, want)
	}
}

// seedText returns the text of the bundled seed article name.
func seedText(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(seeds, name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
