package snippet

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestEngineProcessIsKilledAtItsLimit(t *testing.T) {
	r := runEngine(context.Background(), "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n", 500*time.Millisecond)
	if !r.timedOut || r.status != 2 {
		t.Errorf("a tight loop should be stopped at the limit: %+v", r)
	}
}

// In its own process the engine's deadlock is the Go runtime's verdict,
// given at once: the run must not reach its (long) limit.
func TestEngineProcessReportsDeadlock(t *testing.T) {
	r := runEngine(context.Background(), "package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n", time.Minute)
	if r.timedOut || r.status != 2 || r.err == nil || !strings.Contains(r.err.Error(), "all goroutines are asleep - deadlock!") {
		t.Errorf("want Go's deadlock verdict, got %+v", r)
	}
}

func TestEngineProcessOutputAndStatus(t *testing.T) {
	r := runEngine(context.Background(), "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"out\")\n\tfmt.Fprintln(os.Stderr, \"err\")\n\tos.Exit(7)\n}\n", 10*time.Second)
	if r.stdout != "out\n" || r.stderr != "err\n" || r.status != 7 || r.timedOut {
		t.Errorf("got %+v", r)
	}
}
