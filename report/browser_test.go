package report_test

// Browser tests: they open HTML reports in headless Chromium, driven over
// the DevTools protocol by chromedp, and check what a reader sees and does
// there, which the string checks of html_test.go cannot: the cluster as
// shown, highlights that find their partner, a click that scrolls to it,
// visible word changes, and the load time of a large report.
//
// They skip when no Chromium is installed, unless REPRINT_BROWSER_TESTS=1
// (as in CI), which makes a missing browser a failure; REPRINT_CHROMIUM
// names another binary. To regenerate the
// screenshot in docs/:
//
//	go test ./report -run TestBrowserSeeds -screenshot ../docs/seeds-report.png

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/input"
	"github.com/reprint-dev/reprint/report"
)

var screenshotPath = flag.String("screenshot", "", "write a PNG of the seeds report, machine-rewrite pair open, to this `file` (TestBrowserSeeds)")

const (
	// seedsDir holds the five seed articles; seedsOriginal is the one
	// the others derive from.
	seedsDir      = "../testdata/seeds"
	seedsOriginal = "001_1fe8c6310e030e24.txt"
	// meterDocs is the METER courts corpus, outside the repository; the
	// load-time test skips without it.
	meterDocs = "../../shared/eval/meter-courts/docs.jsonl"
	// browserEnv set to 1 makes a missing Chromium a failure.
	browserEnv = "REPRINT_BROWSER_TESTS"
	// maxLoad is the load time of the METER report that fails the test;
	// the target is under 3 s.
	maxLoad = 10 * time.Second
	// shotWidth and shotHeight are the size of the screenshot in docs/.
	shotWidth, shotHeight = 1280, 2400
)

// chromium returns the path of the Chromium binary, "" if there is none:
// $REPRINT_CHROMIUM if set, else the first of chromium, chromium-browser
// and /usr/bin/chromium found.
func chromium() string {
	names := []string{"chromium", "chromium-browser", "/usr/bin/chromium"}
	if bin := os.Getenv("REPRINT_CHROMIUM"); bin != "" {
		names = []string{bin}
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts headless Chromium with a fresh profile and returns a
// context for one tab that ends after timeout. It skips the test when
// there is no Chromium, or fails it if browserEnv is 1.
func newBrowser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	bin := chromium()
	if bin == "" {
		if os.Getenv(browserEnv) == "1" {
			t.Fatalf("no chromium binary found (REPRINT_CHROMIUM, PATH or /usr/bin), and %s=1", browserEnv)
		}
		t.Skipf("no chromium binary found (install Debian's chromium; %s=1 makes this a failure)", browserEnv)
	}
	profile := t.TempDir() // removed after the browser has exited (cleanups run last first)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Containers often have a small /dev/shm, which crashes tabs.
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	// Start the browser now, so that a broken install fails here.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	return ctx
}

// do runs actions in the browser, failing the test on error.
func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// eval evaluates the JavaScript expression js in the page and decodes its
// value into a T.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %.60q: %v", js, err)
	}
	return v
}

// writeReport runs the detector on the documents of r and writes the HTML
// report, with texts, to a temporary file. It returns the result, the
// file's URL and its size in bytes.
func writeReport(t *testing.T, r input.Reader) (*reprint.Result, string, int) {
	t.Helper()
	docs, errs, err := input.ReadAll(r)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if len(errs) > 0 {
		t.Fatalf("read: %d bad inputs, first %s: %v", len(errs), errs[0].Source, errs[0].Err)
	}
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := det.Run(context.Background(), docs)
	if err != nil {
		t.Fatalf("detect: %v", err)
	}
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, res, report.HTML, report.Options{Texts: texts}); err != nil {
		t.Fatalf("write report: %v", err)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return res, (&url.URL{Scheme: "file", Path: path}).String(), buf.Len()
}

// open loads the page at u afresh (no fragment, every details closed) in
// a width×height viewport.
func open(t *testing.T, ctx context.Context, u string, width, height int64) {
	t.Helper()
	do(t, ctx, chromedp.EmulateViewport(width, height), chromedp.Navigate("about:blank"), chromedp.Navigate(u))
}

