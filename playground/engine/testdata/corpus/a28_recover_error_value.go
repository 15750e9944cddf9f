package main

// panic with an error value: recover returns it as any; errors.Is/As then inspect it.
import (
	"errors"
	"fmt"
	"runtime"
)

var ErrBroken = errors.New("broken invariant")

func try(f func()) (err error) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			err = e
		} else if r != nil {
			err = fmt.Errorf("non-error panic: %v", r)
		}
	}()
	f()
	return nil
}

func main() {
	err := try(func() { panic(fmt.Errorf("step 3: %w", ErrBroken)) })
	fmt.Println(err, errors.Is(err, ErrBroken))
	fmt.Println(try(func() { panic("plain string") }))
	err = try(func() {
		var m map[string]int
		m["x"] = 1
	})
	var re runtime.Error
	fmt.Println(err, errors.As(err, &re))
	fmt.Println(try(func() {}))
}

// Output:
// step 3: broken invariant true
// non-error panic: plain string
// assignment to entry in nil map true
// <nil>
