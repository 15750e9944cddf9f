package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// genericValues reports, with the program's types, each variable
// declared with var whose value is a generic function's instance (var f
// func(int) int = Id, var g = Id[int]): yaegi v0.16.1 gives such a
// variable a function that returns zero values (f(4) is 0 where go run
// prints 4), nothing said; at the package's level, calling it panics. The
// same instance assigned (f = Id[int]), declared with := or passed as an
// argument runs right, and is left alone.
func genericValues(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var out []Finding
	ast.Inspect(file, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok {
			return true
		}
		for _, v := range vs.Values {
			id := calleeName(instantiated(v))
			if id == nil {
				continue
			}
			if _, ok := info.Instances[id].Type.(*types.Signature); ok {
				p := fset.Position(v.Pos())
				out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "generic function value", Message: "a variable declared with var whose value is an instance of a generic function: in the interpreter, calling it returns zero values"})
			}
		}
		return true
	})
	return out
}
