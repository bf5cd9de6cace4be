package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/input"
)

// seedJSONL returns the named seed articles as JSON Lines, with their file
// names as IDs, so that an index built from standard input has sources
// ("-:N") that do not depend on where the test runs.
func seedJSONL(tb testing.TB, names ...string) string {
	tb.Helper()
	var b strings.Builder
	for _, n := range names {
		text, err := os.ReadFile(filepath.Join(seeds, n))
		if err != nil {
			tb.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": n, "text": string(text)})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

const (
	seed0 = "000_e2e2f117c2aa15b3.txt"
	seed1 = "001_1fe8c6310e030e24.txt"
	seed2 = "002_29c4d0543742b1d0.txt"
	seed3 = "003_13c99c3a09f8c316.txt"
	seed4 = "004_8557ead743fed211.txt"
)

// statsJSON runs index stats --format json.
func statsJSON(tb testing.TB, idx string) index.Stats {
	tb.Helper()
	code, out, errOut := runCmd(tb, tb.Context(), "", "index", "stats", "--index", idx, "--format", "json")
	if code != 0 {
		tb.Fatalf("index stats: exit %d: %s", code, errOut)
	}
	var st index.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		tb.Fatalf("index stats output: %v\n%s", err, out)
	}
	return st
}

func TestIndexAddIdempotent(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "news.idx")
	code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "--index", idx, seeds)
	if code != 0 {
		t.Fatalf("index add: exit %d: %s", code, errOut)
	}
	if want := "read 5 documents: added 5, replaced 0, unchanged 0; skipped 0"; !strings.Contains(errOut, want) {
		t.Errorf("got summary %q, want it to contain %q", errOut, want)
	}
	first := statsJSON(t, idx)
	if first.Documents != 5 || first.Postings == 0 || first.FileBytes == 0 || first.Params.K != 5 || first.FormatVersion != index.FormatVersion {
		t.Errorf("got stats %+v, want 5 documents with postings and k=5", first)
	}
	code, _, errOut = runCmd(t, t.Context(), "", "index", "add", "--index", idx, seeds)
	if code != 0 {
		t.Fatalf("second index add: exit %d: %s", code, errOut)
	}
	if want := "added 0, replaced 0, unchanged 5"; !strings.Contains(errOut, want) {
		t.Errorf("got summary %q, want it to contain %q", errOut, want)
	}
	if again := statsJSON(t, idx); again != first {
		t.Errorf("got stats %+v after adding again, want %+v", again, first)
	}
	code, out, _ := runCmd(t, t.Context(), "", "index", "stats", "--index", idx)
	for _, want := range []string{"documents  5", "rewrite_rows=", "k=5"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("got text stats (exit %d) %q, want %q in it", code, out, want)
		}
	}
}

// TestIndexDailyCrawls checks two days' crawl folders with the same file
// names, added one at a time: a file that replaces an unrelated article
// is warned about, an updated one is not, and --id-prefix keeps the days
// apart.
func TestIndexDailyCrawls(t *testing.T) {
	dir := t.TempDir()
	write := func(day, name, text string) {
		if err := os.MkdirAll(filepath.Join(dir, day), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, day, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("d1", "a.txt", seedText(t, seed0))
	write("d1", "b.txt", seedText(t, seed1))
	write("d2", "a.txt", seedText(t, seed4))                                          // another story under the same name
	write("d2", "b.txt", seedText(t, seed1)+"\n\nUpdated with the minister's reply.") // a new version
	t.Run("same names", func(t *testing.T) {
		idx := filepath.Join(dir, "same.idx")
		for _, day := range []string{"d1", "d2"} {
			if code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "--index", idx, filepath.Join(dir, day)); code != 0 {
				t.Fatalf("index add %s: exit %d: %s", day, code, errOut)
			}
		}
		_, _, errOut := runCmd(t, t.Context(), "", "index", "add", "--index", idx, filepath.Join(dir, "d2"))
		if strings.Contains(errOut, "shares almost nothing") {
			t.Errorf("got a warning adding the same folder again, want none: %s", errOut)
		}
		if st := statsJSON(t, idx); st.Documents != 2 {
			t.Errorf("got %d documents, want 2", st.Documents)
		}
	})
	t.Run("warning", func(t *testing.T) {
		idx := filepath.Join(dir, "warn.idx")
		runCmd(t, t.Context(), "", "index", "add", "--index", idx, filepath.Join(dir, "d1"))
		code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "--index", idx, filepath.Join(dir, "d2"))
		want := `warning: 1 document replaced an indexed article that shares almost nothing with it: "a.txt".`
		if code != 0 || !strings.Contains(errOut, want) || strings.Contains(errOut, `"b.txt"`) {
			t.Errorf("got exit %d, %q; want 0 and %q, b.txt not named", code, errOut, want)
		}
	})
	t.Run("id prefix", func(t *testing.T) {
		idx := filepath.Join(dir, "prefix.idx")
		for _, day := range []string{"d1", "d2"} {
			code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "--index", idx, "--id-prefix", day+"/", filepath.Join(dir, day))
			if code != 0 || strings.Contains(errOut, "warning") {
				t.Fatalf("index add %s: exit %d: %s", day, code, errOut)
			}
		}
		if st := statsJSON(t, idx); st.Documents != 4 {
			t.Errorf("got %d documents, want 4", st.Documents)
		}
		code, out, _ := runCmd(t, t.Context(), "", "check", "--index", idx, "--format", "jsonl", filepath.Join(dir, "d2", "b.txt"))
		if code != 0 || !strings.Contains(out, `"d1/b.txt"`) || !strings.Contains(out, `"d2/b.txt"`) {
			t.Errorf("got check exit %d, %s; want both days' b.txt", code, out)
		}
	})
}

