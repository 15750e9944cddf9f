package symbols

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The table is the playground's sandbox: what it holds is what a reader's
// program can reach.
func TestOnlyThePagesPackages(t *testing.T) {
	want := []string{
		"bytes", "container/heap", "container/list", "context", "errors", "fmt", "io",
		"math", "math/bits", "math/rand", "runtime", "runtime/debug", "sort", "strconv",
		"strings", "sync", "sync/atomic", "time", "unicode", "unicode/utf8",
	}
	var got []string
	for k := range Symbols {
		got = append(got, path.Dir(k)) // keys are "import/path/name"
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("packages:\n%v\nwant:\n%v", got, want)
	}
	for k, syms := range Symbols {
		if len(syms) == 0 {
			t.Errorf("%s: empty table", k)
		}
	}
}

func TestOSIsSmall(t *testing.T) {
	os := OS(io.Discard, io.Discard, func(int) {})["os/os"]
	var names []string
	for name := range os {
		names = append(names, name)
	}
	slices.Sort(names)
	if want := []string{"Args", "Exit", "Getenv", "Stderr", "Stdout"}; !slices.Equal(names, want) {
		t.Errorf("os exports %v, want %v", names, want)
	}
}

// Lower's helpers are what the source pass needs and nothing more.
func TestLowerHelpers(t *testing.T) {
	recoveries, mainEnds := 0, 0
	var goPanic any
	var unlike []string
	lower := Lower(Hooks{Recovered: func(v any) any { recoveries++; return v }, GoPanic: func(v any) { goPanic = v }, MainEnd: func() { mainEnds++ }, Unlike: func(why string) { unlike = append(unlike, why) }})
	syms := lower[LowerPath+"/lower"]
	if len(lower) != 1 || len(syms) != 25 {
		t.Fatalf("Lower holds %v", lower)
	}
	// The interfaces fmt looks for hand their value back; a nil one (a
	// nil pointer, which the interpreter hands over as nothing) is
	// handed over.
	// The interpreter's wrapper comes back with its method guarded: what
	// the method panics with goes through Recovered, as the program's own
	// recover would get it, and fmt prints that.
	str := _fmt_Stringer{IValue: 1, WString: func() string { return "one" }}
	if got := fmt.Sprint(syms["Stringer"].Interface().(func(fmt.Stringer) any)(str)); got != "one" || len(unlike) != 0 {
		t.Errorf("Stringer(a wrapper) printed %q, Unlike called with %q", got, unlike)
	}
	before := recoveries
	bad := wrapError{IValue: 2, WError: func() string { panic(reflect.ValueOf("boom")) }}
	if got := fmt.Sprint(syms["Errorer"].Interface().(func(error) any)(bad)); got != "%!v(PANIC=Error method: boom)" || recoveries != before+1 {
		t.Errorf("Errorer(a panicking wrapper) printed %q after %d calls of Recovered; want the panic after 1", got, recoveries-before)
	}
	syms["Errorer"].Interface().(func(error) any)(nil)
	syms["Formatter"].Interface().(func(fmt.Formatter) any)(nil)
	syms["GoStringer"].Interface().(func(fmt.GoStringer) any)(nil)
	if len(unlike) != 3 {
		t.Errorf("Unlike called %d times for three nil values; want 3", len(unlike))
	}
	syms["MainEnd"].Interface().(func())()
	if mainEnds != 1 {
		t.Errorf("MainEnd called the hook %d times; want 1", mainEnds)
	}
	func() {
		defer func() {
			err, ok := recover().(runtime.Error)
			if !ok || err.Error() != "runtime error: negative shift amount" {
				t.Errorf("NegativeShift panicked with %v; want Go's runtime error", err)
			}
		}()
		syms["NegativeShift"].Interface().(func())()
	}()
	syms["GoPanic"].Interface().(func(any))(reflect.ValueOf(errors.New("in goroutine")))
	if err, ok := goPanic.(error); !ok || err.Error() != "in goroutine" {
		t.Errorf("GoPanic handed the hook %#v; want the error, unwrapped", goPanic)
	}
	if got := syms["Recovered"].Interface().(func(any) any)("v"); got != "v" || recoveries != 2 {
		t.Errorf("Recovered(\"v\") = %#v after %d calls of onRecover; want \"v\" after 2 (one for Errorer's panic)", got, recoveries)
	}
	if got := recovered(reflect.ValueOf(errors.New("x"))); got == nil || got.(error).Error() != "x" {
		t.Errorf("recovered(reflect.Value of an error) = %#v", got)
	}
	if got := recovered("plain"); got != "plain" {
		t.Errorf("recovered(plain) = %#v", got)
	}
	m := map[string]int{"a": 1}
	s := []int{1, 2}
	ClearValue(m)
	ClearValue(s)
	ClearValue(3) // neither: nothing happens
	if len(m) != 0 || s[0] != 0 || s[1] != 0 {
		t.Errorf("after clear: %v %v", m, s)
	}
	// Pointee copies what a pointer points to, once, and leaves the rest.
	type point struct{ x int }
	p := &point{1}
	c := Pointee(p).(*point)
	p.x = 2
	if c == p || c.x != 1 {
		t.Errorf("Pointee(&point{1}) then p.x = 2: got %+v, want a copy holding 1", c)
	}
	if got := Pointee(point{3}); got != (point{3}) {
		t.Errorf("Pointee(point{3}) = %#v", got)
	}
	if got := Pointee((*point)(nil)); got != (*point)(nil) {
		t.Errorf("Pointee(nil) = %#v", got)
	}
}

