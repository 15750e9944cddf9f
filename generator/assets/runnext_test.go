package assets

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// schedulingProgram's goroutines log in the order the scheduler runs
// them on one P, which go run's runnext decides: the newest goroutine
// first, a receiver woken by a send before the sender goes on. The log
// is printed in one write (Node's writes may reorder several). Its last
// part is a ping-pong pair that goes on until main, which yielded to it,
// got its turn back, which runnext without sysmon would never give it.
const schedulingProgram = `package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var log []string

func logf(format string, args ...any) { log = append(log, fmt.Sprintf(format, args...)) }

func main() {
	runtime.GOMAXPROCS(1)
	// A slice of main's own: go run's sysmon preempts a main whose first
	// slice (the start-up's) ran past 10 ms on a loaded machine, which
	// changed the order below in about 3 runs in 100 (a blind pass's).
	runtime.Gosched()
	for i := range 3 {
		go logf("go %d", i)
	}
	time.Sleep(10 * time.Millisecond)

	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			logf("locked %d", i)
			mu.Unlock()
		}()
	}
	wg.Wait()

	ch := make(chan int)
	go func() {
		for i := range 3 {
			ch <- i
			logf("sent %d", i)
		}
		close(ch)
	}()
	for v := range ch {
		logf("received %d", v)
	}

	jobs := make(chan int, 4)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				logf("worker %d job %d", w, j)
			}
		}()
	}
	for j := range 4 {
		jobs <- j
	}
	close(jobs)
	wg.Wait()

	// main yields to a pair that hand each other runnext, and must get
	// its turn back: the pair stops once it did, so that the output is
	// written after (Node's writes wait for its event loop, which a pair
	// that never blocks all at once keeps from running).
	var stop atomic.Bool
	ping, pong := make(chan int), make(chan int)
	wg.Add(2)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			ping <- 1
			<-pong
		}
		close(ping)
	}()
	go func() {
		defer wg.Done()
		for range ping {
			pong <- 1
		}
	}()
	runtime.Gosched()
	logf("not starved")
	stop.Store(true)
	wg.Wait()
	fmt.Println(strings.Join(log, "\n"))
}
`

// TestRunnextOverlay runs schedulingProgram built as each engine's
// standard library is (runnextOverlay in both) under Node, and with go
// run: the same order, line for line.
func TestRunnextOverlay(t *testing.T) {
	overlaidPrintsAsGoRun(t, "example.org/runnext", schedulingProgram)
}

// overlaidPrintsAsGoRun builds main as each engine's standard library is
// built (overlaidAndNative) and runs both builds under Node: each must
// print what go run prints. A program that never ends (a starved
// goroutine) fails after two minutes rather than at go test's own limit.
func overlaidPrintsAsGoRun(t *testing.T, module, main string) {
	t.Helper()
	node := nodePath(t)
	goroot, want, exact, fast := overlaidAndNative(t, module, main)
	for _, bin := range []string{exact, fast} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		run := nodeRun(node, goroot, bin)
		got, err := exec.CommandContext(ctx, run.Path, run.Args[1:]...).CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("%s: running under node: %v\n%s", filepath.Base(bin), err, got)
		}
		if string(got) != want {
			t.Errorf("%s printed\n%s\ngo run prints\n%s", filepath.Base(bin), got, want)
		}
	}
}

// TestNewProcessTick: the P's schedtick that playground/engine's
// freshStart gives each program the interpreter runs (newProcessTick, in
// start_wasm.go) is where a new process's main finds it on js/wasm, built
// as the exact engine builds a reader's program (stdOverlay, which adds
// playgroundTick to the runtime for this test) and run under Node. A Go
// release that schedules more or fewer time slices before main would
// leave the constant wrong with every browser check passing (they pass
// for any start from about 0 to 45); this test says so.
func TestNewProcessTick(t *testing.T) {
	node := nodePath(t)
	want := engineConst(t, "../../playground/engine/start_wasm.go", "newProcessTick")
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	mod := writeModule(t, map[string]string{"go.mod": "module example.org/tick\n\ngo 1.26\n", "main.go": `package main

import (
	"fmt"
	_ "unsafe"
)

//go:linkname playgroundTick runtime.playgroundTick
func playgroundTick() uint32

func main() {
	tick := playgroundTick()
	fmt.Println(tick)
}
`})
	bin := exactBuild(t, goroot, mod)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	run := nodeRun(node, goroot, bin)
	out, err := exec.CommandContext(ctx, run.Path, run.Args[1:]...).CombinedOutput()
	if err != nil {
		t.Fatalf("running under node: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("a new js/wasm process's main finds schedtick at %s; newProcessTick in playground/engine/start_wasm.go is %s", got, want)
	}
}

// engineConst is the text of the constant name's value in the Go file
// path.
func engineConst(t *testing.T, path, name string) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && n.Name == name {
					return lit.Value
				}
			}
		}
	}
	t.Fatalf("no constant %s with a literal value in %s", name, path)
	return ""
}
