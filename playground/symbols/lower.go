package symbols

import (
	"fmt"
	"math"
	"reflect"
	"strings"
)

// LowerPath is the import path of the helpers the engine's source pass
// calls where interpreted code cannot do the work itself. The pass imports
// it under a name no program uses; it is not offered to readers.
const LowerPath = "playground/lower"

// Hooks are what a run of the engine learns through Lower's functions.
type Hooks struct {
	// Recovered is called with each value the program recovers, unwrapped,
	// and returns the value the program gets (the engine gives Go's
	// runtime error for one the interpreter words its own way).
	Recovered func(v any) any
	// GoPanic is called with the value of a panic that reached the top of
	// a goroutine other than main's, which ends the program in Go; it must
	// not return.
	GoPanic func(v any)
	// GoStart is called at each go statement the source pass guards, and
	// GoEnd when the goroutine it started returns.
	GoStart, GoEnd func()
	// MainEnd is called as main returns (or panics), in main's goroutine,
	// before any other goroutine can run: in Go the process ends there.
	MainEnd func()
	// Inexact is called, with why in words, when a helper of the source
	// pass meets what it cannot answer as Go would (see Held).
	Inexact func(why string)
	// Unlike is called, with why in words, when fmt is about to print a
	// value otherwise than Go would (see Printed).
	Unlike func(why string)
}

// Lower is the table of LowerPath, for one run.
//
// Recovered undoes a wrapping of the interpreter's: panic(v) in
// interpreted code panics with a reflect.Value holding v, which recover
// hands back as is, so recover().(error) fails even for an error value
// (measured on yaegi v0.16.1). A reflect.Value cannot be unwrapped from
// interpreted code: asserting it to an interface with its methods fails.
// The source pass calls it with every non-nil value recover returns,
// which is how the engine learns that a panic was recovered.
//
// GoPanic receives what the source pass's deferred call recovered at the
// top of a goroutine: the interpreter cannot end a run from a panic in
// one of its goroutines (the process crashes with the interpreter's own
// trace), so the engine does it, as Go would.
//
// Clear is the built-in clear (Go 1.21), which the interpreter lacks: a
// map or slice passed as an interface still shares its entries or its
// array, so clearing the copy clears the program's.
//
// Error is the interface error, as a type of the library: the source
// pass puts it for error in a type switch's case. The interpreter's own
// error type matches nothing in a case, not an errors.New value, not one
// of the program's types held in an error; a case of a library's
// interface type matches what implements it (measured on yaegi v0.16.1).
//
// NegativeShift panics as Go does for a shift by a negative count, with
// the runtime's own error: the interpreter shifts by such a count without
// panicking, so the source pass checks the count first (shiftCounts).
//
// Stringer, Errorer, Formatter and GoStringer hand back a value of the
// program's own type as the interface their parameter is: the
// interpreter passes a bare value of such a type to fmt's functions,
// without its methods, and one of an interface with methods as its
// wrapper of that interface, whose methods call the program's. The
// source pass passes through them what fmt would call a method of
// (fmtMethods).
//
// Held is what an interface value holds, for the source pass's
// assertion to an interface of the program (ownIfaces), which asserts it
// to each type of the program that implements the interface.
//
// As and Is are errors.As and errors.Is through the interpreter's
// wrappers of the program's values (ErrorsAs).
//
// Float64, Float32, Complex128 and Complex64 return their argument, and
// tell h.Inexact when it is a negative zero (or a complex zero with one):
// the source pass passes through them what the program passes to one of
// its functions, to which the interpreter would pass a positive zero
// (negZeroArgs). Zeros does the same for a struct or an array: it tells
// h.Inexact when the value is all zeros (as reflect.Value.IsZero, which
// the interpreter asks, calls it) with a negative one among them, which
// the interpreter would pass as all positive.
//
// Show gives fmt a value of the program's type to print as Go would,
// from the source pass's description of its type (show.go).
//
// ContextKey gives package context a key of the program's type as a
// value of a type of its own, which context compares and prints as Go
// does the key (contextkey.go).
//
// Pointee copies what a pointer points to, for a method value p.M with a
// value receiver, which Go evaluates by copying *p then: interpreted code
// cannot dereference a value whose type it only knows as a type
// parameter.
func Lower(h Hooks) map[string]map[string]reflect.Value {
	return map[string]map[string]reflect.Value{
		LowerPath + "/lower": {
			"Recovered": reflect.ValueOf(func(v any) any {
				return h.Recovered(recovered(v))
			}),
			"GoPanic":       reflect.ValueOf(func(v any) { h.GoPanic(recovered(v)) }),
			"GoStart":       reflect.ValueOf(func() { call(h.GoStart) }),
			"GoEnd":         reflect.ValueOf(func() { call(h.GoEnd) }),
			"MainEnd":       reflect.ValueOf(func() { call(h.MainEnd) }),
			"Clear":         reflect.ValueOf(ClearValue),
			"Pointee":       reflect.ValueOf(Pointee),
			"Held":          reflect.ValueOf(h.held),
			"As":            reflect.ValueOf(ErrorsAs),
			"Is":            reflect.ValueOf(ErrorsIs),
			"Error":         reflect.ValueOf((*Error)(nil)),
			"UnwrapError":   reflect.ValueOf((*UnwrapError)(nil)),
			"UnwrapErrors":  reflect.ValueOf((*UnwrapErrors)(nil)),
			"NegativeShift": reflect.ValueOf(NegativeShift),
			"Stringer":      reflect.ValueOf(func(x fmt.Stringer) any { return h.guarded(x) }),
			"Errorer":       reflect.ValueOf(func(x error) any { return h.guarded(x) }),
			"Formatter":     reflect.ValueOf(func(x fmt.Formatter) any { return h.guarded(x) }),
			"GoStringer":    reflect.ValueOf(func(x fmt.GoStringer) any { return h.guarded(x) }),
			"Show":          reflect.ValueOf(h.Show),
			"ContextKey":    reflect.ValueOf(ContextKey),
			"Float64": reflect.ValueOf(func(x float64) float64 {
				h.negativeZero(x == 0 && math.Signbit(x))
				return x
			}),
			"Float32": reflect.ValueOf(func(x float32) float32 {
				h.negativeZero(x == 0 && math.Signbit(float64(x)))
				return x
			}),
			"Complex128": reflect.ValueOf(func(x complex128) complex128 {
				h.negativeZero(x == 0 && (math.Signbit(real(x)) || math.Signbit(imag(x))))
				return x
			}),
			"Complex64": reflect.ValueOf(func(x complex64) complex64 {
				h.negativeZero(x == 0 && (math.Signbit(float64(real(x))) || math.Signbit(float64(imag(x)))))
				return x
			}),
			"Zeros": reflect.ValueOf(func(x any) any {
				zero, negative := zeros(reflect.ValueOf(x))
				h.negativeZero(zero && negative)
				return x
			}),
		},
	}
}

