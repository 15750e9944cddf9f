package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// rangeOverFuncs names every range over a function value (a Go 1.23
// iterator) of a program go/types judged: yaegi v0.16.1 cannot run one,
// and for a function of the library (for line := range
// strings.Lines(s)) it only fails once the loop is reached ("panic: nil
// type"), too late for Automatic to hand the program over before it runs.
func rangeOverFuncs(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var out []Finding
	ast.Inspect(file, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && only(info.TypeOf(r.X), isSignature) {
			p := fset.Position(r.X.Pos())
			out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "range over func", Message: rangeFuncMsg, Unsupported: true})
		}
		return true
	})
	return out
}