// seedsReport reads the seeds, checks that they form the family the
// tests expect and returns the result, the report's URL and the number
// of the machine-rewrite pair.
func seedsReport(t *testing.T) (*reprint.Result, string, int) {
	t.Helper()
	res, u, _ := writeReport(t, input.NewFS(os.DirFS(seedsDir), "testdata/seeds", input.Options{}))
	if len(res.Clusters) != 1 {
		t.Fatalf("seeds: got %d clusters, want 1", len(res.Clusters))
	}
	if got := res.Documents[res.Clusters[0].Original].ID; got != seedsOriginal {
		t.Fatalf("seeds: got original %s, want %s", got, seedsOriginal)
	}
	mr := slices.IndexFunc(res.Pairs, func(p reprint.Pair) bool { return p.Relation == reprint.MachineRewrite })
	if mr < 0 {
		t.Fatalf("seeds: no machine_rewrite pair among %d pairs", len(res.Pairs))
	}
	return res, u, mr + 1
}

// clusterView is a cluster as the page shows it.
type clusterView struct {
	Heading  string   `json:"heading"`
	Original string   `json:"original"`
	Reason   string   `json:"reason"`
	Members  []string `json:"members"`
	Visible  bool     `json:"visible"`
}

const clustersJS = `[...document.querySelectorAll("#clusters section.cluster")].map(c => ({
	heading: c.querySelector("h3")?.innerText ?? "",
	original: c.querySelector(".orig")?.innerText ?? "",
	reason: c.querySelector(".why")?.innerText ?? "",
	members: [...c.querySelectorAll("li")].map(li => li.innerText),
	visible: [c.querySelector(".orig"), c.querySelector(".why")].every(e => e && e.getBoundingClientRect().height > 0),
}))`

// partnersJS checks every highlight of the page: its numbered link must
// lead to a highlight with the same number, in the same pair, on the
// other side, that links back. It returns the count and the problems.
const partnersJS = `(() => {
	const out = {marks: 0, problems: []};
	for (const m of document.querySelectorAll("mark")) {
		out.marks++;
		const a = m.querySelector(":scope > a.pn");
		if (!a || !a.hash) { out.problems.push(m.id + ": no numbered link"); continue; }
		const p = document.getElementById(decodeURIComponent(a.hash.slice(1)));
		if (!p || p.tagName !== "MARK") { out.problems.push(m.id + ": link " + a.hash + " leads to no highlight"); continue; }
		const pa = p.querySelector(":scope > a.pn");
		if (!pa || pa.textContent !== a.textContent) out.problems.push(m.id + " is number " + a.textContent + ", its partner " + p.id + " is number " + (pa && pa.textContent));
		if (!pa || pa.hash !== "#" + m.id) out.problems.push(p.id + " does not link back to " + m.id);
		const s = m.closest(".side"), ps = p.closest(".side");
		if (!s || !ps || s === ps || s.parentElement !== ps.parentElement) out.problems.push(m.id + " and " + p.id + " are not on the two sides of one pair");
	}
	return out;
})()`

// partners is the result of partnersJS.
type partners struct {
	Marks    int      `json:"marks"`
	Problems []string `json:"problems"`
}

