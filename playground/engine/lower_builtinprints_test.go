package engine

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

var _ = addCases("builtinPrints",
	// println goes to standard error: standard output has only fmt's line.
	rewriteCase{
		body: `n := 3
println("debug:", n, n > 2)
print("a", "b", "\n")
fmt.Println("result", n*2)`,
		lowered: `n := 3
_lowerPrintln(string("debug:"), int64(n), bool(n > 2))
_lowerPrint(string("a"), string("b"), string("\n"))
fmt.Println("result", n*2)`,
		out: "result 6\n",
	},
	// A program's type of a basic kind is lowered, converted by its kind.
	rewriteCase{
		decls: `type celsius float64`,
		body: `x := 1
println(&x != nil)
println(celsius(21.5))
defer println("deferred")
fmt.Println("done")`,
		lowered: `x := 1
_lowerPrintln(bool(&x != nil))
_lowerPrintln(float64(celsius(21.5)))
defer _lowerPrintln(string("deferred"))
fmt.Println("done")`,
		out: "done\n",
	},
)

// What the helpers write to standard error is what go run writes for the
// same print and println (Go 1.26's runtime/print.go, measured with go
// run): floats shortest at their size, uintptr in decimal, println's
// operands spaced, print's not. An operand of a pointer type is not
// lowered, and Detect names it.
func TestBuiltinPrintsAsGo(t *testing.T) {
	const src = `package main

type C float64
type MyInt int

func main() {
	var f32 float32 = 0.1
	var u8 uint8 = 200
	var up uintptr = 255
	println("a", 1, -5, 1.5, f32, 1e21, 3.0, true, 'x', u8, up, C(2.5), MyInt(-7))
	print("x", 1, 2, "y\n")
	print()
	println()
	println(1.0/3, 100000000.0, 1e-7)
	var z float64
	println(-z, 1/z, -1/z, z/z)
}
`
	const want = "a 1 -5 1.5 0.1 1e+21 3 true 120 200 255 2.5 -7\nx12y\n\n0.3333333333333333 1e+08 1e-07\n-0 +Inf -Inf NaN\n"
	var out, errb bytes.Buffer
	res := Run(context.Background(), src, Options{Stdout: &out, Stderr: &errb, Timeout: 10 * time.Second, HandOver: true})
	if res.Status != 0 || res.HandOver != "" || out.String() != "" || errb.String() != want {
		t.Errorf("status %d, HandOver %q, stdout %q, stderr:\n%s\nwant nothing on stdout and on stderr:\n%s", res.Status, res.HandOver, out.String(), errb.String(), want)
	}
	// An operand that prints an address is left to Detect, and so is
	// every print of a program that declares a name the conversions use.
	for _, body := range []string{"x := 1\n\tprintln(&x)", "c := 2i\n\tprintln(c)", "string := \"s\"\n\tprintln(string)"} {
		p, err := Prepare("package main\n\nfunc main() {\n\t" + body + "\n}\n")
		if err != nil || !strings.Contains(p.HandOver(), "5:2: the built-in println") {
			t.Errorf("%s: err %v, HandOver %q; want Detect's finding at 5:2", body, err, p.HandOver())
		}
	}
}
