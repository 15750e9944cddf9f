package main

import (
	"fmt"
	"strings"
)

// A []any passed without ... to a ...any parameter is one argument, not
// the list: logf gets one value, the slice, and the %v prints it whole.
func logf(format string, args ...any) {
	fmt.Printf("[%d args] "+format+"\n", append([]any{len(args)}, args...)...)
}

func count(args ...any) int { return len(args) }

func main() {
	fields := []any{"id", 7}
	logf("%v", fields)
	logf("%v=%v", fields...)
	fmt.Println(count(fields), count(fields...), count("x", fields))
	var history []any
	history = append(history, fields)
	history = append(history, "end")
	fmt.Println(len(history), strings.Repeat("-", 3))
}

// Output:
// [1 args] [id 7]
// [2 args] id=7
// 1 2 2
// 2 ---
