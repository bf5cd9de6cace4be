package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestVisibleKeepsLength checks visible's promise, "byte for byte, so
// that passage offsets still hold": the text it returns is as long as
// the text it is given. strings.Map turns each byte of invalid UTF-8 into
// U+FFFD (three bytes) once a control character makes it map the text,
// and a C1 control (two bytes) would need two spaces, not one.
func TestVisibleKeepsLength(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"control only", "\x19Her body"},
		{"Latin-1 byte, no control", "caf\xe9 \nHer body"},
		{"Latin-1 byte and a control", "caf\xe9 \x19Her body"},
		{"cut rune and a control", "\xe2\x80 \x19Her body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := len(visible(tt.in)), len(tt.in); got != want {
				t.Errorf("len(visible(%q)) = %d (%q), want %d", tt.in, got, visible(tt.in), want)
			}
		})
	}
}

// TestHTMLControlsWithInvalidUTF8 checks the side-by-side pane of a text
// holding both a byte of invalid UTF-8 and an ASCII control: the marked
// passage must cover the passage's own words, not ones shifted by
// visible's U+FFFD.
func TestHTMLControlsWithInvalidUTF8(t *testing.T) {
	ta := "Caf\xe9 news.\n\x19Miss Walker was murdered, said the judge at the Old Bailey today."
	tb := "Miss Walker was murdered, said the judge at the Old Bailey today."
	start := strings.Index(ta, "Miss")
	docs := []reprint.DocInfo{{ID: "a", Words: 14}, {ID: "b", Words: 12}}
	p := reprint.Pair{A: 0, B: 1, Relation: reprint.Copy, Original: 0, Score: 0.9,
		Passages: []reprint.Passage{{AStart: start, AEnd: len(ta), BStart: 0, BEnd: len(tb), Text: ta[start:]}}}
	out := string(write(t, &reprint.Result{Documents: docs, Pairs: []reprint.Pair{p}}, HTML, Options{Texts: []string{ta, tb}}))
	m := regexp.MustCompile(`id="p1-1-a"><a [^>]*>1</a>([^<]*)</mark>`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no mark for passage 1 on side A in the page")
	}
	if got, want := m[1], "Miss Walker was murdered, said the judge at the Old Bailey today."; got != want {
		t.Errorf("got A's passage marked as %q, want %q", got, want)
	}
}

// TestHTMLControls checks control characters in a machine rewrite's
// texts: old wire copy's paragraph marks ("\x19Her") and C1 controls
// (U+0080–U+009F, two bytes each), what Windows-1252 quotes become when
// text is read as ISO-8859-1 ("\u0093Her\u0094"). HTML may carry neither
// (both are "control-character-in-input-stream" parse errors), the text
// report escapes them (unicode.IsControl), and a word glued to one was
// marked as changed in the word diff.
func TestHTMLControls(t *testing.T) {
	for _, tt := range []struct{ name, open, close string }{
		{"ASCII", "\x19", "\x1f"},
		{"C1", "\u0093", "\u0094"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ta := "Miss Walker was murdered, said the judge.\n" + tt.open + "Her body was found in a grave near the gardens." + tt.close
			tb := "Miss Walker was murdered, said the judge.\nHer body was found in a tomb near the gardens."
			docs := []reprint.DocInfo{{ID: "a", Words: 17}, {ID: "b", Words: 17}}
			p := reprint.Pair{A: 0, B: 1, Relation: reprint.MachineRewrite, Original: 0, Score: 0.9,
				Passages: []reprint.Passage{{AStart: 0, AEnd: len(ta), BStart: 0, BEnd: len(tb), Text: ta}}}
			out := string(write(t, &reprint.Result{Documents: docs, Pairs: []reprint.Pair{p}}, HTML, Options{Texts: []string{ta, tb}}))
			for _, c := range []string{tt.open, tt.close} {
				if strings.Contains(out, c) {
					t.Errorf("got %q (a control character) in the HTML, want it shown as white space", c)
				}
			}
			if strings.Contains(out, `B has: Her`) {
				t.Errorf("got %q marked as changed, want it alike on both sides", tt.open+"Her")
			}
			if want := `<del title="B has: tomb">grave</del>`; !strings.Contains(out, want) {
				t.Errorf("output lacks %s", want)
			}
		})
	}
}

