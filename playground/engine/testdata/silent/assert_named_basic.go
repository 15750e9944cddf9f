package main

import "fmt"

type Level int

func main() {
	var v any = Level(3)
	_, ok := v.(int)
	fmt.Println(ok)
	switch v.(type) {
	case int:
		fmt.Println("int")
	case Level:
		fmt.Println("Level")
	}
}

// Output:
// false
// Level
