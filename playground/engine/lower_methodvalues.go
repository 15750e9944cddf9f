package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// methodValueRewrite, named methodValues: a method value does not copy its
// receiver, and in a loop is bound to one slot; method expressions cannot
// be called. Both become function literals or copies.
func methodValueRewrite(l *lowering, s *syntax) {
	l.noBind = unbindable(s.file)
	for _, sel := range s.selectors {
		if _, lib := libCalls[l.names[builtin(sel.X)]+"."+sel.Sel.Name]; !lib {
			l.methodValue(sel, s.called[sel])
		}
	}
}

// valueMethod: sel is x.M on a variable x (or an element or a field of
// one), every method named M of the file has a value receiver, and no
// struct of the file has a field M.
// Methods of other packages (wg.Done, mu.Unlock) are never touched.
func (l *lowering) valueMethod(sel *ast.SelectorExpr) bool {
	if !isVarChain(sel.X) || l.fields[sel.Sel.Name] || declaredInterface(sel.X) {
		return false
	}
	ms := l.methods[sel.Sel.Name]
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if _, ptr := m.Recv.List[0].Type.(*ast.StarExpr); ptr {
			return false
		}
	}
	return true
}

// isVarChain: a variable, or an element or a field of one (v, a[i],
// s.f, s.items[0].p), which a receiver copy may evaluate early.
func isVarChain(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Obj != nil && e.Obj.Kind == ast.Var
	case *ast.IndexExpr:
		return isVarChain(e.X)
	case *ast.SelectorExpr:
		return isVarChain(e.X)
	}
	return false
}

// methodValue lowers x.M, not called: one whose method takes a pointer
// or is promoted to a literal binding the receiver (boundMethodValue),
// one with a value receiver to a method value on a copy of x; and (*T).M
// or T.M, for a method of the file, to a function literal calling it.
func (l *lowering) methodValue(sel *ast.SelectorExpr, called bool) {
	if fd := l.methodExpr(sel); fd != nil {
		l.methodExprLit(sel, fd)
		return
	}
	if called || l.boundMethodValue(sel) {
		return
	}
	if !l.valueMethod(sel) {
		l.loopMethodValue(sel)
		return
	}
	l.use("_lowerCopy")
	l.wrap(sel.X, "_lowerCopy(", ")")
	// The interpreter binds a method value to the slot that holds its
	// receiver's copy, one per expression: taken again in a loop, every
	// value sees the last receiver. A function literal called at once
	// gives each its own. Only in a loop: elsewhere the literal is not
	// needed, and yaegi v0.16.1 fails to compile some functions that hold
	// two of them and a deferred method call.
	if sig := l.methodSig(sel.Sel.Name); sig != "" && l.inLoop(sel) {
		l.wrap(sel, "func() func"+sig+" { return ", " }()")
	}
}

// boundMethodValue lowers a method value x.M to "func() func() int {
// _lowerR1 := &(x); return _lowerR1.M }()", the receiver as Go binds it
// when the value is taken (receiverAt): the interpreter binds the
// variable that holds it, and read it when the value was called ("f :=
// p.Get; p = q; f()" got q's; "g := s.Name", Name promoted from an
// embedded *Logger, read s.Logger at the call; "show := d.String" of a
// time.Duration showed the d set after; in a loop, a generic type's
// value method, or one whose name another type's method shares, bound
// the last iteration's receiver: blind passes' finds). Left: a value
// method of the program's own type outside a loop that valueMethod
// copies, the address of a variable no loop around declares, or another
// package's method on one (yaegi v0.16.1 cannot return write :=
// sb.WriteString from a literal; as written, it runs right), while the
// program's own method on one a loop declares is bound by its address
// (f := c.Inc went to loopMethodValue's copy, and c never changed), or a variable never assigned again
// (reassigned: the same whenever it is read), and the address of a
// loop's variable the body got no copy of (one slot for every iteration:
// loopMethodValue). Where
// it cannot bind the value, the program is handed over.
func (l *lowering) boundMethodValue(sel *ast.SelectorExpr) bool {
	if l.info == nil {
		return false
	}
	r, ok := l.receiverAt(sel)
	if !ok {
		return false
	}
	id, ident := ast.Unparen(sel.X).(*ast.Ident)
	if ident && (r.value == "&("+id.Name+")" && (!l.loopVar(id, sel) || !l.own(sel)) || r.value == id.Name && !l.reassigned[id.Obj]) || strings.HasPrefix(r.value, "&(") && l.sharedLoopVar(sel.X, sel) {
		return false
	}
	if l.own(sel) && !r.pointer && !r.promoted && !l.inLoop(sel) && l.valueMethod(sel) {
		return false
	}
	t, _ := l.info.Types[sel].Type.(*types.Signature)
	sig, ok := "", t != nil
	if ok {
		sig, ok = l.sigText(t, sel.Pos())
	}
	bindable := ok && !strings.Contains(sig, "\n") && !l.editedWithin(sel)
	for _, n := range l.noBind {
		bindable = bindable && !(n.Pos() <= sel.Pos() && sel.End() <= n.End())
	}
	if !bindable {
		// Moved by an earlier rewrite (an argument copied at a defer, a
		// select's send), in a place the literal would break, or of a
		// type the program cannot write there: Go must run it.
		l.handOvers = append(l.handOvers, handOver{sel.Pos(), "method value bound late",
			"the interpreter binds this method value to the variable that holds its receiver, read when it is called, where Go binds the receiver's value when it is taken; the playground's source pass cannot bind it here"})
		return true
	}
	v := l.name("_lowerR")
	l.wrap(sel, "func() "+sig+" { "+v+" := "+r.value+"; return ", " }()")
	l.replace(sel.X, v)
	return true
}

