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
	eachConversion(file, info, func(c conversion) {
		nt, ok := types.Unalias(c.from).(*types.Named)
		if ok && nt.Obj().Pkg() != nil && nt.Obj().Pkg().Path() == "main" && !types.IsInterface(nt) && types.IsInterface(c.to) && !slices.Contains(given, nt) {
			given = append(given, nt)
		}
	})
	return given
}
