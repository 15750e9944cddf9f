package main

// debug.SetGCPercent returns the previous setting, so it can be saved and restored.
import (
	"fmt"
	"math"
	"runtime/debug"
)

func main() {
	old := debug.SetGCPercent(50)
	fmt.Println("default:", old)
	fmt.Println("previous:", debug.SetGCPercent(-1))
	fmt.Println("disabled was:", debug.SetGCPercent(200))
	fmt.Println("restored from:", debug.SetGCPercent(old))
	fmt.Println("now:", debug.SetGCPercent(old))
	limit := debug.SetMemoryLimit(-1)
	fmt.Println("memory limit is MaxInt64:", limit == math.MaxInt64)
}

// Output:
// default: 100
// previous: 50
// disabled was: -1
// restored from: 200
// now: 100
// memory limit is MaxInt64: true
