package generator

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserLimitInTheSandbox holds the time limit to where the program
// runs: a runaway program is ended at its limit (2 s in this build) by
// the sandbox that hosts its worker, even while the page's main thread is
// too busy to notice (as a page laying out a flood of output could be),
// on both engines.
func TestBrowserLimitInTheSandbox(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 2*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	const busy = 6000 // ms
	for _, engine := range []string{"fast", "exact"} {
		pickEngine(t, tab, id, engine)
		setCode(t, tab, id, "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n")
		tab.Do(t, 180*time.Second, chromedp.Click(root+` [data-action="run"]`), chromedp.WaitVisible(root+`[data-state="running"]`))
		tab.Do(t, 60*time.Second, chromedp.Evaluate[chromedp.Void](`{ const end = performance.now() + `+strconv.Itoa(busy)+`; while (performance.now() < end) {} }`))
		tab.Do(t, 30*time.Second, chromedp.WaitVisible(root+`[data-state="error"]`))
		got := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-limit-ms"))
		status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
		ms, err := strconv.Atoi(got.Value)
		t.Logf("%s: the sandbox ended the run %s ms after it started (the page was busy for %d ms): %s", engine, got.Value, busy, status)
		// Two lines printed at once, then a loop the browser cannot
		// preempt: both show when the limit ends it (batched, the second
		// was lost with the worker: a blind tester's program).
		setCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"line 1\")\n\tfmt.Println(\"line 2\")\n\tfor {\n\t}\n}\n")
		if _, output, status := runPlayground(t, tab, id, 60*time.Second); output != "line 1\nline 2\n" {
			t.Errorf("%s: the program printed two lines before its loop; the page shows %q (%s)", engine, output, status)
		}
		switch {
		case err != nil:
			t.Errorf("%s: the page's own timer ended the run, not the sandbox (data-limit-ms %q)", engine, got.Value)
		// A wide guard: on time would be 2000; the page was busy until 6000.
		case ms >= busy-1000:
			t.Errorf("%s: the sandbox ended the run after %d ms: it waited for the page", engine, ms)
		}
	}
}

// channelsPage opens the English channels page of the real site, built
// with its playgrounds and the time limit given, and served with its
// production headers.
func channelsPage(t *testing.T, limit time.Duration) *browser.Tab {
	t.Helper()
	tab := browser.New(t)
	base := browser.Serve(t, buildWithPlayground(t, limit))
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(`[data-playground="`+channelsID+`"] [data-editor]`))
	return tab
}
