package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

// returnRecvRewrite, named returnRecv: return <-ch crashes, and return
// a, h.f() returns h.f()'s zero value; the values go through variables.
func returnRecvRewrite(l *lowering, s *syntax) {
	for _, r := range s.returns {
		l.returnRecv(r)
	}
}

// returnRecv rewrites "return <-ch" into "{ v := <-ch; return v }": the
// interpreter panics on a receive returned directly ("reflect.Value.Set
// using unaddressable value"). Among several results, a call of the
// function a struct's field holds is rewritten so too: yaegi v0.16.1
// returns its zero value (return r.Name, r.Check(s) returned "nonempty
// false" for true; an attack's). Only the calls and receives go into
// variables, in order: gc makes them before it reads the other results
// (return calls, r.check(s) with check counting calls returns the count
// after the call), and a variable of nil or of an untyped constant
// (complex(1, 2) too) would lose the result's type. A return whose result holds a call inside it
// (x + g(), whose reads gc makes after every call) is handed over.
func (l *lowering) returnRecv(r *ast.ReturnStmt) {
	recvExpr := func(e ast.Expr) bool {
		u, ok := ast.Unparen(e).(*ast.UnaryExpr)
		return ok && u.Op == token.ARROW
	}
	recv := false
	for _, e := range r.Results {
		switch e := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			recv = recv || e.Op == token.ARROW
		case *ast.CallExpr:
			if f, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && len(r.Results) > 1 && l.names[builtin(f.X)] == "" && l.fieldFunc(f) {
				recv = true
			}
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
	// A call whose value is a constant (complex(1, 2), len("ab")) stays,
	// untyped, as the constant it is; a conversion or a built-in's
	// (float64(x)) stays too, read after the calls as gc reads it, and
	// one holding a call is handed over below.
	call := func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && (l.info == nil || l.info.Types[c].Value == nil) && !l.notACall(c)
	}
	for _, e := range r.Results {
		if !call(e) && !recvExpr(e) && callsWhere(e, func(c *ast.CallExpr) bool { return !call(c) }) {
			l.handOvers = append(l.handOvers, handOver{r.Pos(), "call among results", "a call or a receive among several results, beside a call inside a result: the interpreter returns the call's zero value, or reads out of order"})
			return
		}
	}
	var decls, names []string
	for _, e := range r.Results {
		if !call(e) && !recvExpr(e) {
			names = append(names, l.fresh(e))
			continue
		}
		n := l.name("_lowerR")
		decls = append(decls, n+" := "+l.fresh(e)+"; ")
		names = append(names, n)
	}
	l.replace(r, "{ "+strings.Join(decls, "")+"return "+strings.Join(names, ", ")+" }")
}
