package generator

import "testing"

// TestBrowserClockHasFractionsOfAMillisecond: time.Now in the page reads
// a clock finer than a millisecond, on both engines, as go run's is:
// wasm_exec.js read the wall clock from Date, in whole milliseconds, so
// every reading's Nanosecond() was a multiple of a million. The wall
// clock and the monotonic one still agree (a Round(0) reading against the
// monotonic difference).
func TestBrowserClockHasFractionsOfAMillisecond(t *testing.T) {
	t.Parallel()
	const program = `package main

import (
	"fmt"
	"time"
)

func main() {
	fine := 0
	for i := 0; i < 50; i++ {
		if time.Now().Nanosecond()%1_000_000 != 0 {
			fine++
		}
		time.Sleep(time.Millisecond)
	}
	fmt.Println("readings finer than a millisecond:", fine > 0)
	a := time.Now()
	time.Sleep(20 * time.Millisecond)
	b := time.Now()
	wall, mono := b.Round(0).Sub(a.Round(0)), b.Sub(a)
	fmt.Println("wall and monotonic agree:", (wall-mono).Abs() < 5*time.Millisecond)
}
`
	bothRunLikeGoRun(t, "time.Now's resolution", program)
}
