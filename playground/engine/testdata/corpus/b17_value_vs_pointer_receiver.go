package main

// A value receiver mutates a copy; a pointer receiver mutates the caller's value.
import "fmt"

type Tally struct {
	name  string
	count int
}

func (t Tally) BumpCopy() int {
	t.count++
	return t.count
}

func (t *Tally) Bump() int {
	t.count++
	return t.count
}

func main() {
	t := Tally{name: "votes"}

	fmt.Println("BumpCopy returns", t.BumpCopy(), "but t.count is", t.count)
	fmt.Println("Bump returns", t.Bump(), "and t.count is", t.count)

	// Through a pointer, a value method still gets a copy of *p.
	p := &t
	p.BumpCopy()
	p.Bump()
	fmt.Println("after p.BumpCopy and p.Bump:", t.count)

	// Ranging by value copies each element; index into the slice to mutate in place.
	list := []Tally{{"a", 0}, {"b", 0}}
	for _, item := range list {
		item.Bump()
	}
	fmt.Println("range by value:", list)
	for i := range list {
		list[i].Bump()
	}
	fmt.Println("range by index:", list)
}

// Output:
// BumpCopy returns 1 but t.count is 0
// Bump returns 1 and t.count is 1
// after p.BumpCopy and p.Bump: 2
// range by value: [{a 0} {b 0}]
// range by index: [{a 1} {b 1}]
