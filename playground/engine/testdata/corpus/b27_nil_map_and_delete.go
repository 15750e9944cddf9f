package main

// Reading a nil map gives zero values, writing to it panics, and deleting during range is allowed.
import "fmt"

func main() {
	var m map[string]int
	fmt.Println("nil map len:", len(m), "m[\"x\"]:", m["x"])
	v, ok := m["x"]
	fmt.Println("comma-ok on nil map:", v, ok)
	delete(m, "x") // no-op, no panic
	for range m {
		fmt.Println("never runs")
	}

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		m["x"] = 1
	}()

	m = map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}
	// Deleting entries while ranging is safe; deleted entries not yet reached are not produced.
	for k, v := range m {
		if v%2 == 0 {
			delete(m, k)
		}
	}
	fmt.Println("odd values left:", m, "len", len(m))

	// A zero value is indistinguishable from a missing key without comma-ok.
	m["z"] = 0
	_, hasZ := m["z"]
	_, hasY := m["y"]
	fmt.Println(m["z"], m["y"], hasZ, hasY)

	clear(m)
	fmt.Println("after clear:", m, len(m))
}

// Output:
// nil map len: 0 m["x"]: 0
// comma-ok on nil map: 0 false
// recovered: assignment to entry in nil map
// odd values left: map[a:1 c:3 e:5] len 3
// 0 0 true false
// after clear: map[] 0
