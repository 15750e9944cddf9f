package engine

import (
	"go/ast"
	"go/token"
)

// closureOrder reports a statement that reads a variable and calls a
// function literal that assigns it, outside the literal: which comes
// first is the order of evaluation the spec leaves open (a read of a
// variable against a call, an index on the left of = against the value
// on the right), and Go's compiler and yaegi v0.16.1 choose differently.
// A blind pass's programs: arr[j] = func() int { j = 2; return 5 }()
// stores at arr[2] under go run and at arr[0] in the interpreter; p.v =
// f() where f moves p; a map literal {"a": x, "b": f()} where f sets x;
// arr[idx] + f() where f moves idx. The Go toolchain runs such a program
// as go run does. Only literals called where they stand are followed (a
// named function that assigns a package's variable is not), and a
// switch's case expressions are not: their order is the spec's (and the
// tag's one read, switchTags).
func closureOrder(file *ast.File, add func(token.Pos, string, string)) {
	const msg = "the statement reads a variable that a function literal it calls assigns: the order of the two is left open by the spec, and the interpreter's differs from the Go compiler's"
	check := func(nodes ...ast.Node) {
		assigned := map[*ast.Object]bool{}
		var lits []*ast.FuncLit
		for _, n := range nodes {
			if n == nil {
				continue
			}
			ast.Inspect(n, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if lit, ok := ast.Unparen(c.Fun).(*ast.FuncLit); ok {
						lits = append(lits, lit)
						for o := range assignedIn(lit.Body) {
							assigned[o] = true
						}
					}
				}
				return true
			})
		}
		if len(assigned) == 0 {
			return
		}
		written := map[*ast.Ident]bool{} // x of x = ..., which is not read
		for _, n := range nodes {
			if as, ok := n.(*ast.AssignStmt); ok && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) {
				for _, e := range as.Lhs {
					if id, ok := ast.Unparen(e).(*ast.Ident); ok {
						written[id] = true
					}
				}
			}
		}
		for _, n := range nodes {
			if n == nil {
				continue
			}
			var at *ast.Ident
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // its reads are its own, at its call
				case *ast.Ident:
					if written[n] {
						return true
					}
					if at == nil && n.Obj != nil && assigned[n.Obj] {
						at = n
					}
				}
				return at == nil
			})
			if at != nil {
				add(at.Pos(), "closure order", msg)
				return
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.ExprStmt, *ast.ReturnStmt, *ast.SendStmt, *ast.IncDecStmt, *ast.DeclStmt:
			check(n)
			return true
		case *ast.IfStmt:
			check(n.Cond)
		case *ast.ForStmt:
			check(n.Cond)
		}
		return true
	})
}

// assignedIn are the variables body assigns (=, op=, ++, --) or takes
// the address of, declared outside it.
func assignedIn(body *ast.BlockStmt) map[*ast.Object]bool {
	out := map[*ast.Object]bool{}
	outside := func(e ast.Expr) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
			return
		}
		if d, ok := id.Obj.Decl.(ast.Node); ok && body.Pos() <= d.Pos() && d.End() <= body.End() {
			return
		}
		out[id.Obj] = true
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, e := range n.Lhs {
					outside(e)
				}
			}
		case *ast.IncDecStmt:
			outside(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				outside(n.X)
			}
		}
		return true
	})
	return out
}
