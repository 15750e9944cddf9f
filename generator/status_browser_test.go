package generator

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserStoppedWhileLoading stops a playground while the interpreter
// is still loading, then runs another: the first keeps saying it was
// stopped, whatever the download it started goes on to report, and the
// second says how long the reader waited.
func TestBrowserStoppedWhileLoading(t *testing.T) {
	t.Parallel()
	tab := channelsPage(t, 2*time.Second)
	const a, b = channelsID, "en-channels-3"
	rootA := `[data-playground="` + a + `"]`
	// Run and Stop in one script, so the interpreter cannot have loaded
	// in between.
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+rootA+` [data-action="run"]').click(); document.querySelector('`+rootA+` [data-action="stop"]').click()`))
	if status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(rootA+` .pg-status`)); status != "Stopped." {
		t.Fatalf("after Stop while loading, the status says %q", status)
	}
	// The interpreter's first load on a site of the test's own: at a
	// load of 14 it took past a minute.
	state, output, status := runPlayground(t, tab, b, 180*time.Second)
	if state != "done" {
		t.Fatalf("the other playground: state %s, output %q, status %q", state, output, status)
	}
	// The time said is the reader's wait, from the click: the
	// interpreter's download included.
	if waited := browser.Get(t, tab, 10*time.Second, browser.Attribute(`[data-playground="`+b+`"]`, "data-ms")).Value; status != "exit status 0 · "+waited+" ms" {
		t.Errorf("the status says %q; want the %s ms since the click", status, waited)
	}
	time.Sleep(500 * time.Millisecond) // whatever the first download still had to say
	if status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(rootA+` .pg-status`)); status != "Stopped." {
		t.Errorf("once the other playground ran, the stopped one says %q", status)
	}
	if state := browser.Get(t, tab, 10*time.Second, browser.Attribute(rootA, "data-state")).Value; state != "error" {
		t.Errorf("the stopped playground is in state %q", state)
	}
}