func TestIndexAckLog(t *testing.T) {
	dir := t.TempDir()
	idx, ack := filepath.Join(dir, "a.idx"), filepath.Join(dir, "ack.log")
	code, _, errOut := runCmd(t, t.Context(), seedJSONL(t, seed0, seed1, seed2), "index", "add", "--index", idx, "--ack-log", ack, "--batch", "2", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, _ := os.ReadFile(ack)
	want := "added " + seed0 + "\nadded " + seed1 + "\nadded " + seed2 + "\n"
	if string(got) != want {
		t.Errorf("got ack log %q, want %q", got, want)
	}
}

func TestIndexErrors(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "e.idx")
	if code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "-q", "--index", idx, seeds); code != 0 {
		t.Fatalf("index add: exit %d: %s", code, errOut)
	}
	bad := writeFile(t, dir, "bad.jsonl", "{\"id\":\"a\",\"text\":\"one two three four five six\"}\nnot json\n")
	good, err := os.ReadFile(idx)
	if err != nil {
		t.Fatal(err)
	}
	// A quarter: bbolt grows a file ahead of its pages, so half may hold
	// them all.
	cut := writeFile(t, dir, "cut.idx", string(good[:len(good)/4]))
	tests := []struct {
		name    string
		args    []string
		want    int
		message string
	}{
		{"no subcommand", []string{"index"}, exitUsage, "no subcommand"},
		{"unknown subcommand", []string{"index", "drop"}, exitUsage, `unknown subcommand "drop"`},
		{"add without index", []string{"index", "add", seeds}, exitUsage, "--index FILE is required"},
		{"add without path", []string{"index", "add", "--index", idx}, exitUsage, "no PATH"},
		{"add missing path", []string{"index", "add", "--index", idx, "/nonexistent/x"}, exitInput, "/nonexistent/x"},
		{"add other k", []string{"index", "add", "--index", idx, "-k", "7", seeds}, exitUsage, "k: index 5, given 7"},
		{"add other rewrite rows", []string{"index", "add", "--index", idx, "--rewrite-rows", "2", seeds}, exitUsage, "rewrite_rows: index 1, given 2"},
		{"add other sketch", []string{"index", "add", "--index", idx, "--sketch", "minwise", seeds}, exitUsage, "sketch: index oph, given minwise"},
		{"check other threshold", []string{"check", "--index", idx, "--threshold", "0.7", seeds}, exitUsage, "threshold: index 0.5, given 0.7"},
		{"filter other seed", []string{"filter", "--index", idx, "--seed", "9"}, exitUsage, "seed: index"},
		{"add strict", []string{"index", "add", "--index", idx, "--strict", bad}, exitInput, "bad.jsonl:2"},
		{"add no documents", []string{"index", "add", "--index", idx, writeFile(t, dir, "empty.jsonl", "\n")}, exitInput, "no documents"},
		{"stats missing", []string{"index", "stats", "--index", filepath.Join(dir, "none.idx")}, exitInput, "does not exist"},
		{"stats bad format", []string{"index", "stats", "--index", idx, "--format", "csv"}, exitUsage, "unknown format"},
		{"stats not an index", []string{"index", "stats", "--index", bad}, exitInput, "bad.jsonl"},
		{"check without index", []string{"check", seeds}, exitUsage, "--index FILE is required"},
		{"check missing index", []string{"check", "--index", filepath.Join(dir, "none.idx"), seeds}, exitInput, "does not exist"},
		{"stats cut short", []string{"index", "stats", "--index", cut}, exitInput, "cut.idx is damaged"},
		{"check cut short", []string{"check", "--index", cut, seeds}, exitInput, "cut.idx is damaged"},
		{"add cut short", []string{"index", "add", "--index", cut, seeds}, exitInput, "cut.idx is damaged"},
		{"add in a missing folder", []string{"index", "add", "--index", filepath.Join(dir, "no", "x.idx"), seeds}, exitOutput, "create index " + filepath.Join(dir, "no", "x.idx") + ": no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, t.Context(), "", tt.args...)
			if code != tt.want || !strings.Contains(errOut, tt.message) {
				t.Errorf("got exit %d, stderr %q; want exit %d and %q", code, errOut, tt.want, tt.message)
			}
		})
	}
	if st := statsJSON(t, idx); st.Documents != 5 {
		t.Errorf("got %d documents after the failed adds, want 5", st.Documents)
	}
}

