package main

// Producer/consumer without deadlock: the producer closes the queue, the consumer reports when done.
import "fmt"

type item struct {
	id   int
	name string
}

func main() {
	queue := make(chan item, 2)
	done := make(chan int)
	go func() {
		total := 0
		for it := range queue {
			total += it.id
			fmt.Println("consumed", it.id, it.name)
		}
		done <- total
	}()
	for i := range 5 {
		queue <- item{i + 1, fmt.Sprint("item-", i+1)}
	}
	close(queue)
	total := <-done
	fmt.Println("producer finished, total", total)
}

// Output:
// consumed 1 item-1
// consumed 2 item-2
// consumed 3 item-3
// consumed 4 item-4
// consumed 5 item-5
// producer finished, total 15
