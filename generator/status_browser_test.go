package generator

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserStoppedWhileLoading stops a playground while the interpreter
// is still loading, then runs another: the first keeps saying it was
// stopped, whatever the download it started goes on to report.
func TestBrowserStoppedWhileLoading(t *testing.T) {
	tab := browser.New(t)
	base := browser.Serve(t, buildWithPlayground(t, 2*time.Second))
	const a, b = "en-channels-2", "en-channels-3"
	rootA := `[data-playground="` + a + `"]`
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(rootA+` [data-editor]`))
	// Run and Stop in one script, so the interpreter cannot have loaded
	// in between.
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+rootA+` [data-action="run"]').click(); document.querySelector('`+rootA+` [data-action="stop"]').click()`))
	if status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(rootA+` .pg-status`)); status != "Stopped." {
		t.Fatalf("after Stop while loading, the status says %q", status)
	}
	if state, output, status := runPlayground(t, tab, b, 60*time.Second); state != "done" {
		t.Fatalf("the other playground: state %s, output %q, status %q", state, output, status)
	}
	time.Sleep(500 * time.Millisecond) // whatever the first download still had to say
	if status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(rootA+` .pg-status`)); status != "Stopped." {
		t.Errorf("once the other playground ran, the stopped one says %q", status)
	}
	if state := browser.Get(t, tab, 10*time.Second, chromedp.AttributeValue(rootA, "data-state")).Value; state != "error" {
		t.Errorf("the stopped playground is in state %q", state)
	}
}