func TestIndexHelp(t *testing.T) {
	tests := []struct {
		args  []string
		usage string
	}{
		{[]string{"index", "add", "--help"}, "Usage: reprint index add"},
		{[]string{"index", "stats", "--help"}, "Usage: reprint index stats"},
		{[]string{"index", "--help"}, "Usage: reprint index add"},
		{[]string{"help", "index"}, "Usage: reprint index add"},
		{[]string{"check", "--help"}, "Usage: reprint check"},
		{[]string{"help", "check"}, "Usage: reprint check"},
		{[]string{"filter", "--help"}, "Usage: reprint filter"},
		{[]string{"help", "filter"}, "Usage: reprint filter"},
	}
	builders := map[string]func() *command{
		"index add":   func() *command { c, _ := newIndexAddCommand(new(bytes.Buffer)); return c },
		"index stats": func() *command { c, _ := newIndexStatsCommand(new(bytes.Buffer)); return c },
		"check":       func() *command { c, _ := newCheckCommand(new(bytes.Buffer)); return c },
		"filter":      func() *command { c, _ := newFilterCommand(new(bytes.Buffer)); return c },
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, _ := runCmd(t, t.Context(), "", tt.args...)
			if code != 0 || !strings.HasPrefix(out, tt.usage) || !strings.Contains(out, "Exit codes:") {
				t.Fatalf("got exit %d, help %.80q; want 0 and %q", code, out, tt.usage)
			}
			name := strings.TrimPrefix(tt.usage, "Usage: reprint ")
			builders[name]().fs.VisitAll(func(f *pflag.Flag) {
				if !strings.Contains(out, "--"+f.Name+"\n") && !strings.Contains(out, "--"+f.Name+" ") {
					t.Errorf("help does not document --%s", f.Name)
				}
			})
		})
	}
	_, out, _ := runCmd(t, t.Context(), "", "help")
	for _, want := range []string{"reprint index add", "reprint index stats", "reprint check", "reprint filter"} {
		if !strings.Contains(out, want) {
			t.Errorf("top-level help lacks %q", want)
		}
	}
}

// TestIndexCrash kills "reprint index add" with SIGKILL at random moments
// and checks that every batch it acknowledged survived: the index opens,
// Stats works, each acknowledged document is there with the text of the
// run that added it, and a check runs.
func TestIndexCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it 24 times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "reprint")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	idx := filepath.Join(dir, "crash.idx")
	det, _ := reprint.New(reprint.Options{})
	r := rand.New(rand.NewPCG(4, 2))
	const runs = 24
	killed, acked := 0, 0
	start := time.Now()
	for run := range runs {
		// Each run adds another corpus under the same IDs, so that later
		// runs replace documents and merge segments as they go.
		corpus := filepath.Join(dir, fmt.Sprintf("c%d.jsonl", run))
		f, err := os.Create(corpus)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := gen.Write(f, nil, gen.Options{Docs: 1500, Seed: uint64(run + 1)}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		ack := filepath.Join(dir, fmt.Sprintf("ack%d.log", run))
		cmd := exec.Command(bin, "index", "add", "-q", "--index", idx, "--batch", "50", "--ack-log", ack, corpus)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(30+r.IntN(600)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		} else if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr.String())
		}

		ids := readAcks(t, ack)
		acked += len(ids)
		ix, err := index.Open(idx, det.Params(), index.Options{ReadOnly: true})
		if errors.Is(err, index.ErrNotExist) && len(ids) == 0 {
			continue // killed before it made the file (a loaded machine)
		}
		if err != nil {
			t.Fatalf("run %d: reopen after kill: %v", run, err)
		}
		st, err := ix.Stats()
		if err != nil {
			ix.Close()
			t.Fatalf("run %d: stats: %v", run, err)
		}
		_, texts, err := ix.Get(ids)
		if err != nil {
			ix.Close()
			t.Fatalf("run %d: %d acknowledged documents: %v", run, len(ids), err)
		}
		want := corpusTexts(t, corpus)
		for i, id := range ids {
			if texts[i] != want[id] {
				t.Errorf("run %d: document %s: got the text of another run, want the acknowledged one", run, id)
			}
		}
		ix.Close()
		if st.Documents < len(ids) {
			t.Errorf("run %d: got %d documents, want at least the %d acknowledged", run, st.Documents, len(ids))
		}
		code, out, errOut := runCmd(t, t.Context(), "", "check", "--index", idx, "--format", "json", filepath.Join(seeds, seed1))
		if code != 0 {
			t.Fatalf("run %d: check: exit %d: %s", run, code, errOut)
		}
		decodeReport(t, out)
	}
	t.Logf("%d runs, %d killed before the end, %d acknowledged documents checked, %v", runs, killed, acked, time.Since(start).Round(time.Millisecond))
	if killed < runs/2 {
		t.Errorf("got %d of %d runs killed mid-way, want most", killed, runs)
	}
}

