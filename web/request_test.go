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
		`[]`, `"a"`, `true`, `{"documents": {}}`, `{"documents": [1]}`, `{"documents": [{"text": []}]}`,
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
			for _, name := range goNames {
				if strings.Contains(he.msg, name) && !strings.Contains(body, name) {
					t.Fatalf("got message %q, want no %q in it", he.msg, name)
				}
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

// TestDecodeAPITypeErrors checks that a JSON body of the wrong shape is
// told in the API's terms, naming no Go type.
func TestDecodeAPITypeErrors(t *testing.T) {
	const want = `request body: want a JSON object, {"id": "...", "text": "..."} or {"documents": [...]}, got `
	tests := []struct{ name, body, want string }{
		{"empty array", `[]`, want + "a JSON array"},
		{"array of articles", `[{"text": "a"}]`, want + "a JSON array"},
		{"string", `"Floods close the bridge."`, want + "a JSON string"},
		{"number", `5`, want + "a JSON number"},
		{"boolean", `true`, want + "a JSON boolean"},
		{"text number", `{"text": 5}`, `request body: field "text": got a JSON number, want a string`},
		{"text object", `{"text": {}}`, `request body: field "text": got a JSON object, want a string`},
		{"url array", `{"text": "a", "url": []}`, `request body: field "url": got a JSON array, want a string`},
		{"documents object", `{"documents": {}}`, `request body: field "documents": got a JSON object, want an array of objects`},
		{"documents string", `{"documents": "a"}`, `request body: field "documents": got a JSON string, want an array of objects`},
		{"document number", `{"documents": [1]}`, `request body: field "documents": got a JSON number in the array, want an object {"id": "...", "text": "..."}`},
		{"document array", `{"documents": [[]]}`, `request body: field "documents": got a JSON array in the array, want an object {"id": "...", "text": "..."}`},
		{"document text", `{"documents": [{"text": true}]}`, `request body: field "documents.text": got a JSON boolean, want a string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeAPI(strings.NewReader(tt.body), 5)
			var he *httpError
			if !errors.As(err, &he) || he.status != 400 {
				t.Fatalf("got error %#v, want a 400 *httpError", err)
			}
			if he.msg != tt.want {
				t.Errorf("got message %q, want %q", he.msg, tt.want)
			}
		})
	}
}

// goNames are what encoding/json's messages say of Go types, which an API
// client should not see.
var goNames = []string{"Go ", "web.", "apiRequest", "apiDocument", "[]", "interface", "a object", "a array"}

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
