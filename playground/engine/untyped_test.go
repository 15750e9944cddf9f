package engine

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestUntypedKind: the kind of each untyped value as written, which
// go/types records as the type it converted it to (here any's dynamic
// types), and types.Invalid for typed ones.
func TestUntypedKind(t *testing.T) {
	const src = `package main

import "math"

const c = 'x'

const d int = 3

var a, b = 1, 2

var _ = []any{
	1, 2.5, 'a', "s", 1i, c, math.MaxInt8, math.Pi,
	min(1, 2.5), max("a", "b"), real(1i), complex(1, 2),
	a < b, !true, 1 << 3, 'a' << 1, 2.0 << 1, -c, 1 + 'a', "a" + "b",
	d, a, a + 1, 1 << a, len("x"), float64(1), min(a, 2), math.Sqrt(2), d + 1,
}
`
	want := []types.BasicKind{
		types.UntypedInt, types.UntypedFloat, types.UntypedRune, types.UntypedString, types.UntypedComplex, types.UntypedRune, types.UntypedInt, types.UntypedFloat,
		types.UntypedFloat, types.UntypedString, types.UntypedFloat, types.UntypedComplex,
		types.UntypedBool, types.UntypedBool, types.UntypedInt, types.UntypedRune, types.UntypedInt, types.UntypedRune, types.UntypedRune, types.UntypedString,
		types.Invalid, types.Invalid, types.Invalid, types.UntypedInt, types.Invalid, types.Invalid, types.Invalid, types.Invalid, types.Invalid,
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("main", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	var elts []ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		if cl, ok := n.(*ast.CompositeLit); ok {
			elts = cl.Elts
		}
		return true
	})
	if len(elts) != len(want) {
		t.Fatalf("%d values, want %d", len(elts), len(want))
	}
	for i, e := range elts {
		if got := untypedKind(info, e); got != want[i] {
			t.Errorf("%s: %v, want %v", types.ExprString(e), types.Typ[got], types.Typ[want[i]])
		}
	}
}
