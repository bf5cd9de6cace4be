package main

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/gen"
)

// filterSummary parses filter's summary line.
var summaryRE = regexp.MustCompile(`read (\d+), passed (\d+) \((\d+) marked\), dropped (\d+), rejected (\d+)`)

func parseSummary(t *testing.T, stderr string) (read, passed, marked, dropped, rejected int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in stderr %q", stderr)
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return n[0], n[1], n[2], n[3], n[4]
}

// lines splits output into lines.
func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// lineID returns the "id" of a JSON line.
func lineID(t *testing.T, line string) string {
	t.Helper()
	var v struct{ ID string }
	if err := json.Unmarshal([]byte(line), &v); err != nil {
		t.Fatalf("output line is not JSON: %v: %.100s", err, line)
	}
	return v.ID
}

func TestFilterGenerated(t *testing.T) {
	var docs, truth bytes.Buffer
	st, err := gen.Write(&docs, &truth, gen.Options{Docs: 2000, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	planted := map[string]bool{}
	sc := bufio.NewScanner(&truth)
	for sc.Scan() {
		var tr gen.Truth
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatal(err)
		}
		planted[tr.B] = true
	}
	in := lines(docs.String())
	// Three bad lines and a blank one among the good ones.
	bad := []string{"not json", `{"id":"x1"}`, `["an","array"]`}
	stream := strings.Join(in[:100], "\n") + "\n" + strings.Join(bad, "\n") + "\n\n" + strings.Join(in[100:], "\n") + "\n"

	t.Run("drop", func(t *testing.T) {
		code, out, errOut := runCmd(t, t.Context(), stream, "filter", "--drop")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		read, passed, marked, dropped, rejected := parseSummary(t, errOut)
		if read != st.Docs+3 || read != passed+dropped+rejected || rejected != 3 || marked != 0 {
			t.Errorf("got read %d = passed %d + dropped %d + rejected %d (%d marked); want %d read, 3 rejected, none marked", read, passed, dropped, rejected, marked, st.Docs+3)
		}
		for _, want := range []string{"-:101: invalid JSON", "-:102: missing text", "-:103:"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("stderr lacks %q: %s", want, errOut)
			}
		}
		outLines := lines(out)
		if len(outLines) != passed {
			t.Errorf("got %d output lines, want %d passed", len(outLines), passed)
		}
		kept := map[string]bool{}
		for _, l := range outLines {
			kept[lineID(t, l)] = true
		}
		tp, fp := 0, 0
		for _, l := range in {
			id := lineID(t, l)
			if kept[id] {
				continue
			}
			if planted[id] {
				tp++
			} else {
				fp++
			}
		}
		recall, precision := float64(tp)/float64(len(planted)), float64(tp)/float64(max(tp+fp, 1))
		t.Logf("dropped %d of %d lines; %d of %d planted derivatives: recall %.3f, precision %.3f", dropped, st.Docs, tp, len(planted), recall, precision)
		if recall < 0.95 || precision < 0.95 {
			t.Errorf("got recall %.3f, precision %.3f; want both at least 0.95", recall, precision)
		}
	})
	t.Run("mark", func(t *testing.T) {
		code, out, errOut := runCmd(t, t.Context(), stream, "filter")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		_, passed, marked, dropped, _ := parseSummary(t, errOut)
		outLines := lines(out)
		if len(outLines) != passed || dropped != 0 || passed != st.Docs {
			t.Fatalf("got %d lines, passed %d, dropped %d; want all %d good lines", len(outLines), passed, dropped, st.Docs)
		}
		n := 0
		for i, l := range outLines {
			if l == in[i] {
				continue
			}
			n++
			// A marked line is the input line with one member added.
			prefix := strings.TrimSuffix(in[i], "}")
			if !strings.HasPrefix(l, prefix+`,"reprint":{"duplicate_of":"`) {
				t.Errorf("line %d: got %.200q, want the input line with a reprint member", i+1, l[len(prefix)-10:])
				continue
			}
			var v struct{ Reprint match }
			if err := json.Unmarshal([]byte(l), &v); err != nil || !v.Reprint.Relation.Derived() || v.Reprint.Score <= 0 {
				t.Errorf("line %d: got reprint member %+v (%v), want a derived match", i+1, v.Reprint, err)
			}
		}
		if n != marked {
			t.Errorf("got %d changed lines, want %d marked", n, marked)
		}
	})
	t.Run("copies first", func(t *testing.T) {
		// In reverse order each original comes after its copies, which
		// passed unmarked (nothing came before them); the original is not
		// their copy (it is fuller, or published earlier): not marked either.
		var rev []string
		for i := len(in) - 1; i >= 0; i-- {
			rev = append(rev, in[i])
		}
		code, out, errOut := runCmd(t, t.Context(), strings.Join(rev, "\n")+"\n", "filter")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		marked, originals := 0, 0
		for _, l := range lines(out) {
			var v struct {
				ID      string
				Reprint *match
			}
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				t.Fatal(err)
			}
			if v.Reprint == nil {
				continue
			}
			marked++
			if !planted[v.ID] {
				originals++
				if originals <= 3 {
					t.Errorf("%s: got marked duplicate of %s, want unmarked: no planted derivative, the original", v.ID, v.Reprint.DuplicateOf)
				}
			}
		}
		if originals > 0 {
			t.Errorf("got %d marked, %d of them originals; want no originals", marked, originals)
		}
	})
	t.Run("window of one", func(t *testing.T) {
		// A window of one line sees only copies of the line before.
		code, _, errOut := runCmd(t, t.Context(), stream, "filter", "--drop", "--window", "1")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		_, _, _, dropped, _ := parseSummary(t, errOut)
		if dropped >= len(planted)/2 {
			t.Errorf("got %d dropped with a window of 1, want far fewer than %d", dropped, len(planted))
		}
	})
}

