// A blind pass's programs (m01, v01, v03): in a loop, a deferred or go
// statement's method call used the last iteration's receiver, whatever
// the receiver's form: an element (ts[i], ws[i]), a call's result
// (open(i)), a map's element (rs[k]).
package main

import (
	"fmt"
	"sync"
)

type R struct{ id int }

func (r *R) Close() { fmt.Println("closing", r.id) }

func (r *R) Square(res []int, wg *sync.WaitGroup) {
	defer wg.Done()
	res[r.id] = r.id * r.id
}

func open(id int) *R { return &R{id} }

func main() {
	ws := []R{{0}, {1}, {2}, {3}}
	res := make([]int, len(ws))
	var wg sync.WaitGroup
	for i := range ws {
		wg.Add(1)
		go ws[i].Square(res, &wg)
	}
	wg.Wait()
	fmt.Println(res)
	for i := 0; i < 2; i++ {
		defer open(i).Close()
	}
	rs := map[int]*R{1: {10}, 2: {20}}
	for _, k := range []int{1, 2} {
		defer rs[k].Close()
	}
	for i := range ws[:2] {
		defer ws[i].Close()
	}
}

// Output:
// [0 1 4 9]
// closing 1
// closing 0
// closing 20
// closing 10
// closing 1
// closing 0