// negativeZero tells h.Inexact when is: a negative zero about to be
// passed to a function of the program, which the interpreter would pass
// as a positive one (the engine's negZeroArgs).
func (h Hooks) negativeZero(is bool) {
	if is && h.Inexact != nil {
		h.Inexact("a negative zero passed to a function of the program arrives there as a positive zero")
	}
}

// zeros says whether v is a zero value, as IsZero says, and whether a
// negative zero is among its floating-point numbers: v's own, its fields',
// its elements'. It stops at the first part that is not zero.
func zeros(v reflect.Value) (zero, negative bool) {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		return f == 0, f == 0 && math.Signbit(f)
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return c == 0, c == 0 && (math.Signbit(real(c)) || math.Signbit(imag(c)))
	case reflect.Struct, reflect.Array:
		n := v.Len
		part := v.Index
		if v.Kind() == reflect.Struct {
			n, part = v.NumField, v.Field
		}
		for i := range n() {
			z, neg := zeros(part(i))
			if !z {
				return false, false
			}
			negative = negative || neg
		}
		return true, negative
	case reflect.Invalid:
		return true, false
	}
	return v.IsZero(), false
}

// guarded returns x, a value of the program's handed to Stringer,
// Errorer, Formatter or GoStringer, for fmt to print: the interpreter's
// wrapper of that interface, whose method, a func in its second field,
// now panics as Go would (guard), which fmt prints (%!v(PANIC=String
// method: ...)). The source pass passes only values whose type is not an
// interface, so a nil x was a nil pointer (or map, slice, func), which
// the interpreter hands over as a nil interface, where Go calls the
// method with it (which may well answer): the run is handed over.
func (h Hooks) guarded(x any) any {
	if x == nil {
		if h.Unlike != nil {
			h.Unlike("a nil pointer of one of the program's types with a method fmt calls reaches fmt: the interpreter hands fmt nothing where Go calls the method with the nil pointer")
		}
		return x
	}
	w := reflect.New(reflect.TypeOf(x)).Elem()
	w.Set(reflect.ValueOf(x))
	if w.Kind() != reflect.Struct || w.NumField() != 2 || w.Field(1).Kind() != reflect.Func {
		return x
	}
	m := w.Field(1)
	method := m.Interface()
	m.Set(reflect.MakeFunc(m.Type(), func(in []reflect.Value) []reflect.Value {
		defer h.guard()
		return reflect.ValueOf(method).Call(in)
	}))
	return w.Interface()
}

