package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

// chanRangeRewrite, named chanRange: for k, v := range over a slice, array
// or map of channels is taken for a range over a channel; it ranges by
// index.
func chanRangeRewrite(l *lowering, s *syntax) {
	l.byIndex = map[*ast.RangeStmt]bool{}
	for _, r := range s.ranges {
		if !(isIntExpr(r.X) && r.Tok != token.ASSIGN) && l.chanRange(r, s.labels[r]) {
			l.byIndex[r] = true
		}
	}
}

// chanRange rewrites "for k, v := range x {" over a slice, array or map
// of channels into "{ x_ := x; for k := range x_ { v := x_[k];": with
// both variables, the interpreter takes v's channel type for the type of
// what is ranged over and panics ("call of reflect.Value.Len on int
// Value"). It reports whether it rewrote r.
func (l *lowering) chanRange(r *ast.RangeStmt, label *ast.LabeledStmt) bool {
	v, ok := r.Value.(*ast.Ident)
	if !ok || v.Name == "_" || r.Tok != token.DEFINE || strings.Contains(l.src[l.off(r.For):l.off(r.Body.Lbrace)], "\n") ||
		!(hasChanElems(r.X) || usedAsChan(r.Body, v.Obj)) {
		return false
	}
	x := l.name("_lowerX")
	key := l.rangeKey(r, "_lowerK")
	head := l.moveLabel(label)
	// Edits around r.X, not of its text: a later rewrite may change it.
	l.add(edit{pos: l.off(r.For), end: l.off(r.X.Pos()), text: "{ " + x + " := "})
	l.add(edit{pos: l.off(r.X.End()), end: l.off(r.Body.Lbrace) + 1,
		text: "; " + head + "for " + key + " := range " + x + " { " + v.Name + " := " + x + "[" + key + "];"})
	l.wrap(r, "", " }")
	return true
}

// hasChanElems reports whether x is plainly a slice, array or map of
// channels, from how it was declared.
func hasChanElems(x ast.Expr) bool {
	isChanContainer := func(t ast.Expr) bool {
		switch t := t.(type) {
		case *ast.Ellipsis:
			_, ok := t.Elt.(*ast.ChanType)
			return ok
		case *ast.ArrayType:
			_, ok := t.Elt.(*ast.ChanType)
			return ok
		case *ast.MapType:
			_, ok := t.Value.(*ast.ChanType)
			return ok
		}
		return false
	}
	var fromValue func(e ast.Expr) bool
	fromValue = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return isChanContainer(e.Type)
		case *ast.CallExpr:
			if builtin(e.Fun) == "make" && len(e.Args) > 0 {
				return isChanContainer(e.Args[0])
			}
		}
		return false
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return fromValue(x)
	}
	switch typ, value := declared(id); {
	case typ != nil:
		return isChanContainer(typ)
	case value != nil:
		return fromValue(value)
	}
	return false
}

// usedAsChan reports whether body receives from, sends on, ranges over or
// closes the variable obj.
func usedAsChan(body ast.Node, obj *ast.Object) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && obj != nil && id.Obj == obj
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			found = found || (n.Op == token.ARROW && is(n.X))
		case *ast.SendStmt:
			found = found || is(n.Chan)
		case *ast.RangeStmt:
			found = found || is(n.X)
		case *ast.CallExpr:
			if builtin(n.Fun) == "close" && len(n.Args) == 1 {
				found = found || is(n.Args[0])
			}
		}
		return !found
	})
	return found
}
