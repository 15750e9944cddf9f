package main

import "fmt"

func a(x int) int {
	if x > 0 {
		return 1
	}
}

func b(x int) int {
	if x > 0 {
		return 1
	} else {
		return 2
	}
}

func c() int {
	for {
	}
}

func d() int {
	for {
		break
	}
}

func e(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("no")
	}
}

func f(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func g(ch chan int) int {
	select {
	case v := <-ch:
		return v
	}
}

func h(x int) int {
outer:
	for {
		for {
			break outer
		}
	}
}

func i(x int) int {
	for {
		switch x {
		case 1:
			break
		}
	}
}

func j(x int) (n int) {
	fmt.Println(x)
	return
}

func k(x int) int {
	{
		return 1
	}
}

func l(x int) int {
	switch x {
	case 1:
		fallthrough
	default:
		return 0
	}
}

func m(x int) int {
	for x < 10 {
		return 1
	}
}

func n(v any) int {
	switch v.(type) {
	case int:
		return 1
	default:
		return 2
	}
}

func o() int {
	var f = func() int {
		fmt.Println("x")
	}
	return f()
}

func main() {
	fmt.Println(a(1), b(1), c, d(), e(1), f(1), g(nil), h(1), i(1), j(1), k(1), l(1), m(1), n(1), o())
}
