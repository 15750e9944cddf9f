package main

// Errors made by constructors that return &T{...}: each call gives a
// fresh pointer, kept apart in a slice, matched by errors.As through a
// wrapping.
import (
	"errors"
	"fmt"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

type shape interface{ area() int }

type rect struct{ w, h int }

func (r *rect) area() int { return r.w * r.h }

func parse(line int, text string) error {
	if text == "" {
		return &ParseError{line, "empty"}
	}
	if text[0] == '#' {
		return nil
	}
	return &ParseError{Line: line, Msg: "unknown " + text}
}

func newRect(w, h int) shape { return &rect{w, h} }

func main() {
	var errs []error
	for i, text := range []string{"x", "#ok", "", "y"} {
		if err := parse(i+1, text); err != nil {
			errs = append(errs, fmt.Errorf("config: %w", err))
		}
	}
	for _, err := range errs {
		var pe *ParseError
		fmt.Println(err, errors.As(err, &pe), pe.Line)
	}
	a, b := parse(9, ""), parse(10, "z")
	fmt.Println(a, "/", b)
	small, big := newRect(2, 3), newRect(4, 5)
	fmt.Println(small.area(), big.area())
}

// Output:
// config: line 1: unknown x true 1
// config: line 3: empty true 3
// config: line 4: unknown y true 4
// line 9: empty / line 10: unknown z
// 6 20
