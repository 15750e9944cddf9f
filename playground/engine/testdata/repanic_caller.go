package main

// A deferred call that recovers and panics again, recovered by a caller:
// the interpreter runs it as Go does. A panic in a deferred call that a
// call deferred before it in the same function would recover is announced
// instead (deferredPanics in detect.go).

import "fmt"

func middle() {
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("again: ", r))
		}
	}()
	panic("first")
}

func outer() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("outer: %v", r)
		}
	}()
	middle()
	return nil
}

func main() {
	fmt.Println(outer())
	fmt.Println("end")
}

// Output:
// outer: again: first
// end
