package main

// fmt.Errorf with %w builds a chain; errors.Is walks it and errors.Unwrap peels one layer.
import (
	"errors"
	"fmt"
	"io"
)

var ErrNotFound = errors.New("not found")

func find(key string) error {
	return fmt.Errorf("find %q: %w", key, ErrNotFound)
}

func load(key string) error {
	if err := find(key); err != nil {
		return fmt.Errorf("load config: %w", err)
	}
	return nil
}

func main() {
	err := load("port")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, io.EOF))
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Printf("%T: %v\n", e, e)
	}
	flat := fmt.Errorf("load config: %v", find("port"))
	fmt.Println(flat.Error() == err.Error(), errors.Is(flat, ErrNotFound))
	fmt.Println(errors.New("x") == errors.New("x"))
}

// Output:
// load config: find "port": not found
// true false
// *fmt.wrapError: load config: find "port": not found
// *fmt.wrapError: find "port": not found
// *errors.errorString: not found
// true false
// false
