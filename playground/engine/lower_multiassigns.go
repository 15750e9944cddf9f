package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

// multiAssignRewrite, named multiAssigns: of an assignment of several
// values with a call, a receive or a composite literal, only that value is
// assigned; those values are taken first into fresh variables.
func multiAssignRewrite(l *lowering, s *syntax) { l.multiAssigns(s.file) }

// multiAssigns: in an assignment of several values, "a, b = f(), 0",
// yaegi v0.16.1 lets a call, a receive or a composite literal write
// straight into its variable and then skips the whole statement's
// assignment (interp/cfg.go sets the statement's action to nop for one
// pair): b keeps its old value. With := and var the same happens for a
// receive or a composite literal ("v, w := <-ch, 3" leaves w 0). The
// values that hold a call, a receive or a composite literal are taken
// first into fresh variables, in their order, as Go's compiler evaluates
// them before the rest: "{ _lowerA1 := f(); a, b = _lowerA1, 0 }". A
// statement that is not in a list of statements (an if's or a for's),
// or a value another rewrite changes, stays, and Detect announces it. So
// does one whose left side calls or receives (xs[k()], b = f(), 2): Go
// runs k() before f(), and the values' calls taken first would run f()
// first. (A variable the left side reads, xs[i], Go's compiler reads
// after the right side's calls, as it is read after the calls taken
// first.)
func (l *lowering) multiAssigns(file *ast.File) {
	hoist := func(at ast.Node, lhs, values []ast.Expr, tok token.Token) {
		if !multiValueBug(values, tok) {
			return
		}
		var moved []ast.Expr
		for _, v := range values {
			if hasEffects(v) && !foldedConstant(v) {
				if !l.hoistable(v) || l.editedWithin(v) {
					return
				}
				moved = append(moved, v)
			}
		}
		for _, e := range lhs {
			if callsOrReceives(e) {
				return
			}
		}
		var decls []string
		for _, v := range moved {
			name := l.name("_lowerA")
			if tok == token.DEFINE {
				decls = append(decls, name+" := "+l.fresh(v)+"; ")
			} else {
				decls = append(decls, "var "+name+" = "+l.fresh(v)+"; ")
			}
			l.replace(v, name)
		}
		if tok == token.ASSIGN {
			l.wrap(at, "{ "+strings.Join(decls, ""), " }")
		} else {
			// A declaration: its names stay in the scope they were in.
			l.insert(at.Pos(), strings.Join(decls, ""))
		}
	}
	spec := func(d *ast.GenDecl) (*ast.ValueSpec, bool) {
		if d.Tok != token.VAR || d.Lparen.IsValid() || len(d.Specs) != 1 {
			return nil, false
		}
		vs := d.Specs[0].(*ast.ValueSpec)
		return vs, len(vs.Names) > 1 && len(vs.Names) == len(vs.Values)
	}
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok {
			if vs, ok := spec(gd); ok {
				hoist(gd, nil, vs.Values, token.VAR)
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		for _, st := range stmtList(n) {
			if ls, ok := st.(*ast.LabeledStmt); ok {
				st = ls.Stmt
			}
			switch st := st.(type) {
			case *ast.AssignStmt:
				if len(st.Lhs) > 1 && len(st.Lhs) == len(st.Rhs) && (st.Tok == token.ASSIGN || st.Tok == token.DEFINE) {
					hoist(st, st.Lhs, st.Rhs, st.Tok)
				}
			case *ast.DeclStmt:
				if vs, ok := spec(st.Decl.(*ast.GenDecl)); ok {
					hoist(st, nil, vs.Values, token.VAR)
				}
			}
		}
		return true
	})
}

// multiValueBug reports whether yaegi v0.16.1 drops some of the values of
// an assignment of several (tok: =, := or var; see multiAssigns): one is
// a receive or a composite literal (&T{} too), or, with =, a call.
func multiValueBug(values []ast.Expr, tok token.Token) bool {
	if len(values) < 2 {
		return false
	}
	for _, v := range values {
		switch v := ast.Unparen(v).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			if tok == token.ASSIGN && !foldedConstant(v) {
				return true
			}
		case *ast.UnaryExpr:
			if v.Op == token.ARROW {
				return true
			}
			if _, ok := ast.Unparen(v.X).(*ast.CompositeLit); ok && v.Op == token.AND {
				return true
			}
		}
	}
	return false
}

// foldedConstant: e is a constant whose calls are of complex, real or
// imag. Such a call the interpreter folds into a constant, which an
// assignment of several values assigns right (c, b = complex(1, 2), 3),
// and it may be an untyped constant, which a fresh variable would give
// its default type (var _lowerA1 = complex(1, 2) is a complex128, which
// a complex64 c cannot take): multiAssigns leaves it in place.
func foldedConstant(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		switch builtin(e.Fun) {
		case "complex", "real", "imag":
			for _, a := range e.Args {
				if !foldedConstant(a) {
					return false
				}
			}
			return !e.Ellipsis.IsValid()
		}
		return false
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && foldedConstant(e.X)
	case *ast.BinaryExpr:
		return foldedConstant(e.X) && foldedConstant(e.Y)
	}
	return isConstantLike(e)
}

// hasEffects: e holds a call, a receive or a composite literal (outside
// a function literal, which only makes a value).
func hasEffects(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr, *ast.CompositeLit:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

// callsOrReceives: e holds a call (a conversion too, which is harmless
// but looks the same) or a receive, outside a function literal.
func callsOrReceives(e ast.Expr) bool {
	return callsWhere(e, nil)
}

// callsWhere is callsOrReceives without the calls notCall says are not
// calls (nil: every call is one).
func callsWhere(e ast.Expr, notCall func(*ast.CallExpr) bool) bool {
	return nodeIn(e, false, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			return notCall == nil || !notCall(n)
		case *ast.UnaryExpr:
			return n.Op == token.ARROW
		}
		return false
	})
}