// TestBrowserSeeds opens the report of the five seed articles and checks
// the family cluster, the highlights' links, a click on one, the word
// changes of the machine rewrite, and the screenshot (written with
// -screenshot). Each subtest loads the page afresh.
func TestBrowserSeeds(t *testing.T) {
	ctx := newBrowser(t, 30*time.Second)
	res, u, mr := seedsReport(t)
	pairSel := fmt.Sprintf("#pair-%d", mr)

	t.Run("cluster", func(t *testing.T) {
		open(t, ctx, u, 1280, 800)
		cs := eval[[]clusterView](t, ctx, clustersJS)
		if len(cs) != 1 {
			t.Fatalf("got %d clusters on the page, want 1", len(cs))
		}
		c := cs[0]
		if c.Original != seedsOriginal {
			t.Errorf("got original %q, want %q", c.Original, seedsOriginal)
		}
		if got, want := strings.Fields(c.Reason), strings.Fields("Why: "+res.Clusters[0].Reason); !slices.Equal(got, want) {
			t.Errorf("got reason %q, want %q", c.Reason, strings.Join(want, " "))
		}
		if !c.Visible {
			t.Errorf("original or reason not visible")
		}
		if want := fmt.Sprintf("Cluster 1: %d articles", len(res.Clusters[0].Members)); c.Heading != want {
			t.Errorf("got heading %q, want %q", c.Heading, want)
		}
		for _, m := range res.Clusters[0].Members {
			id := res.Documents[m].ID
			if id != seedsOriginal && !slices.ContainsFunc(c.Members, func(s string) bool { return strings.HasPrefix(s, id+": ") }) {
				t.Errorf("member %s not listed: got %q", id, c.Members)
			}
		}
	})

	t.Run("highlight partners", func(t *testing.T) {
		open(t, ctx, u, 1280, 800)
		got := eval[partners](t, ctx, partnersJS)
		want := 0
		for _, p := range res.Pairs {
			want += 2 * len(p.Passages)
		}
		if got.Marks == 0 || got.Marks > want {
			t.Errorf("got %d highlights, want 1 to %d (two per passage)", got.Marks, want)
		}
		for _, p := range got.Problems {
			t.Error(p)
		}
	})

	t.Run("word changes", func(t *testing.T) {
		open(t, ctx, u, 1280, 800)
		do(t, ctx, chromedp.Click(chromedp.CSS(pairSel+" summary")))
		got := eval[wordChanges](t, ctx, fmt.Sprintf(wordChangesJS, pairSel))
		t.Logf("machine rewrite pair %d: %d struck words on side A (first %q), %d underlined on side B (first %q, title %q)",
			mr, got.Del, got.FirstDel, got.Ins, got.FirstIns, got.InsTitle)
		if !got.Open {
			t.Fatalf("pair %d: details not open after a click on its summary", mr)
		}
		if got.Del == 0 || got.Ins == 0 {
			t.Errorf("got %d <del> on side A and %d <ins> on side B, want some of each", got.Del, got.Ins)
		}
		for _, p := range got.Problems {
			t.Error(p)
		}
		// No other relation is diffed.
		if n := eval[int](t, ctx, `document.querySelectorAll("section.pair:not(`+pairSel+`) :is(.sides del, .sides ins)").length`); n != 0 {
			t.Errorf("got %d word changes outside the machine-rewrite pair, want 0", n)
		}
	})

	t.Run("click scrolls to partner", func(t *testing.T) {
		for _, tt := range []struct {
			name          string
			width, height int64
		}{
			{"desktop", 1280, 800}, // sides next to each other
			{"narrow", 600, 800},   // sides one above the other
		} {
			t.Run(tt.name, func(t *testing.T) {
				open(t, ctx, u, tt.width, tt.height)
				do(t, ctx, chromedp.Click(chromedp.CSS(pairSel+" summary")))
				// Pick the highlight whose partner is farthest away,
				// and scroll it to the top of the window.
				from := eval[string](t, ctx, fmt.Sprintf(farthestJS, pairSel))
				if from == "" {
					t.Fatalf("pair %d: no highlights", mr)
				}
				before := eval[markPos](t, ctx, fmt.Sprintf(markPosJS, from))
				if !before.FromInView || before.ToInView {
					t.Fatalf("before the click: %s in view %v, partner %s in view %v; want only %s (the click would prove nothing)",
						from, before.FromInView, before.To, before.ToInView, from)
				}
				do(t, ctx, chromedp.Click(chromedp.CSS("#"+from+" > a.pn")))
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`location.hash === %q`, "#"+before.To), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
					t.Fatalf("after a click on %s: got location.hash %q, want #%s (%v)", from, eval[string](t, ctx, "location.hash"), before.To, err)
				}
				after := eval[markPos](t, ctx, fmt.Sprintf(markPosJS, from))
				if !after.ToInView {
					t.Errorf("after a click on %s: partner %s at y=%.0f, want within the %d px high viewport", from, after.To, after.ToTop, tt.height)
				}
				t.Logf("%s → %s: scrolled from y=%.0f to y=%.0f, partner now %.1f px from the top", from, after.To, before.ScrollY, after.ScrollY, after.ToTop)
			})
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		open(t, ctx, u, shotWidth, shotHeight)
		do(t, ctx, chromedp.Click(chromedp.CSS(pairSel+" summary")), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		shot, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
			r, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
			if err != nil {
				return nil, err
			}
			return r.Data, nil
		}))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		img, err := png.DecodeConfig(bytes.NewReader(shot))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if img.Width != shotWidth || img.Height != shotHeight {
			t.Errorf("got a %d×%d screenshot, want %d×%d", img.Width, img.Height, shotWidth, shotHeight)
		}
		t.Logf("screenshot: %d×%d, %d bytes", img.Width, img.Height, len(shot))
		if *screenshotPath != "" {
			if err := os.WriteFile(*screenshotPath, shot, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestBrowserMeterLoad opens the report of the whole METER courts corpus
// and measures the time to its load event; it fails only above maxLoad.
// It also checks that every pair listed in the overview leads to its
// section, and that every fragment link of the page has a target.
func TestBrowserMeterLoad(t *testing.T) {
	if _, err := os.Stat(meterDocs); err != nil {
		t.Skipf("no METER corpus: %v", err)
	}
	ctx := newBrowser(t, 2*time.Minute) // first, to skip before the work
	res, u, size := writeReport(t, input.Open([]string{meterDocs}, nil, input.Options{}))
	open(t, ctx, u, 1280, 800)
	load, err := chromedp.Run(ctx, chromedp.Poll[pageLoad](loadJS, chromedp.WithPollingTimeout(maxLoad)))
	if err != nil {
		t.Fatalf("no load event within %v: %v", maxLoad, err)
	}
	t.Logf("METER report: %d documents, %d pairs, %.1f MB of HTML; DOMContentLoaded after %.0f ms, load event end after %.0f ms (target < 3000 ms)",
		len(res.Documents), len(res.Pairs), float64(size)/(1<<20), load.DOMContentLoaded, load.Load)
	if got := time.Duration(load.Load * float64(time.Millisecond)); got > maxLoad {
		t.Errorf("got load time %v, want at most %v", got, maxLoad)
	}

	got := eval[reach](t, ctx, reachJS)
	if got.Rows != len(res.Pairs) || got.Links != len(res.Pairs) || got.Sections != len(res.Pairs) {
		t.Errorf("got %d overview rows, %d row links and %d pair sections, want %d of each", got.Rows, got.Links, got.Sections, len(res.Pairs))
	}
	for _, p := range got.Problems {
		t.Error(p)
	}
	t.Logf("%d fragment links on the page, all with a target: %v", got.Fragments, len(got.Problems) == 0)
}

// pageLoad is the page's Navigation Timing, in milliseconds since the
// navigation started.
type pageLoad struct {
	DOMContentLoaded float64 `json:"domContentLoaded"`
	Load             float64 `json:"load"`
}

// loadJS is falsy until the load event has ended, then the timing.
const loadJS = `(() => {
	const n = performance.getEntriesByType("navigation")[0];
	if (!n || n.loadEventEnd <= 0) return null;
	return {domContentLoaded: n.domContentLoadedEventEnd - n.startTime, load: n.loadEventEnd - n.startTime};
})()`

// reach counts the overview's pair rows and their links, the pair
// sections and the page's fragment links, with the links that lead
// nowhere.
type reach struct {
	Rows      int      `json:"rows"`
	Links     int      `json:"links"`
	Sections  int      `json:"sections"`
	Fragments int      `json:"fragments"`
	Problems  []string `json:"problems"`
}

const reachJS = `(() => {
	const out = {rows: 0, links: 0, sections: 0, fragments: 0, problems: []};
	const problem = s => { if (out.problems.length < 20) out.problems.push(s); };
	const rows = document.querySelectorAll("#pairs tbody tr");
	out.rows = rows.length;
	const linked = new Set();
	for (const tr of rows) {
		const a = tr.querySelector('a[href^="#pair-"]');
		if (!a) { problem("row " + tr.id + " has no link to a pair"); continue; }
		out.links++;
		const id = decodeURIComponent(a.hash.slice(1)), sec = document.getElementById(id);
		if (!sec || !sec.matches("section.pair")) problem("row " + tr.id + " links to #" + id + ", which is no pair section");
		linked.add(id);
	}
	const secs = document.querySelectorAll('section.pair[id^="pair-"]');
	out.sections = secs.length;
	for (const s of secs) if (!linked.has(s.id)) problem("no overview row links to " + s.id);
	for (const a of document.querySelectorAll('a[href^="#"]')) {
		out.fragments++;
		if (!document.getElementById(decodeURIComponent(a.hash.slice(1)))) problem("link " + a.getAttribute("href") + " has no target");
	}
	return out;
})()`

// wordChanges is what the page shows of a machine-rewrite pair's changed
// words.
type wordChanges struct {
	Open     bool     `json:"open"`
	Del      int      `json:"del"`
	Ins      int      `json:"ins"`
	FirstDel string   `json:"firstDel"`
	FirstIns string   `json:"firstIns"`
	InsTitle string   `json:"insTitle"`
	Problems []string `json:"problems"`
}

// wordChangesJS counts the changed words of the pair section %s: <del>
// must be on side A only, struck through and visible, <ins> on side B
// only, underlined and visible, each with a title naming the other side's
// words.
const wordChangesJS = `(() => {
	const sec = document.querySelector(%q);
	const sides = sec.querySelectorAll(".side");
	const out = {open: !!sec.querySelector("details")?.open, del: 0, ins: 0, problems: []};
	if (sides.length !== 2) { out.problems.push("got " + sides.length + " sides, want 2"); return out; }
	const check = (side, tag, deco, label) => {
		if (sides[1 - side].querySelector(tag)) out.problems.push("side " + label + " has no <" + tag + ">, want none");
		const els = [...sides[side].querySelectorAll(tag)];
		for (const e of els) {
			const r = e.getBoundingClientRect(), st = getComputedStyle(e);
			if (r.width === 0 || r.height === 0) out.problems.push("<" + tag + ">" + e.textContent + " is not visible");
			if (!st.textDecorationLine.includes(deco)) out.problems.push("<" + tag + ">" + e.textContent + " has text-decoration " + st.textDecorationLine + ", want " + deco);
			if (!/^(not in|[AB] has: )/.test(e.title)) out.problems.push("<" + tag + ">" + e.textContent + " has title " + JSON.stringify(e.title));
		}
		return els;
	};
	const dels = check(0, "del", "line-through", "B"), inss = check(1, "ins", "underline", "A");
	out.del = dels.length; out.ins = inss.length;
	out.firstDel = dels[0]?.textContent ?? ""; out.firstIns = inss[0]?.textContent ?? ""; out.insTitle = inss[0]?.title ?? "";
	return out;
})()`

// farthestJS returns the ID of the highlight in the pair section %s whose
// partner is farthest from it down the page, after scrolling it to the
// top of the window.
const farthestJS = `(() => {
	let best = null, dist = -1;
	for (const m of document.querySelectorAll(%q + " mark")) {
		const p = document.getElementById(m.querySelector("a.pn").hash.slice(1));
		const d = Math.abs(p.getBoundingClientRect().top - m.getBoundingClientRect().top);
		if (d > dist) { best = m; dist = d; }
	}
	if (!best) return "";
	best.scrollIntoView({block: "start"});
	return best.id;
})()`

// markPos is where a highlight and its partner are in the window, from
// markPosJS.
type markPos struct {
	Hash       string  `json:"hash"`
	To         string  `json:"to"`
	ScrollY    float64 `json:"scrollY"`
	FromTop    float64 `json:"fromTop"`
	ToTop      float64 `json:"toTop"`
	FromInView bool    `json:"fromInView"`
	ToInView   bool    `json:"toInView"`
}

const markPosJS = `(() => {
	const m = document.getElementById(%q);
	const to = m.querySelector("a.pn").hash.slice(1), p = document.getElementById(to);
	const inView = e => { const r = e.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight && r.height > 0; };
	return {hash: location.hash, to, scrollY, fromTop: m.getBoundingClientRect().top, toTop: p.getBoundingClientRect().top,
		fromInView: inView(m), toInView: inView(p), viewportH: innerHeight};
})()`
