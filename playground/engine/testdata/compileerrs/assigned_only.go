package main

func main() {
	var a, b int
	b = 2
	c := 1
	_ = func() { c = 2 }
	for i, v := range []int{1} {
		_ = i
	}
}
