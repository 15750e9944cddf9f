package engine

import "go/ast"

// switchTagRewrite, named switchTags: Go evaluates a switch's tag once,
// before its cases; yaegi v0.16.1 reads a tag that is a variable or a
// field again for each case it compares, after the case expressions
// before it ran. A case that calls a function changing the tag's
// variable made the switch take another case, nothing said (a blind
// pass's finds: var v = 1; switch v { case bump(): ...; case 2: ... }
// took case 2, where bump sets v to 2 and Go takes the default); so was
// an index expression (a[0]), and a conversion of one (any(v)), which is
// left: in a variable of an interface type, the tag made yaegi panic on
// comparing it with a constant case (reflect's Convert). A tag that is a
// call was read once.
//
// The rewrite evaluates the tag into a variable of the switch's own, in
// an init statement: switch v { becomes switch _lowerT1 := v; _lowerT1 {.
// Only where it matters: the tag is not a constant and not a call (nor a
// conversion), and a
// case expression calls something or receives (what may change the
// tag's variable). A switch with an init statement of its own is left.
func switchTagRewrite(l *lowering, s *syntax) {
	ast.Inspect(s.file, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Init != nil || sw.Tag == nil || isConstantLike(sw.Tag) || l.editedWithin(sw.Tag) {
			return true
		}
		if _, call := ast.Unparen(sw.Tag).(*ast.CallExpr); call {
			return true
		}
		if l.info != nil && l.info.Types[sw.Tag].Value != nil {
			return true // a constant
		}
		effects := false
		for _, c := range sw.Body.List {
			for _, e := range c.(*ast.CaseClause).List {
				ast.Inspect(e, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.CallExpr:
						effects = true
					case *ast.UnaryExpr:
						effects = effects || n.Op.String() == "<-"
					}
					return !effects
				})
			}
		}
		if !effects {
			return true
		}
		t := l.name("_lowerT")
		l.wrap(sw.Tag, t+" := ", "; "+t)
		return true
	})
}
