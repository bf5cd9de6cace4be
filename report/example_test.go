package report_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/report"
)

func ExampleWrite() {
	res := &reprint.Result{
		Documents: []reprint.DocInfo{
			{ID: "a.txt", Source: "a.txt", Words: 300},
			{ID: "b.txt", Source: "b.txt", Words: 280},
		},
		Pairs: []reprint.Pair{{
			A: 0, B: 1, Relation: reprint.EditedCopy, Original: 0, Reason: "earlier publication time",
			Score: 0.88, Jaccard: 0.71, ContainAB: 0.8, ContainBA: 0.86,
			Passages: []reprint.Passage{{AStart: 0, AEnd: 95, BStart: 10, BEnd: 105,
				Text: "The council voted on Monday\nto close the old bridge for repairs."}},
		}},
		Clusters: []reprint.Cluster{{Members: []int{0, 1}, Original: 0, Reason: "earlier publication time"}},
		Params:   reprint.Params{K: 5, Threshold: 0.5},
		Summary:  reprint.Summary{Documents: 2, Pairs: 1, Clusters: 1},
	}
	if err := report.Write(os.Stdout, res, report.Text, report.Options{Width: 72}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// reprint: 2 documents, 1 pair, 1 cluster (0 skipped, 0 failed)
	//
	// Cluster 1: 2 articles, original a.txt
	//   why: earlier publication time
	//   - b.txt  edited copy of a.txt  score 0.88
	//
	// Copies and rewrites
	//   b.txt is an edited copy of a.txt  score 0.88  (cluster 1)
	//       why a.txt is the original: earlier publication time
	//       word for word: 86% of b.txt, 80% of a.txt (jaccard 0.71)
	//       evidence: "The council voted on Monday to close the old bridge for
	//                 repairs." (original bytes 0–95, edited copy
	//                 bytes 10–105)
	//
	// Parameters: k=5 rewrite_k=0 num_hash=0 sketch="" seed=0 threshold=0.5
	//   bands=0 rows=0 rewrite_threshold=0 rewrite_bands=0 rewrite_rows=0
	//   rewrite_extra_bands=0 min_score=0 candidate_budget=0 max_bucket=0
	//   max_doc_freq=0 min_passage=0 same_story=false capped_buckets=0
	//   candidates=0
}

// The HTML report shows the documents' texts side by side when it is given
// them.
func ExampleWrite_html() {
	texts := []string{
		"The council voted on Monday to close the old bridge for repairs.",
		"Reports say the council voted on Monday to close the bridge for repairs.",
	}
	res := &reprint.Result{
		Documents: []reprint.DocInfo{{ID: "a.txt", Words: 12}, {ID: "b.txt", Words: 13}},
		Pairs: []reprint.Pair{{
			A: 0, B: 1, Relation: reprint.EditedCopy, Original: 0, Score: 0.9,
			Passages: []reprint.Passage{{AStart: 4, AEnd: 64, BStart: 16, BEnd: 72, Text: texts[0][4:64]}},
		}},
		Summary: reprint.Summary{Documents: 2, Pairs: 1},
	}
	var buf strings.Builder
	if err := report.Write(&buf, res, report.HTML, report.Options{Texts: texts}); err != nil {
		fmt.Println(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, `<div class="text">`) {
			fmt.Println(line)
		}
	}
	// Output:
	// <div class="text">The <mark class="hl c0" id="p1-1-a"><a class="pn" href="#p1-1-b" aria-label="Passage 1: go to side B">1</a>council voted on Monday to close the old bridge for repairs.</mark></div>
	// <div class="text">Reports say the <mark class="hl c0" id="p1-1-b"><a class="pn" href="#p1-1-a" aria-label="Passage 1: go to side A">1</a>council voted on Monday to close the bridge for repairs.</mark></div>
}

func ExampleParseFormat() {
	f, err := report.ParseFormat("JSON")
	fmt.Println(f, err)
	_, err = report.ParseFormat("xml")
	fmt.Println(err)
	// Output:
	// json <nil>
	// unknown report format "xml" (valid: text, json, jsonl, csv, html)
}
