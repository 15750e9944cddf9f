package engine

import (
	"go/ast"
	"strings"
)

// goPanicRewrite, named goPanic: a panic at the top of a goroutine other
// than main's crashes the interpreter; the goroutine gets a deferred call
// that ends the program as Go does, and is counted.
func goPanicRewrite(l *lowering, s *syntax) {
	for _, g := range s.gos {
		l.goPanic(g, l.names)
	}
}

// goPanic gives a goroutine a deferred call that ends the program when a
// panic reaches the goroutine's top, as Go does; the interpreter would
// crash instead. "go func() { ... }()" gets it first in the literal's body
// (so it runs after the goroutine's own deferred calls, which may
// recover), and a call before the go statement that counts it (goStart).
// "go f(a, b)", for a function the file declares or a package's, becomes
// "{ _lowerG1 := a; go func() { defer func() { _lowerGoPanic(recover())
// }(); f(_lowerG1, b) }() }": the arguments are still evaluated at the go
// statement; "go x.M(a)", for a method, the same
// with "_lowerR1 := x;", the receiver as Go evaluates it there
// (typedReceiver), in gc's order (receiverFirst); "go f(a)" of a
// function variable, f's value the same way. Any other go statement is
// left alone.
func (l *lowering) goPanic(g *ast.GoStmt, imports map[string]string) {
	// go x.M(a) on a variable of the loop around it: the receiver and the
	// arguments are evaluated at the go statement, from the iteration's
	// own variable (the interpreter reads its one slot when the goroutine
	// runs). The goroutine is guarded and counted (methodCallAt).
	if sel, ok := ast.Unparen(g.Call.Fun).(*ast.SelectorExpr); ok && l.inLoop(g) {
		if value, ok := l.typedReceiver(sel, g); ok && l.methodCallAt(g, g.Call, "go", sel, value) {
			return
		}
	}
	if sel, ok := ast.Unparen(g.Call.Fun).(*ast.SelectorExpr); ok && l.isMethod(sel) && l.loopVar(sel.X, g) {
		l.methodCallAt(g, g.Call, "go", sel, l.text(sel.X))
		return
	}
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		l.use("_lowerGoPanic")
		l.insert(g.Pos(), goStart)
		l.insert(lit.Body.Lbrace+1, " "+goDefer)
		return
	}
	recv, recvX := "", ast.Expr(nil)
	switch f := ast.Unparen(g.Call.Fun).(type) {
	case *ast.Ident:
		switch {
		case f.Obj != nil && f.Obj.Kind == ast.Var && !l.editedWithin(f):
			// A function value, read at the go statement as well
			// ("go task(); task = other" ran other, a blind pass's).
			recv, recvX = f.Name, f
		case f.Obj == nil || f.Obj.Kind != ast.Fun:
			return
		}
	case *ast.SelectorExpr:
		if imports[builtin(f.X)] == "" {
			// A method (not a package's function): its receiver too is evaluated
			// at the go statement (typedReceiver), where the goroutine
			// would read it when it runs ("go p.Show(&wg); p = q"
			// showed q).
			value, ok := l.typedReceiver(f, g)
			if !ok && l.fieldFunc(f) {
				// go h.f(): a field's function value, read when the
				// goroutine runs (an attack's).
				l.handOvers = append(l.handOvers, handOver{f.Pos(), "go argument left in place", goLate})
			}
			if !ok || l.editedWithin(f.X) {
				return
			}
			recv, recvX = value, f.X
		}
	default:
		// go fns[0](), go h.f(): the function value is read when the
		// goroutine runs (an attack's).
		l.handOvers = append(l.handOvers, handOver{g.Call.Fun.Pos(), "go argument left in place", goLate})
		return
	}
	for _, a := range g.Call.Args {
		if !isConstantLike(a) && !l.hoistable(a) {
			// Evaluated when the goroutine runs, it could see another
			// value (go fmt.Println(x, max(x, 0)); x = 5 printed 5).
			l.handOvers = append(l.handOvers, handOver{a.Pos(), "go argument left in place", goLate})
			return
		}
	}
	decls := l.hoistArgs(g.Call.Args, "_lowerG")
	if recv != "" {
		v := l.name("_lowerR")
		decls = []string{l.receiverFirst(recvX, v+" := "+recv+"; ", strings.Join(decls, ""))}
		l.replace(recvX, v)
	}
	l.use("_lowerGoPanic")
	l.wrap(g, "{ "+strings.Join(decls, "")+goStart, " }")
	l.wrap(g.Call, "func() { "+goDefer+" ", " }()")
}

// goLate says why a go statement the pass leaves is handed over.
const goLate = "a go statement's function value or argument that the source pass cannot evaluate there: the interpreter reads it when the goroutine runs"

// goDefer is the deferred call goPanic adds. recover must be called by
// the deferred function literal itself: the interpreter does not stop a
// panic for a recover in a named function deferred directly.
const goDefer = "defer func() { _lowerGoPanic(recover()) }();"

// goStart, before a go statement goPanic guards, counts the goroutine
// from its go statement, as Go does; the deferred call counts it out
// (runtime.NumGoroutine, see Prepared.counted).
const goStart = "_lowerRT.GoStart(); "
