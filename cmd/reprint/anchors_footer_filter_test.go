package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/gen"
)

// TestFilterFooterAnchorsCrowdOutSources checks that a site's footer does
// not crowd a line's sources out of its --max-candidates. Filter ranks
// indexed articles by the LSH keys they share with a line; a 250-word
// footer shared word for word by a site's long pages gives each of them
// some 30 anchor keys in common with a line of that site, more than a
// rewrite shares with its source, so when filter counted anchor keys with
// its LSH keys the source fell out of the candidates verified (58 of 96
// marked with a limit of 20; 94 before anchors, at e923a3f). Anchor keys
// are now looked up apart.
func TestFilterFooterAnchorsCrowdOutSources(t *testing.T) {
	var docs, truth bytes.Buffer
	if _, err := gen.Write(&docs, &truth, gen.Options{Docs: 1200, Seed: 11, Words: 1400}); err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	var order []string
	for l := range strings.Lines(docs.String()) {
		var d struct{ ID, Text string }
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		text[d.ID] = d.Text
		order = append(order, d.ID)
	}
	planted := map[string]bool{}
	var pairs []gen.Truth
	sc := bufio.NewScanner(&truth)
	for sc.Scan() {
		var tr gen.Truth
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatal(err)
		}
		planted[tr.A], planted[tr.B] = true, true
		if tr.Kind == gen.KindRewrite || tr.Kind == gen.KindEdited {
			pairs = append(pairs, tr)
		}
	}
	var free []string // long articles of their own, for the site's pages
	for _, id := range order {
		if !planted[id] && len(strings.Fields(text[id])) >= 1000 {
			free = append(free, id)
		}
	}
	footer := strings.Join(strings.Fields(text[free[0]])[:250], " ")
	var indexed, queries strings.Builder
	sources := map[string]string{}
	for _, p := range pairs {
		if _, ok := sources[p.B]; ok || text[p.A] == "" {
			continue
		}
		sources[p.B] = p.A
		indexed.WriteString(jsonLine(p.A, text[p.A]))
		queries.WriteString(jsonLine(p.B, text[p.B]+"\n\n"+footer))
	}
	for _, id := range free[1:min(len(free), 201)] {
		indexed.WriteString(jsonLine(id, text[id]+"\n\n"+footer))
	}
	idx := filepath.Join(t.TempDir(), "site.idx")
	if code, _, errOut := runCmd(t, t.Context(), indexed.String(), "index", "add", "-q", "-", "--index", idx); code != 0 {
		t.Fatalf("index add: exit %d: %s", code, errOut)
	}
	found := func(maxCands string) int {
		code, out, errOut := runCmd(t, t.Context(), queries.String(), "filter", "-q", "--window", "0", "--index", idx, "--max-candidates", maxCands)
		if code != 0 {
			t.Fatalf("filter: exit %d: %s", code, errOut)
		}
		n := 0
		for id, dup := range filterMarks(t, out) {
			if dup == sources[id] {
				n++
			}
		}
		return n
	}
	limited, all := found("20"), found("0")
	t.Logf("%d lines: %d marked with their source verifying 20 candidates, %d verifying all", len(sources), limited, all)
	if limited < all*95/100 {
		t.Errorf("--max-candidates 20 marks %d lines with their source, all candidates %d: the footer's anchor keys crowd the sources out", limited, all)
	}
}
