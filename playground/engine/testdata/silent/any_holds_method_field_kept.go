package main

import (
	"fmt"
	"sync"
)

type Weekday int

func (d Weekday) String() string { return "day" }

type S struct{ W Weekday }

func id[T any](x T) any { return x }

func main() {
	var m sync.Map
	m.Store("k", S{1})
	v, _ := m.Load("k")
	fmt.Println(v)
	fmt.Println(id([]Weekday{2}))
}

// Output:
// {day}
// [day]
