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
		if r, ok := n.(*ast.RangeStmt); ok && isFuncType(info.TypeOf(r.X)) {
			p := fset.Position(r.X.Pos())
			out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "range over func", Message: rangeFuncMsg, Unsupported: true})
		}
		return true
	})
	return out
}

// isFuncType reports whether t is a function type, or a type parameter
// whose constraint allows only function types.
func isFuncType(t types.Type) bool {
	if t == nil {
		return false
	}
	if tp, ok := t.(*types.TypeParam); ok {
		iface := tp.Constraint().Underlying().(*types.Interface)
		any := false
		for i := range iface.NumEmbeddeds() {
			u, ok := iface.EmbeddedType(i).(*types.Union)
			if !ok {
				if !isFuncType(iface.EmbeddedType(i)) {
					return false
				}
				any = true
				continue
			}
			for j := range u.Len() {
				if !isFuncType(u.Term(j).Type()) {
					return false
				}
			}
			any = true
		}
		return any
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
