package engine

import "go/ast"

// switchTagRewrite, named switchTags: Go evaluates a switch's tag once,
// before its cases; yaegi v0.16.1 reads a tag that is a variable or a
// field again for each case it compares, after the case expressions
// before it ran. A case that calls a function changing the tag's
// variable made the switch take another case, nothing said (a blind
// pass's finds: var v = 1; switch v { case bump(): ...; case 2: ... }
// took case 2, where bump sets v to 2 and Go takes the default); so was
// an index expression (a[0]), and a conversion of one (any(v)). A tag
// that is a call was read once.
//
// The rewrite evaluates the tag into a variable of the switch's own, in
// an init statement: switch v { becomes switch _lowerT1 := v; _lowerT1 {.
// Of a conversion, the operand, in a block around the switch: switch
// any(v) { ... } becomes { _lowerT1 := v; switch any(_lowerT1) { ... } }
// (the tag itself in a variable of an interface type made yaegi panic on
// comparing it with a constant case, reflect's Convert; and yaegi
// evaluates a tag that is not a name before the switch's init
// statement). A labeled one is left: break L would name the block. Only
// where it matters: the tag is not a constant and not a call (other than
// such a conversion), and a case expression calls something or receives
// (what may change the tag's variable). A switch with an init statement
// of its own is left.
func switchTagRewrite(l *lowering, s *syntax) {
	labeled := map[ast.Stmt]bool{}
	ast.Inspect(s.file, func(n ast.Node) bool {
		if ls, ok := n.(*ast.LabeledStmt); ok {
			labeled[ls.Stmt] = true
		}
		return true
	})
	ast.Inspect(s.file, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Init != nil || sw.Tag == nil || isConstantLike(sw.Tag) || l.editedWithin(sw.Tag) {
			return true
		}
		conv := l.conversionOperand(sw.Tag)
		if _, call := ast.Unparen(sw.Tag).(*ast.CallExpr); call && conv == nil {
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
		if conv != nil {
			if labeled[sw] {
				return true
			}
			l.wrap(sw, "{ "+t+" := "+l.text(conv)+"; ", " }")
			l.replace(conv, t)
			return true
		}
		l.wrap(sw.Tag, t+" := ", "; "+t)
		return true
	})
}

// conversionOperand: e is a conversion T(x), as go/types saw it, of an
// operand x that is neither a constant nor a call; it returns x.
func (l *lowering) conversionOperand(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || l.info == nil || len(call.Args) != 1 || !l.info.Types[call.Fun].IsType() {
		return nil
	}
	x := call.Args[0]
	if _, isCall := ast.Unparen(x).(*ast.CallExpr); isCall || isConstantLike(x) || l.info.Types[x].Value != nil || l.editedWithin(x) {
		return nil
	}
	return x
}
