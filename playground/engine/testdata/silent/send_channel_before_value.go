// A sixth blind pass: a send's value was evaluated before its channel,
// in a select's case and in a send statement (Go: the channel first).
package main

import "fmt"

func main() {
	jobs := []chan string{make(chan string, 1), make(chan string, 1)}
	n := 0
	target := func() chan string {
		fmt.Println("choose channel", n)
		return jobs[n%2]
	}
	payload := func() string {
		n++
		fmt.Println("build payload", n)
		return fmt.Sprint("job", n)
	}
	for range 2 {
		select {
		case target() <- payload():
		}
	}
	fmt.Println(len(jobs[0]), len(jobs[1]))
	<-jobs[0]
	target() <- payload()
	fmt.Println(len(jobs[0]), len(jobs[1]))
}

// Output:
// choose channel 0
// build payload 1
// choose channel 1
// build payload 2
// 1 1
// choose channel 2
// build payload 3
// 1 1
