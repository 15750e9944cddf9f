package main

// A method value with a value receiver copies the receiver when it is
// evaluated, whether the receiver is a variable, an element or a field.
import "fmt"

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

type Path struct {
	Start Point
	Steps []Point
}

func main() {
	ps := []Point{{10, 20}}
	add := ps[0].Add
	ps[0] = Point{}
	fmt.Println(add(Point{1, 1}))

	path := Path{Start: Point{1, 2}, Steps: []Point{{3, 4}}}
	fromStart, fromStep := path.Start.Add, path.Steps[0].Add
	path.Start.X, path.Steps[0].X = 100, 100
	fmt.Println(fromStart(Point{}), fromStep(Point{}))

	p := Point{5, 5}
	defer fmt.Println("deferred:", p.Add(Point{}))
	deferredAdd := p.Add
	p.X = 0
	fmt.Println(deferredAdd(Point{}))
}

// Output:
// {11 21}
// {1 2} {3 4}
// {5 5}
// deferred: {5 5}
