package main

// len and cap of a buffered channel as it fills, drains and is closed.
import "fmt"

func main() {
	ch := make(chan string, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- "x"
	ch <- "y"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch, len(ch))
	ch <- "z"
	ch <- "w"
	fmt.Println(len(ch), cap(ch))
	close(ch)
	fmt.Println("after close:", len(ch))
	var rest []string
	for s := range ch {
		rest = append(rest, s)
	}
	fmt.Println(rest)
	fmt.Println(len(ch), cap(ch))
	var nilCh chan int
	fmt.Println(len(nilCh), cap(nilCh), len(make(chan int)))
}

// Output:
// 0 3
// 2 3
// x 1
// 3 3
// after close: 3
// [y z w]
// 0 3
// 0 0 0
