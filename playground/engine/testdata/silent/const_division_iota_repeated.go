package main

import "fmt"

type Size float64

const (
	Small Size = (iota + 1) * 4 / 2
	Medium
	Large
)

func main() { fmt.Println(Small, Medium, Large) }

// Output:
// 2 4 6
