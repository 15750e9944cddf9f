package main

// What the differential generator (generate_test.go) found the
// interpreter running differently from Go, each fixed in the source pass.
import "fmt"

type T struct{ s string }

func (t T) show() { fmt.Println("deferred show:", t.s) }

type pair struct{ a, b int }

type box struct{ v int }

func (b box) get() int { return b.v }

func f(k int) (res string) {
	defer func() { recover() }()
	if k == 1 {
		panic("boom")
	}
	return "ok"
}

func main() {
	// A receive assigned to a variable a closure captured.
	ch := make(chan int, 1)
	ch <- 1
	v := 0
	g := func() { fmt.Println("captured:", v) }
	v = <-ch
	g()

	// A value method deferred through a pointer copies what it points to.
	t := &T{"start"}
	defer t.show()
	t.s = "end"

	// A composite literal sent in a select case.
	pc := make(chan pair, 1)
	j := 3
	select {
	case pc <- pair{j, j * j}:
	}
	fmt.Println("sent:", <-pc)

	// A named result is zero in each call, whatever the previous one
	// returned.
	for k := 0; k < 2; k++ {
		fmt.Printf("f(%d) = %q\n", k, f(k))
	}

	// A deferred call's argument T{i}.M() is evaluated at the defer.
	for i := 0; i < 2; i++ {
		defer fmt.Println("deferred get:", box{i}.get())
	}

	// panic(v) panics with v's value at the panic, and with Go 1.21's
	// *runtime.PanicNilError for a nil interface.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		n := 21
		defer func() { n *= 2 }()
		panic(n)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var e any
		panic(e)
	}()
}

// Output:
// captured: 1
// sent: {3 9}
// f(0) = "ok"
// f(1) = ""
// recovered: 21
// recovered: panic called with nil argument
// deferred get: 1
// deferred get: 0
// deferred show: start
