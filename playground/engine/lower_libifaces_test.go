package engine

import (
	"strings"
	"testing"
)

var _ = addCases("libIfaces",
	// An interface written out, with Unwrap, against errors of the
	// library: errors.Join's, fmt.Errorf's with one %w and two, none.
	rewriteCase{
		body: `joined := errors.Join(errors.New("a"), errors.New("b"))
fmt.Println(len(joined.(interface{ Unwrap() []error }).Unwrap()))
for _, err := range []error{joined, fmt.Errorf("x: %w", joined), fmt.Errorf("%w %w", joined, joined), errors.New("c"), nil} {
	u, ok := err.(interface{ Unwrap() error })
	us, oks := err.(interface{ Unwrap() []error })
	fmt.Println(ok, oks, u != nil, us != nil)
}`,
		lowered: `joined := errors.Join(errors.New("a"), errors.New("b"))
fmt.Println(len(joined.(_lowerRT.UnwrapErrors).Unwrap()))
for _, err := range []error{joined, fmt.Errorf("x: %w", joined), fmt.Errorf("%w %w", joined, joined), errors.New("c"), nil} {
	u, ok := _lowerAssertOK[_lowerRT.UnwrapError](err)
	us, oks := _lowerAssertOK[_lowerRT.UnwrapErrors](err)
	fmt.Println(ok, oks, u != nil, us != nil)
}`,
		out: "2\nfalse true false true\ntrue false true false\nfalse true false true\nfalse false false false\nfalse false false false\n",
	},
)

// Where a type of the program has the method, its values may be what the
// assertion gets: the literal stays, and Detect announces it.
func TestLibIfacesLeaveTheProgramsOwn(t *testing.T) {
	src := `package main

import (
	"errors"
	"fmt"
)

type W struct{ err error }

func (w *W) Error() string { return "w" }
func (w *W) Unwrap() error { return w.err }

func main() {
	var err error = &W{errors.New("x")}
	_, ok := err.(interface{ Unwrap() error })
	fmt.Println(ok)
}
`
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Code, "err.(interface{ Unwrap() error })") {
		t.Errorf("lowered to\n%s", p.Code)
	}
	if got := findingsAt(t, src, "assertion to own interface"); got != "15:16" {
		t.Errorf("announced at %q, want 15:16", got)
	}
}
