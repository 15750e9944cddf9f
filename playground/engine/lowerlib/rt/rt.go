// Package rt is the native stand-in for playground/lower, the functions
// the engine offers interpreted code (symbols.Lower), so that package
// lowerlib compiles and its tests run with the Go toolchain; what does
// not depend on the interpreter is symbols' own code. In Go's own
// runtime nothing needs undoing: recover's value is the panic's, and a
// panic at the top of a goroutine ends the program.
package rt

import (
	"errors"
	"fmt"

	"github.com/goexpert/gointernals/playground/symbols"
)

// Recovered returns what recover returned (the interpreter wraps it).
func Recovered(v any) any { return v }

// GoStart and GoEnd count goroutines in the engine; here nothing.
func GoStart() {}

// GoEnd: see GoStart.
func GoEnd() {}

// MainEnd tells the engine that main returned; here the process ends.
func MainEnd() {}

// GoPanic panics again with the value recovered at a goroutine's top.
func GoPanic(v any) { panic(v) }

// NegativeShift panics as a shift by a negative count does.
func NegativeShift() { symbols.NegativeShift() }

// Pointee returns a pointer to a copy of what a non-nil pointer points
// to, and anything else as it is.
func Pointee(v any) any { return symbols.Pointee(v) }

// Error is the interface error.
type Error interface{ Error() string }

// UnwrapError and UnwrapErrors are the interfaces errors.Unwrap and
// errors.Is look for.
type (
	UnwrapError  interface{ Unwrap() error }
	UnwrapErrors interface{ Unwrap() []error }
)

// Clear is the built-in clear of a map or a slice held in an interface.
func Clear(v any) { symbols.ClearValue(v) }

// Stringer, Errorer, Formatter and GoStringer hand their argument back:
// Go's fmt sees the methods of a value whatever its static type.
func Stringer(x fmt.Stringer) any { return x }

// Errorer: see Stringer.
func Errorer(x error) any { return x }

// Formatter: see Stringer.
func Formatter(x fmt.Formatter) any { return x }

// GoStringer: see Stringer.
func GoStringer(x fmt.GoStringer) any { return x }

// Held is what an interface value holds: here the value.
func Held(x any, lossy bool, methods string) any { return x }

// As is errors.As: Go's own sees the program's types.
func As(err error, target any) bool { return errors.As(err, target) }

// Is is errors.Is: see As.
func Is(err, target error) bool { return errors.Is(err, target) }
