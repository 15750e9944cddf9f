package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type shape interface {
	area() float64
}

type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

type square struct{ side float64 }

func (s square) area() float64 { return s.side * s.side }

func (s square) String() string { return fmt.Sprintf("square(%g)", s.side) }

var errNegative = errors.New("negative side")

func newSquare(side float64) (square, error) {
	if side < 0 {
		return square{}, fmt.Errorf("newSquare(%g): %w", side, errNegative)
	}
	return square{side}, nil
}

func main() {
	shapes := []shape{rect{2, 3}, square{2}, rect{1, 1}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].area() < shapes[j].area() })
	var names []string
	for _, s := range shapes {
		switch v := s.(type) {
		case square:
			names = append(names, v.String())
		case rect:
			names = append(names, fmt.Sprintf("rect(%gx%g)", v.w, v.h))
		}
	}
	fmt.Println(strings.Join(names, " < "))
	_, err := newSquare(-1)
	fmt.Println(err, errors.Is(err, errNegative))
}

// Output:
// rect(1x1) < square(2) < rect(2x3)
// newSquare(-1): negative side true
