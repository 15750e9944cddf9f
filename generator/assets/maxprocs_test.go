package assets

import "testing"

// maxProcsProgram sets GOMAXPROCS and reads it back, as a reader of the
// scheduler chapter does; then goroutines on "several Ps" still finish.
const maxProcsProgram = `package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(4)
	fmt.Println(runtime.GOMAXPROCS(0))
	prev := runtime.GOMAXPROCS(2)
	fmt.Println(prev, runtime.GOMAXPROCS(prev), runtime.GOMAXPROCS(0))
	fmt.Println(runtime.GOMAXPROCS(-1), runtime.GOMAXPROCS(1), runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(8)
	var wg sync.WaitGroup
	sum := make([]int, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 1000 {
				sum[i] += j
			}
		}()
	}
	wg.Wait()
	fmt.Println(sum, runtime.GOMAXPROCS(0))
}
`

// TestMaxProcsOverlay runs maxProcsProgram built as each engine's
// standard library is (maxProcsEdits in both) under Node, and with go
// run: the settings read back the same. Without the edits both engines
// print 1 for every setting.
func TestMaxProcsOverlay(t *testing.T) {
	overlaidPrintsAsGoRun(t, "example.org/maxprocs", maxProcsProgram)
}

// TestMaxProcsMetric runs, built as the exact engine's archives are, a
// program that sets GOMAXPROCS and reads runtime/metrics'
// /sched/gomaxprocs:threads: the setting, as go run prints it, not
// js/wasm's one P.
func TestMaxProcsMetric(t *testing.T) {
	const src = `package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

func read() uint64 {
	s := []metrics.Sample{{Name: "/sched/gomaxprocs:threads"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func main() {
	runtime.GOMAXPROCS(4)
	fmt.Println(read(), runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(3)
	fmt.Println(read(), runtime.GOMAXPROCS(0))
}
`
	node := nodePath(t)
	goroot, want, exact, _ := overlaidAndNative(t, "example.org/maxprocsmetric", src)
	got, err := nodeRun(node, goroot, exact).CombinedOutput()
	if err != nil {
		t.Fatalf("running under node: %v\n%s", err, got)
	}
	if string(got) != want {
		t.Errorf("the GOMAXPROCS metric and runtime.GOMAXPROCS(0) printed\n%s\ngo run prints\n%s", got, want)
	}
}
