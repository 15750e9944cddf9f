package engine

import (
	"go/ast"
	"go/token"
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
// every case's channel and value once, on entering the select, in
// source order, a send's channel before its value, so evaluating them
// just before it changes nothing else; a channel that calls something
// (of a send or a receive) goes first with them, in that order (the
// interpreter called a send's value before its channel: "case target()
// <- payload():" logged payload's line first, a sixth blind pass's
// find). An operand that cannot move stays (hoistable).
func (l *lowering) selectSends(s *ast.SelectStmt, label *ast.LabeledStmt) {
	var decls []string
	hoist := func(e ast.Expr) {
		if e == nil || isConstantLike(e) || !l.hoistable(e) {
			return
		}
		v := l.name("_lowerS")
		decls = append(decls, v+" := "+l.fresh(e)+"; ")
		l.replace(e, v)
	}
	for _, c := range s.Body.List {
		var ch, value ast.Expr
		switch comm := c.(*ast.CommClause).Comm.(type) {
		case *ast.SendStmt:
			ch, value = comm.Chan, comm.Value
		case *ast.ExprStmt:
			ch = received(comm.X)
		case *ast.AssignStmt:
			if len(comm.Rhs) == 1 {
				ch = received(comm.Rhs[0])
			}
		}
		if ch != nil && callsOrReceives(ch) {
			hoist(ch)
		}
		hoist(value)
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

// received is the channel e receives from (<-ch), or nil.
func received(e ast.Expr) ast.Expr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}
