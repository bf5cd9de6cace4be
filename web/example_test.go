package web_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/search"
	"github.com/reprint-dev/reprint/web"
)

// Serve an index and post an article to the JSON API.
func ExampleNewServer() {
	dir, _ := os.MkdirTemp("", "reprint-example")
	defer os.RemoveAll(dir)
	det, _ := reprint.New(reprint.Options{})
	ix, err := index.Open(filepath.Join(dir, "news.idx"), det.Params(), index.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	original := reprint.Document{ID: "original", Text: strings.Repeat("The river bridge was closed on Tuesday after floodwater rose above the walkway, and a ferry will run until engineers have inspected it. ", 3)}
	fp := det.Fingerprint(original)
	if _, err := ix.Add([]reprint.Document{original}, []*reprint.Fingerprint{fp}, [][]uint64{det.Keys(fp)}); err != nil {
		log.Fatal(err)
	}

	srv := httptest.NewServer(web.NewServer(search.New(ix, det, search.Options{}), web.Options{}))
	defer srv.Close()
	body := `{"id": "copy", "text": ` + fmt.Sprintf("%q", original.Text) + `}`
	resp, err := http.Post(srv.URL+"/api/check", "application/json", strings.NewReader(body))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	fmt.Println(strings.Contains(string(out), `"relation": "copy"`))
	// Output:
	// 200 OK application/json
	// true
}
