package report

import (
	"strings"
	"testing"
)

// TestSegmentsElideLongStretches checks that a side-by-side text keeps a
// short stretch between passages whole and cuts a long one to its ends,
// telling how many words it leaves out.
func TestSegmentsElideLongStretches(t *testing.T) {
	long := strings.Repeat("word ", 2000) // 10,000 bytes, 2,000 words
	text := "Head. " + long + "MARK" + " short tail"
	s := strings.Index(text, "MARK")
	segs := segments(text, []markSpan{{s: s, e: s + 4, m: &htmlMark{}}})
	var elided []string
	var shown strings.Builder
	for _, sg := range segs {
		if sg.Elided != "" {
			elided = append(elided, sg.Elided)
		}
		shown.WriteString(sg.Text)
	}
	if len(elided) != 1 || !strings.Contains(elided[0], "words not in this pair") {
		t.Fatalf("got elisions %q, want one telling the words left out", elided)
	}
	if got := shown.Len(); got > 2*elideKeep+200 {
		t.Errorf("got %d bytes shown of a %d-byte stretch, want about %d", got, len(long), 2*elideKeep)
	}
	if !strings.HasPrefix(shown.String(), "Head. word") || !strings.HasSuffix(shown.String(), " short tail") {
		t.Errorf("got %q…, want the stretch's two ends and the text after the mark", shown.String()[:40])
	}
	short := segments("a few words MARK", []markSpan{{s: 12, e: 16, m: &htmlMark{}}})
	if len(short) != 2 || short[0].Text != "a few words " {
		t.Errorf("got %+v, want a short stretch whole", short)
	}
}
