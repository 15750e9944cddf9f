package engine

import (
	"go/ast"
	"go/token"
)

// recvAssignRewrite, named recvAssigns: v = <-ch stores the value where a
// closure that captured v does not see it; the value goes through a fresh
// variable.
func recvAssignRewrite(l *lowering, s *syntax) { l.recvAssigns(s.file) }

// recvAssigns rewrites a statement "v = <-ch", v a variable, into "{
// _lowerV1 := <-ch; v = _lowerV1 }": the interpreter stores the value
// where a closure that captured v does not see it (measured on yaegi
// v0.16.1; "v, ok = <-ch" and a receive through a fresh variable are
// right). Only statements of a list are rewritten, where a block may
// stand.
func (l *lowering) recvAssigns(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		for _, s := range stmtList(n) {
			as, ok := s.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			recv, ok := as.Rhs[0].(*ast.UnaryExpr)
			if id, isVar := as.Lhs[0].(*ast.Ident); !ok || recv.Op != token.ARROW || !isVar || id.Name == "_" || !l.hoistable(recv) {
				continue
			}
			v := l.name("_lowerV")
			l.wrap(as, "{ "+v+" := "+l.text(recv)+"; ", " }")
			l.replace(recv, v)
		}
		return true
	})
}
