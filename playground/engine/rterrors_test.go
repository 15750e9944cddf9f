package engine

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// A runtime error the interpreter raises in its own words reaches the
// program as Go's own value where that is known without doubt (a failed
// assertion from interface{} to a basic type, a nil pointer or interface
// or function), with Go's type for %T, runtime.Error and errors.As; the
// output is go run's. What stays in doubt is still handed over: an
// assertion of a value whose type the program names, whose name yaegi
// loses; an index out of range, whose index and length the interpreter's
// words lack; an assertion from an interface type the program names, which Go names
// (main.Any is string, not int).
func TestRecoveredRuntimeErrors(t *testing.T) {
	const src = `package main

import (
	"errors"
	"fmt"
	"runtime"
)

type I interface{ M() }
type W struct{ I }
type U struct{ x int }
type S struct{ u *U }
type E struct{ *U }

func show(f func()) {
	defer func() {
		r := recover()
		re, ok := r.(runtime.Error)
		var tae *runtime.TypeAssertionError
		as := ok && errors.As(re, &tae)
		fmt.Printf("%T %v %v\n", r, ok, as)
		fmt.Println(r)
	}()
	f()
}

func main() {
	var v any = "hello"
	var n any
	var b any = 1.5
	var s S
	var w W
	var e E
	var f func()
	show(func() { _ = v.(int) })
	show(func() { fmt.Println(n.(string)) })
	show(func() { x := b.(byte); _ = x })
	show(func() { fmt.Println(s.u.x) })
	show(func() { w.M() })
	show(func() { fmt.Println(e.x) })
	show(func() { f() })
}
`
	const want = `*runtime.TypeAssertionError true true
interface conversion: interface {} is string, not int
*runtime.TypeAssertionError true true
interface conversion: interface {} is nil, not string
*runtime.TypeAssertionError true true
interface conversion: interface {} is float64, not uint8
runtime.errorString true false
runtime error: invalid memory address or nil pointer dereference
runtime.errorString true false
runtime error: invalid memory address or nil pointer dereference
runtime.errorString true false
runtime error: invalid memory address or nil pointer dereference
runtime.errorString true false
runtime error: invalid memory address or nil pointer dereference
`
	var out bytes.Buffer
	res := Run(context.Background(), src, Options{Stdout: &out, Timeout: 10 * time.Second, HandOver: true})
	if res.HandOver != "" || res.Status != 0 || out.String() != want {
		t.Errorf("HandOver %q, status %d, stdout:\n%s\nwant go run's:\n%s", res.HandOver, res.Status, out.String(), want)
	}
	for _, c := range []struct{ decl, stmt string }{
		{"type MyString string", "var v any = MyString(\"a\"); _ = v.(int)"},
		{"type Any interface{}", "var v Any = \"a\"; _ = v.(int)"},
		{"type T struct{}", "var v any = 1; _ = v.(T)"},
		{"var s []int", "_ = s[len(s)+1]"},
	} {
		src := "package main\n\nimport \"fmt\"\n\n" + c.decl + "\n\nfunc main() {\n\tdefer func() { fmt.Println(recover()) }()\n\t" + c.stmt + "\n}\n"
		out.Reset()
		res := Run(context.Background(), src, Options{Stdout: &out, Timeout: 10 * time.Second, HandOver: true})
		if !strings.Contains(res.HandOver, "runtime error") {
			t.Errorf("%s; %s: HandOver %q, stdout %q; want the hand-over", c.decl, c.stmt, res.HandOver, out.String())
		}
	}
}
