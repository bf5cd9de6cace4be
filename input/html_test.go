package input

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"

	"github.com/reprint-dev/reprint/shingle"
)

// htmlFixtures are the news pages under testdata/html, with what their
// article must and must not contain.
var htmlFixtures = []struct {
	file          string
	wantTitle     string
	wantURL       string
	wantPublished time.Time
	wantParas     []string // whole paragraphs the text must contain, in order
	junk          []string // strings the text must not contain
}{
	{
		file:          "times-trump-putin.html",
		wantTitle:     "Trump pushes for Putin-Zelenskyy summit as Kremlin downplays early talks",
		wantURL:       "https://times.example.com/international/trump-pushes-for-putin-zelenskyy-summit",
		wantPublished: time.Date(2025, 8, 20, 3, 30, 0, 0, time.UTC),
		wantParas: []string{
			"Trump pushes for Putin-Zelenskyy summit as Kremlin downplays early talks",
			"The Kremlin has dismissed talk of an early summit between Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy, even as US President Donald Trump urged the two leaders to meet to discuss ending the war. Trump admitted the conflict would be difficult to resolve and warned that Putin might not actually want a peace deal.",
			"In an interview later that night, Trump suggested it might be “better” if Putin and Zelenskyy met without him, though he left open the possibility of joining such a meeting “if necessary.”",
			"Putin had told Trump on Monday that he was “open” to the idea of direct talks with Ukraine. However, Russian Foreign Minister Sergei Lavrov quickly played this down, saying any talks would have to be prepared “step by step” and begin at the expert level. Russian deputy UN representative Dmitry Polyanskiy echoed this, telling the BBC that nobody had ruled out talks, but stressed “it shouldn’t be a meeting for the sake of a meeting.”",
			"Further high-level meetings are expected in the coming days, as questions remain about how strongly Trump will stand with Europe in pursuing an end to the conflict.",
		},
		junk: []string{
			"We use cookies", "Accept all cookies", "Manage preferences", // cookie notice
			"Subscribe for £1", "Sports Desk", "Showbiz", "E-Paper", "Metro rail fares", // navigation
			"Also read", "What Zelenskyy won and lost", "Advertisement", // in-article boxes
			"Share This Article", "WhatsApp", "Copy link", "Topics:", // share bar, tags
			"Related articles", "Oil prices slip", "Aid convoy", "Monsoon floods", // related list
			"thoughts on", "Rahim_1987", "mark my words", "peace_first", "Leave a Reply", "Post Comment", // comments
			"Most Read", "Load-shedding", "morning briefing", // sidebar
			"All rights reserved", "Privacy Policy", "Kawran Bazar", "Advertise with", // footer
			"trackPageView", "gtag", "googletag", "dataLayer", ".cookie-notice", // scripts, styles
		},
	},
	{
		file:          "balkan-kremlin-summit.html",
		wantTitle:     "Kremlin plays down hopes of Putin-Zelensky summit",
		wantURL:       "https://www.balkandaily.example/news/world/kremlin-plays-down-summit-hopes-a1f93",
		wantPublished: time.Date(2025, 8, 20, 14, 5, 0, 0, time.UTC),
		wantParas: []string{
			"Kremlin plays down hopes of Putin-Zelensky summit",
			"The Kremlin played down expectations of imminent Putin-Zelensky peace talks, despite fresh calls for a summit. Foreign Minister Sergei Lavrov said any meeting must be prepared “gradually… starting with the expert level,” a familiar line from Moscow. Dmitry Polyanskiy, Russia’s deputy UN envoy, added that “nobody” had rejected talks. However, he warned against “a meeting for the sake of a meeting.”",
			"Trump Pushes Direct Meeting",
			"“We’re going to find out about President Putin in the next couple of weeks… It’s possible that he doesn’t want to make a deal,” Trump said.",
			"Security Guarantees on The Table",
			"Europe Stays Sceptical",
			"European leaders caution against optimism. France’s Emmanuel Macron called Putin “a predator, and an ogre at our doorstep,” expressing “the greatest doubt” about his intentions. Finland’s Alexander Stubb said Putin is “rarely to be trusted” and doubted a meeting will happen soon. The BBC notes the last Putin-Zelensky meeting was in 2019; since then, Russia’s war has brought mass casualties and destruction.",
		},
		junk: []string{
			"Your privacy choices", "142 partners", "I Agree", "Reject non-essential", // consent banner
			"Culture & Style", "Listen", "Search Balkan", "homepage", // navigation
			"READ MORE", "minerals deal", "Share", "Save", // in-article promo, share tools
			"More on this story", "Balkan Briefing", "Sign me up", // topics, newsletter
			"Join the conversation", "balkanwatcher", "stalling tactics", "Mirela_T", "Show more comments", // comments
			"Most read", "Tirana swelters", "Promoted stories", "belly fat", // sidebar
			"You may also like", "Nato military chiefs hold", "Alaska summit: what", // related
			"Terms of Use", "Copyright ©", "external sites", // footer
			"__NEXT_DATA__", "articleId", "__CONSENT_CONFIG__", "pixel.example", // scripts
		},
	},
}