func TestFilterIndex(t *testing.T) {
	idx := seedIndex(t, seed0, seed1, seed4)
	stream := seedJSONL(t, seed2) + `{"id":"new","text":"` + strings.Repeat("An unrelated sentence about the weather in a small town. ", 10) + `"}` + "\n" + seedJSONL(t, seed3, seed1)
	code, out, errOut := runCmd(t, t.Context(), stream, "filter", "--index", idx, "--add")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := []struct {
		id, of string
	}{{seed2, seed1}, {"new", ""}, {seed3, seed1}, {seed1, ""}} // 001 is the others' original: not marked
	got := lines(out)
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d", len(got), len(want))
	}
	for i, w := range want {
		var v struct {
			ID      string
			Reprint *match
		}
		if err := json.Unmarshal([]byte(got[i]), &v); err != nil {
			t.Fatal(err)
		}
		of := ""
		if v.Reprint != nil {
			of = v.Reprint.DuplicateOf
		}
		if v.ID != w.id || of != w.of {
			t.Errorf("line %d: got %s duplicate of %q, want %s duplicate of %q", i+1, v.ID, of, w.id, w.of)
		}
	}
	if !strings.Contains(errOut, "added 3, replaced 0, unchanged 1") {
		t.Errorf("got summary %q, want 3 added and 001 unchanged", errOut)
	}
	// 001 was indexed: re-adding it changed nothing; the others are new.
	if st := statsJSON(t, idx); st.Documents != 6 {
		t.Errorf("got %d documents after --add, want 6", st.Documents)
	}
}

func TestFilterUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"add without index", []string{"filter", "--add"}, exitUsage},
		{"arguments", []string{"filter", "in.jsonl"}, exitUsage},
		{"negative window", []string{"filter", "--window", "-1"}, exitUsage},
		{"missing index", []string{"filter", "--index", filepath.Join(t.TempDir(), "x.idx")}, exitInput},
		{"strict", []string{"filter", "--strict"}, exitInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, t.Context(), "{\"id\":1}\n", tt.args...)
			if code != tt.want {
				t.Errorf("got exit %d, want %d (stderr %s)", code, tt.want, errOut)
			}
		})
	}
}

func TestSetField(t *testing.T) {
	val := []byte(`{"score":1}`)
	tests := []struct {
		name, line, want string
	}{
		{"append", `{"id":"a","text":"t"}`, `{"id":"a","text":"t","reprint":{"score":1}}`},
		{"newline kept", "{\"id\":\"a\"}\r\n", "{\"id\":\"a\",\"reprint\":{\"score\":1}}\r\n"},
		{"spaces", `{ "id" : "a" }  `, `{ "id" : "a","reprint":{"score":1}}  `},
		{"empty object", `{}`, `{"reprint":{"score":1}}`},
		{"key in a value only", `{"id":"reprint","text":"\"reprint\""}`, `{"id":"reprint","text":"\"reprint\"","reprint":{"score":1}}`},
		{"replace", `{"id":"a","reprint":null,"n":1.50}`, `{"id":"a","reprint":{"score":1},"n":1.50}`},
		{"replace keeps the other bytes", "  {\"a<b\" : \"caf\\u00e9\",  \"reprint\" :  [1, 2] , \"n\":1}\n", "  {\"a<b\" : \"caf\\u00e9\",  \"reprint\" :  {\"score\":1} , \"n\":1}\n"},
		{"byte order mark", "\xef\xbb\xbf{\"id\":\"a\"}", "\xef\xbb\xbf{\"id\":\"a\",\"reprint\":{\"score\":1}}"},
		{"byte order mark, text saying reprint", "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"reprinted\"}", "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"reprinted\",\"reprint\":{\"score\":1}}"},
		{"byte order mark, replace", "\xef\xbb\xbf{\"reprint\":0}", "\xef\xbb\xbf{\"reprint\":{\"score\":1}}"},
		{"nested key left", `{"a":{"reprint":2},"reprint":3}`, `{"a":{"reprint":2},"reprint":{"score":1}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := setField([]byte(tt.line), "reprint", val)
			if err != nil || string(got) != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := setField([]byte(`["x"]`), "reprint", val); err == nil {
		t.Errorf("got no error for an array, want one")
	}
}

func FuzzSetField(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"t"}`, `{}`, `{"reprint":1}`, `{"a":{"reprint":2}}`, "{\"id\":\"x\"}\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var obj map[string]json.RawMessage
		if json.Unmarshal(line, &obj) != nil || obj == nil {
			return
		}
		got, err := setField(line, "reprint", []byte(`{"x":1}`))
		if err != nil {
			return // e.g. duplicate keys the slow path refuses
		}
		var after map[string]json.RawMessage
		if err := json.Unmarshal(got, &after); err != nil {
			t.Fatalf("got invalid JSON %q from %q: %v", got, line, err)
		}
		if string(after["reprint"]) != `{"x":1}` {
			t.Errorf("got reprint %s, want {\"x\":1}", after["reprint"])
		}
		for k, v := range obj {
			if k != "reprint" && !bytes.Equal(bytes.TrimSpace(after[k]), bytes.TrimSpace(v)) {
				t.Errorf("member %q: got %s, want %s", k, after[k], v)
			}
		}
	})
}