// TestHTMLIDControls checks the names a page shows of each document (IDs
// and sources, which the web form calls "Headline or ID" and a JSON
// Lines file takes from its "id"): like document text, they are written
// into the page without visible, so their control characters reach the
// HTML that the text report escapes.
func TestHTMLIDControls(t *testing.T) {
	ta := "Miss Walker was murdered, said the judge at the Old Bailey today."
	docs := []reprint.DocInfo{{ID: "wire\x19story", Source: "feeds/\x1bwire.txt", Words: 12}, {ID: "copy", Words: 12}}
	p := reprint.Pair{A: 0, B: 1, Relation: reprint.Copy, Original: 0, Score: 1,
		Passages: []reprint.Passage{{AStart: 0, AEnd: len(ta), BStart: 0, BEnd: len(ta), Text: ta}}}
	res := &reprint.Result{Documents: docs, Pairs: []reprint.Pair{p},
		Clusters: []reprint.Cluster{{Members: []int{0, 1}, Parents: []int{-1, 0}, Original: 0}}}
	out := string(write(t, res, HTML, Options{Texts: []string{ta, ta}}))
	for _, c := range []string{"\x19", "\x1b"} {
		if n := strings.Count(out, c); n > 0 {
			t.Errorf("got %d × %q in the HTML, want none", n, c)
		}
	}
}

// TestHTMLBidiControls checks that a bidirectional override in a text or
// an ID, which can reorder a line of evidence on screen, is shown as
// U+FFFD in the page, byte for byte, as the text report escapes it.
func TestHTMLBidiControls(t *testing.T) {
	ta := "Miss Walker was murdered, said the judge \u202edlrow olleh\u202c at the Old Bailey today."
	docs := []reprint.DocInfo{{ID: "wire\u2066story", Words: 12}, {ID: "copy", Words: 12}}
	p := reprint.Pair{A: 0, B: 1, Relation: reprint.Copy, Original: 0, Score: 1,
		Passages: []reprint.Passage{{AStart: 0, AEnd: len(ta), BStart: 0, BEnd: len(ta), Text: ta}}}
	out := string(write(t, &reprint.Result{Documents: docs, Pairs: []reprint.Pair{p}}, HTML, Options{Texts: []string{ta, ta}}))
	for _, c := range []string{"\u202e", "\u202c", "\u2066"} {
		if strings.Contains(out, c) {
			t.Errorf("got %q in the HTML, want it shown as U+FFFD", c)
		}
	}
	if want := "judge \ufffddlrow olleh\ufffd at"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q", want)
	}
	if got, want := len(visible(ta)), len(ta); got != want {
		t.Errorf("got len(visible) %d, want %d", got, want)
	}
}

// TestControlsWriterSplit checks that a sequence cut between two writes
// is shown as one written whole.
func TestControlsWriterSplit(t *testing.T) {
	text := "a\u0093b\u202ec\x19d\u2069"
	want := ShowControls([]byte(text))
	for cut := 0; cut <= len(text); cut++ {
		var buf strings.Builder
		cw := &controlsWriter{w: &buf}
		cw.Write([]byte(text[:cut]))
		cw.Write([]byte(text[cut:]))
		cw.flush()
		if got := buf.String(); got != string(want) {
			t.Errorf("cut at %d: got %q, want %q", cut, got, want)
		}
	}
}

// FuzzShowControls checks that showing controls keeps every length and
// that a stream cut anywhere comes out as the whole does.
func FuzzShowControls(f *testing.F) {
	f.Add("a\u0093b\u202ec\x19d\u2069", 3)
	f.Add("caf\xe9 \xe2\x80", 5)
	f.Fuzz(func(t *testing.T, s string, cut int) {
		if got := len(visible(s)); got != len(s) {
			t.Fatalf("len(visible(%q)) = %d, want %d", s, got, len(s))
		}
		want := string(ShowControls([]byte(s)))
		if v := visible(s); v != want {
			t.Fatalf("visible(%q) = %q, ShowControls %q", s, v, want)
		}
		if cut < 0 || cut > len(s) {
			return
		}
		var buf strings.Builder
		cw := &controlsWriter{w: &buf}
		cw.Write([]byte(s[:cut]))
		cw.Write([]byte(s[cut:]))
		cw.flush()
		if got := buf.String(); got != want {
			t.Fatalf("cut at %d: got %q, want %q", cut, got, want)
		}
	})
}