func readFixture(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestExtractArticle(t *testing.T) {
	for _, tt := range htmlFixtures {
		t.Run(tt.file, func(t *testing.T) {
			a, fixed, err := readPage(readFixture(t, filepath.Join("testdata", "html", tt.file)), nil, "")
			if err != nil {
				t.Fatalf("readPage: %v", err)
			}
			if fixed {
				t.Errorf("got fixed = true for a UTF-8 page")
			}
			if a.Title != tt.wantTitle {
				t.Errorf("title: got %q, want %q", a.Title, tt.wantTitle)
			}
			if a.URL != tt.wantURL {
				t.Errorf("URL: got %q, want %q", a.URL, tt.wantURL)
			}
			if !a.Published.Equal(tt.wantPublished) {
				t.Errorf("published: got %v, want %v", a.Published, tt.wantPublished)
			}
			text := a.Text()
			checkParagraphs(t, text)
			paras := strings.Split(text, "\n\n")
			if paras[0] != tt.wantTitle {
				t.Errorf("first paragraph: got %q, want the title %q", paras[0], tt.wantTitle)
			}
			next := 0
			for _, want := range tt.wantParas {
				i := indexFrom(paras, want, next)
				if i < 0 {
					t.Errorf("paragraph missing or out of order: %q", want)
					continue
				}
				next = i + 1
			}
			for _, j := range tt.junk {
				if strings.Contains(text, j) {
					t.Errorf("text contains junk %q", j)
				}
			}
			if t.Failed() {
				t.Logf("text:\n%s", text)
			}
		})
	}
}

// indexFrom returns the index of want in paras at or after from, or -1.
func indexFrom(paras []string, want string, from int) int {
	for i := from; i < len(paras); i++ {
		if paras[i] == want {
			return i
		}
	}
	return -1
}

// checkParagraphs checks the shape of an extracted text: paragraphs
// separated by one blank line, each a single line with no white space to
// trim or collapse.
func checkParagraphs(t *testing.T, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	for i, p := range strings.Split(text, "\n\n") {
		if p == "" || strings.Join(strings.Fields(p), " ") != p {
			t.Fatalf("paragraph %d: got %q, want one line of collapsed white space", i+1, p)
		}
	}
}

// TestSeedCoverage checks the page that wraps seed 001 against the seed:
// the extracted text holds at least 95% of the seed's words, in order.
// (The seed text ends with a share button and comment form, which the
// extractor rightly drops.)
func TestSeedCoverage(t *testing.T) {
	seed := string(readFixture(t, filepath.Join("..", "testdata", "seeds", "001_1fe8c6310e030e24.txt")))
	a, _, err := readPage(readFixture(t, filepath.Join("testdata", "html", "times-trump-putin.html")), nil, "")
	if err != nil {
		t.Fatalf("readPage: %v", err)
	}
	got, n := tokenCoverage(seed, a.Text())
	if got < 0.95 {
		t.Errorf("got %.1f%% of the seed's %d words in order, want at least 95%%", 100*got, n)
	}
	t.Logf("%.1f%% of %d seed words", 100*got, n)
}

// tokenCoverage returns the share of want's words (shingle.Tokenize) that
// got holds in the same order (longest common subsequence), and the number
// of words in want.
func tokenCoverage(want, got string) (float64, int) {
	w := shingle.Tokenize(nil, want)
	g := shingle.Tokenize(nil, got)
	if len(w) == 0 {
		return 1, 0
	}
	// lcs[j] is the LCS of w[:i] and g[:j], one row at a time.
	prev := make([]int, len(g)+1)
	cur := make([]int, len(g)+1)
	for i := range w {
		for j := range g {
			switch {
			case w[i].Text == g[j].Text:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(g)]) / float64(len(w)), len(w)
}

func TestTokenCoverage(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		cover     float64
	}{
		{"same", "a b c d", "a b c d", 1},
		{"extra words around", "a b c d", "x a y b c z d", 1},
		{"half missing", "a b c d", "a c", 0.5},
		{"out of order", "a b c d", "d c b a", 0.25},
		{"normalized", "It’s A", "its a", 1},
		{"empty want", "", "x", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := tokenCoverage(tt.want, tt.got); got != tt.cover {
				t.Errorf("tokenCoverage(%q, %q) = %v, want %v", tt.want, tt.got, got, tt.cover)
			}
		})
	}
}

