package generator

import "testing"

// TestBrowserNoFilesIsNotFound: the standard library looking for a file
// the browser does not have finds none, as on a machine without it, on
// both engines: the interpreter's file system said "not implemented on
// js" to time.LoadLocation, where go run and the Go toolchain's engine
// say the zone is unknown.
func TestBrowserNoFilesIsNotFound(t *testing.T) {
	t.Parallel()
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
	bothRunLikeGoRun(t, "a zone no system has", program)
}
