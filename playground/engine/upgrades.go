package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// upgraders are the library's functions that look, in an interface value
// they are given, for a method its interface does not have (Go's
// "interface upgrade"), by the parameter that holds it and the method.
var upgraders = map[string][]struct {
	arg    int
	method string
}{
	"io.WriteString": {{0, "WriteString"}},
	"io.Copy":        {{0, "ReadFrom"}, {1, "WriteTo"}},
	"io.CopyBuffer":  {{0, "ReadFrom"}, {1, "WriteTo"}},
	"io.CopyN":       {{0, "ReadFrom"}},
}

// interfaceUpgrades reports where a value of the program's type may be
// asked, through an interface of the library with methods (io.Writer,
// error), for a method that interface does not have: the interpreter
// holds such a value in a wrapper of its own with that interface's
// methods alone, so the answer is no (yaegi v0.16.1, measured; a blind
// pass's, silent): w.(io.StringWriter) failed on an io.Writer holding a
// *W with WriteString, and io.WriteString(w, s) took the slow path. An
// assertion from such an interface to an interface is reported when a
// type of the program implements the latter; a call of an upgrader when
// a type of the program has the method it looks for, unless the value
// passed is the library's (io.WriteString(os.Stdout, s)).
//
// From an any, the interpreter's value of a type of the program is often
// one of a struct (or slice...) made by reflect, without methods: var v
// any = W{}; v.(fmt.Stringer) was false, and so for &W{}, where W's
// methods are of its value; a *P whose methods are of the pointer was
// found (measured). Such an assertion is reported when a type of the
// program implements the interface with methods of its value, or with
// methods of its pointer when the program gives a value of that type
// where an interface may take it (givenValues).
func interfaceUpgrades(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var own []types.Type    // the program's types with methods, and their pointers
	var values []types.Type // those of own that are not pointers (and, below, some pointers)
	methods := map[string]bool{}
	for _, obj := range info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Pkg() == nil || tn.Pkg().Path() != "main" || types.IsInterface(tn.Type()) {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || !withMethods(n, false) {
			continue
		}
		own = append(own, n, types.NewPointer(n))
		values = append(values, n)
		for i := range n.NumMethods() {
			methods[n.Method(i).Name()] = true
		}
	}
	if len(own) == 0 {
		return nil
	}
	// Of the types whose pointers alone have the methods, those a value of
	// which the program gives where an interface may take it (an
	// argument, a result, an element, a send, an assignment to an
	// interface): check(E{}) of func (e *E) Error(), asserted v.(error)
	// in check, held (a stranger's review).
	for _, n := range givenValues(file, info) {
		if slices.Contains(values, types.Type(n)) {
			values = append(values, types.NewPointer(n))
		}
	}
	implemented := func(t types.Type, by []types.Type) bool {
		it, ok := t.Underlying().(*types.Interface)
		if !ok || it.Empty() {
			return false
		}
		for _, o := range by {
			if types.Implements(o, it) {
				return true
			}
		}
		return false
	}
	var out []Finding
	const wrapped = "a value of the program's type held in an interface of the library (io.Writer, error) is, in the interpreter, a wrapper with that interface's methods alone: asking it for another (an assertion to an interface, io.WriteString's WriteString, io.Copy's ReadFrom and WriteTo) fails where Go finds the method"
	add := func(pos token.Pos, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "interface upgrade", Message: msg})
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if n.Type == nil {
				return true
			}
			switch x, t := info.TypeOf(n.X), info.TypeOf(n.Type); {
			case libraryInterface(x) && implemented(t, own):
				add(n.Type.Pos(), wrapped)
			case emptyInterface(x) && implemented(t, values):
				add(n.Type.Pos(), "a value of the program's type with methods, held in an any, is in the interpreter often a value of another type: an assertion of it to an interface with methods (fmt.Stringer, error) fails where Go's succeeds, or, where only its pointer has the methods, succeeds where Go's fails")
			}
		case *ast.TypeSwitchStmt:
			var x ast.Expr
			switch a := n.Assign.(type) {
			case *ast.ExprStmt:
				x = a.X
			case *ast.AssignStmt:
				x = a.Rhs[0]
			}
			ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr)
			if !ok || !libraryInterface(info.TypeOf(ta.X)) {
				return true
			}
			for _, c := range n.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					if implemented(info.TypeOf(e), own) {
						add(e.Pos(), wrapped)
					}
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := info.Uses[sel.Sel].(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			for _, u := range upgraders[fn.Pkg().Path()+"."+fn.Name()] {
				if u.arg < len(n.Args) && methods[u.method] && !libraryValue(info, n.Args[u.arg]) {
					add(n.Args[u.arg].Pos(), wrapped)
				}
			}
		}
		return true
	})
	return out
}

// emptyInterface: t is any, interface{} or a named type of that
// structure (not a type parameter, which cannot be asserted).
func emptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.Empty() && !isTypeParam(t)
}