func TestExtractArticleSmall(t *testing.T) {
	page := func(head, body string) string {
		return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>"
	}
	tests := []struct {
		name          string
		page          string
		base          string
		wantText      string
		wantURL       string
		wantPublished string
		wantErr       string
	}{
		{
			name:     "paragraphs and line breaks",
			page:     page("", "<p>One   two\nthree.</p><p>Four<br>five.</p><ul><li>six</li><li>seven</li></ul>"),
			wantText: "One two three.\n\nFour\n\nfive.\n\nsix\n\nseven",
		},
		{
			name:     "title is not repeated",
			page:     page("<title>Floods close the bridge</title>", "<h1>Floods close the bridge</h1><p>The river rose overnight.</p>"),
			wantText: "Floods close the bridge\n\nThe river rose overnight.",
		},
		{
			name:     "title comes first",
			page:     page(`<meta property="og:title" content="Floods close the bridge">`, "<p>The river rose overnight.</p>"),
			wantText: "Floods close the bridge\n\nThe river rose overnight.",
		},
		{
			name:     "relative canonical resolved against the page",
			page:     page(`<link rel="Canonical alternate" href="/story/1">`, "<p>Text.</p>"),
			base:     "https://news.example/amp/story/1?x=1",
			wantText: "Text.",
			wantURL:  "https://news.example/story/1",
		},
		{
			name:     "relative canonical without a page address is dropped",
			page:     page(`<link rel="canonical" href="/story/1">`, "<p>Text.</p>"),
			wantText: "Text.",
		},
		{
			name:     "og:url when no canonical link",
			page:     page(`<meta property="og:url" content="http://news.example/s">`, "<p>Text.</p>"),
			wantText: "Text.",
			wantURL:  "http://news.example/s",
		},
		{
			name:     "non-web canonical ignored",
			page:     page(`<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="ftp://x/y">`, "<p>Text.</p>"),
			wantText: "Text.",
		},
		{
			name:          "time without zone is UTC",
			page:          page(`<meta property="article:published_time" content="2024-03-05 10:20:00">`, "<p>Text.</p>"),
			wantText:      "Text.",
			wantPublished: "2024-03-05T10:20:00Z",
		},
		{
			name:          "time with zone",
			page:          page(`<meta property="article:published_time" content="2024-03-05T10:20:00+02:00">`, "<p>Text.</p>"),
			wantText:      "Text.",
			wantPublished: "2024-03-05T08:20:00Z",
		},
		{
			name:     "advertisement labels dropped",
			page:     page("", "<p>Before.</p><p>ADVERTISEMENT</p><p>After.</p>"),
			wantText: "Before.\n\nAfter.",
		},
		{
			name: "short item keeps out the cookie notice",
			page: page("", `<div class="cookie-banner">We use cookies. <button>Accept</button></div>`+
				`<main><p>The council approved the budget on Monday night after a three-hour debate.</p>`+
				`<p>Opposition members said the plan cut library hours.</p></main>`),
			wantText: "The council approved the budget on Monday night after a three-hour debate.\n\nOpposition members said the plan cut library hours.",
		},
		{name: "empty body", page: page("<title>Only a title</title>", ""), wantErr: "no article text found in HTML"},
		{name: "only scripts", page: page("", "<script>var a = 'text';</script><style>p{}</style>"), wantErr: "no article text found in HTML"},
		{name: "not HTML at all", page: "Just some words.", wantText: "Just some words."},
		{name: "nested too deeply", page: strings.Repeat("<div>", 600) + "deep", wantErr: "parsing HTML: html: open stack of elements exceeds 512 nodes"},
		{name: "too many elements", page: strings.Repeat("<b></b>", 100_001), wantErr: "HTML page too large (100004 elements, limit 100000)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var base *url.URL
			if tt.base != "" {
				var err error
				if base, err = url.Parse(tt.base); err != nil {
					t.Fatal(err)
				}
			}
			a, err := extractArticle(tt.page, base)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if got := a.Text(); got != tt.wantText {
				t.Errorf("text: got %q, want %q", got, tt.wantText)
			}
			if a.URL != tt.wantURL {
				t.Errorf("URL: got %q, want %q", a.URL, tt.wantURL)
			}
			var pub string
			if !a.Published.IsZero() {
				pub = a.Published.UTC().Format(time.RFC3339)
			}
			if pub != tt.wantPublished {
				t.Errorf("published: got %q, want %q", pub, tt.wantPublished)
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html>", true},
		{"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true},
		{"\xef\xbb\xbf \r\n\t<html lang=en>", true},
		{"<HTML>", true},
		{"<html", true},
		{"<html/>", true},
		{"<htmlx>", false},
		{"<!doctype xml>", false},
		{"<p>fragment</p>", false},
		{"text <html>", false},
		{"", false},
		{"<!doctype htm", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := looksLikeHTML([]byte(tt.in)); got != tt.want {
				t.Errorf("looksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestOpenHTML reads good and bad web pages among other files in one
// batch: each bad one is an error naming it, and the rest are read.
func TestOpenHTML(t *testing.T) {
	dir := t.TempDir()
	good := string(readFixture(t, filepath.Join("testdata", "html", "balkan-kremlin-summit.html")))
	writeFiles(t, dir, map[string]string{
		"a-first.txt":      "Plain text first.",
		"b-binary.html":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"c-empty.html":     "",
		"d-blank.htm":      "<!DOCTYPE html><html><head><title>Nothing here</title></head><body>\n</body></html>",
		"e-latin1.HTM":     "<html><body><p>Caf\xe9 society.</p></body></html>",
		"f-good.html":      good,
		"g-truncated.warc": "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 100\r\n\r\nHTTP/1.1 200 OK\r\n",
		"h-garbage.warc":   "\x00\x01\x02 not a web archive",
		"z-last.txt":       "Plain text last.",
	})
	stdin := "\n  <!doctype html><title>Piped</title><p>From standard input.</p>"
	t.Chdir(dir)
	var warns []string
	r := Open([]string{".", "-", "f-good.html"}, strings.NewReader(stdin), warnings(&warns))
	docs, errs := drain(t, r)
	if len(docs) != 5 {
		t.Fatalf("got %d docs, want 5:\n%s", len(docs), strings.Join(docs, "\n"))
	}
	// Only the start of the good page, which is checked in detail elsewhere.
	goodDoc := `f-good.html @f-good.html "Kremlin plays down hopes of Putin-Zelensky summit\n\nThe Kremlin played down`
	if !strings.HasPrefix(docs[2], goodDoc) || !strings.HasSuffix(docs[2], "url=https://www.balkandaily.example/news/world/kremlin-plays-down-summit-hopes-a1f93 published=2025-08-20T14:05:00Z") {
		t.Errorf("docs[2]: got %s, want %s...", docs[2], goodDoc)
	}
	docs[2] = "f-good.html"
	checkLines(t, "docs", docs, []string{
		`a-first.txt @a-first.txt "Plain text first."`,
		`e-latin1.HTM @e-latin1.HTM "Café society."`,
		"f-good.html",
		`z-last.txt @z-last.txt "Plain text last."`,
		`- @- "Piped\n\nFrom standard input."`,
	})
	checkLines(t, "errors", errs, []string{
		"b-binary.html: binary file, not text",
		"c-empty.html: empty document",
		"d-blank.htm: no article text found in HTML",
		"g-truncated.warc: record 1: truncated block",
		"h-garbage.warc: record 1: not a WARC record: starts with binary data",
		`f-good.html: duplicate id "f-good.html" (first at f-good.html)`,
	})
	checkLines(t, "warnings", warns, []string{"e-latin1.HTM: not valid UTF-8, decoded as Windows-1252"})
}

func TestOpenStdinHTML(t *testing.T) {
	tests := []struct {
		name     string
		stdin    string
		wantDocs []string
		wantErrs []string
	}{
		{name: "doctype", stdin: "<!DOCTYPE html><p>Hello.</p>", wantDocs: []string{`- @- "Hello."`}},
		{name: "html after spaces and byte order mark", stdin: "\xef\xbb\xbf \n<HTML><body><p>Hi <b>there</b>.</p>", wantDocs: []string{`- @- "Hi there."`}},
		{name: "html beyond a buffer", stdin: strings.Repeat(" ", 10000) + "<html><p>x</p>", wantDocs: []string{`- @- "x"`}},
		{name: "short html start", stdin: "<html", wantErrs: []string{"-: no article text found in HTML"}},
		{name: "fragment is text", stdin: "<p>Hello.</p>", wantDocs: []string{`- @- "<p>Hello.</p>"`}},
		{name: "empty page", stdin: "<html></html>", wantErrs: []string{"-: no article text found in HTML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := drain(t, Open([]string{"-"}, strings.NewReader(tt.stdin), Options{}))
			checkLines(t, "docs", docs, tt.wantDocs)
			checkLines(t, "errors", errs, tt.wantErrs)
		})
	}
}

// FuzzHTML feeds arbitrary bytes to the path a .html file takes. It must
// never panic, and what it extracts must be well-formed paragraphs.
func FuzzHTML(f *testing.F) {
	for _, tt := range htmlFixtures {
		f.Add(readFixture(f, filepath.Join("testdata", "html", tt.file)))
	}
	for _, s := range []string{
		"", "<html>", "<!doctype html><p>x</p>", "<table><td><p>a<td>b</table>",
		"<html><head><link rel=canonical href='//x'></head><body><p>caf\xe9</p>",
		"<svg><foreignObject><p>x</p></foreignObject></svg>", "<template><p>t</p></template><p>u",
		"<select><option><p>o", "<math><mi><p>m", "<frameset><frame>", "\x00\x00\x00",
	} {
		f.Add([]byte(s))
	}
	base, _ := url.Parse("https://news.example/a/b")
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := readPage(data, base, "")
		if err != nil {
			return
		}
		checkParagraphs(t, a.Text())
		if a.URL != "" && !strings.HasPrefix(a.URL, "http") {
			t.Fatalf("URL %q is not a web address", a.URL)
		}
	})
}

func BenchmarkHTMLExtract(b *testing.B) {
	page := readFixture(b, filepath.Join("testdata", "html", "times-trump-putin.html"))
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, _, err := readPage(page, nil, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDecodePage(t *testing.T) {
	ru := "Президент Финляндии Александр Стубб сказал, что Путину редко можно доверять."
	cp1251, err := charmap.Windows1251.NewEncoder().String(ru)
	if err != nil {
		t.Fatal(err)
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().String("首相は記者会見で述べた。")
	if err != nil {
		t.Fatal(err)
	}
	page := func(meta, body string) []byte {
		return []byte("<!doctype html><html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>")
	}
	tests := []struct {
		name        string
		page        []byte
		contentType string
		want        string // in the decoded text
		wantFixed   bool
	}{
		{"meta charset", page(`<meta charset="windows-1251">`, cp1251), "", ru, false},
		{"meta http-equiv", page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, cp1251), "", ru, false},
		{"HTTP Content-Type", page("", cp1251), "text/html; charset=windows-1251", ru, false},
		{"HTTP over meta", page(`<meta charset="koi8-r">`, cp1251), "text/html; charset=windows-1251", ru, false},
		{"Shift_JIS", page(`<meta charset="Shift_JIS">`, sjis), "", "首相は記者会見で述べた。", false},
		{"declared Latin-1", page(`<meta charset="iso-8859-1">`, "caf\xe9 cr\xe8me"), "", "café crème", false},
		{"nothing declared", page("", "caf\xe9 cr\xe8me"), "", "café crème", true},
		{"UTF-8 whatever it declares", page(`<meta charset="windows-1251">`, ru), "", ru, false},
		{"declared UTF-8, stray byte", page(`<meta charset="utf-8">`, "caf\xe9"), "", "café", true},
		{"a replacement label", page(`<meta charset="iso-2022-kr">`, "caf\xe9 cr\xe8me"), "", "café crème", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, fixed := decodePage(tt.page, tt.contentType)
			if !strings.Contains(got, tt.want) || fixed != tt.wantFixed {
				t.Errorf("got %q (fixed %v), want it to hold %q (fixed %v)", got, fixed, tt.want, tt.wantFixed)
			}
		})
	}
}
