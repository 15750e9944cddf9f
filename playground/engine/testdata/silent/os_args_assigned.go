package main

import (
	"fmt"
	"os"
)

func main() {
	os.Args = []string{"a", "b"}
	fmt.Println(len(os.Args), os.Args)
}

// Output:
// 2 [a b]