// libraryValue: e is a variable of the library (os.Stdout) or of a
// concrete type of the library (*bytes.Buffer), which holds no value of
// the program's types.
func libraryValue(info *types.Info, e ast.Expr) bool {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		if v, ok := info.Uses[sel.Sel].(*types.Var); ok && !v.IsField() && v.Pkg() != nil && v.Pkg().Path() != "main" {
			return true
		}
	}
	t := info.TypeOf(e)
	if t == nil || types.IsInterface(t) {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() != "main"
}

// givenValues are the program's named types (not pointers) a value of
// which the program gives to an interface: an argument, a result, an
// element, a value sent or assigned, where the parameter, result,
// element or variable is of an interface type.
func givenValues(file *ast.File, info *types.Info) []*types.Named {
	var given []*types.Named
	var stack []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if e, ok := n.(ast.Expr); ok && len(stack) > 0 {
			nt, ok := types.Unalias(info.TypeOf(e)).(*types.Named)
			if ok && nt.Obj().Pkg() != nil && nt.Obj().Pkg().Path() == "main" && !types.IsInterface(nt) && !slices.Contains(given, nt) && givenAt(e, stack, info) {
				given = append(given, nt)
			}
		}
		stack = append(stack, n)
		return true
	})
	return given
}

// givenAt: e, a child of stack's last node, goes to an interface there
// (or may: a call's results passed on, f(g())).
func givenAt(e ast.Expr, stack []ast.Node, info *types.Info) bool {
	iface := func(t types.Type) bool { return t != nil && types.IsInterface(t) }
	into := func(lhs []ast.Expr, rhs []ast.Expr) bool {
		i := slices.Index(rhs, e)
		return i >= 0 && i < len(lhs) && iface(info.TypeOf(lhs[i]))
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.CallExpr:
		if e == p.Fun {
			return false
		}
		if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
			return iface(tv.Type) // any(E{})
		}
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if _, ok := info.Uses[id].(*types.Builtin); ok {
				if s, ok := under(info.TypeOf(p)).(*types.Slice); ok && id.Name == "append" {
					return iface(s.Elem())
				}
				return id.Name == "panic" || id.Name == "print" || id.Name == "println"
			}
		}
		sig, ok := under(info.TypeOf(p.Fun)).(*types.Signature)
		if !ok {
			return true
		}
		switch i, params := slices.Index(p.Args, e), sig.Params(); {
		case sig.Variadic() && i >= params.Len()-1:
			t := params.At(params.Len() - 1).Type()
			if !p.Ellipsis.IsValid() {
				t = t.(*types.Slice).Elem()
			}
			return iface(t)
		case i >= 0 && i < params.Len():
			return iface(params.At(i).Type())
		}
		return true
	case *ast.ReturnStmt:
		for j := len(stack) - 2; j >= 0; j-- {
			var sig *types.Signature
			switch f := stack[j].(type) {
			case *ast.FuncDecl:
				if obj, ok := info.Defs[f.Name].(*types.Func); ok {
					sig, _ = obj.Type().(*types.Signature)
				}
			case *ast.FuncLit:
				sig, _ = info.TypeOf(f).(*types.Signature)
			default:
				continue
			}
			if i := slices.Index(p.Results, e); sig != nil && i >= 0 && i < sig.Results().Len() && len(p.Results) == sig.Results().Len() {
				return iface(sig.Results().At(i).Type())
			}
			return true
		}
		return true
	case *ast.SendStmt:
		if ch, ok := under(info.TypeOf(p.Chan)).(*types.Chan); ok && e == p.Value {
			return iface(ch.Elem())
		}
		return e == p.Value
	case *ast.CompositeLit:
		if e == p.Type {
			return false
		}
		return iface(elemType(info.TypeOf(p), p.Elts, e, nil))
	case *ast.KeyValueExpr:
		lit, ok := stack[len(stack)-2].(*ast.CompositeLit)
		if !ok {
			return true
		}
		if _, isMap := under(info.TypeOf(lit)).(*types.Map); !isMap && e == p.Key {
			return false // an index or a field's name
		}
		return iface(elemType(info.TypeOf(lit), nil, e, p))
	case *ast.AssignStmt:
		return into(p.Lhs, p.Rhs)
	case *ast.ValueSpec:
		var lhs []ast.Expr
		for _, n := range p.Names {
			lhs = append(lhs, n)
		}
		return into(lhs, p.Values)
	}
	return false
}

// elemType is the type a composite literal of type t gives e: an
// element's (elts holds e), or, of kv, its key's or value's.
func elemType(t types.Type, elts []ast.Expr, e ast.Expr, kv *ast.KeyValueExpr) types.Type {
	switch t := under(t).(type) {
	case *types.Slice:
		return t.Elem()
	case *types.Array:
		return t.Elem()
	case *types.Map:
		if kv != nil && e == kv.Key {
			return t.Key()
		}
		return t.Elem()
	case *types.Struct:
		if kv != nil {
			if id, ok := kv.Key.(*ast.Ident); ok {
				for i := range t.NumFields() {
					if t.Field(i).Name() == id.Name {
						return t.Field(i).Type()
					}
				}
			}
			return nil
		}
		if i := slices.Index(elts, e); i >= 0 && i < t.NumFields() {
			return t.Field(i).Type()
		}
	}
	return nil
}
