package main

import "fmt"

func main() {
	var v any = 1
	switch x := v.(type) {
	case int:
		fmt.Println("int")
	}
	switch y := v.(type) {
	case int:
		func() { _ = y }()
	}
	a := uint8(-1)
	b := int8(200)
	c := uint8(0x1ff)
	var d uint16 = 0x1_0000
	var e, f int8 = 200, -129
	_, _, _ = a, b, c
	_, _, _ = d, e, f
}
