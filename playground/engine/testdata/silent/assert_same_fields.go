package main

import "fmt"

type Celsius struct{ Deg float64 }

type Fahrenheit struct{ Deg float64 }

func describe(v any) {
	if c, ok := v.(Celsius); ok {
		fmt.Println("celsius", c.Deg)
		return
	}
	if f, ok := v.(Fahrenheit); ok {
		fmt.Println("fahrenheit", f.Deg)
		return
	}
	fmt.Println("unknown")
}

func main() {
	describe(Celsius{21})
	describe(Fahrenheit{70})
	describe(3)
}

// Output:
// celsius 21
// fahrenheit 70
// unknown
