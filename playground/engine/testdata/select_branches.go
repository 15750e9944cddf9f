package main

// Branch statements in a select's cases, which the interpreter ran wrongly
// before the source pass rewrote them (selectBranches in lower.go): a
// break, continue or goto as a case's last statement fell out of the
// select instead, and a plain break left the loop around the select.
import (
	"fmt"
	"time"
)

func filled(n int) chan int {
	ch := make(chan int, n)
	for i := 1; i <= n; i++ {
		ch <- i
	}
	return ch
}

func main() {
	// break Label, the case's last statement.
	ch := filled(5)
	total := 0
loop:
	for i := 0; i < 5; i++ {
		select {
		case v := <-ch:
			total += v
			break loop
		}
	}
	fmt.Println("break loop:", total)

	// The same, on a timer.
	stop := time.After(time.Millisecond)
wait:
	for {
		select {
		case <-stop:
			break wait
		}
	}
	fmt.Println("break wait: out")

	// continue Label and plain continue, the case's last statement, with
	// statements after the select.
	ch = filled(4)
	after := 0
outer:
	for i := 0; i < 4; i++ {
		select {
		case v := <-ch:
			if v > 2 {
				after += 100
			}
			continue outer
		}
		after++
	}
	ch2 := filled(4)
	after2 := 0
	for i := 0; i < 4; i++ {
		select {
		case <-ch2:
			continue
		}
		after2++
	}
	fmt.Println("continue:", after, after2)

	// A plain break in a case leaves the select, not the loop.
	ch = filled(6)
	got, rounds := 0, 0
	for i := 0; i < 6; i++ {
		select {
		case v := <-ch:
			if v%2 == 1 {
				break
			}
			got += v
		}
		rounds++
	}
	fmt.Println("plain break:", got, rounds)

	// A plain break in a select of a switch's case, in a loop.
	ch = filled(3)
	rounds = 0
	for i := 0; i < 3; i++ {
		switch {
		case i >= 0:
			select {
			case <-ch:
				break
			}
			rounds++
		}
	}
	fmt.Println("break in a switch's select:", rounds)

	// A plain break outside any loop, and in default.
	ch = filled(1)
	select {
	case v := <-ch:
		if v == 1 {
			break
		}
		fmt.Println("not reached")
	}
	n := 0
spin:
	for {
		select {
		default:
			n++
			if n < 3 {
				break
			}
			break spin
		}
	}
	fmt.Println("default:", n)

	// A break of a switch inside a case is the switch's.
	ch = filled(2)
	rounds = 0
	for i := 0; i < 2; i++ {
		select {
		case v := <-ch:
			switch v {
			case 1:
				break
			}
			rounds++
		}
	}
	fmt.Println("switch's break:", rounds)

	// goto forward, the case's last statement.
	ch = filled(1)
	select {
	case <-ch:
		goto done
	}
	fmt.Println("not reached")
done:
	fmt.Println("goto: done")
}

// Output:
// break loop: 1
// break wait: out
// continue: 200 0
// plain break: 12 6
// break in a switch's select: 3
// default: 3
// switch's break: 2
// goto: done
