package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// deferArgRewrite, named deferArgs: a deferred call's arguments and
// receiver are read when it runs, not at the defer; they are copied at the
// defer.
func deferArgRewrite(l *lowering, s *syntax) {
	// A function value deferred is read when the call runs, where Go
	// reads it at the defer (defer fn(); fn = second ran second; defer
	// h.f(), defer fns[0](): an attack's): unless it is a variable that
	// nothing assigns again (l.reassigned), out of a loop, Go runs the
	// program.
	for _, d := range s.defers {
		var value bool
		switch f := ast.Unparen(d.Call.Fun).(type) {
		case *ast.Ident:
			value = f.Obj != nil && f.Obj.Kind == ast.Var && (l.reassigned[f.Obj] || l.inLoop(d))
		case *ast.IndexExpr:
			value = true
		case *ast.SelectorExpr:
			value = l.names[builtin(f.X)] == "" && l.fieldFunc(f)
		}
		if value {
			l.handOvers = append(l.handOvers, handOver{d.Call.Fun.Pos(), "deferred function value",
				"a function value deferred is read, in the interpreter, when the call runs, where Go reads it at the defer"})
			continue
		}
		l.deferArgs(d)
	}
}

// deferArgs copies a deferred call's arguments, and its method's
// receiver as Go evaluates it (typedReceiver; without types, for a value
// method or a pointer variable), into fresh variables declared just
// before the defer statement, in a block of their own; in a loop, in a
// function called at the defer (deferMethodCall). Constants stay in place (a
// copy would give them their default type). An argument that spans lines
// stays too: moving it would move its line breaks.
func (l *lowering) deferArgs(d *ast.DeferStmt) {
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && l.inLoop(d) && !d.Call.Ellipsis.IsValid() {
		if l.recovers(sel) {
			// The rewrites below call the method from a function of
			// theirs, where its recover would return nil; left as it
			// is, it runs on the last iteration's receiver. Go must
			// run it (a stranger's review: a panic a promoted Catch
			// recovered went on to main's recover).
			l.handOvers = append(l.handOvers, handOver{d.Pos(), "recovering method deferred in a loop",
				"a method that calls recover, deferred in a loop: the interpreter would call it on the last iteration's receiver, or not as the deferred function itself, where recover works"})
			return
		}
		if value, ok := l.typedReceiver(sel, d); ok && l.deferMethodCall(d, sel, value) {
			return
		}
		switch {
		case l.valueMethod(sel):
			if l.deferMethodCall(d, sel, "_lowerCopy("+l.text(sel.X)+")") {
				l.use("_lowerCopy")
				return
			}
		case l.isMethod(sel) && l.loopVar(sel.X, d):
			// Receivers of either kind: a copy of the iteration's
			// variable, as Go 1.22 has one per iteration.
			if l.deferMethodCall(d, sel, l.text(sel.X)) {
				return
			}
		}
	}
	// An argument left in place (another rewrite changes it, or it
	// spans lines) is not copied at the defer. Beside copies, a method's
	// receiver's included, it is evaluated after them, out of gc's order,
	// which makes the calls first (defer fmt.Println(pe, errors.As(err,
	// &pe)) showed the pe before As; moved, the call clashed with
	// libCalls); in a loop, it reads the last iteration's variables
	// (defer fmt.Println(max(i, 1)) printed 2 2 2 for go run's 2 1 1; an
	// attack's); one that spans lines may only read, and then reads late
	// (defer fmt.Println((\n x)), as does a receiver that spans lines.
	// Go runs such a program. A call alone, or beside constants, out of a
	// loop, is right where it is: the interpreter makes it at the defer.
	loop := l.inLoop(d)
	var kept, copied ast.Expr
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && l.names[builtin(sel.X)] == "" {
		copied = sel.X
	}
	for _, a := range d.Call.Args {
		switch _, lit := ast.Unparen(a).(*ast.FuncLit); {
		case isConstantLike(a) || lit && !loop:
		case l.hoistable(a):
			copied = a
		default:
			kept = a
		}
	}
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && strings.Contains(l.text(sel.X), "\n") {
		kept, copied = sel.X, sel.X
	}
	if kept != nil && (copied != nil || loop || strings.Contains(l.text(kept), "\n")) {
		l.handOvers = append(l.handOvers, handOver{kept.Pos(), "deferred argument left in place",
			"an argument of a deferred call that the source pass cannot copy at the defer: the interpreter would read it out of Go's order, or later"})
		return
	}
	decls := l.hoistArgs(d.Call.Args, "_lowerD")
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && !l.inLoop(d) {
		// The receiver as Go evaluates it at the defer (typedReceiver),
		// which the interpreter reads when the call runs.
		if value, ok := l.typedReceiver(sel, d); ok {
			v := l.name("_lowerR")
			l.wrap(d, "{ "+l.receiverFirst(sel.X, v+" := "+value+"; ", strings.Join(decls, "")), " }")
			l.replace(sel.X, v)
			return
		}
	}
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && l.valueMethod(sel) && !strings.Contains(l.text(sel.X), "\n") {
		// What a pointer points to, when the receiver is one: a value
		// receiver is copied at the defer.
		v := l.name("_lowerR")
		l.use("_lowerCopy")
		decls = append(decls, v+" := _lowerCopy("+l.text(sel.X)+"); ")
		l.replace(sel.X, v)
	}
	if len(decls) == 0 {
		return
	}
	l.wrap(d, "{ "+strings.Join(decls, ""), " }")
}

