package eval

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"
)

// maxMissingListed caps the missing doc IDs WriteText lists; Report.Missing
// has them all.
const maxMissingListed = 10

// WriteText writes r as readable tables: per-class precision, recall, F1
// and support, macro-F1, attribution, then rewrite recall and wrong-pair
// share. The output depends only on r.
func (r Report) WriteText(w io.Writer) error {
	var buf bytes.Buffer
	sections := 0
	if d := r.Derivation; d != nil {
		writeDerivation(&buf, d)
		sections++
	}
	if m := r.Rewrites; m != nil {
		if sections > 0 {
			buf.WriteByte('\n')
		}
		writeRewrites(&buf, m)
		sections++
	}
	if sections == 0 {
		fmt.Fprintf(&buf, "no scorable labels (want %s, %s, %s or %s)\n",
			WhollyDerived, PartiallyDerived, NonDerived, MachineRewrite)
	}
	if n := len(r.Missing); n > 0 {
		fmt.Fprintf(&buf, "\nmissing from result: %d labelled docs (scored as not derived)\n", n)
		for _, id := range r.Missing[:min(n, maxMissingListed)] {
			fmt.Fprintf(&buf, "  %s\n", id)
		}
		if n > maxMissingListed {
			fmt.Fprintf(&buf, "  ... and %d more\n", n-maxMissingListed)
		}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write eval report: %w", err)
	}
	return nil
}

func writeDerivation(buf *bytes.Buffer, d *DerivationMetrics) {
	c := d.Confusion
	fmt.Fprintf(buf, "derivation: %d labelled docs\n", c.TP+c.FP+c.FN+c.TN)
	tw := tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "class\tprecision\trecall\tf1\tsupport")
	for _, row := range []struct {
		name string
		m    ClassMetrics
	}{{"derived", d.Derived}, {"non_derived", d.NonDerived}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\n", row.name, row.m.Precision, row.m.Recall, row.m.F1, row.m.Support)
	}
	fmt.Fprintf(tw, "macro-F1\t\t\t%.3f\n", d.MacroF1)
	tw.Flush()
	fmt.Fprintf(buf, "attribution: %.3f (%d of %d detected derived docs name a labelled source as original)\n",
		d.Attribution, attributed(d), d.AttributionN)
	fmt.Fprintf(buf, "confusion: TP %d  FP %d  FN %d  TN %d\n", c.TP, c.FP, c.FN, c.TN)

	buf.WriteByte('\n')
	tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "label\tdocs\tpredicted derived")
	for _, l := range slices.Sorted(maps.Keys(d.ByLabel)) {
		lc := d.ByLabel[l]
		fmt.Fprintf(tw, "%s\t%d\t%d\n", l, lc.N, lc.PredictedDerived)
	}
	tw.Flush()
}

// attributed recovers the count of correctly attributed docs.
func attributed(d *DerivationMetrics) int {
	return int(d.Attribution*float64(d.AttributionN) + 0.5)
}

func writeRewrites(buf *bytes.Buffer, m *RewriteMetrics) {
	fmt.Fprintf(buf, "machine rewrites: %d labelled docs\n", m.N)
	tw := tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "linked to a source\t%d of %d\trecall %.3f\n", m.Linked, m.N, m.Recall)
	fmt.Fprintf(tw, "wrong derived pairs\t%d of %d\tshare %.3f\t(near-dup sources count as right)\n",
		m.WrongPairs, m.DerivedPairs, m.WrongShare)
	fmt.Fprintf(tw, "wrong, strict\t%d of %d\tshare %.3f\t(near-dup sources count as wrong)\n",
		m.WrongPairsStrict, m.DerivedPairs, m.WrongShareStrict)
	tw.Flush()
	if len(m.RelationCounts) == 0 {
		return
	}
	buf.WriteByte('\n')
	tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "best link\trewrites")
	for _, rel := range slices.Sorted(maps.Keys(m.RelationCounts)) {
		fmt.Fprintf(tw, "%s\t%d\n", rel, m.RelationCounts[rel])
	}
	tw.Flush()
}
