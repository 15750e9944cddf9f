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
