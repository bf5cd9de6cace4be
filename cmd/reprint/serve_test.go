package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader in other
// goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var servingRE = regexp.MustCompile(`reprint: serving on (http://127\.0\.0\.1:\d+)\n`)

// startServe runs serve with args on a free port until the returned cancel
// is called, and returns its base URL and the channel of its exit code.
func startServe(t *testing.T, args ...string) (base string, stderr *syncBuffer, cancel context.CancelFunc, code <-chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	stderr = &syncBuffer{}
	ch := make(chan int, 1)
	go func() {
		ch <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), io.Discard, stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := servingRE.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stderr, cancel, ch
		}
		select {
		case c := <-ch:
			cancel()
			t.Fatalf("serve exited with %d before serving: %s", c, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start within 10 s: %s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestServe(t *testing.T) {
	idx := seedIndex(t, seed0, seed1, seed4)
	base, stderr, cancel, code := startServe(t, "--index", idx)
	defer cancel()

	t.Run("healthz", func(t *testing.T) {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(b) != "ok\n" {
			t.Errorf("got %d %q, want 200 \"ok\\n\"", resp.StatusCode, b)
		}
	})
	t.Run("api check", func(t *testing.T) {
		text, err := os.ReadFile(filepath.Join(seeds, seed2))
		if err != nil {
			t.Fatal(err)
		}
		b := postCheck(t, base, seed2, string(text))
		got := pairsOf(decodeReport(t, b))
		want := []pairKey{{seed1, seed2, "machine_rewrite", seed1}}
		if !slices.Equal(got, want) {
			t.Errorf("got pairs %v, want %v", got, want)
		}
	})
	t.Run("check agrees", func(t *testing.T) {
		// The page's JSON is check's, but for the query's source.
		c, out, errOut := runCmd(t, t.Context(), seedJSONL(t, seed2), "check", "--index", idx, "--format", "json", "-")
		if c != 0 {
			t.Fatalf("check: exit %d: %s", c, errOut)
		}
		text, _ := os.ReadFile(filepath.Join(seeds, seed2))
		web, cli := decodeReport(t, postCheck(t, base, seed2, string(text))), decodeReport(t, out)
		web.Documents[len(web.Documents)-1].Source = cli.Documents[len(cli.Documents)-1].Source
		wj, _ := json.Marshal(web)
		cj, _ := json.Marshal(cli)
		if !bytes.Equal(wj, cj) {
			t.Errorf("got /api/check report\n%s\nwant check's\n%s", wj, cj)
		}
	})

	cancel()
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("got exit %d after cancel, want 0; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(shutdownGrace + 2*time.Second):
		t.Fatalf("serve did not stop within %v of cancel", shutdownGrace+2*time.Second)
	}
	if !strings.Contains(stderr.String(), "reprint: stopped\n") {
		t.Errorf("got stderr %q, want it to end with \"reprint: stopped\"", stderr.String())
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Errorf("got an answer after shutdown, want the port closed")
	}
}

func TestServeUsage(t *testing.T) {
	idx := seedIndex(t, seed1)
	missing := filepath.Join(t.TempDir(), "missing.idx")
	tests := []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"no index", []string{"serve"}, exitUsage, "serve: --index FILE is required"},
		{"a path", []string{"serve", "--index", idx, "a.txt"}, exitUsage, "takes no PATH"},
		{"max bytes", []string{"serve", "--index", idx, "--max-bytes", "0"}, exitUsage, "--max-bytes must be positive"},
		{"timeout", []string{"serve", "--index", idx, "--timeout", "-1s"}, exitUsage, "--timeout must be positive"},
		{"max documents", []string{"serve", "--index", idx, "--max-documents", "0"}, exitUsage, "--max-documents must be positive"},
		{"max candidates", []string{"serve", "--index", idx, "--max-candidates", "-1"}, exitUsage, "--max-candidates must not be negative"},
		{"other parameters", []string{"serve", "--index", idx, "--shingle", "7"}, exitUsage, "other detection parameters"},
		{"missing index", []string{"serve", "--index", missing}, exitInput, "index does not exist"},
		{"bad address", []string{"serve", "--index", idx, "--addr", "127.0.0.1:99999"}, exitUsage, "cannot listen on 127.0.0.1:99999"},
		{"address without a port", []string{"serve", "--index", idx, "--addr", "bogus"}, exitUsage, "give --addr as HOST:PORT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, t.Context(), "", tt.args...)
			if code != tt.want || !strings.Contains(errOut, tt.msg) {
				t.Errorf("got exit %d, stderr %q; want %d and %q", code, errOut, tt.want, tt.msg)
			}
		})
	}
	t.Run("address in use", func(t *testing.T) {
		base, _, cancel, code := startServe(t, "--index", idx)
		defer func() { cancel(); <-code }()
		addr := strings.TrimPrefix(base, "http://")
		c, _, errOut := runCmd(t, t.Context(), "", "serve", "--index", idx, "--addr", addr)
		if c != exitUsage || !strings.Contains(errOut, "cannot listen on "+addr) || !strings.Contains(errOut, "another server on that port?") {
			t.Errorf("got exit %d, stderr %q; want %d and a message naming %s", c, errOut, exitUsage, addr)
		}
	})
}

