package reprint_test

import (
	"context"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestScanRepeatedIDIsError: Detector.Run refuses a repeated or empty ID
// ("the report names documents by ID"), but the streaming Scan, which the
// README offers for corpora too large to hold, takes them and reports a
// document paired with itself by ID ("a,a,copy") that a consumer cannot
// tell apart. The same documents should give the same error either way.
func TestScanRepeatedIDIsError(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("The council approved the new bridge after a long debate on Tuesday night, and work starts in spring. ", 6)
	for _, docs := range [][]reprint.Document{
		{{ID: "a", Text: text}, {ID: "a", Text: text}},
		{{ID: "", Text: text}, {ID: "b", Text: text}},
	} {
		_, runErr := det.Run(context.Background(), docs)
		sc := det.NewScan()
		fps := make([]*reprint.Fingerprint, len(docs))
		for i, d := range docs {
			fps[i] = sc.Prepare(i, d)
		}
		res, scanErr := sc.Run(context.Background(), fps, func(i int) (string, error) { return docs[i].Text, nil })
		if runErr == nil {
			t.Fatalf("Run took IDs %q, %q", docs[0].ID, docs[1].ID)
		}
		if scanErr == nil {
			t.Errorf("Run: %v; Scan.Run: no error, %d pairs", runErr, len(res.Pairs))
		}
	}
}
