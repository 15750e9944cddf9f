package main

// runtime.Caller reports the file and line of a call up the stack.
import (
	"fmt"
	"runtime"
	"strings"
)

func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", file[strings.LastIndex(file, "/")+1:], line, ok)
}

func main() {
	fmt.Println(where())
	fmt.Println(where())
}

// Output:
// main.go:16 true
// main.go:17 true
