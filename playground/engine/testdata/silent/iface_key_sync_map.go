package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// sync.Map compares its keys, and atomic.Value the types of what it
// stores, as the interpreter knows them: by structure alone, so Meters(1)
// found Celsius(1)'s entry, and storing a Meters after a Celsius did not
// panic, nothing said.
type Celsius float64
type Meters float64

func main() {
	var m sync.Map
	m.Store(Celsius(1), "c")
	_, ok := m.Load(Meters(1))
	fmt.Println(ok)
	defer func() { fmt.Println("rec", recover()) }()
	var v atomic.Value
	v.Store(Celsius(1))
	v.Store(Meters(1))
	fmt.Println(v.Load())
}

// Output:
// false
// rec sync/atomic: store of inconsistently typed value into Value
