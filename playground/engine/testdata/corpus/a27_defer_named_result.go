package main

// Deferred closures can read and modify named results after the return statement sets them.
import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func unnamed() int {
	n := 21
	defer func() { n *= 2 }()
	return n
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("safeDiv(%d, %d): %v", a, b, r)
		}
	}()
	return a / b, nil
}

func closeAll() (err error) {
	defer func() { err = errors.Join(err, errors.New("close failed")) }()
	return errors.New("write failed")
}

func main() {
	fmt.Println(double(), unnamed())
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(closeAll())
}

// Output:
// 42 21
// 3 <nil>
// 0 safeDiv(1, 0): runtime error: integer divide by zero
// write failed
// close failed
