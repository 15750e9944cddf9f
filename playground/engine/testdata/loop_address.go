package main

// A three-clause loop's variable whose address the body takes, or that
// the body assigns and a closure uses: Go 1.22 gives each iteration its
// own, copied from the previous one's at its end, where the interpreter
// had one for the whole loop (perIterationRewrite in lower_periteration.go).
import "fmt"

func show(ps []*int) {
	var vs []int
	for _, p := range ps {
		vs = append(vs, *p)
	}
	fmt.Println(vs)
}

func main() {
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	show(ps)

	// What the body does through the pointer reaches the next iteration.
	ps = nil
	for i := 0; i < 10; i++ {
		p := &i
		*p += 2
		ps = append(ps, p)
	}
	show(ps)

	// And what it does before a continue.
	ps = nil
	for i := 0; i < 6; i++ {
		ps = append(ps, &i)
		if i%2 == 0 {
			i++
			continue
		}
	}
	show(ps)

	// A continue of the outer loop from an inner one.
	ps = nil
outer:
	for i := 0; i < 3; i++ {
		p := &i
		for j := 0; j < 3; j++ {
			if j == 1 {
				ps = append(ps, p)
				continue outer
			}
			for k := 0; k < 1; k++ {
				continue
			}
		}
	}
	show(ps)

	// A closure over a variable the body changes.
	var fs []func() int
	for i := 0; i < 5; i++ {
		fs = append(fs, func() int { return i })
		i++
	}
	var vs []int
	for _, f := range fs {
		vs = append(vs, f())
	}
	fmt.Println(vs)

	// Two variables, and a continue in a select's case.
	ps = nil
	ch := make(chan int, 1)
	for i, j := 0, 5; i < j; i, j = i+1, j-1 {
		ps = append(ps, &i, &j)
		ch <- i
		select {
		case <-ch:
			continue
		default:
		}
	}
	show(ps)
}

// Output:
// [0 1 2]
// [2 5 8 11]
// [1 3 5]
// [0 1 2]
// [1 3 5]
// [0 5 1 4 2 3]
