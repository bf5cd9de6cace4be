package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
)

// TestClustersSharingAMember checks a result whose clusters share a
// member, as a check's do (each query's family is its own, and two
// queries can take from one indexed article): each pair is told in the
// cluster holding both its sides, in the text and in the HTML report.
func TestClustersSharingAMember(t *testing.T) {
	res := &reprint.Result{
		Documents: []reprint.DocInfo{{ID: "wire"}, {ID: "paper1"}, {ID: "paper2"}},
		Pairs: []reprint.Pair{
			{A: 0, B: 1, Relation: reprint.Rewrite, Original: 0, Score: 0.6},
			{A: 0, B: 2, Relation: reprint.Excerpt, Original: 0, Score: 0.7},
		},
		Clusters: []reprint.Cluster{
			{Members: []int{0, 1}, Original: 0},
			{Members: []int{0, 2}, Original: 0},
		},
	}
	text := string(write(t, res, Text, Options{}))
	for _, w := range []string{
		"paper1 is a rewrite of wire  score 0.60  (cluster 1)",
		"paper2 is an excerpt of wire  score 0.70  (cluster 2)",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("got text report\n%s\nwant it to hold\n%s", text, w)
		}
	}
	if got := pairClusters(res); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("got pair clusters %v, want [1 2]", got)
	}
	html := string(write(t, res, HTML, Options{}))
	if !strings.Contains(html, "cluster 2") && !strings.Contains(html, "Cluster 2") {
		t.Errorf("got HTML report without cluster 2 for the second pair:\n%s", html)
	}
}

// TestHTMLClusterWeakCall checks that the HTML report marks a cluster
// whose original only length or input order decided, as it marks a pair.
func TestHTMLClusterWeakCall(t *testing.T) {
	for _, tt := range []struct {
		by   string
		weak bool
	}{{reprint.ByOrder, true}, {reprint.ByLonger, true}, {reprint.ByAgency, false}} {
		t.Run(tt.by, func(t *testing.T) {
			res := &reprint.Result{
				Documents: []reprint.DocInfo{{ID: "a"}, {ID: "b"}},
				Pairs:     []reprint.Pair{{A: 0, B: 1, Relation: reprint.Copy, Original: 0, Score: 1, OriginalBy: reprint.ByAgency}},
				Clusters:  []reprint.Cluster{{Members: []int{0, 1}, Original: 0, Reason: "why", OriginalBy: tt.by}},
			}
			html := string(write(t, res, HTML, Options{}))
			if got := strings.Contains(html, `Why: why <span class="badge">weak call</span>`); got != tt.weak {
				t.Errorf("got weak call marked %v, want %v", got, tt.weak)
			}
		})
	}
}

