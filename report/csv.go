package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/reprint-dev/reprint"
)

// csvEvidence is the most characters of evidence text a CSV row carries.
const csvEvidence = 200

var csvHeader = []string{
	"a", "b", "relation", "original", "score", "jaccard",
	"containment_ab", "containment_ba", "passages", "evidence",
}

func writeCSV(w io.Writer, res *reprint.Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	for _, p := range res.Pairs {
		evidence := ""
		if len(p.Passages) > 0 {
			evidence = truncate(collapse(p.Passages[0].Text), csvEvidence)
		}
		row = append(row[:0],
			docID(res, p.A),
			docID(res, p.B),
			string(p.Relation),
			docID(res, p.Original),
			formatFloat(p.Score),
			formatFloat(p.Jaccard),
			formatFloat(p.ContainAB),
			formatFloat(p.ContainBA),
			strconv.Itoa(len(p.Passages)),
			evidence,
		)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formatFloat writes x rounded to 4 decimals, as JSON output does.
func formatFloat(x float64) string {
	return strconv.FormatFloat(round4(x), 'f', -1, 64)
}
