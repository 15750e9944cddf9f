package main

import "strconv"

func main() {
	n, err := strconv.Atoi("1")
	n++
	if n := 2; true {
	}
}
