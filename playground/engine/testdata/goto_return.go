package main

// A goto to a label on a bare return, which the statement before the
// label also reaches: the interpreter looped for ever on it (a stack
// overflow) before the source pass put an empty block under the label.
import "fmt"

func result(n int) (r int) {
	if n < 0 {
		goto done
	}
	r = n + 4
done:
	return
}

func show(n int) {
	if n < 0 {
		goto done
	}
	fmt.Println("show", n)
done:
	return
}

func main() {
	fmt.Println(result(3), result(-1))
	show(2)
	show(-2)
	fmt.Println("end")
}

// Output:
// 7 0
// show 2
// end
