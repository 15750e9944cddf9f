package main

// %v, %+v, %#v and %T show the same values with increasing detail: plain, field names, Go syntax, type.
import "fmt"

type Point struct {
	X, Y int
	Tag  string
}

type Grid struct {
	Name   string
	Points []Point
	Meta   map[string]int
}

func main() {
	p := Point{X: 3, Y: -1, Tag: "a"}
	fmt.Printf("%%v   %v\n", p)
	fmt.Printf("%%+v  %+v\n", p)
	fmt.Printf("%%#v  %#v\n", p)
	fmt.Printf("%%T   %T\n", p)

	// A pointer to a struct prints as &{...}, not as an address.
	fmt.Printf("%v %+v\n", &p, &p)
	fmt.Printf("%T\n", &p)

	g := Grid{Name: "g1", Points: []Point{{1, 2, "x"}}, Meta: map[string]int{"w": 2, "h": 1}}
	fmt.Printf("%v\n", g)
	fmt.Printf("%+v\n", g)
	fmt.Printf("%#v\n", g)

	// Basic values: %#v adds quotes and type names where Go syntax needs them.
	fmt.Printf("%v %#v | %v %#v | %v %#v\n", "hi", "hi", []byte("ab"), []byte("ab"), 1.0, 1.0)
	var nilSlice []int
	fmt.Printf("%v %#v %v %#v\n", nilSlice, nilSlice, []int{}, []int{})
}

// Output:
// %v   {3 -1 a}
// %+v  {X:3 Y:-1 Tag:a}
// %#v  main.Point{X:3, Y:-1, Tag:"a"}
// %T   main.Point
// &{3 -1 a} &{X:3 Y:-1 Tag:a}
// *main.Point
// {g1 [{1 2 x}] map[h:1 w:2]}
// {Name:g1 Points:[{X:1 Y:2 Tag:x}] Meta:map[h:1 w:2]}
// main.Grid{Name:"g1", Points:[]main.Point{main.Point{X:1, Y:2, Tag:"x"}}, Meta:map[string]int{"h":1, "w":2}}
// hi "hi" | [97 98] []byte{0x61, 0x62} | 1 1
// [] []int(nil) [] []int{}
