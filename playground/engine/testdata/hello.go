package main

import "fmt"

func main() {
	fmt.Println("hello, 世界")
}

// Output:
// hello, 世界
