package main

// runtime.GC forces a collection; ReadMemStats shows the counters moving (printed as booleans only).
import (
	"fmt"
	"runtime"
)

var sink [][]byte

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range 100 {
		sink = append(sink, make([]byte, 1024*(i+1)))
	}
	sink = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println("NumGC increased:", after.NumGC > before.NumGC)
	fmt.Println("TotalAlloc grew by >= 4MB:", after.TotalAlloc-before.TotalAlloc >= 4<<20)
	fmt.Println("Mallocs >= Frees:", after.Mallocs >= after.Frees)
	fmt.Println("HeapAlloc <= HeapSys:", after.HeapAlloc <= after.HeapSys)
	fmt.Println("forced GC counted:", after.NumForcedGC >= before.NumForcedGC+1)
}

// Output:
// NumGC increased: true
// TotalAlloc grew by >= 4MB: true
// Mallocs >= Frees: true
// HeapAlloc <= HeapSys: true
// forced GC counted: true
