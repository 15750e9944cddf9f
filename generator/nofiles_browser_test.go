package generator

import (
	"testing"
	"time"
)

// TestBrowserNoFilesIsNotFound: the standard library looking for a file
// the browser does not have finds none, as on a machine without it, on
// both engines: the interpreter's file system said "not implemented on
// js" to time.LoadLocation, where go run and the Go toolchain's engine
// say the zone is unknown.
func TestBrowserNoFilesIsNotFound(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	const program = `package main

import (
	"fmt"
	"time"
)

func main() {
	_, err := time.LoadLocation("Bad/Zone")
	fmt.Println(err)
}
`
	for _, engine := range []string{"fast", "exact"} {
		pickEngine(t, tab, id, engine)
		runsLikeGoRun(t, tab, id, engine+": a zone no system has", program)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
