package engine

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestChildIsKilledAtItsLimit(t *testing.T) {
	r := RunInChild(context.Background(), "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n", 500*time.Millisecond)
	if !r.TimedOut || r.Status != 2 {
		t.Errorf("a tight loop should be stopped at the limit: %+v", r)
	}
}

// In its own process the engine's deadlock is the Go runtime's verdict,
// given at once: the run must not reach its (long) limit.
func TestChildReportsDeadlock(t *testing.T) {
	r := RunInChild(context.Background(), "package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n", time.Minute)
	if r.TimedOut || r.Status != 2 || r.Err == nil || !strings.Contains(r.Err.Error(), "all goroutines are asleep - deadlock!") {
		t.Errorf("want Go's deadlock verdict, got %+v", r)
	}
}

func TestChildOutputAndStatus(t *testing.T) {
	r := RunInChild(context.Background(), "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"out\")\n\tfmt.Fprintln(os.Stderr, \"err\")\n\tos.Exit(7)\n}\n", 10*time.Second)
	if r.Stdout != "out\n" || r.Stderr != "err\n" || r.Status != 7 || r.TimedOut || r.Refused {
		t.Errorf("got %+v", r)
	}
}

// A refusal crosses the process boundary, and its mark is not left in
// the program's stderr.
func TestChildSaysRefused(t *testing.T) {
	r := RunInChild(context.Background(), "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tseq := func(yield func(int) bool) { yield(1) }\n\tfor v := range seq {\n\t\tfmt.Println(v)\n\t}\n}\n", 10*time.Second)
	if !r.Refused || r.Status != 1 || strings.Contains(r.Stderr, refusedMark) || !strings.Contains(r.Stderr, "range over a function") {
		t.Errorf("got %+v", r)
	}
}
