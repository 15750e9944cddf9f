package main

// A method value with a value receiver copies the receiver when evaluated.
import "fmt"

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprintf("(%d,%d)", p.x, p.y) }

func (p *point) move(dx int) { p.x += dx }

func main() {
	p := point{1, 2}
	show := p.String
	move := p.move
	move(10)
	fmt.Println(show(), p.String())
}

// Output:
// (1,2) (11,2)
