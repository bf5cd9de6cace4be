package index_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
)

func Example() {
	dir, err := os.MkdirTemp("", "index-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	det, err := reprint.New(reprint.Options{})
	if err != nil {
		log.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(dir, "news.idx"), det.Params(), index.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()

	story := strings.Repeat("The council approved the new bridge after a long debate on Tuesday night, and work starts in spring. ", 6)
	docs := []reprint.Document{
		{ID: "ours/bridge", Text: story},
		{ID: "ours/weather", Text: strings.Repeat("Heavy rain is expected across the north of the country this weekend, forecasters said. ", 6)},
	}
	fps := make([]*reprint.Fingerprint, len(docs))
	keys := make([][]uint64, len(docs))
	for i, d := range docs {
		fps[i] = det.Fingerprint(d)
		keys[i] = det.Keys(fps[i])
	}
	st, err := ix.Add(docs, fps, keys)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("added %d\n", st.Added)

	// A scraped page that copies our story: look up its candidates and
	// verify them.
	q := det.Fingerprint(reprint.Document{ID: "scraped/1", Text: "From our correspondent. " + story})
	ids, err := ix.Candidates(det.Keys(q), 10)
	if err != nil {
		log.Fatal(err)
	}
	cands, texts, err := ix.Get(ids)
	if err != nil {
		log.Fatal(err)
	}
	pairs := make([][2]int, len(cands))
	for i := range cands {
		pairs[i] = [2]int{i, len(cands)}
	}
	res, err := det.Resolve(context.Background(), append(cands, q), append(texts, ""), pairs)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range res.Pairs {
		fmt.Printf("%s is a %s of %s\n", res.Documents[p.B].ID, p.Relation, res.Documents[p.A].ID)
	}
	// Output:
	// added 2
	// scraped/1 is a copy of ours/bridge
}
