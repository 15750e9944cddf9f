package main

// recover is nil outside a panic or when not called directly by the deferred function; panic(nil) is a *runtime.PanicNilError.
import (
	"fmt"
	"runtime"
)

func helper() any { return recover() }

func direct() (r any) {
	defer func() { r = recover() }()
	panic("boom")
}

func indirect() (r any) {
	defer func() { r = recover() }()
	func() {
		defer func() { fmt.Println("helper recover:", helper()) }()
		panic("deep")
	}()
	return "unreachable"
}

func nilPanic() (r any) {
	defer func() { r = recover() }()
	panic(nil)
}

func main() {
	fmt.Println("outside panic:", recover())
	fmt.Println("direct:", direct())
	fmt.Println("indirect:", indirect())
	r := nilPanic()
	_, isPNE := r.(*runtime.PanicNilError)
	fmt.Println("panic(nil) recovered non-nil:", r != nil, isPNE)
	fmt.Println(r)
}

// Output:
// outside panic: <nil>
// direct: boom
// helper recover: <nil>
// indirect: deep
// panic(nil) recovered non-nil: true true
// panic called with nil argument
