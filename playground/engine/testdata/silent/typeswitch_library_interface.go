package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func find(k string) error {
	if k == "" {
		return errors.New("empty key")
	}
	return NotFound{k}
}

func main() {
	for _, k := range []string{"a", ""} {
		err := find(k)
		switch e := err.(type) {
		case NotFound:
			fmt.Println("missing", e.Key)
		default:
			fmt.Println("other:", e)
		}
		if nf, ok := err.(NotFound); ok {
			fmt.Println("asserted", nf.Key)
		}
	}
}

// Output:
// missing a
// asserted a
// other: empty key
