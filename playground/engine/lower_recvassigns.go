package engine

import (
	"go/ast"
	"go/token"
)

// recvAssignRewrite, named recvAssigns: x = <-ch stores the value where a
// closure that captured x does not see it, when x is a variable, and not
// at all when x is an element, a field or *p (got[i] = <-ch left got
// unchanged); the value goes through a fresh variable.
func recvAssignRewrite(l *lowering, s *syntax) { l.recvAssigns(s.file) }

// recvAssigns rewrites a statement "x = <-ch" into "{ _lowerV1 := <-ch;
// x = _lowerV1 }" (measured on yaegi v0.16.1: a variable x got the value
// where a closure that captured it did not see it; an element, a field or
// *p never got it, so a worker pool's results[w] = <-c stayed zero; "x, ok
// = <-ch", a select's case and a receive through a fresh variable are
// right). Go evaluates the left side's calls before the receive: a call in
// an index (got[next()] = <-ch) is made first, into a variable of its own;
// so is the call a field or *p goes through (f().v = <-ch, *f() = <-ch, f().a.v = <-ch:
// the interpreter stored nothing there either); a left side with a call
// elsewhere is left alone. Only statements of a
// list are rewritten, where a block may stand.
func (l *lowering) recvAssigns(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		for _, s := range stmtList(n) {
			// A labeled statement's (next: results[i] = <-ch, a goto's
			// target) becomes a labeled block.
			as, ok := unlabeled(s).(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			recv, ok := as.Rhs[0].(*ast.UnaryExpr)
			lhs := ast.Unparen(as.Lhs[0])
			if id, blank := lhs.(*ast.Ident); !ok || recv.Op != token.ARROW || blank && id.Name == "_" || !l.hoistable(recv) {
				continue
			}
			first := ""
			if ix, ok := lhs.(*ast.IndexExpr); ok && callsOrReceives(ix.Index) && !callsOrReceives(ix.X) && l.hoistable(ix.Index) {
				i := l.name("_lowerI")
				first = i + " := " + l.text(ix.Index) + "; "
				l.replace(ix.Index, i)
			} else if base := derefBase(lhs); base != nil && callsOrReceives(base) && !callsOrReceives(base.Fun) && l.hoistable(base) {
				// f().v = <-ch, *f() = <-ch: f's result is a pointer
				// (nothing else is assignable through), made first.
				b := l.name("_lowerB")
				first = b + " := " + l.text(base) + "; "
				l.replace(base, b)
			} else if callsOrReceives(lhs) {
				continue
			}
			v := l.name("_lowerV")
			l.wrap(as, "{ "+first+v+" := "+l.text(recv)+"; ", " }")
			l.replace(recv, v)
		}
		return true
	})
}

// derefBase returns the call a left side of fields, *, and indexes without
// calls goes through at its root (f().v, *f(), f().a.v, f()[0].v), or nil.
// What is assignable through a call's result goes through a pointer, a
// slice or a map it holds, which a variable holding the result shares.
func derefBase(lhs ast.Expr) *ast.CallExpr {
	x := lhs
	for depth := 0; ; depth++ {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.IndexExpr:
			if callsOrReceives(e.Index) {
				return nil
			}
			x = e.X
		case *ast.CallExpr:
			if depth == 0 {
				return nil
			}
			return e
		default:
			return nil
		}
	}
}
