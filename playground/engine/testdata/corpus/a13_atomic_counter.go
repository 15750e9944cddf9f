package main

// sync/atomic: lock-free counters, CompareAndSwap, Swap and atomic.Value.
import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var legacy int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				hits.Add(1)
				atomic.AddInt32(&legacy, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load(), atomic.LoadInt32(&legacy))
	fmt.Println(hits.CompareAndSwap(8000, 1), hits.CompareAndSwap(8000, 2), hits.Load())
	fmt.Println(hits.Swap(42), hits.Load())
	var flag atomic.Bool
	fmt.Println(flag.Load(), flag.CompareAndSwap(false, true), flag.Load())
	var v atomic.Value
	fmt.Println(v.Load() == nil)
	v.Store([]string{"a", "b"})
	fmt.Println(v.Load().([]string))
}

// Output:
// 8000 16000
// true false 1
// 1 42
// false true true
// true
// [a b]
