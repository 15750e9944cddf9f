package main

// Timers can be stopped before they fire and reset to fire again; AfterFunc runs a callback.
import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stop active timer:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	t.Reset(10 * time.Millisecond)
	<-t.C
	fmt.Println("fired after reset")
	fmt.Println("stop fired timer:", t.Stop())

	done := make(chan string, 1)
	af := time.AfterFunc(time.Hour, func() { done <- "AfterFunc ran" })
	fmt.Println("stop AfterFunc:", af.Stop())
	af.Reset(5 * time.Millisecond)
	fmt.Println(<-done)

	t2 := time.NewTimer(5 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	fmt.Println("stop expired, unread timer:", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no stale value")
	}
}

// Output:
// stop active timer: true
// stop again: false
// fired after reset
// stop fired timer: false
// stop AfterFunc: true
// AfterFunc ran
// stop expired, unread timer: true
// no stale value
