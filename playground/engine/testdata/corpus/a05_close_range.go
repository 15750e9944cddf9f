package main

// Ranging over a channel stops when the sender closes it; buffered values are still delivered.
import "fmt"

func produce(n int) <-chan int {
	ch := make(chan int, 2)
	go func() {
		defer close(ch)
		for i := range n {
			ch <- i * i
		}
	}()
	return ch
}

func main() {
	sum := 0
	var got []int
	for v := range produce(6) {
		got = append(got, v)
		sum += v
	}
	fmt.Println(got, "sum", sum)
}

// Output:
// [0 1 4 9 16 25] sum 55
