package main

import "fmt"

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

func main() {
	results := []*NotFound{nil, {"b"}}
	for _, r := range results {
		var err error = r
		if err != nil {
			fmt.Println("failed:", err)
		} else {
			fmt.Println("ok")
		}
	}
}

// Output:
// failed: <nil>
// failed: not found: b