// isMethod: sel is x.M, a method call: of a method of the file's (by its
// name, no field having it), or, with types, of any package's whose
// receiver is x's value (defer f.Close() on a loop's *os.File; blind
// pass: the writes of "for _, b := range builders { defer
// b.WriteString(...) }" all went to the last).
func (l *lowering) isMethod(sel *ast.SelectorExpr) bool {
	if len(l.methods[sel.Sel.Name]) > 0 && !l.fields[sel.Sel.Name] {
		return true
	}
	if l.info == nil {
		return false
	}
	// Another package's: copied only where Go binds a copy or a pointer
	// the variable holds; a copy of a WaitGroup or a Mutex declared in the
	// loop's body, for its address, broke "defer wg.Done()" (a
	// stranger's review).
	r, ok := l.receiverAt(sel)
	return ok && !strings.HasPrefix(r.value, "&(")
}

// callsIn: e calls a function or receives, outside function literals, or
// holds what gc makes a call of its runtime, which it orders with the
// calls (runtimeCall). A conversion is not a call, but for []byte(s)
// and []rune(s).
func (l *lowering) callsIn(e ast.Expr) bool {
	if l.info == nil {
		return callsWhere(e, nil)
	}
	if callsWhere(e, func(c *ast.CallExpr) bool { return l.info.Types[c.Fun].IsType() && !l.runtimeCall(c) }) {
		return true
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		found = found || l.runtimeCall(n)
		return !found
	})
	return found
}

// runtimeCall: n is an operation gc evaluates as a call of its runtime,
// in order with the program's calls, not as a read it leaves for last
// (measured with go run by a stranger's review: in defer
// fmt.Println(v.(int), set()), where set changes v, go run prints the v
// before set; v.(*T), string(b), any(y), m[k] and arithmetic but for
// complex division are read after the calls): a type assertion but to a
// pointer type, []byte(s) and []rune(s), a comparison of strings,
// arrays, structs or interfaces, a complex division.
func (l *lowering) runtimeCall(n ast.Node) bool {
	under := func(e ast.Expr) types.Type {
		if t := l.info.TypeOf(e); t != nil {
			return t.Underlying()
		}
		return nil
	}
	switch n := n.(type) {
	case *ast.TypeAssertExpr:
		if n.Type == nil {
			return false // a type switch's x.(type)
		}
		_, ptr := under(n.Type).(*types.Pointer)
		return !ptr
	case *ast.CallExpr:
		_, slice := under(n.Fun).(*types.Slice)
		if len(n.Args) == 1 && slice && l.info.Types[n.Fun].IsType() {
			b, ok := under(n.Args[0]).(*types.Basic)
			return ok && b.Info()&types.IsString != 0
		}
	case *ast.BinaryExpr:
		switch n.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			switch t := under(n.X).(type) {
			case *types.Basic:
				return t.Info()&types.IsString != 0
			case *types.Array, *types.Struct, *types.Interface:
				return true
			}
		case token.QUO:
			b, ok := under(n).(*types.Basic)
			return ok && b.Info()&types.IsComplex != 0
		}
	}
	return false
}

// receiverFirst orders the declaration of a method call's receiver x and
// those of its arguments as gc evaluates them: a receiver that calls
// something first (calls run in lexical order: a().M(b()) calls a, then
// b), one that does not after the arguments' calls (gc loads a variable
// or a field last: go w.Run(arg(w)), where arg moves w's embedded
// pointer, ran the new one).
func (l *lowering) receiverFirst(x ast.Expr, recv, args string) string {
	if l.callsIn(x) {
		return recv + args
	}
	return args + recv
}