// readAcks returns the IDs in an ack log.
func readAcks(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var ids []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		id, ok := strings.CutPrefix(sc.Text(), "added ")
		if !ok {
			t.Fatalf("ack log %s: bad line %q", path, sc.Text())
		}
		ids = append(ids, id)
	}
	return ids
}

// corpusTexts returns the texts of a JSONL corpus by ID.
func corpusTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, _, err := input.ReadAll(input.NewJSONL(f, path, input.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	m := make(map[string]string, len(docs))
	for _, d := range docs {
		m[d.ID] = d.Text
	}
	return m
}

func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	idx := filepath.Join(t.TempDir(), "i.idx")
	tests := []struct {
		name string
		args []string
	}{
		{"index add", []string{"index", "add", "--index", idx, "-"}},
		{"filter", []string{"filter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, ctx, seedJSONL(t, seed0, seed1), tt.args...)
			if code != exitInterrupted {
				t.Errorf("got exit %d, want %d (stderr %s)", code, exitInterrupted, errOut)
			}
		})
	}
}

// TestIndexAddNothingLeavesNoFile checks that an add to a missing index
// that reads nothing (an empty folder, a first line refused with
// --strict) makes no empty index, and that one to an existing index keeps
// it.
func TestIndexAddNothingLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := writeFile(t, dir, "bad.jsonl", "not json\n")
	tests := []struct {
		name string
		args []string
	}{
		{"empty folder", []string{empty}},
		{"strict first line", []string{"--strict", bad}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".idx")
			code, _, errOut := runCmd(t, t.Context(), "", append([]string{"index", "add", "--index", idx}, tt.args...)...)
			if code != exitInput || !strings.Contains(errOut, "nothing to add, not created") {
				t.Errorf("got exit %d, stderr %q; want exit %d saying the index was not created", code, errOut, exitInput)
			}
			if _, err := os.Stat(idx); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("got %v for the index file, want it not to exist", err)
			}
		})
	}
	t.Run("existing index", func(t *testing.T) {
		idx := filepath.Join(dir, "kept.idx")
		if code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "-q", "--index", idx, seeds); code != 0 {
			t.Fatalf("index add: exit %d: %s", code, errOut)
		}
		if code, _, _ := runCmd(t, t.Context(), "", "index", "add", "-q", "--index", idx, empty); code != exitInput {
			t.Errorf("got exit %d, want %d", code, exitInput)
		}
		if st := statsJSON(t, idx); st.Documents != 5 {
			t.Errorf("got %d documents, want the 5 added before", st.Documents)
		}
	})
}

// TestIndexAddCreateFails checks what an add says when the index cannot
// be created (its folder is missing, a file, or read-only): the error,
// before any input is read ("read N documents" is the count after the
// work), and not that there was nothing to add.
func TestIndexAddCreateFails(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "file", "not a folder\n")
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, idx, want string
		code            int
	}{
		{"missing folder", filepath.Join(dir, "no", "x.idx"), "create index", exitOutput},
		{"file for a folder", filepath.Join(file, "x.idx"), "not a directory", exitInput},
		{"read-only folder", filepath.Join(ro, "x.idx"), "create index", exitOutput},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "read-only folder" && os.Geteuid() == 0 {
				t.Skip("root can write in a read-only folder")
			}
			code, _, errOut := runCmd(t, t.Context(), "", "index", "add", "--no-progress", "--index", tt.idx, seeds)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("got exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.want)
			}
			if strings.Contains(errOut, "nothing to add") || strings.Contains(errOut, "read 5") {
				t.Errorf("got stderr %q, want the error before any work and no claim that there was nothing to add", errOut)
			}
		})
	}
}
