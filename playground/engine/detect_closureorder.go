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
// as go run does. A read the spec orders before the call is left: among
// the literal's own arguments, in a call before it, on the left of && or
// ||. Only literals called where they stand are followed (a
// named function that assigns a package's variable is not), and a
// switch's case expressions are not: their order is the spec's (and the
// tag's one read, switchTags).
func closureOrder(file *ast.File, add func(token.Pos, string, string)) {
	const msg = "the statement reads a variable that a function literal it calls assigns: the order of the two is left open by the spec, and the interpreter's differs from the Go compiler's"
	check := func(nodes ...ast.Node) {
		type litCall struct {
			call     *ast.CallExpr
			assigned map[*ast.Object]bool
		}
		var lits []litCall
		var calls []*ast.CallExpr
		var ands []*ast.BinaryExpr // && and ||: X is evaluated before Y
		for _, n := range nodes {
			if n == nil {
				continue
			}
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					calls = append(calls, n)
					if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
						if a := assignedIn(lit.Body); len(a) > 0 {
							lits = append(lits, litCall{n, a})
						}
					}
				case *ast.BinaryExpr:
					if n.Op == token.LAND || n.Op == token.LOR {
						ands = append(ands, n)
					}
				}
				return true
			})
		}
		if len(lits) == 0 {
			return
		}
		within := func(n, outer ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }
		// ordered: the read r comes before the literal's call c in an
		// order the spec fixes: among c's own arguments, in a call that
		// ends before c begins (calls run in lexical order, each after
		// its arguments), or on the left of && or || with c on the right.
		ordered := func(r *ast.Ident, c *ast.CallExpr) bool {
			for _, a := range c.Args {
				if within(r, a) {
					return true
				}
			}
			for _, d := range calls {
				if d.End() <= c.Pos() && within(r, d) {
					return true
				}
			}
			for _, b := range ands {
				if within(r, b.X) && within(c, b.Y) {
					return true
				}
			}
			return false
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
					if written[n] || n.Obj == nil {
						return true
					}
					for _, l := range lits {
						if at == nil && l.assigned[n.Obj] && !ordered(n, l.call) {
							at = n
						}
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
	eachAssigned(body, func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
			return true
		}
		if d, ok := id.Obj.Decl.(ast.Node); ok && body.Pos() <= d.Pos() && d.End() <= body.End() {
			return true // declared in body
		}
		out[id.Obj] = true
		return true
	})
	return out
}
