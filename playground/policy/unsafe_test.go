package policy

import (
	"fmt"
	"go/parser"
	"go/token"
	"testing"
)

// TestUnsafeMisuse: a program may measure Go's layout with unsafe, under
// any name, and nothing more; each use past that is found at its place.
func TestUnsafeMisuse(t *testing.T) {
	for _, c := range []struct {
		spec, body string
		want       string // the misuse's position and words, "" for none
	}{
		{`"unsafe"`, "type S struct{ a bool; b int64 }\nfunc main() { println(unsafe.Sizeof(S{}), unsafe.Alignof(S{}.b), unsafe.Offsetof(S{}.b)) }", ""},
		{`u "unsafe"`, "func main() { println(u.Sizeof(0)) }", ""},
		{`"unsafe"`, "func main() {}", ""}, // go build says it is not used
		{`"unsafe"`, "func main() { println(\"unsafe.Pointer\") } // unsafe.Add", ""},
		{`"unsafe"`, "func main() { _ = t.unsafe }", "5:21: unsafe is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`"unsafe"`, "func main() {\n\t_ = 1.\n\tunsafe.Slice(&x, 4)[2] = 1\n}", "7:2: unsafe.Slice is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`"unsafe"`, "func main() { x := 1; println(unsafe.Sizeof(x), *(*int)(unsafe.Pointer(&x))) }", "5:57: unsafe.Pointer is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`u "unsafe"`, "func main() { println(u.Sizeof(0)); _ = u.Add }", "5:41: u.Add is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`"unsafe"`, "type P unsafe.Pointer", "5:8: unsafe.Pointer is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`"unsafe"`, "func main() { unsafe := 1; println(unsafe) }", "5:15: unsafe is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`"unsafe"`, "func main() { println(unsafe.Sizeof(unsafe.String(nil, 0))) }", "5:37: unsafe.String is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`"unsafe"`, "func f(p ...unsafe.Pointer) {}", "5:13: unsafe.Pointer is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`_ "unsafe"`, "func main() {}", "3:10: import \"unsafe\" is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`. "unsafe"`, "func main() { println(Sizeof(0)) }", "3:10: import \"unsafe\" is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
	} {
		src := "package main\n\nimport " + c.spec + "\n\n" + c.body + "\n"
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "main.go", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		got := ""
		if pos, msg := UnsafeMisuse(file, file.Imports[0]); msg != "" {
			p := fset.Position(pos)
			got = fmt.Sprintf("%d:%d: %s", p.Line, p.Column, msg)
		}
		if got != c.want {
			t.Errorf("import %s; %s: misuse at %q, want %q", c.spec, c.body, got, c.want)
		}
	}
}