// wrapError is shaped as the interpreter's wrapper of error.
type wrapError struct {
	IValue any
	WError func() string
}

func (w wrapError) Error() string { return w.WError() }

// The checks of what the program passes to its functions return the
// value, and tell Inexact of a negative zero only (negZeroArgs).
func TestLowerNegativeZero(t *testing.T) {
	var told []string
	syms := Lower(Hooks{Inexact: func(why string) { told = append(told, why) }})[LowerPath+"/lower"]
	negz := math.Copysign(0, -1)
	for _, c := range []struct {
		name string
		arg  any
		neg  bool
	}{
		{"Float64", negz, true}, {"Float64", 0.0, false}, {"Float64", -1.5, false},
		{"Float32", float32(negz), true}, {"Float32", float32(0), false},
		{"Complex128", complex(0, negz), true}, {"Complex128", complex(negz, 1), false}, {"Complex128", complex(0, 0), false},
		{"Complex64", complex64(complex(negz, 0)), true}, {"Complex64", complex64(0), false},
		// A struct or an array is lost only when all of it is zero.
		{"Zeros", struct{ X, Y float64 }{negz, 0}, true}, {"Zeros", struct{ X, Y float64 }{negz, 1}, false},
		{"Zeros", [2]float32{0, float32(negz)}, true}, {"Zeros", [2]float64{}, false},
		{"Zeros", struct {
			P [1]struct{ C complex64 }
			S string
			p *int
		}{P: [1]struct{ C complex64 }{{complex64(complex(0, negz))}}}, true},
		{"Zeros", struct {
			X float64
			S string
		}{negz, "s"}, false},
		{"Zeros", [0]float64{}, false}, {"Zeros", nil, false},
	} {
		told = nil
		arg := reflect.ValueOf(c.arg)
		if c.arg == nil {
			arg = reflect.Zero(reflect.TypeFor[any]())
		}
		out := syms[c.name].Call([]reflect.Value{arg})[0].Interface()
		if fmt.Sprint(out) != fmt.Sprint(c.arg) {
			t.Errorf("%s(%v) returned %v", c.name, c.arg, out)
		}
		if got := len(told) == 1 && strings.Contains(told[0], "negative zero"); got != c.neg || len(told) > 1 {
			t.Errorf("%s(%v): told %q; want a negative zero told: %v", c.name, c.arg, told, c.neg)
		}
	}
}
