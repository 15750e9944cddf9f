package engine

import (
	"go/ast"
	"go/token"
	"go/types"
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
// a type of the program has the method it looks for.
func interfaceUpgrades(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var own []types.Type // the program's types with methods, and their pointers
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
		for i := range n.NumMethods() {
			methods[n.Method(i).Name()] = true
		}
	}
	if len(own) == 0 {
		return nil
	}
	implemented := func(t types.Type) bool {
		it, ok := t.Underlying().(*types.Interface)
		if !ok || it.Empty() {
			return false
		}
		for _, o := range own {
			if types.Implements(o, it) {
				return true
			}
		}
		return false
	}
	var out []Finding
	add := func(pos token.Pos) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "interface upgrade", Message: "a value of the program's type held in an interface of the library (io.Writer, error) is, in the interpreter, a wrapper with that interface's methods alone: asking it for another (an assertion to an interface, io.WriteString's WriteString, io.Copy's ReadFrom and WriteTo) fails where Go finds the method"})
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if n.Type != nil && libraryInterface(info.TypeOf(n.X)) && implemented(info.TypeOf(n.Type)) {
				add(n.Type.Pos())
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
					if implemented(info.TypeOf(e)) {
						add(e.Pos())
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
				if u.arg < len(n.Args) && methods[u.method] {
					add(n.Args[u.arg].Pos())
				}
			}
		}
		return true
	})
	return out
}
