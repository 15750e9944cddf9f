package main

// select with default never blocks: try-send and try-receive on a buffered channel.
import "fmt"

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func main() {
	ch := make(chan int, 2)
	for i := range 3 {
		fmt.Println("send", i, trySend(ch, i))
	}
	for range 3 {
		fmt.Println(tryRecv(ch))
	}
}

// Output:
// send 0 true
// send 1 true
// send 2 false
// 0 true
// 1 true
// 0 false
