package main

import "fmt"

func main() {
	goto start
start:
	for i := range 3 {
		switch i {
		case 0:
			fallthrough
		case 1:
			fmt.Println("low")
		default:
			break
		}
	}
outer:
	for {
		select {
		default:
			break outer
		}
	}
	func() {
	inner:
		for {
			continue inner
		}
	}()
	x := 1
	break
	fmt.Println(x)
}
