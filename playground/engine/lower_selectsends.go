package engine

import (
	"go/ast"
	"strings"
)

// selectSendRewrite, named selectSends: a composite literal sent in a
// select's case is evaluated wrongly; the values sent are taken before the
// select.
func selectSendRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selects {
		l.selectSends(sel, s.labels[sel])
	}
}

// selectSends evaluates the values a select's cases send before the
// select, into fresh variables: the interpreter evaluates a composite
// literal sent there wrongly ({3 0} for pair{j, j*j}). Go evaluates
// every case's value once, on entering the select, in source order, so
// evaluating them just before it changes nothing else. A value that
// cannot move stays (hoistable).
func (l *lowering) selectSends(s *ast.SelectStmt, label *ast.LabeledStmt) {
	var decls []string
	for _, c := range s.Body.List {
		send, ok := c.(*ast.CommClause).Comm.(*ast.SendStmt)
		if !ok || isConstantLike(send.Value) || !l.hoistable(send.Value) {
			continue
		}
		v := l.name("_lowerS")
		decls = append(decls, v+" := "+l.fresh(send.Value)+"; ")
		l.replace(send.Value, v)
	}
	if len(decls) == 0 {
		return
	}
	var at ast.Node = s
	if label != nil {
		at = label // the label stays on the select
	}
	l.insert(at.Pos(), strings.Join(decls, ""))
}
