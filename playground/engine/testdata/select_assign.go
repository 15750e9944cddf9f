package main

// A select case that receives into variables that exist already, which
// crashed the interpreter (reflect: Value.Set using unaddressable value)
// before the source pass received into fresh ones (selectAssigns).

import "fmt"

type box struct{ v int }

func main() {
	ch := make(chan int, 4)
	ch <- 3
	ch <- 4
	ch <- 5
	ch <- 6
	var v int
	select {
	case v = <-ch:
	}
	fmt.Println(v)
	var ok bool
	select {
	case v, ok = <-ch:
		fmt.Println("in case", v, ok)
	}
	fmt.Println(v, ok)
	b := &box{}
	xs := []int{0, 0}
	i := 1
	select {
	case b.v = <-ch:
	}
	select {
	case xs[i], _ = <-ch:
	}
	fmt.Println(b.v, xs)
	close(ch)
	for {
		select {
		case v, ok = <-ch:
			if !ok {
				fmt.Println("closed", v)
				return
			}
		}
	}
}

// Output:
// 3
// in case 4 true
// 4 true
// 5 [0 6]
// closed 0