func TestWindow(t *testing.T) {
	det, _ := reprint.New(reprint.Options{})
	var buf bytes.Buffer
	if _, err := gen.Write(&buf, nil, gen.Options{Docs: 60, Seed: 5, Planted: -1}); err != nil {
		t.Fatal(err)
	}
	type line struct {
		doc  reprint.Document
		fp   *reprint.Fingerprint
		keys []uint64
	}
	var ls []line
	for i, l := range lines(buf.String()) {
		var d struct{ ID, Text string }
		json.Unmarshal([]byte(l), &d)
		doc := reprint.Document{ID: d.ID, Text: d.Text, Source: fmt.Sprintf("-:%d", i+1)}
		fp := det.Fingerprint(doc)
		ls = append(ls, line{doc, fp, det.Keys(fp)})
	}
	const size = 20
	w := newWindow(size, 1000, 1)
	zw, _ := flate.NewWriter(nil, flate.BestSpeed)
	for i, l := range ls {
		w.add(l.doc, compress(zw, l.doc.Text), l.fp, l.keys)
		if n := w.next - w.oldest(); n > size {
			t.Fatalf("after %d lines: got %d in the window, want at most %d", i+1, n, size)
		}
	}
	tests := []struct {
		line  int
		from  int64
		found bool
	}{{0, 0, false}, {39, 0, false}, {40, 0, true}, {45, 0, true}, {59, 0, true}, {45, 46, false}, {59, 46, true}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.line, "from", tt.from), func(t *testing.T) {
			cands, next := w.candidates(ls[tt.line].keys, tt.from, 0)
			if next != int64(len(ls)) {
				t.Errorf("got next %d, want %d", next, len(ls))
			}
			found := len(cands) > 0 && cands[0].seq == int64(tt.line)
			if found != tt.found {
				t.Errorf("got %d candidates, want line %d found: %t", len(cands), tt.line, tt.found)
			}
			if !found {
				return
			}
			c := cands[0]
			if c.doc.ID != ls[tt.line].doc.ID || c.doc.Source != ls[tt.line].doc.Source || c.fp == nil {
				t.Errorf("got document %+v, want %s with its cached fingerprint", c.doc, ls[tt.line].doc.ID)
			}
			// Computed again from the stored text, not the cache.
			c.fp = nil
			fp, err := w.fingerprint(&c, det)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := fp.MarshalBinary()
			want, _ := ls[tt.line].fp.MarshalBinary()
			if !bytes.Equal(got, want) {
				t.Errorf("got another fingerprint when computed again")
			}
		})
	}
}

func TestFilterSummary(t *testing.T) {
	tests := []struct {
		name  string
		n     filterCounts
		added string
		want  string
	}{
		{"all accounted for", filterCounts{read: 5, passed: 3, tagged: 1, dropped: 1, rejected: 1}, "", "read 5, passed 3 (1 marked), dropped 1, rejected 1"},
		{"added", filterCounts{read: 2, passed: 2, added: 2}, "a.idx", "read 2, passed 2 (0 marked), dropped 0, rejected 0; added 2 to a.idx"},
		{"added again", filterCounts{read: 3, passed: 3, added: 1, replaced: 1, unchanged: 1}, "a.idx", "read 3, passed 3 (0 marked), dropped 0, rejected 0; to a.idx added 1, replaced 1, unchanged 1"},
		{"stopped on a line", filterCounts{read: 9, passed: 8}, "", "read 9, passed 8 (0 marked), dropped 0, rejected 0, stopped by the error below 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.n.summary(tt.added); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