func TestServeHelp(t *testing.T) {
	code, out, _ := runCmd(t, t.Context(), "", "serve", "--help")
	if code != 0 {
		t.Fatalf("got exit %d, want 0", code)
	}
	c := helpers["serve"](new(bytes.Buffer))
	c.fs.VisitAll(func(f *pflag.Flag) {
		if !strings.Contains(out, "--"+f.Name+"\n") && !strings.Contains(out, "--"+f.Name+" ") {
			t.Errorf("help does not document --%s", f.Name)
		}
	})
	for _, want := range []string{"Usage: reprint serve --index FILE", "/api/check", "read-only", "Exit codes:", "then exit 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	if strings.Contains(out, "130") {
		t.Errorf("help lists exit 130, want none: a signal stops serve with 0")
	}
	_, top, _ := runCmd(t, t.Context(), "", "help")
	if !strings.Contains(top, "reprint serve --index FILE") {
		t.Errorf("top-level help does not list serve")
	}
}

func TestServeURL(t *testing.T) {
	tcp := func(ip string, port int) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: port} }
	tests := []struct {
		name    string
		addr    string
		ln      net.Addr
		want    string
		wantAll bool
	}{
		{"loopback", "127.0.0.1:8080", tcp("127.0.0.1", 8080), "http://127.0.0.1:8080", false},
		{"port 0", "127.0.0.1:0", tcp("127.0.0.1", 41234), "http://127.0.0.1:41234", false},
		{"name kept", "localhost:8080", tcp("127.0.0.1", 8080), "http://localhost:8080", false},
		{"all IPv4", "0.0.0.0:9000", tcp("::", 9000), "http://localhost:9000", true},
		{"no host", ":9000", tcp("::", 9000), "http://localhost:9000", true},
		{"all IPv6", "[::]:9000", tcp("::", 9000), "http://localhost:9000", true},
		{"IPv6 host", "[::1]:9000", tcp("::1", 9000), "http://[::1]:9000", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, all := serveURL(tt.addr, tt.ln)
			if got != tt.want || all != tt.wantAll {
				t.Errorf("serveURL(%q, %v) = %q, %v; want %q, %v", tt.addr, tt.ln, got, all, tt.want, tt.wantAll)
			}
		})
	}
}

// postCheck posts one article to serve's /api/check at base and returns
// the report, failing the test unless the answer is 200.
func postCheck(t *testing.T, base, id, text string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"id": id, "text": text})
	resp, err := http.Post(base+"/api/check", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("got %d %s, want 200", resp.StatusCode, b)
	}
	return string(b)
}
