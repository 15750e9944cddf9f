package engine

import (
	"go/ast"
	"go/token"
)

// typeSwitchUnused finds the symbol of a type switch (switch x :=
// v.(type)) that no clause uses: Go's compiler rejects it ("x declared
// and not used", at x), yaegi v0.16.1 ran it. The parser resolves every
// use in every clause to the one x of the switch; an identifier of the
// same name left unresolved (a key of a composite literal) counts as a
// use, so the check leans to silence.
func typeSwitchUnused(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	ast.Inspect(file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		as, ok := ts.Assign.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 {
			return true
		}
		x, ok := as.Lhs[0].(*ast.Ident)
		if !ok || x.Name == "_" || x.Obj == nil {
			return true
		}
		used := false
		ast.Inspect(ts.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == x.Name && (id.Obj == x.Obj || id.Obj == nil) {
				used = true
			}
			return !used
		})
		if !used {
			p := fset.Position(x.Pos())
			out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "unused",
				Message: x.Name + " declared and not used"})
		}
		return true
	})
	return out
}
