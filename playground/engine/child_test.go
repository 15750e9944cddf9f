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

// A child runs as the page's Automatic does: a deadlock is handed over
// to Go (whose report has each goroutine's trace) at once, before the
// (long) limit, and so is a program that makes the interpreter itself
// fail (a panic in a goroutine started from a method value ends the
// interpreter's process).
func TestChildHandsOverDeadlocksAndCrashes(t *testing.T) {
	start := time.Now()
	r := RunInChild(context.Background(), "package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n", time.Minute)
	if r.TimedOut || !strings.Contains(r.HandOver, "deadlock") {
		t.Errorf("a deadlock: %+v; want it handed over", r)
	}
	// A wide guard: the point is that the minute's limit did not come.
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("a deadlock was told after %v", d)
	}
	crash := "package main\n\ntype worker struct{ n int }\n\nfunc (w worker) run(done chan bool) {\n\tvar s []int\n\t_ = s[w.n]\n\tdone <- true\n}\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo worker{2}.run(done)\n\t<-done\n}\n"
	if r := RunInChild(context.Background(), crash, time.Minute); r.TimedOut || r.HandOver == "" {
		t.Errorf("a panic in a goroutine started from a method: %+v; want it handed over", r)
	}
	if r := RunInChild(context.Background(), "package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Exit(2)\n}\n", time.Minute); r.HandOver != "" || r.Status != 2 {
		t.Errorf("os.Exit(2): %+v; want status 2 and no hand-over", r)
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

// The child is entered by an argument that only RunInChild passes; the
// program does not see it (the interpreter gets arguments of its own,
// engine.go): go run gives a program its own name and nothing else.
func TestChildArgumentsAreTheProgramsOwn(t *testing.T) {
	r := RunInChild(context.Background(), "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(len(os.Args))\n}\n", 10*time.Second)
	if r.Stdout != "1\n" || r.Status != 0 {
		t.Errorf("got %+v; want the program to see one argument, as under go run", r)
	}
}

// An executable whose main did not call Host cannot serve as the child:
// RunInChild says so instead of starting it (nothing but Host's switch
// would run the program, and the executable's own main would run in its
// place).
func TestChildNeedsHost(t *testing.T) {
	trampolineHost.Store(false)
	defer trampolineHost.Store(true)
	r := RunInChild(context.Background(), "package main\n\nfunc main() {}\n", 10*time.Second)
	if r.Err != errNotHost || r.Status != 2 || !strings.Contains(r.Stderr, "engine.Host") {
		t.Errorf("got %+v; want errNotHost", r)
	}
}
