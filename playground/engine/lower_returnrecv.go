package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

// returnRecvRewrite, named returnRecv: return <-ch crashes; the value
// received goes through a variable.
func returnRecvRewrite(l *lowering, s *syntax) {
	for _, r := range s.returns {
		l.returnRecv(r)
	}
}

// returnRecv rewrites "return <-ch" into "{ v := <-ch; return v }": the
// interpreter panics on a receive returned directly ("reflect.Value.Set
// using unaddressable value").
func (l *lowering) returnRecv(r *ast.ReturnStmt) {
	recv := false
	for _, e := range r.Results {
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			recv = true
		}
	}
	if !recv || strings.Contains(l.text(r), "\n") {
		return
	}
	if len(r.Results) == 1 {
		// Edits around the result, so rewrites inside it stay.
		n := l.name("_lowerR")
		l.add(edit{pos: l.off(r.Return), end: l.off(r.Return) + len("return"), text: "{ " + n + " :="})
		l.wrap(r, "", "; return "+n+" }")
		return
	}
	var decls, names []string
	for _, e := range r.Results {
		n := l.name("_lowerR")
		decls = append(decls, n+" := "+l.fresh(e)+"; ")
		names = append(names, n)
	}
	l.replace(r, "{ "+strings.Join(decls, "")+"return "+strings.Join(names, ", ")+" }")
}
