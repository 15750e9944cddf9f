package main

// A ~ constraint admits named types with a matching underlying type, and the result keeps the named type.
import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

type Cents int64

func (c Cents) String() string { return fmt.Sprintf("$%d.%02d", c/100, c%100) }

type Meters float64

func main() {
	fmt.Println(Sum(1, 2, 3))
	fmt.Println(Sum(1.5, 2.25))

	price := Sum[Cents](199, 250, 1)
	fmt.Printf("%v has type %T\n", price, price)

	dist := Sum(Meters(1.5), Meters(2))
	fmt.Printf("%v has type %T\n", dist, dist)

	fmt.Println("empty sum:", Sum[int]())
}

// Output:
// 6
// 3.75
// $4.50 has type main.Cents
// 3.5 has type main.Meters
// empty sum: 0
