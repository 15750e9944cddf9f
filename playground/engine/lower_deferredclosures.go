package engine

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"
)

// deferredClosureRewrite, named deferredClosures: a function literal
// deferred in a loop runs on the frame as the return finds it, and hangs
// when made in that frame; it is made by a call where the defer stands,
// over copies of the loop's variables.
func deferredClosureRewrite(l *lowering, s *syntax) { l.deferredClosures(s.file) }

// deferredClosures finds the function literals deferred in a loop of the
// function around them, and lowers each (deferredClosure).
func (l *lowering) deferredClosures(file *ast.File) {
	var stack []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if d, ok := n.(*ast.DeferStmt); ok {
			for i := len(stack) - 1; i >= 0; i-- {
				if _, ok := stack[i].(*ast.FuncLit); ok {
					break
				}
				if _, ok := stack[i].(*ast.FuncDecl); ok {
					break
				}
				if body := loopBody(stack[i]); body != nil {
					l.deferredClosure(d, stack[i], body)
					break
				}
			}
		}
		stack = append(stack, n)
		return true
	})
}

// deferredClosure rewrites "defer func(p T) { ... }(a)" in a loop into
//
//	{ f := func() func(p T) { v := v; return func(p T) { ... } }(); defer f(a) }
//
// on the same lines: the closure is made when the defer runs, in a frame
// of its own (the interpreter would hang calling a closure deferred in
// the frame that made it), over copies of the variables of the loop it
// uses, taken at the defer, which are what Go's per-iteration variables
// hold when the function returns as long as nothing changes them after
// the defer. The call's arguments are evaluated at the defer, as before
// (deferArgs copies them first). A variable of the loop that the loop's
// body assigns, increments, takes the address of, changes a field or an
// element of, or calls a method with a pointer receiver on leaves the
// literal as it is, and so do a literal that calls recover (the
// interpreter's recover sees no panic from a closure made so), one whose
// type spans lines, and one whose variables of the loop the parser could
// not resolve; Detect reports what is left.
func (l *lowering) deferredClosure(d *ast.DeferStmt, loop ast.Node, body *ast.BlockStmt) {
	lit, ok := d.Call.Fun.(*ast.FuncLit)
	if !ok || strings.Contains(l.text(lit.Type), "\n") {
		return
	}
	vars := map[*ast.Object]string{}
	bad := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return !bad
		}
		if id.Name == "recover" && id.Obj == nil {
			bad = true
		}
		if id.Obj == nil || id.Obj.Kind != ast.Var {
			return !bad
		}
		decl, ok := id.Obj.Decl.(ast.Node)
		if !ok {
			bad = true
			return false
		}
		if decl.Pos() >= loop.Pos() && decl.Pos() < loop.End() && (decl.Pos() < lit.Pos() || decl.Pos() >= lit.End()) {
			vars[id.Obj] = id.Name
		}
		return !bad
	})
	if bad || l.mutated(body, vars) {
		return
	}
	var names []string
	for _, name := range vars {
		names = append(names, name)
	}
	sort.Strings(names)
	copies := ""
	if len(names) > 0 {
		list := strings.Join(names, ", ")
		copies = list + " := " + list + "; "
	}
	f := l.name("_lowerF")
	l.replace(&ast.BadStmt{From: d.Defer, To: lit.Pos()}, "{ "+f+" := func() "+l.text(lit.Type)+" { "+copies+"return ")
	l.insert(lit.End(), " }(); defer "+f)
	l.insert(d.End(), " }")
}

// mutated reports whether body may change one of vars after its
// declaration: an assignment to it or to a field or element of it (a
// redeclaration by := included), ++ or --, its address or a field's
// taken, or a method of the program with a pointer receiver called on
// it, which takes its address.
func (l *lowering) mutated(body ast.Node, vars map[*ast.Object]string) bool {
	if len(vars) == 0 {
		return false
	}
	is := func(e ast.Expr) bool {
		id := rootIdent(e)
		return id != nil && vars[id.Obj] != ""
	}
	pointerMethod := func(name string) bool {
		for _, m := range l.methods[name] {
			if _, ptr := m.Recv.List[0].Type.(*ast.StarExpr); ptr {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, e := range n.Lhs {
				if n.Tok != token.DEFINE {
					found = found || is(e)
				} else if id, ok := e.(*ast.Ident); ok && vars[id.Obj] != "" && id.Obj.Decl != n {
					found = true
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				found = found || (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value))
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || (n.Op == token.AND && is(n.X))
		case *ast.SelectorExpr:
			found = found || (is(n.X) && pointerMethod(n.Sel.Name))
		}
		return !found
	})
	return found
}
