package web

import (
	"errors"
	"strings"
	"testing"
)

func FuzzDecodeAPI(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "Floods close the bridge."}`,
		`{"id": 7, "text": "x", "url": "https://news.example/a", "published": "2025-08-20", "source": "Example"}`,
		`{"documents": [{"id": "a", "text": "x"}, {"text": "y"}]}`,
		`{"documents": []}`, `{"text": 5}`, `{"txt": ""}`, `[1]`, `{"text": "a"} {}`, ``, `{`, `null`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		docs, err := decodeAPI(strings.NewReader(body), 5)
		if err != nil {
			var he *httpError
			if !errors.As(err, &he) || he.status < 400 || he.status > 499 || he.msg == "" {
				t.Fatalf("got error %#v, want a 4xx *httpError with a message", err)
			}
			return
		}
		if len(docs) == 0 || len(docs) > 5 {
			t.Fatalf("got %d documents, want 1 to 5", len(docs))
		}
		seen := map[string]bool{}
		for _, d := range docs {
			if d.ID == "" || seen[d.ID] || strings.TrimSpace(d.Text) == "" {
				t.Fatalf("got document %+v, want a unique ID and a text", d)
			}
			seen[d.ID] = true
		}
	})
}

func TestArticle(t *testing.T) {
	for rel, want := range map[string]string{"edited copy": "an edited copy", "excerpt": "an excerpt", "copy": "a copy", "machine rewrite": "a machine rewrite"} {
		if got := article(rel); got != want {
			t.Errorf("article(%q) = %q, want %q", rel, got, want)
		}
	}
}

func TestHumanBytes(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1, "1 byte"},
		{100, "100 bytes"},
		{1 << 10, "1 KiB"},
		{2 << 20, "2 MiB"},
		{3<<20 + 1<<19, "3.5 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := humanBytes(tt.n); got != tt.want {
				t.Errorf("humanBytes(%d): got %q, want %q", tt.n, got, tt.want)
			}
		})
	}
}