// unbindable are where boundMethodValue's literal would break what other
// rewrites and checks make of the statement (a stranger's review): a
// select's communication (yaegi called the literal's result a nil
// function), an assignment (=) of several values (multiAssigns, which ran
// before, saw no call there; the check then handed the program over),
// the init statement of an if, a switch or a for.
func unbindable(file *ast.File) []ast.Node {
	var out []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CommClause:
			if n.Comm != nil {
				out = append(out, n.Comm)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) > 1 && n.Tok != token.DEFINE {
				out = append(out, n)
			}
		case *ast.IfStmt:
			if n.Init != nil {
				out = append(out, n.Init)
			}
		case *ast.SwitchStmt:
			if n.Init != nil {
				out = append(out, n.Init)
			}
		case *ast.TypeSwitchStmt:
			if n.Init != nil {
				out = append(out, n.Init)
			}
		case *ast.ForStmt:
			if n.Init != nil {
				out = append(out, n.Init)
			}
		}
		return true
	})
	return out
}

// sigText writes sig as the program would at pos, without its
// parameters' and results' names (yaegi v0.16.1 trips over a named
// result in a literal's type), or says it cannot.
func (l *lowering) sigText(sig *types.Signature, pos token.Pos) (string, bool) {
	write := l.typeWriter(pos)
	list := func(t *types.Tuple, variadic bool) (string, bool) {
		var out []string
		for i := range t.Len() {
			typ := t.At(i).Type()
			dots := ""
			if variadic && i == t.Len()-1 {
				typ, dots = typ.(*types.Slice).Elem(), "..."
			}
			w, ok := write(typ)
			if !ok {
				return "", false
			}
			out = append(out, dots+w)
		}
		return strings.Join(out, ", "), true
	}
	params, ok := list(sig.Params(), sig.Variadic())
	results, ok2 := list(sig.Results(), false)
	if !ok || !ok2 {
		return "", false
	}
	switch {
	case sig.Results().Len() > 1:
		results = " (" + results + ")"
	case results != "":
		results = " " + results
	}
	return "func(" + params + ")" + results, true
}

// declaredInterface: x is a variable or a parameter declared with an
// interface type (one of the file's, a literal, error, any, or another
// package's type, never one with the file's methods). Go's method value
// of an interface keeps the interface's value, which the interpreter does
// too; copying it through _lowerCopy would copy what a pointer in it
// points to, and the interpreter cannot assert the copy back to the
// program's interface (it panicked).
func declaredInterface(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || id.Obj == nil {
		return false
	}
	var t ast.Expr
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		t = d.Type
	case *ast.Field:
		t = d.Type
	}
	switch t := t.(type) {
	case nil:
		return false
	case *ast.InterfaceType, *ast.SelectorExpr:
		return true
	case *ast.Ident:
		switch builtin(t) {
		case "error", "any":
			return true
		}
		if t.Obj == nil {
			return false
		}
		if ts, ok := t.Obj.Decl.(*ast.TypeSpec); ok {
			_, isInterface := ts.Type.(*ast.InterfaceType)
			return isInterface
		}
	}
	return false
}

