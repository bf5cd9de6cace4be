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
	"github.com/reprint-dev/reprint/search"
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
	st, err := ix.AddDocuments(det, docs)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("added %d\n", st.Added)

	// A scraped page that copies our story: package search looks up its
	// candidates in the index and verifies them.
	q := reprint.Document{ID: "scraped/1", Text: "From our correspondent. " + story}
	res, _, err := search.New(ix, det, search.Options{}).Check(context.Background(), []reprint.Document{q})
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