// own: sel is x.M, a method the program declares.
func (l *lowering) own(sel *ast.SelectorExpr) bool {
	fn, _ := l.info.Uses[sel.Sel].(*types.Func)
	return fn != nil && fn.Pkg() != nil && fn.Pkg() == l.mainPackage()
}

// recovers: sel is x.M, and M, a method of the file (the one go/types
// resolved, or any of that name without types), calls recover itself.
func (l *lowering) recovers(sel *ast.SelectorExpr) bool {
	var at token.Pos
	if l.info != nil {
		fn, _ := l.info.Uses[sel.Sel].(*types.Func)
		if fn == nil {
			return false
		}
		if t := l.info.Types[sel.X].Type; t == nil || !types.IsInterface(t) {
			at = fn.Pos() // else any method of that name may be called
		}
	}
	for _, m := range l.methods[sel.Sel.Name] {
		if at.IsValid() && m.Name.Pos() != at || m.Body == nil {
			continue
		}
		found := false
		ast.Inspect(m.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its recover is its own
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "recover" && id.Obj == nil {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// deferMethodCall rewrites "defer p.M(a, b)" in a loop, whose receiver
// evaluates to recv (p for a pointer receiver, _lowerCopy(p) for a value
// one), into "{ _lowerF2 := func() func() { _lowerR1 := p; _lowerD3 :=
// a; return func() { _lowerR1.M(_lowerD3, b) } }(); defer _lowerF2() }"
// (one := a name: of "_lowerR1, _lowerD3 := p, T{i}" the interpreter
// assigns only the composite literal, multiAssigns' bug): a
// variable declared in the loop's body is one slot for every iteration in
// the interpreter, which the deferred calls would all read at the end;
// the function called at the defer copies into a frame of its own.
// Constant arguments stay; with another argument (one that spans lines,
// or that another rewrite changes) it returns false.
func (l *lowering) deferMethodCall(d *ast.DeferStmt, sel *ast.SelectorExpr, value string) bool {
	return l.methodCallAt(d, d.Call, "defer", sel, value)
}

// methodCallAt is deferMethodCall for a defer or (kw "go") a go
// statement st of call.
func (l *lowering) methodCallAt(st ast.Stmt, call *ast.CallExpr, kw string, sel *ast.SelectorExpr, value string) bool {
	if l.editedWithin(st) || strings.Contains(l.text(sel.X), "\n") || call.Ellipsis.IsValid() {
		return false
	}
	recv := l.name("_lowerR")
	var decls []string
	var calls []bool
	var args []string
	for _, a := range call.Args {
		switch {
		case isConstantLike(a):
			args = append(args, l.text(a))
		case l.hoistable(a) && !l.editedWithin(a):
			v := l.name("_lowerD")
			decls = append(decls, v+" := "+l.fresh(a)+"; ")
			calls = append(calls, l.callsIn(a))
			args = append(args, v)
		default:
			return false
		}
	}
	ordered := l.receiverFirst(sel.X, recv+" := "+value+"; ", strings.Join(inGcOrder(decls, calls), ""))
	f := l.name("_lowerF")
	body := recv + "." + sel.Sel.Name + "(" + strings.Join(args, ", ") + ")"
	start := ""
	if kw == "go" {
		// Guarded and counted, as goPanic does any goroutine it can.
		l.use("_lowerGoPanic")
		body, start = goDefer+" "+body, goStart
	}
	l.replace(st, "{ "+f+" := func() func() { "+ordered+"return func() { "+body+" } }(); "+start+kw+" "+f+"() }")
	return true
}

// typedReceiver: sel is x.M, M a method (of x's type, or promoted from
// an embedded field of it, or an interface's), as go/types saw it, and value is the receiver as Go evaluates it at a
// defer or a go statement (receiverAt). Blind passes' finds: in a loop,
// "defer ts[i].Show()", "go ws[i].Run(res, &wg)" and "defer
// open(i).Close()" all called the method on the last iteration's
// receiver (2 2 where Go prints 2 1; [0 0 0 9] for [0 1 4 9]); anywhere,
// "defer s.Close()" with Close promoted from an embedded *Logger, and
// "go p.Show(&wg)", read s.Logger or p when the call ran, after the
// program had changed them.
//
// A receiver that is a variable a loop around st declares in its header
// and the body got no copy of (sharedLoopVar), or a field or an array's
// element of one, is left to the syntax's cases below typedReceiver in
// deferArgs and goPanic, as before: the interpreter has one slot for it
// in every iteration, so &x would give every call the last iteration's,
// and a copy (what those cases make of the variable itself) loses what
// the method changes when the iteration reads it back (go
// srv.stats.Inc(&wg); wg.Wait() printed 0 for Go's 1 when copied). A
// variable the body declares, or a copy loopVars or perIteration gave it,
// is the iteration's own, whose address is bound as Go binds it (defer
// r.Close() of a method taking *R, r changed after the defer, closed the
// value the defer copied: a probe's). Those cases also serve a program
// without types.
func (l *lowering) typedReceiver(sel *ast.SelectorExpr, st ast.Node) (value string, ok bool) {
	r, ok := l.typedRecv(sel, st)
	return r.value, ok
}

// typedRecv is typedReceiver with what receiverAt says of the receiver.
func (l *lowering) typedRecv(sel *ast.SelectorExpr, st ast.Node) (receiver, bool) {
	if l.info == nil || l.sharedLoopVar(sel.X, st) {
		return receiver{}, false
	}
	r, ok := l.receiverAt(sel)
	if id, isIdent := ast.Unparen(sel.X).(*ast.Ident); ok && isIdent && (r.value == "&("+id.Name+")" && !l.loopVar(id, st) || r.value == id.Name && !l.reassigned[id.Obj] && !l.own(sel)) {
		// The address of a variable no loop around st declares, or
		// another package's method on a variable never assigned again
		// (reassigned): the same whenever it is read, no rewrite
		// needed (defer wg.Done(), mu.Unlock() stay as written). One a
		// loop declares is bound at the defer: the syntax's cases
		// would copy it.
		return receiver{}, false
	}
	return r, ok
}

// A receiver is a method's receiver as Go binds it (receiverAt).
type receiver struct {
	value    string // the expression that evaluates it
	pointer  bool   // the method takes a pointer
	promoted bool   // the method is promoted from an embedded field
}

// receiverAt: sel is x.M, M a method of any package, or an interface's,
// x a value (not a type: no method expression); the
// receiver's value is what Go binds when x.M is evaluated: the embedded
// fields M is promoted through written out (x.Logger), then &r where M
// takes a pointer and r is not one (x[i]: the element itself), a copy of
// what r points to where M takes a value and r is a pointer, otherwise r
// (a value copied, a pointer, a call's result).
func (l *lowering) receiverAt(sel *ast.SelectorExpr) (receiver, bool) {
	if l.info == nil || strings.Contains(l.text(sel.X), "\n") {
		return receiver{}, false
	}
	fn, _ := l.info.Uses[sel.Sel].(*types.Func)
	tv := l.info.Types[sel.X]
	if fn == nil || tv.Type == nil || !tv.IsValue() {
		return receiver{}, false
	}
	sig, _ := fn.Type().(*types.Signature)
	// The importer gives a library interface's methods no receiver and
	// no package (as the universe's error.Error has none).
	iface := types.IsInterface(tv.Type)
	if sig == nil || (fn.Pkg() == nil || sig.Recv() == nil) && !iface {
		return receiver{}, false
	}
	obj, path, _ := types.LookupFieldOrMethod(tv.Type, true, fn.Pkg(), fn.Name())
	if m, _ := obj.(*types.Func); m == nil || m.Origin() != fn.Origin() || len(path) == 0 {
		return receiver{}, false
	}
	r, rt := l.text(sel.X), tv.Type
	for _, i := range path[:len(path)-1] {
		st, _ := deref(rt).Underlying().(*types.Struct)
		if st == nil || i >= st.NumFields() || !st.Field(i).Embedded() {
			return receiver{}, false
		}
		f := st.Field(i)
		r, rt = "("+r+")."+f.Name(), f.Type()
	}
	takesPointer := false
	if sig.Recv() != nil {
		_, takesPointer = sig.Recv().Type().(*types.Pointer)
	}
	_, isPointer := rt.Underlying().(*types.Pointer)
	switch {
	case takesPointer && !isPointer:
		r = "&(" + r + ")"
	case !takesPointer && isPointer:
		l.use("_lowerCopy")
		r = "_lowerCopy(" + r + ")"
	}
	return receiver{value: r, pointer: takesPointer, promoted: len(path) > 1}, true
}

// deref is what t points to, or t.
func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// fieldFunc: sel names a field of the file's structs and no method, so
// h.f() calls the function value the field holds.
func (l *lowering) fieldFunc(sel *ast.SelectorExpr) bool {
	return l.fields[sel.Sel.Name] && len(l.methods[sel.Sel.Name]) == 0
}
