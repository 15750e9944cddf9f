package main

// A nil channel blocks forever, so setting a drained input to nil disables its select case.
import "fmt"

func gen(vals ...int) chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	a, b := gen(1, 2, 3), gen(10, 20)
	sum := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
			}
			sum += v
		}
	}
	fmt.Println("sum", sum, a == nil, b == nil)
}

// Output:
// sum 36 true true
