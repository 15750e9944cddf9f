package engine

import (
	"strings"
	"testing"
)

var _ = addCases("genericVarInits",
	// A shift by a variable count, which shiftCounts checks with its
	// generic helper, in a function and at the package's level (named
	// by what the reader wrote).
	rewriteCase{
		decls: `var sh = 3

var top float64 = float64(int(1) << sh)`,
		body: `n := 2
var f float64 = float64(int(1) << n)
fmt.Println(f, top)`,
		loweredDecls: `var sh = 3

var top float64 = float64(int(1) << _lowerShift(sh))`,
		lowered: `n := 2
f := (float64)(float64(int(1) << _lowerShift(n)))
fmt.Println(f, top)`,
		out: "4 8\n",
	},
	// Typed and not, a pointer, a call inside a value, the library's
	// generic function, two names.
	rewriteCase{
		decls: `type Point struct{ X, Y int }

func Sum[N int | float64](xs []N) N {
	var t N
	for _, x := range xs {
		t += x
	}
	return t
}

func New[T any](v T) *T { return &v }`,
		body: `var n int = Sum([]int{1, 2, 3})
var s = fmt.Sprint(Sum([]float64{0.5, 1}))
var p *Point = New(Point{1, 2})
var c []int = slices.Clone([]int{7})
var a, b = Sum([]int{4}), "b"
var f = func() int { return Sum([]int{9}) }
fmt.Println(n, s, *p, c, a, b, f())`,
		lowered: `n := (int)(Sum[int]([]int{1, 2, 3}))
s := fmt.Sprint(Sum[float64]([]float64{0.5, 1}))
p := (*Point)(New[Point](Point{1, 2}))
c := ([]int)(_lowerClone([]int{7}))
a, b := Sum[int]([]int{4}), "b"
var f = func() int { return Sum[int]([]int{9}) }
fmt.Println(n, s, *p, c, a, b, f())`,
		loweredDecls: `type Point struct{ X, Y int }

func Sum[N int | float64](xs []N) N {
	var t N
	for _, x := range xs { x := x;
		t += x
	}
	return t
}

func New[T any](v T) *T { return &v }`,
		out: "6 1.5 {1 2} [7] 4 b 9\n",
	},
	// A value another rewrite changes from its first character (a
	// stranger's: the two edits met, a clash, and the program was handed
	// over).
	rewriteCase{
		body: `var m = slices.Max([]int{1, 9, 2})
var c bool /* = */ = slices.Contains([]string{"a"}, "a")
fmt.Println(m, c)`,
		lowered: `m := _lowerSlicesMax([]int{1, 9, 2})
c := (bool)(slices.Contains[[]string, string]([]string{"a"}, "a"))
fmt.Println(m, c)`,
		out: "9 true\n",
	},
)

// TestGenericInitsAreWhatTheRewriteLeaves holds Detect's genericInits
// to what genericVarInits leaves: at the package's level, in a group, a
// call's several results, blank names, a call of the interpreter's copy
// of slices. Each is announced; the declarations the rewrite takes, and
// a call in a function literal, which the declaration does not run, are
// not.
func TestGenericInitsAreWhatTheRewriteLeaves(t *testing.T) {
	const decls = "\nfunc Id[T any](v T) T { return v }\n\nfunc Two[T any](v T) (T, T) { return v, v }\n\n"
	for _, c := range []struct {
		code      string
		announced bool
	}{
		{"var g int = Id(1)\n\nfunc main() { fmt.Println(g) }\n", true},
		{"func main() {\n\tvar (\n\t\ta = Id(1)\n\t)\n\tfmt.Println(a)\n}\n", true},
		{"func main() {\n\tvar a, b int = Two(1)\n\tfmt.Println(a, b)\n}\n", true},
		{"func main() {\n\tvar _ = Id(1)\n\tfmt.Println()\n}\n", true},
		{"func main() {\n\tvar a int = Id(1)\n\tfmt.Println(a)\n}\n", false},
		{"func main() {\n\tvar f = func() int { return Id(1) }\n\tfmt.Println(f())\n}\n", false},
		{"var f = func() int { return Id(1) }\n\nfunc main() { fmt.Println(f()) }\n", false},
		{"func main() {\n\tvar (\n\t\ti = slices.Index([]int{4, 5, 6}, 6)\n\t)\n\tfmt.Println(i)\n}\n", true},
	} {
		imports := "package main\n\nimport \"fmt\"\n"
		if strings.Contains(c.code, "slices.") {
			imports = "package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n"
		}
		p, err := Prepare(imports + decls + c.code)
		if err != nil {
			t.Fatal(err)
		}
		why := BeforeRun(p, nil)
		if got := strings.Contains(why, "calls the generic function"); got != c.announced {
			t.Errorf("%s: announced %v (%q), want %v", c.code, got, why, c.announced)
		}
	}
}
