package input_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint/input"
)

func TestReadBytes(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "html", "times-trump-putin.html"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		html      bool
		data      string
		wantText  string // a prefix of the text
		wantURL   string
		wantErr   string
		wantWarns int
	}{
		{"text", false, "\ufeffFloods close the bridge.\n", "Floods close the bridge.", "", "", 0},
		{"Windows-1252 text", false, "Caf\xe9 closes.", "Café closes.", "", "", 1},
		{"empty text", false, " \n\t", "", "", "upload: empty document", 0},
		{"binary text", false, "\x00\x01\x02\x03", "", "", "upload: binary file", 0},
		{"page", true, string(page), "Trump pushes for Putin-Zelenskyy summit", "https://times.example.com/international/trump-pushes-for-putin-zelenskyy-summit", "", 0},
		{"page without article", true, "<html><body><script>x()</script></body></html>", "", "", "upload: no article text found in HTML", 0},
		{"empty page", true, "", "", "", "upload: empty document", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			o := input.Options{Warn: func(m string) { warns = append(warns, m) }}
			read := input.ReadText
			if tt.html {
				read = input.ReadHTML
			}
			doc, err := read([]byte(tt.data), "q1", "upload", o)
			if tt.wantErr != "" {
				var pe *input.ParseError
				if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want a *ParseError %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if doc.ID != "q1" || doc.Source != "upload" || !strings.HasPrefix(doc.Text, tt.wantText) || doc.URL != tt.wantURL {
				t.Errorf("got ID %q, source %q, URL %q, text %.40q; want q1, upload, %q, %q...", doc.ID, doc.Source, doc.URL, doc.Text, tt.wantURL, tt.wantText)
			}
			if len(warns) != tt.wantWarns {
				t.Errorf("got warnings %q, want %d", warns, tt.wantWarns)
			}
		})
	}
}

// Read an article pasted into a form: a web page's source or plain text.
func ExampleReadHTML() {
	pasted := []byte(`<!DOCTYPE html><html><head><title>Bridge closed</title>
<link rel="canonical" href="https://news.example/bridge"></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Bridge closed</h1>
<p>The river bridge was closed on Tuesday after floodwater rose above the walkway.</p>
<p>A ferry will run until engineers have inspected the structure.</p></article></body></html>`)
	read := input.ReadText
	if input.LooksLikeHTML(pasted) {
		read = input.ReadHTML
	}
	doc, err := read(pasted, "bridge", "pasted text", input.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s (%s)\n%s\n", doc.ID, doc.URL, doc.Text)
	// Output:
	// bridge (https://news.example/bridge)
	// Bridge closed
	//
	// The river bridge was closed on Tuesday after floodwater rose above the walkway.
	//
	// A ferry will run until engineers have inspected the structure.
}
