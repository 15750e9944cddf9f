package main

// A method expression T.Method is a plain function whose first parameter is the receiver.
import "fmt"

type Vec struct{ X, Y int }

func (v Vec) Add(o Vec) Vec { return Vec{v.X + o.X, v.Y + o.Y} }
func (v Vec) Sub(o Vec) Vec { return Vec{v.X - o.X, v.Y - o.Y} }
func (v *Vec) Scale(k int) {
	v.X *= k
	v.Y *= k
}
func (v Vec) String() string { return fmt.Sprintf("(%d,%d)", v.X, v.Y) }

func main() {
	add := Vec.Add
	fmt.Printf("%T\n", add)
	fmt.Println(add(Vec{1, 2}, Vec{10, 20}))

	// A table of operations built from method expressions.
	table := []struct {
		name string
		op   func(Vec, Vec) Vec
	}{
		{"add", Vec.Add},
		{"sub", Vec.Sub},
	}
	a, b := Vec{5, 5}, Vec{2, 3}
	for _, row := range table {
		fmt.Println(row.name, row.op(a, b))
	}

	// Pointer-receiver methods need the (*T) form.
	scale := (*Vec).Scale
	fmt.Printf("%T\n", scale)
	scale(&a, 3)
	fmt.Println("scaled:", a)

	// (*T) also has the value methods in its method set.
	str := (*Vec).String
	fmt.Println(str(&b))
}

// Output:
// func(main.Vec, main.Vec) main.Vec
// (11,22)
// add (7,8)
// sub (3,2)
// func(*main.Vec, int)
// scaled: (15,15)
// (2,3)