// guard panics again with what a method fmt called panicked with, as
// the program would have recovered it: a runtime error in the
// interpreter's words becomes Go's, or hands the run over (Recovered).
func (h *Hooks) guard() {
	if r := recover(); r != nil {
		r = recovered(r)
		if h.Recovered != nil {
			r = h.Recovered(r)
		}
		panic(r)
	}
}

func recovered(v any) any {
	if rv, ok := v.(reflect.Value); ok {
		if !rv.IsValid() || !rv.CanInterface() {
			return nil
		}
		return rv.Interface()
	}
	return v
}

// ClearValue is the built-in clear of a map or a slice held in an
// interface, and nothing for anything else.
func ClearValue(v any) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map, reflect.Slice:
		rv.Clear()
	}
}

// Pointee returns, for a non-nil pointer, a new pointer to a copy of
// what it points to, and anything else as it is. A nil pointer is left
// for the method call to fail on.
func Pointee(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return v
	}
	c := reflect.New(rv.Type().Elem())
	c.Elem().Set(rv.Elem())
	return c.Interface()
}

func call(f func()) {
	if f != nil {
		f()
	}
}

// Error has the methods of error, as a type the interpreter takes from
// the library (see Lower).
type Error interface{ Error() string }

// UnwrapError and UnwrapErrors are interface{ Unwrap() error } and
// interface{ Unwrap() []error } as types of the library: written out in
// the program, such an interface is the interpreter's own, which no
// value of the library matches (err.(interface{ Unwrap() []error }) of
// errors.Join's error failed). The source pass puts them for the literal
// in an assertion where no type of the program has the method
// (libIfaces).
type (
	UnwrapError  interface{ Unwrap() error }
	UnwrapErrors interface{ Unwrap() []error }
)

// minusOne is a variable, so that the shift in NegativeShift is made at
// run time, by Go's runtime, which panics.
var minusOne = -1

// NegativeShift panics as a shift by a negative count does.
func NegativeShift() {
	_ = 1 << minusOne
}

// held returns x, or the value the interpreter's wrapper x holds (an
// error or a fmt.Stringer put in an any is one): the source pass asserts
// it to each type of the program that implements one of the program's
// interfaces (ownIfaces). It tells h.Inexact when that cannot be Go's
// answer: a wrapper when one of those types is a struct with methods of
// its value (lossy: the wrapper then holds the struct's last field), or
// a value of the library's with the interface's methods (names, space
// separated), which no type of the program's is.
func (h Hooks) held(x any, lossy bool, methods string) any {
	const heldMsg = "an assertion to an interface of the program meets a value the interpreter cannot match as Go does"
	if v := reflect.ValueOf(x); v.Kind() == reflect.Struct && v.NumField() > 0 && v.Type().Field(0).Name == "IValue" {
		if lossy && h.Inexact != nil {
			h.Inexact(heldMsg)
		}
		x = Concrete(x)
	}
	if t := reflect.TypeOf(x); t != nil && t.NumMethod() > 0 && h.Inexact != nil {
		all := true
		for _, m := range strings.Fields(methods) {
			_, ok := t.MethodByName(m)
			all = all && ok
		}
		if all {
			h.Inexact(heldMsg)
		}
	}
	return x
}
