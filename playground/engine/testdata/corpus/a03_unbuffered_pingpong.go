package main

// An unbuffered channel synchronizes sender and receiver: a strict ping-pong.
import "fmt"

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			fmt.Println("pong", v)
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for range 3 {
		ping <- v
		v = <-pong
		fmt.Println("ping got", v)
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("pong closed:", !ok)
}

// Output:
// pong 0
// ping got 1
// pong 1
// ping got 2
// pong 2
// ping got 3
// pong closed: true
