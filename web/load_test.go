package web_test

// The load test of issue 5: it serves an index of the METER press agency
// (PA) articles on 127.0.0.1 and has concurrent clients post the METER
// newspaper articles to /api/check for a while, with oversized and
// malformed requests among them, which must get 413 and 400 while the
// valid ones keep getting 200. It runs only when asked:
//
//	REPRINT_LOADTEST=1 go test ./web -run TestLoad -v -timeout 10m
//
// Settings, by environment variable:
//
//	REPRINT_LOADTEST_DOCS      METER docs.jsonl (default /work/shared/eval/meter-courts/docs.jsonl):
//	                           "pa/" IDs are indexed, "news/" IDs are posted
//	REPRINT_LOADTEST_INDEX     an index to serve instead of indexing the PA articles
//	                           (e.g. one made by "reprint index add --index /tmp/pa.idx /tmp/meter_pa.jsonl")
//	REPRINT_LOADTEST_CLIENTS   concurrent clients (default 50)
//	REPRINT_LOADTEST_DURATION  how long they post (default 30s)
//	REPRINT_LOADTEST_MAX       most requests in all (default 1000000)

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/index"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/report"
	"github.com/reprint-dev/reprint/search"
	"github.com/reprint-dev/reprint/web"
)

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// loadIndex returns a searcher of the PA articles, and the newspaper
// articles to post.
func loadIndex(t *testing.T) (*search.Searcher, []reprint.Document) {
	t.Helper()
	path := envOr("REPRINT_LOADTEST_DOCS", "/work/shared/eval/meter-courts/docs.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no METER corpus: %v (set REPRINT_LOADTEST_DOCS)", err)
	}
	defer f.Close()
	docs, _, err := input.ReadAll(input.NewJSONL(f, path, input.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var pa, news []reprint.Document
	for _, d := range docs {
		switch {
		case strings.HasPrefix(d.ID, "pa/"):
			pa = append(pa, d)
		case strings.HasPrefix(d.ID, "news/"):
			news = append(news, d)
		}
	}
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("REPRINT_LOADTEST_INDEX"); p != "" {
		ix, err := index.Open(p, det.Params(), index.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return search.New(ix, det, search.Options{MaxCandidates: 100}), news
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "pa.idx"), det.Params(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	fps := make([]*reprint.Fingerprint, len(pa))
	keys := make([][]uint64, len(pa))
	for i, d := range pa {
		fps[i] = det.Fingerprint(d)
		keys[i] = det.Keys(fps[i])
	}
	if _, err := ix.Add(pa, fps, keys); err != nil {
		t.Fatal(err)
	}
	return search.New(ix, det, search.Options{MaxCandidates: 100}), news
}

// loadStats are the counts of a load test.
type loadStats struct {
	mu        sync.Mutex
	latencies []time.Duration // of valid requests answered 200
	valid     atomic.Int64
	invalid   atomic.Int64 // oversized and malformed requests sent
	rejected  atomic.Int64 // of them, answered with the expected 4xx
	errs      atomic.Int64 // valid requests that failed, invalid ones not rejected
	pairs     atomic.Int64 // derived pairs found
	firstErr  atomic.Value
}

func (s *loadStats) fail(format string, args ...any) {
	s.errs.Add(1)
	s.firstErr.CompareAndSwap(nil, fmt.Sprintf(format, args...))
}

func TestLoad(t *testing.T) {
	if os.Getenv("REPRINT_LOADTEST") != "1" {
		t.Skip("set REPRINT_LOADTEST=1 to run the load test")
	}
	clients, err := strconv.Atoi(envOr("REPRINT_LOADTEST_CLIENTS", "50"))
	if err != nil || clients < 1 {
		t.Fatalf("REPRINT_LOADTEST_CLIENTS: want a positive number (%v)", err)
	}
	duration, err := time.ParseDuration(envOr("REPRINT_LOADTEST_DURATION", "30s"))
	if err != nil {
		t.Fatalf("REPRINT_LOADTEST_DURATION: %v", err)
	}
	maxRequests, err := strconv.ParseInt(envOr("REPRINT_LOADTEST_MAX", "1000000"), 10, 64)
	if err != nil {
		t.Fatalf("REPRINT_LOADTEST_MAX: %v", err)
	}
	s, news := loadIndex(t)
	if len(news) == 0 {
		t.Fatal("no news/ articles to post")
	}
	st, _ := s.Index().Stats()

	o := web.Options{ErrorLog: log.New(io.Discard, "", 0)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := web.NewHTTPServer(ln.Addr().String(), web.NewServer(s, o), o)
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	base := "http://" + ln.Addr().String() // only ever 127.0.0.1
	client := &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: 2 * clients},
	}

	bodies := make([][]byte, len(news))
	for i, d := range news {
		bodies[i], _ = json.Marshal(map[string]string{"id": d.ID, "text": d.Text})
	}
	oversized, _ := json.Marshal(map[string]string{"id": "big", "text": strings.Repeat("A very long article. ", web.DefaultMaxBytes/20)})
	malformed := []byte(`{"id": "broken", "text": "no closing quote}`)

	var stats loadStats
	var sent atomic.Int64
	deadline := time.Now().Add(duration)
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for n := 0; time.Now().Before(deadline) && sent.Add(1) <= maxRequests; n++ {
				switch n % 25 {
				case 11: // oversized: Content-Length over the limit
					stats.invalid.Add(1)
					post(client, base, bytes.NewReader(oversized), http.StatusRequestEntityTooLarge, &stats)
				case 17: // oversized, chunked: the limit is met while reading
					stats.invalid.Add(1)
					post(client, base, io.MultiReader(bytes.NewReader(oversized)), http.StatusRequestEntityTooLarge, &stats)
				case 23:
					stats.invalid.Add(1)
					post(client, base, bytes.NewReader(malformed), http.StatusBadRequest, &stats)
				default:
					stats.valid.Add(1)
					body := bodies[(c*7919+n)%len(bodies)]
					t0 := time.Now()
					rep, ok := post(client, base, bytes.NewReader(body), http.StatusOK, &stats)
					if ok {
						d := time.Since(t0)
						stats.mu.Lock()
						stats.latencies = append(stats.latencies, d)
						stats.mu.Unlock()
						for _, p := range rep.Pairs {
							if p.Relation.Derived() {
								stats.pairs.Add(1)
							}
						}
					}
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	resp, err := client.Get(base + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz after the load: %v", err)
	} else {
		resp.Body.Close()
	}
	lat := stats.latencies
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	total := stats.valid.Load() + stats.invalid.Load()
	summary := fmt.Sprintf("load test: index %d PA articles; %d clients for %v posting %d newspaper articles to %s/api/check\n"+
		"  requests %d (valid %d, oversized or malformed %d, of which rejected with 413/400: %d), errors %d\n"+
		"  throughput %.1f req/s (valid %.1f req/s); valid latency p50 %v, p99 %v, max %v; derived pairs found %d",
		st.Documents, clients, elapsed.Round(time.Millisecond), len(news), base,
		total, stats.valid.Load(), stats.invalid.Load(), stats.rejected.Load(), stats.errs.Load(),
		float64(total)/elapsed.Seconds(), float64(len(lat))/elapsed.Seconds(),
		pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), pct(1).Round(time.Microsecond), stats.pairs.Load())
	t.Log(summary)
	if n := stats.errs.Load(); n > 0 {
		t.Errorf("%d errors; first: %v", n, stats.firstErr.Load())
	}
	if stats.pairs.Load() == 0 {
		t.Errorf("no derived pairs found, want the METER rewrites")
	}
}

// post posts body to /api/check and checks the status; a 200 answer must
// be a JSON report, which it returns.
func post(client *http.Client, base string, body io.Reader, want int, stats *loadStats) (report.JSONReport, bool) {
	var rep report.JSONReport
	resp, err := client.Post(base+"/api/check", "application/json", body)
	if err != nil {
		stats.fail("post (want %d): %v", want, err)
		return rep, false
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	switch {
	case err != nil:
		stats.fail("read answer (want %d): %v", want, err)
		return rep, false
	case resp.StatusCode != want:
		stats.fail("got %d %.200s, want %d", resp.StatusCode, b, want)
		return rep, false
	case want != http.StatusOK:
		var e struct{ Error string }
		if json.Unmarshal(b, &e) != nil || e.Error == "" {
			stats.fail("got %d without a JSON error message: %.200s", resp.StatusCode, b)
			return rep, false
		}
		stats.rejected.Add(1)
		return rep, true
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		stats.fail("decode report: %v", errors.Unwrap(err))
		return rep, false
	}
	return rep, true
}
