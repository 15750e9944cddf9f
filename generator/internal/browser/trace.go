package browser

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// Trace records Chromium's trace events of the given categories (for
// example "v8.wasm") while f runs, and returns how many events of each
// name it saw. It tells a test what the browser did, where the page has
// no way to know: that V8 compiled a module afresh or took its code from
// the cache, for example. Workers' events are included.
func (tab *Tab) Trace(t testing.TB, categories []string, f func()) map[string]int {
	t.Helper()
	ctx, cancel := context.WithCancel(tab.Ctx)
	defer cancel()
	var mu sync.Mutex
	names := map[string]int{}
	complete := make(chan struct{}, 1)
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, raw := range e.Value {
				var event struct{ Name string }
				if json.Unmarshal(raw, &event) == nil && event.Name != "" {
					names[event.Name]++
				}
			}
		case *tracing.EventTracingComplete:
			select {
			case complete <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		t.Fatalf("listening for trace events: %v", err)
	}
	if _, err := chromedp.Call(tab.Ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: categories},
	}); err != nil {
		t.Fatalf("starting a trace: %v", err)
	}
	f()
	if _, err := chromedp.Call(tab.Ctx, tracing.End, cdp.Empty{}); err != nil {
		t.Fatalf("ending a trace: %v", err)
	}
	select {
	case <-complete:
	case <-time.After(30 * time.Second):
		t.Fatal("the trace did not complete within 30 s")
	}
	mu.Lock()
	defer mu.Unlock()
	return names
}
