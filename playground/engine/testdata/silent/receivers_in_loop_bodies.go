// A stranger's review: a WaitGroup declared in a loop's body, its Wait
// deferred, was copied as a receiver (the work lines were lost), and a
// conversion in a receiver was taken for a call (read before set()).
package main

import (
	"fmt"
	"sync"
)

type MyInt int

func (m MyInt) Show(x int) { fmt.Println("show", int(m), x) }

var x = 1

func set() int { x = 5; return 7 }

func main() {
	for _, n := range []int{1, 2} {
		func() {
			var wg sync.WaitGroup
			defer wg.Wait()
			wg.Add(1)
			go func() {
				defer wg.Done()
				fmt.Println("work", n)
			}()
		}()
		fmt.Println("iteration", n, "done")
	}
	defer MyInt(x).Show(set())
	x = 9
}

// Output:
// work 1
// iteration 1 done
// work 2
// iteration 2 done
// show 5 7
