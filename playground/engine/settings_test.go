package engine

import (
	"testing"
	"time"
)

// A program runs from the process as the engine found it, whatever the
// programs before it in the process did (the page's interpreter runs
// every program of a page in one): an attack wrote *time.Local, and a
// later program printed the attacker's words where it formatted a time.
// The second program prints what go run prints: Local, EOF, the
// collector's default percentage and stack limit.
func TestRunStartsFromTheProcessAsItWas(t *testing.T) {
	const attack = `package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"time"
)

func main() {
	_ = time.Local.String() // set up, as any use of time does
	*time.Local = *time.FixedZone("UTC\n\nyour session expired", 0)
	p := &io.EOF
	*p = errors.New("not EOF")
	debug.SetGCPercent(-1)
	debug.SetMaxStack(1 << 16)
	fmt.Println("done")
}
`
	const later = `package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"time"
)

func main() {
	fmt.Printf("%s %v %d %d\n", time.Local, io.EOF, debug.SetGCPercent(100), debug.SetMaxStack(1<<30))
}
`
	if out, stderr, res := run(t, attack, 10*time.Second); out != "done\n" || res.Status != 0 {
		t.Fatalf("the attack: status %d (%v), stderr %q, printed %q", res.Status, res.Err, stderr, out)
	}
	want := goRun(t, later).Stdout
	if out, stderr, res := run(t, later, 10*time.Second); out != want || res.Status != 0 {
		t.Errorf("after it: status %d (%v), stderr %q, printed %q; go run prints %q", res.Status, res.Err, stderr, out, want)
	}
}
