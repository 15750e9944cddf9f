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

// TestUncomparableTypeWords: a recovered runtime error of == on, or a map
// key of, a type without == names the dynamic type; the interpreter names
// the program's types by their structure, renaming unexported fields
// (typeInDoubt), so such an error is handed over when the program declares
// a type or the type is a struct, or in the words with a colon; []int in
// a program without types of its own is Go's, and stays.
func TestUncomparableTypeWords(t *testing.T) {
	run := func(decl, stmt string) (Result, string) {
		src := "package main\n\nimport \"fmt\"\n\n" + decl + "\n\nfunc main() {\n\tdefer func() { fmt.Println(recover()) }()\n\t" + stmt + "\n}\n"
		var out bytes.Buffer
		return Run(context.Background(), src, Options{Stdout: &out, Timeout: 10 * time.Second, HandOver: true}), out.String()
	}
	for _, c := range []struct{ decl, stmt string }{
		{"type T struct{ f []int }", "var x, y any = T{}, T{}; fmt.Println(x == y)"},
		{"type S []int", "var x, y any = S{}, S{}; fmt.Println(x == y)"},
		{"type T struct{ f []int }", "m := map[any]int{1: 1}; m[T{}] = 1"},
		{"var v = 1", "m := map[any]int{}; m[struct{ f []int }{}] = 1"},
		{"var v = 1", "m := map[any]int{}; m[[]int{}] = 1"},
	} {
		if res, out := run(c.decl, c.stmt); !strings.Contains(res.HandOver, "runtime error") {
			t.Errorf("%s; %s: HandOver %q, stdout %q; want the hand-over", c.decl, c.stmt, res.HandOver, out)
		}
	}
	for _, c := range []struct{ stmt, want string }{
		{"var x, y any = []int{1}, []int{1}; fmt.Println(x == y)", "runtime error: comparing uncomparable type []int\n"},
		{"m := map[any]int{1: 1}; m[[1]func(){}] = 1", "runtime error: hash of unhashable type [1]func()\n"},
	} {
		if res, out := run("var v = 1", c.stmt); res.HandOver != "" || out != c.want {
			t.Errorf("%s: HandOver %q, stdout %q; want go run's %q", c.stmt, res.HandOver, out, c.want)
		}
	}
}
