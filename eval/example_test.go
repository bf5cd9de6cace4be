package eval_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/eval"
)

func ExampleScore() {
	labels, err := eval.ReadLabels(strings.NewReader(`
{"doc":"times","label":"wholly_derived","sources":["wire"]}
{"doc":"mail","label":"partially_derived","sources":["wire"]}
{"doc":"sun","label":"non_derived","sources":["wire"]}
{"doc":"spun","label":"machine_rewrite","sources":["wire"]}
`), "labels.jsonl")
	if err != nil {
		log.Fatal(err)
	}
	// A scan that found the Times copy and the spun rewrite but missed the
	// Mail, and wrongly linked the Sun.
	res := &reprint.Result{
		Documents: []reprint.DocInfo{{ID: "wire"}, {ID: "times"}, {ID: "mail"}, {ID: "sun"}, {ID: "spun"}},
		Pairs: []reprint.Pair{
			{A: 0, B: 1, Relation: reprint.Copy, Original: 0, Score: 0.98},
			{A: 0, B: 3, Relation: reprint.Rewrite, Original: 0, Score: 0.41},
			{A: 0, B: 4, Relation: reprint.MachineRewrite, Original: 0, Score: 0.63},
		},
	}
	rep := eval.Score(res, labels)
	fmt.Printf("derived F1 %.2f, macro-F1 %.2f\n", rep.Derivation.Derived.F1, rep.Derivation.MacroF1)
	if err := rep.WriteText(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// derived F1 0.50, macro-F1 0.25
	// derivation: 3 labelled docs
	// class        precision  recall  f1     support
	// derived      0.500      0.500   0.500  2
	// non_derived  0.000      0.000   0.000  1
	// macro-F1                        0.250
	// attribution: 1.000 (1 of 1 detected derived docs name a labelled source as original)
	// confusion: TP 1  FP 1  FN 1  TN 0
	//
	// label              docs  predicted derived
	// non_derived        1     1
	// partially_derived  1     0
	// wholly_derived     1     1
	//
	// machine rewrites: 1 labelled docs
	// linked to a source   1 of 1  recall 1.000
	// wrong derived pairs  0 of 1  share 0.000  (near-dup sources count as right)
	// wrong, strict        0 of 1  share 0.000  (near-dup sources count as wrong)
	//
	// best link        rewrites
	// machine_rewrite  1
}
