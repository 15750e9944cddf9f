package generator

import (
	"testing"
	"time"
)

// TestBrowserExactNumGoroutine: in the Go toolchain's run, as under go
// run, runtime.NumGoroutine counts the program's goroutines only, not the
// one js/wasm's runtime keeps for the browser's events once the program
// has waited (numGoroutineOverlay): a goroutine leak is shown by counting.
func TestBrowserExactNumGoroutine(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	code := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.NumGoroutine())\n\ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(runtime.NumGoroutine())\n\tfor i := 0; i < 3; i++ {\n\t\tgo func() { select {} }()\n\t}\n\ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(runtime.NumGoroutine())\n}\n"
	pickEngine(t, tab, id, "exact")
	runsLikeGoRun(t, tab, id, "NumGoroutine after waits", code)
}
