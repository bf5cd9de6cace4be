package gen_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"log"

	"github.com/reprint-dev/reprint/gen"
)

func ExampleWrite() {
	var docs, truth bytes.Buffer
	st, err := gen.Write(&docs, &truth, gen.Options{Docs: 100, Seed: 1, Words: 120})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d documents, %d planted\n", st.Docs, st.Planted)

	sc := bufio.NewScanner(&truth)
	for i := 0; i < 3 && sc.Scan(); i++ {
		var t gen.Truth
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s from %s (%s): jaccard %.2f, containment in %s %.2f\n", t.B, t.A, t.Kind, t.Jaccard, t.A, t.ContainBA)
	}
	// Output:
	// 100 documents, 19 planted
	// d0000003 from d0000002 (excerpt): jaccard 0.75, containment in d0000002 1.00
	// d0000019 from d0000004 (edited): jaccard 0.82, containment in d0000004 0.90
	// d0000023 from d0000010 (rewrite): jaccard 0.01, containment in d0000010 0.02
}
