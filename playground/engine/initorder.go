package engine

import (
	"fmt"
	"go/ast"
	"go/token"
)

// initOrder reports a package-level variable whose initializer depends,
// through a function or method of the file, on a variable declared after
// it with an initializer of its own: Go initializes that one first (a
// dependency through a function's body counts), yaegi v0.16.1 goes in
// the order of declaration there, and the function read the zero value
// (var a = f(); var b = 2; func f() int { return b * 10 }: go run 20,
// the engine 0, nothing said). A dependency in the initializer itself,
// or through a function literal in it, the interpreter orders as Go does
// (measured).
func initOrder(file *ast.File, add func(token.Pos, string, string)) {
	order := map[*ast.Object]int{} // package variables with an initializer, by position
	var specs []*ast.ValueSpec
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			specs = append(specs, vs)
			if len(vs.Values) == 0 {
				continue
			}
			for _, n := range vs.Names {
				if n.Obj != nil {
					order[n.Obj] = len(specs)
				}
			}
		}
	}
	if len(order) < 2 {
		return
	}
	funcs := map[string][]*ast.FuncDecl{} // functions by name, methods by method name
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			funcs[fd.Name.Name] = append(funcs[fd.Name.Name], fd)
		}
	}
	// reached returns the package variables a function's body reads,
	// through the functions it calls, the file's functions and methods
	// being known by name.
	reachedBy := map[*ast.FuncDecl]map[*ast.Object]bool{}
	var reach func(fd *ast.FuncDecl, into map[*ast.Object]bool, seen map[*ast.FuncDecl]bool)
	reach = func(fd *ast.FuncDecl, into map[*ast.Object]bool, seen map[*ast.FuncDecl]bool) {
		if seen[fd] {
			return
		}
		seen[fd] = true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if _, ok := order[n.Obj]; ok {
					into[n.Obj] = true
				}
				if n.Obj != nil {
					if f, ok := n.Obj.Decl.(*ast.FuncDecl); ok {
						reach(f, into, seen)
					}
				}
			case *ast.SelectorExpr:
				for _, f := range funcs[n.Sel.Name] {
					if f.Recv != nil {
						reach(f, into, seen)
					}
				}
			}
			return true
		})
	}
	reached := func(fd *ast.FuncDecl) map[*ast.Object]bool {
		if r, ok := reachedBy[fd]; ok {
			return r
		}
		r := map[*ast.Object]bool{}
		reach(fd, r, map[*ast.FuncDecl]bool{})
		reachedBy[fd] = r
		return r
	}
	for i, vs := range specs {
		for _, v := range vs.Values {
			var called []*ast.FuncDecl
			ast.Inspect(v, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ident:
					if n.Obj != nil {
						if f, ok := n.Obj.Decl.(*ast.FuncDecl); ok {
							called = append(called, f)
						}
					}
				case *ast.SelectorExpr:
					for _, f := range funcs[n.Sel.Name] {
						if f.Recv != nil {
							called = append(called, f)
						}
					}
				}
				return true
			})
			for _, f := range called {
				for obj := range reached(f) {
					if order[obj] > i+1 {
						add(v.Pos(), "package initialization order", fmt.Sprintf("%s reads %s, declared after this variable: Go initializes %s first, the interpreter in the order of declaration, and %s reads its zero value", f.Name.Name, obj.Name, obj.Name, f.Name.Name))
						return
					}
				}
			}
		}
	}
}
