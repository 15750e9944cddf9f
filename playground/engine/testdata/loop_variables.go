package main

// Loop variables as Go 1.22 has them, which the interpreter ran otherwise
// before the source pass gave a range's body its own copies when it
// assigns them or takes their address (loopCopies in lower.go), and
// copied a deferred call's pointer receiver at the defer (deferArgs).
import "fmt"

type res struct{ name string }

func (r *res) Close(how string, n int) { fmt.Println("close", r.name, how, n) }

func (r *res) Done() { fmt.Println("done", r.name) }

type tag struct{ name string }

type word string

func (w word) Shout() string { return string(w) + "!" }

type shouter interface{ Shout() string }

func (t tag) Show(what string) { fmt.Println("show", t.name, what) }

type bag struct{ items []tag }

func (b *bag) Add(t tag) {
	b.items = append(b.items, t)
	fmt.Println("add", t.name, len(b.items))
}

func main() {
	xs := []string{"a", "b", "c", "d"}
	for i := range xs {
		fmt.Print(" ", i)
		i++
	}
	fmt.Println()
	for i, x := range xs {
		fmt.Print(" ", i, x)
		i += 1
	}
	fmt.Println()
	grid := [3][2]int{{0, 10}, {0, 10}, {0, 10}}
	for r, row := range grid {
		fmt.Print(" ", r, ":", row[0])
		if r > 0 {
			r--
		}
	}
	fmt.Println()
	var ptrs []*string
	for _, x := range xs {
		ptrs = append(ptrs, &x)
	}
	for _, p := range ptrs {
		fmt.Print(*p)
	}
	fmt.Println()

	func() {
		for i, n := range []string{"x", "y"} {
			r := &res{n}
			defer r.Close("deferred", i)
		}
	}()
	var held []any
	var shouts []func() string
	for _, w := range []word{"e", "f"} {
		held = append(held, w)
		var sh shouter = w
		shouts = append(shouts, sh.Shout)
	}
	fmt.Println(held[0] == held[1], shouts[0](), shouts[1]())
	// A value received by a range over a channel, a map's key, a
	// pointer: each iteration's own in the interface too.
	words := make(chan word, 2)
	words <- "g"
	words <- "h"
	close(words)
	held = nil
	for w := range words {
		held = append(held, w)
	}
	keys := map[word]bool{"i": true, "j": true}
	for k := range keys {
		held = append(held, k)
	}
	for _, r := range []*res{{"k"}, {"l"}} {
		held = append(held, r)
	}
	fmt.Println(held[0] == held[1], held[2] == held[3], held[4] == held[5], held[0].(word), held[1].(word))

	func() {
		for _, n := range []string{"p", "q"} {
			t := &tag{n}
			defer t.Show("deferred")
			t.name = n + "!"
		}
	}()
	func() {
		// A composite literal among the arguments copied at the defer.
		b := &bag{}
		for _, n := range []string{"k", "l"} {
			defer b.Add(tag{n})
		}
	}()
	func() {
		t := &tag{"v"}
		defer t.Show("outside a loop")
		t.name = "w"
	}()
	func() {
		r := &res{"first"}
		defer r.Done()
		r = &res{"second"}
		fmt.Println("now", r.name)
	}()
}

// Output:
//  0 1 2 3
//  0a 1b 2c 3d
//  0:0 1:0 2:0
// abcd
// close y deferred 1
// close x deferred 0
// false e! f!
// false false false g h
// show q deferred
// show p deferred
// add l 1
// add k 2
// show v outside a loop
// now second
// done first
