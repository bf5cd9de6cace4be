package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestHeadlineLeadGoesOn checks openings like those of METER's papers: a
// lead sentence cut at a line end whose next line starts with a capital
// (a proper noun), a line that introduces a list, and a clause cut after
// "where" are no headlines.
func TestHeadlineLeadGoesOn(t *testing.T) {
	for _, text := range []string{
		"A TELEVISION researcher accused of arranging for impostors to appear on the BBC's\r\n\nVanessa show has been awarded five-figure' libel damages in the High Court.\r\n",
		"Pinochet: the case against some of the former Chilean dictator's alleged victims include:\r\n\r\nWilson Fernando Valdebenito - electric shocks led to his death.\r\n",
		"A man who killed his wife was jailed for life yesterday at the Old Bailey, where\nJudge Smith called him evil.",
	} {
		if h := Headline(text); h != "" {
			t.Errorf("Headline(%.50q...) = %q, want none: the sentence goes on in the next line", text, h)
		}
	}
}

// TestHTMLSummaryOfCheck checks that a check's HTML page counts the
// articles checked and the indexed articles shown apart in its summary,
// as its title and the JSON's summary do.
func TestHTMLSummaryOfCheck(t *testing.T) {
	res := &reprint.Result{Documents: []reprint.DocInfo{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Summary: reprint.Summary{Documents: 1}}
	var buf bytes.Buffer
	if err := Write(&buf, res, HTML, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, w := range []string{"1 article checked", "<dt>Articles checked</dt><dd>1</dd>", "<dt>Indexed articles shown</dt><dd>2</dd>"} {
		if !strings.Contains(page, w) {
			t.Errorf("got a page without %q", w)
		}
	}
}
