package generator

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// A scenario is a browser test's steps on one page, each a subtest. A
// step that fails is reported by its name and the steps after it still
// run, so one failure does not hide the checks behind it: a wait that
// runs out ends its step with t.Fatal, not the test (what runs between
// steps, on the test's own t, must not wait on what a step left undone). After a failed step
// the page is opened afresh, with the engine back on Automatic, since
// what the failure left (a run still going, an engine picked, a worker
// stopped half-way) would otherwise fail the next steps too.
type scenario struct {
	t      *testing.T
	tab    *browser.Tab
	page   string // the page's address
	id     string // the playground the steps use
	failed bool   // the last step failed: open the page afresh first
	// reopened counts the times the page was opened afresh: a check of
	// what the whole scenario did on one page (requests counted, workers
	// started) cannot hold after one.
	reopened int
}

func newScenario(t *testing.T, tab *browser.Tab, page, id string) *scenario {
	return &scenario{t: t, tab: tab, page: page, id: id}
}

// step runs f as the subtest name and reports whether it passed.
func (s *scenario) step(name string, f func(t *testing.T)) bool {
	s.t.Helper()
	if s.failed {
		s.reopen()
	}
	s.failed = !s.t.Run(name, f)
	return !s.failed
}

func (s *scenario) reopen() {
	s.t.Helper()
	s.reopened++
	s.t.Logf("opening %s afresh after a failed step", s.page)
	root := `[data-playground="` + s.id + `"]`
	// The page reads the reader's pick as it loads (and, on the Go
	// toolchain, starts warming it up): Automatic goes in its storage
	// first, on the page of the same origin still open.
	s.tab.Do(s.t, 120*time.Second,
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem('gointernals-engine', 'auto')`),
		chromedp.Navigate("about:blank"), chromedp.Navigate(s.page), chromedp.WaitReady(root+` [data-editor]`))
	pickEngine(s.t, s.tab, s.id, "auto")
	s.failed = false
}

// whole reports whether every step ran on the page as first opened, for
// checks of the scenario as a whole; when not, it says so in the log.
func (s *scenario) whole(what string) bool {
	s.t.Helper()
	if s.reopened > 0 {
		s.t.Logf("not checked, the page was opened afresh after a failed step: %s", what)
		return false
	}
	return true
}
