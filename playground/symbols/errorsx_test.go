package symbols

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"testing"
)

type myErr struct{ code int }

func (e myErr) Error() string { return strconv.Itoa(e.code) }

type asErr struct{}

func (asErr) Error() string { return "as" }

func (asErr) As(target any) bool {
	if p, ok := target.(*myErr); ok {
		*p = myErr{42}
		return true
	}
	return false
}

// wrapper is the interpreter's wrapper of error (interp._error), which
// holds a value of the program's types.
type wrapper struct {
	IValue any
	WError func() string
}

func (w wrapper) Error() string { return w.WError() }

type progErr struct{ code int }

// TestErrorsAsIs holds ErrorsAs and ErrorsIs to errors.As and errors.Is
// on the library's errors, and a wrapper to the value it holds.
func TestErrorsAsIs(t *testing.T) {
	_, statErr := os.Stat("/nonexistent/lowerlib")
	sentinel := errors.New("sentinel")
	errs := []error{
		nil,
		myErr{1},
		fmt.Errorf("wrapped: %w", myErr{2}),
		errors.Join(errors.New("x"), fmt.Errorf("y: %w", myErr{3})),
		fmt.Errorf("%w and %w", errors.New("x"), fmt.Errorf("y: %w", sentinel)),
		asErr{},
		statErr,
		errors.New("plain"),
	}
	for _, err := range errs {
		var mine, theirs myErr
		if a, b := ErrorsAs(err, &mine), errors.As(err, &theirs); a != b || mine != theirs {
			t.Errorf("%v: ErrorsAs %v %v, errors.As %v %v", err, a, mine, b, theirs)
		}
		var p1, p2 *fs.PathError
		if a, b := ErrorsAs(err, &p1), errors.As(err, &p2); a != b || p1 != p2 {
			t.Errorf("%v: ErrorsAs to *fs.PathError %v, errors.As %v", err, a, b)
		}
		var e1, e2 interface{ Timeout() bool }
		if a, b := ErrorsAs(err, &e1), errors.As(err, &e2); a != b || e1 != e2 {
			t.Errorf("%v: ErrorsAs to an interface %v, errors.As %v", err, a, b)
		}
		for _, target := range []error{nil, sentinel, fs.ErrNotExist, myErr{2}, myErr{4}} {
			if a, b := ErrorsIs(err, target), errors.Is(err, target); a != b {
				t.Errorf("ErrorsIs(%v, %v) = %v, errors.Is %v", err, target, a, b)
			}
		}
	}
	p := &progErr{7}
	w := fmt.Errorf("at: %w", wrapper{p, func() string { return "prog" }})
	var got *progErr
	if !ErrorsAs(w, &got) || got != p {
		t.Errorf("ErrorsAs through a wrapper: %v", got)
	}
	var other *fs.PathError
	if ErrorsAs(w, &other) {
		t.Error("ErrorsAs through a wrapper matched *fs.PathError")
	}
	if !ErrorsIs(w, wrapper{p, func() string { return "another wrapper" }}) || ErrorsIs(w, wrapper{&progErr{7}, nil}) {
		t.Error("ErrorsIs compares the wrappers' values: the same pointer, not an equal one")
	}
	if Concrete(wrapper{}) != nil || Concrete(3) != 3 {
		t.Error("Concrete of an empty wrapper, of a value")
	}
}

// Held takes a value out of a wrapper, and tells Inexact when the answer
// cannot be Go's: a wrapper where a struct may be lossy, a value of the
// library with the interface's methods.
func TestHeld(t *testing.T) {
	var told []string
	h := Hooks{Inexact: func(why string) { told = append(told, why) }}
	p := &progErr{1}
	if got := h.held(wrapper{p, nil}, false, "Area"); got != p || len(told) != 0 {
		t.Errorf("held(wrapper) = %v, told %q", got, told)
	}
	if got := h.held(3, true, "Area"); got != 3 || len(told) != 0 {
		t.Errorf("held(3) = %v, told %q", got, told)
	}
	h.held(wrapper{"last field", nil}, true, "Area")
	h.held(myErr{1}, false, "Error")
	h.held(myErr{1}, false, "Error Area")
	if len(told) != 2 {
		t.Errorf("told %d times, want 2 (a lossy wrapper, a library value with Error): %q", len(told), told)
	}
}