// TestCounts checks the report's first line: a scan counts its documents,
// a check the articles it read and the indexed ones it shows apart.
func TestCounts(t *testing.T) {
	docs := []reprint.DocInfo{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	tests := []struct {
		name  string
		docs  []reprint.DocInfo
		sum   reprint.Summary
		check bool
		want  string
	}{
		{"scan", docs, reprint.Summary{Documents: 3, Skipped: 1}, false, "3 documents, 0 pairs, 0 clusters (1 skipped, 0 failed)"},
		{"no summary", docs, reprint.Summary{}, false, "3 documents, 0 pairs, 0 clusters (0 skipped, 0 failed)"},
		{"check", docs, reprint.Summary{Documents: 1}, false, "1 article checked, 2 indexed articles shown, 0 pairs, 0 clusters (0 skipped, 0 failed)"},
		{"check with no match", docs[:1], reprint.Summary{Documents: 1}, true, "1 article checked, 0 indexed articles shown, 0 pairs, 0 clusters (0 skipped, 0 failed)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := counts(&reprint.Result{Documents: tt.docs, Summary: tt.sum}, Options{Check: tt.check}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHTMLPairHeading checks that the HTML report heads a derived pair as
// the text report tells it, copy first, and other pairs A ↔ B.
func TestHTMLPairHeading(t *testing.T) {
	docs := []reprint.DocInfo{{ID: "wire"}, {ID: "paper"}}
	tests := []struct {
		name string
		pair reprint.Pair
		want string
	}{
		{"original A", reprint.Pair{A: 0, B: 1, Relation: reprint.Excerpt, Original: 0, Score: 0.7}, `Pair 1: <span class="id">paper</span> is an excerpt of <span class="id">wire</span></h3>`},
		{"original B", reprint.Pair{A: 0, B: 1, Relation: reprint.Rewrite, Original: 1, Score: 0.7}, `Pair 1: <span class="id">wire</span> is a rewrite of <span class="id">paper</span></h3>`},
		{"same story", reprint.Pair{A: 0, B: 1, Relation: reprint.SameStory, Original: 0, Score: 0.4}, `Pair 1: <span class="id">wire</span> ↔ <span class="id">paper</span></h3>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := string(write(t, &reprint.Result{Documents: docs, Pairs: []reprint.Pair{tt.pair}}, HTML, Options{}))
			if !strings.Contains(html, tt.want) {
				t.Errorf("got HTML without the heading %s", tt.want)
			}
		})
	}
}

// TestJSONClusterParents checks a cluster's parents in JSON: each member
// but the original by the member it derives from, and none (an empty
// object, not null) when the cluster does not name them.
func TestJSONClusterParents(t *testing.T) {
	docs := []reprint.DocInfo{{ID: "wire"}, {ID: "snap"}, {ID: "paper"}}
	tests := []struct {
		name    string
		parents []int
		want    map[string]string
	}{
		{"a tree", []int{-1, 0, 1}, map[string]string{"snap": "wire", "paper": "snap"}},
		{"not named", nil, map[string]string{}},
		{"malformed", []int{-1, 7}, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &reprint.Result{Documents: docs, Clusters: []reprint.Cluster{{Members: []int{0, 1, 2}, Parents: tt.parents, Original: 0}}}
			got := Build(res).Clusters[0].Parents
			if got == nil || len(got) != len(tt.want) {
				t.Fatalf("got parents %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("got parents %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestPublishedShown checks that what the input said of an article (its
// outlet, time and URL) is in the JSON documents and beside the pair in
// the text report, and that nothing is said of an article without it.
func TestPublishedShown(t *testing.T) {
	res := &reprint.Result{
		Documents: []reprint.DocInfo{
			{ID: "wire", Outlet: "PA", Published: time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC), URL: "https://pa.example/1"},
			{ID: "paper", Outlet: "Daily Planet", Published: time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)},
			{ID: "other"},
		},
		Pairs:   []reprint.Pair{{A: 0, B: 1, Relation: reprint.Rewrite, Original: 0, Score: 0.6}},
		Summary: reprint.Summary{Documents: 3, Pairs: 1},
	}
	var text, js bytes.Buffer
	if err := Write(&text, res, Text, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "published: Daily Planet, 2025-08-21 / PA, 2025-08-20 09:30 UTC,"; !strings.Contains(text.String(), want) {
		t.Errorf("got text report\n%s\nwant a line with %q", text.String(), want)
	}
	if err := Write(&js, res, JSON, Options{}); err != nil {
		t.Fatal(err)
	}
	var r JSONReport
	if err := json.Unmarshal(js.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	want := []JSONDocument{
		{ID: "wire", URL: "https://pa.example/1", Outlet: "PA", Published: "2025-08-20T09:30:00Z"},
		{ID: "paper", Outlet: "Daily Planet", Published: "2025-08-21T00:00:00Z"},
		{ID: "other"},
	}
	if fmt.Sprint(r.Documents) != fmt.Sprint(want) {
		t.Errorf("got documents %+v, want %+v", r.Documents, want)
	}
	if strings.Contains(js.String(), `"url": ""`) || strings.Count(js.String(), `"outlet"`) != 2 {
		t.Errorf("got JSON with empty url or outlet fields:\n%s", js.String())
	}
}
