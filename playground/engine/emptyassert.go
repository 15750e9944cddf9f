package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

const emptyAssertMsg = "an assertion to an empty interface: the interpreter's fails where Go's holds for every value but nil"

// emptyAssertions reports a type assertion, or a type switch's case, to
// an empty interface, or to a type parameter when some instance in the
// file gives one an empty interface: yaegi v0.16.1 matched nothing there,
// silently.
func emptyAssertions(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	empty := func(t types.Type) bool {
		i, ok := t.Underlying().(*types.Interface)
		_, param := t.(*types.TypeParam)
		return ok && !param && i.Empty()
	}
	emptyArg := false
	for _, inst := range info.Instances {
		for i := 0; inst.TypeArgs != nil && i < inst.TypeArgs.Len(); i++ {
			emptyArg = emptyArg || empty(inst.TypeArgs.At(i))
		}
	}
	target := func(e ast.Expr) bool {
		t := info.TypeOf(e)
		if t == nil || info.Types[e].IsNil() {
			return false
		}
		_, param := t.(*types.TypeParam)
		return empty(t) || param && emptyArg
	}
	var out []Finding
	report := func(e ast.Expr) {
		p := fset.Position(e.Pos())
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "assertion to an empty interface", Message: emptyAssertMsg})
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if n.Type != nil && target(n.Type) {
				report(n.Type)
			}
		case *ast.TypeSwitchStmt:
			for _, c := range n.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					if target(e) {
						report(e)
					}
				}
			}
		}
		return true
	})
	return out
}
