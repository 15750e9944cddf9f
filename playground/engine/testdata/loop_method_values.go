package main

// Method values and deferred or go'd method calls on a loop's variables
// (or, pointer receivers, on a slice's elements), which the interpreter
// bound to the one slot it keeps for the variable, so that every one saw
// the last iteration's, before the source pass copied the receiver where
// Go evaluates it (loopMethodValue, deferArgs and goPanic in lower.go).
import (
	"fmt"
	"sort"
	"sync"
)

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

type conn struct{ id int }

func (c conn) Close() { fmt.Println("close conn", c.id) }

type file struct{ name string }

func (f *file) Close() { fmt.Println("close file", f.name) }

type job struct{ n int }

func (j job) run(out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	out <- j.n * 100
}

type alarm struct{ name string }

func (a *alarm) ring() string { return a.name }

func main() {
	cs := make([]counter, 2)
	var incs []func()
	for i := range cs {
		incs = append(incs, cs[i].inc)
	}
	for _, f := range incs {
		f()
		f()
	}
	fmt.Println(cs[0].n, cs[1].n)

	var rings []func() string
	for _, name := range []string{"first", "second"} {
		a := &alarm{name}
		rings = append(rings, a.ring)
	}
	fmt.Println(rings[0](), rings[1]())

	func() {
		for _, f := range []*file{{"a.txt"}, {"b.txt"}} {
			defer f.Close()
		}
		for i := 1; i <= 2; i++ {
			c := conn{i}
			defer c.Close()
		}
	}()

	out := make(chan int, 3)
	var wg sync.WaitGroup
	for _, j := range []job{{1}, {2}, {3}} {
		wg.Add(1)
		go j.run(out, &wg)
	}
	wg.Wait()
	close(out)
	var got []int
	for v := range out {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got)
}

// Output:
// 2 2
// first second
// close conn 2
// close conn 1
// close file b.txt
// close file a.txt
// [100 200 300]
