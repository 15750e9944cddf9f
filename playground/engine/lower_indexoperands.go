package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

// indexOperandRewrite, named indexOperands: in an assignment of several
// values, yaegi assigns a variable before it reads it as a map's index on
// the same left side, where Go reads every index first (k, m[k] = "b", 5
// sets m["a"] in go run, m["b"] in the engine); such an index is read
// first into a fresh variable.
func indexOperandRewrite(l *lowering, s *syntax) { l.indexOperands(s.file) }

// indexOperands rewrites "k, m[k] = v, w" into "{ _lowerK1 := k; k,
// m[_lowerK1] = v, w }" where an index of the left side (of a map, or a
// slice or an array, which yaegi v0.16.1 gets right: the same either way)
// reads a variable the same left side assigns (or a field, an element of
// it, or what it points to): Go evaluates the index
// expressions' operands before assigning anything (the spec's two
// phases). An index that calls or receives is left alone (taken first,
// it would run before the values' calls, which Go may run before it), and
// so is one with a shift (1<<s takes its type from the map's key, and in
// a variable of its own would be an int); only statements of a list are
// rewritten, where a block may stand.
//
// Of "c.n, errs[c.i] = fmt.Sscan(s, &c.i)", one call's values, yaegi
// reads the left side's operands (c.i) before the call, where Go's
// compiler reads them after it (go run indexes errs with what Sscan
// stored): the call is taken first into fresh variables, "{ _lowerV1,
// _lowerV2 := fmt.Sscan(s, &c.i); c.n, errs[c.i] = _lowerV1, _lowerV2 }",
// where a left side is more than a variable and calls nothing (Go runs
// a call of the left side's, xs[k()], before the value's).
func (l *lowering) indexOperands(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		for _, s := range stmtList(n) {
			as, ok := s.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) < 2 {
				continue
			}
			var first string
			if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && len(as.Rhs) == 1 && l.hoistable(call) && readsOperands(as.Lhs) {
				names := make([]string, len(as.Lhs))
				for i := range names {
					names[i] = l.name("_lowerV")
				}
				first = strings.Join(names, ", ") + " := " + l.text(call) + "; "
				l.replace(as.Rhs[0], strings.Join(names, ", "))
			}
			// What the left side assigns, by the variable at its root: a
			// field's (c.key, m[c.key] = "b", 1 too) or a pointer's.
			assigned := map[*ast.Object]string{}
			for _, e := range as.Lhs {
				if id := rootIdent(e); id != nil && id.Obj != nil {
					assigned[id.Obj] = id.Name
				}
			}
			for _, e := range as.Lhs {
				ix, ok := ast.Unparen(e).(*ast.IndexExpr)
				if !ok || callsOrReceives(ix.Index) || shifts(ix.Index) || !reads(ix.Index, assigned) || !l.hoistable(ix.Index) {
					continue
				}
				v := l.name("_lowerK")
				first += v + " := " + l.text(ix.Index) + "; "
				l.replace(ix.Index, v)
			}
			if first != "" {
				l.wrap(as, "{ "+first, " }")
			}
		}
		return true
	})
}

// readsOperands: a left side is more than a variable (an element, a
// field, what a pointer points to), and none calls or receives.
func readsOperands(lhs []ast.Expr) bool {
	more := false
	for _, e := range lhs {
		if callsOrReceives(e) {
			return false
		}
		if _, ok := ast.Unparen(e).(*ast.Ident); !ok {
			more = true
		}
	}
	return more
}

// reads: e reads one of the variables.
func reads(e ast.Expr, vars map[*ast.Object]string) bool {
	return identIn(e, true, func(id *ast.Ident) bool { return id.Obj != nil && vars[id.Obj] != "" })
}

// shifts: e holds a shift.
func shifts(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.SHL || b.Op == token.SHR) {
			found = true
		}
		return !found
	})
	return found
}