// loopMethodValue: a method value x.M taken in a loop, x a variable of
// the loop (of any type, an interface's too) or, for a method with a
// pointer receiver, an element a[i]: the interpreter binds every such
// value to x's one slot, and all of them called the last iteration's.
// Made by a function literal called at once, over a copy of x (Go 1.22's
// iteration's own x) or &a[i], as Go binds them when the value is
// taken: "func() func(int) { _lowerR1 := x; return _lowerR1.M }()".
func (l *lowering) loopMethodValue(sel *ast.SelectorExpr) {
	name := sel.Sel.Name
	ms := l.methods[name]
	if len(ms) == 0 || l.fields[name] || !l.inLoop(sel) || strings.Contains(l.text(sel.X), "\n") || l.editedWithin(sel) {
		return
	}
	sig := l.methodSig(name)
	if sig == "" {
		return
	}
	value := ""
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.Ident:
		if l.loopVar(x, sel) {
			value = l.text(sel.X)
		}
	case *ast.IndexExpr:
		pointers := isVarChain(sel.X)
		for _, m := range ms {
			_, ptr := m.Recv.List[0].Type.(*ast.StarExpr)
			pointers = pointers && ptr
		}
		if pointers {
			value = "&" + l.text(sel.X)
		}
	}
	if value == "" {
		return
	}
	v := l.name("_lowerR")
	l.wrap(sel, "func() func"+sig+" { "+v+" := "+value+"; return ", " }()")
	l.replace(sel.X, v)
}

// methodSig returns the type of the method value x.name (its parameters
// and results, without "func"), when every method of that name in the
// file has the same one on one line and mentions no type parameter of
// its receiver; otherwise "".
func (l *lowering) methodSig(name string) string {
	sig := ""
	for _, m := range l.methods[name] {
		rt := m.Recv.List[0].Type
		if star, ok := rt.(*ast.StarExpr); ok {
			rt = star.X
		}
		switch rt.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr: // a generic receiver
			return ""
		}
		t := "(" + l.fieldTypes(m.Type.Params) + ")"
		if r := m.Type.Results; r != nil {
			if len(r.List) == 1 && len(r.List[0].Names) <= 1 {
				t += " " + l.fieldTypes(r)
			} else {
				t += " (" + l.fieldTypes(r) + ")"
			}
		}
		if strings.Contains(t, "\n") || (sig != "" && t != sig) {
			return ""
		}
		sig = t
	}
	return sig
}

// fieldTypes lists the types of a parameter or result list without their
// names (the interpreter trips over a named one in a literal's result).
func (l *lowering) fieldTypes(fl *ast.FieldList) string {
	var types []string
	for _, f := range fl.List {
		for range max(1, len(f.Names)) {
			types = append(types, l.text(f.Type))
		}
	}
	return strings.Join(types, ", ")
}

// methodExpr finds the declaration of M for (*T).M or T.M.
func (l *lowering) methodExpr(sel *ast.SelectorExpr) *ast.FuncDecl {
	x := ast.Unparen(sel.X)
	ptr := false
	if star, ok := x.(*ast.StarExpr); ok {
		x, ptr = star.X, true
	}
	id, ok := x.(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Typ {
		return nil
	}
	for _, m := range l.methods[sel.Sel.Name] {
		rt := m.Recv.List[0].Type
		_, recvPtr := rt.(*ast.StarExpr)
		if star, ok := rt.(*ast.StarExpr); ok {
			rt = star.X
		}
		if rid, ok := rt.(*ast.Ident); ok && rid.Name == id.Name && (ptr || !recvPtr) && m.Type.TypeParams == nil {
			return m
		}
	}
	return nil
}

func (l *lowering) methodExprLit(sel *ast.SelectorExpr, fd *ast.FuncDecl) {
	if strings.Contains(l.text(fd.Type), "\n") {
		return
	}
	recvType := l.text(sel.X)
	if p, ok := sel.X.(*ast.ParenExpr); ok {
		recvType = l.text(p.X)
	}
	params := []string{"_lowerRecv " + recvType}
	var args []string
	variadic := false
	for _, f := range fd.Type.Params.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		for range n {
			p := l.name("_lowerP")
			params = append(params, p+" "+l.text(f.Type))
			args = append(args, p)
			_, variadic = f.Type.(*ast.Ellipsis)
		}
	}
	call := "_lowerRecv." + sel.Sel.Name + "(" + strings.Join(args, ", ")
	if variadic {
		call += "..."
	}
	call += ")"
	results := ""
	if fd.Type.Results != nil {
		results = " " + l.text(fd.Type.Results)
		call = "return " + call
	}
	l.replace(sel, "func("+strings.Join(params, ", ")+")"+results+" { "+call+" }")
}
