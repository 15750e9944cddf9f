package engine

import (
	"strings"
	"testing"
)

// A value Show would print through a function literal naming a type of
// a package the file does not import (a Box[time.Time] got from
// context's Deadline by inference) is not lowered and stays announced:
// the literal would not compile. One of a package it imports is lowered.
func TestShownNeedsTheImport(t *testing.T) {
	src := `package main

import (
	"context"
	"fmt"
)

type Box[T any] struct{ V T }

func (b Box[T]) String() string { return "box" }

func wrap[T any](v T) []Box[T] { return []Box[T]{{v}} }

func main() {
	d, _ := context.Background().Deadline()
	fmt.Println(wrap(d.IsZero()))
	fmt.Println(wrap(d))
}
`
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Code, `func(v Box[bool]) string`) || strings.Contains(p.Code, "Box[time.Time]") {
		t.Errorf("lowered to\n%s\nwant []Box[bool] through Show, []Box[time.Time] left", p.Code)
	}
	if got := p.HandOver(); !strings.HasPrefix(got, "17:14: ") {
		t.Errorf("HandOver %q; want the announcement of wrap(d) at 17:14", got)
	}
}
