package report_test

import (
	"fmt"
	"os"

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
	//   - b.txt  edited_copy of a.txt  score 0.88
	//
	// Copies and rewrites
	//   a.txt ↔ b.txt  edited_copy  score 0.88  (cluster 1)
	//       original: a.txt (earlier publication time)
	//       jaccard 0.71, shared wording covers 80% of a.txt and 86% of b.txt
	//       evidence: "The council voted on Monday to close the old bridge for
	//                 repairs." (A bytes 0–95, B bytes 10–105)
	//
	// Parameters: k=5 rewrite_k=0 num_hash=0 seed=0 threshold=0.5 bands=0
	//   rows=0 rewrite_threshold=0 rewrite_bands=0 rewrite_rows=0 min_score=0
	//   max_bucket=0 max_doc_freq=0 min_passage=0 same_story=false
	//   capped_buckets=0 candidates=0
}

func ExampleParseFormat() {
	f, err := report.ParseFormat("JSON")
	fmt.Println(f, err)
	_, err = report.ParseFormat("xml")
	fmt.Println(err)
	// Output:
	// json <nil>
	// unknown report format "xml" (valid: text, json, jsonl, csv)
}
