package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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

// initSequence reports, with the program's types, package variables
// whose initializers the interpreter runs in another order than Go's,
// when one of them calls a function, whose output or changes would then
// come in another order (a blind pass: var total = sum(x, y) before var x
// = val("x", 1) and var z = val("z", 3): go run printed x, y, sum, z, the
// engine x, y, z, sum, nothing said). Go runs, again and again, the
// earliest declared initializer whose variables it reads are ready
// (types.Info.InitOrder); yaegi v0.16.1 (genGlobalVarDecl) goes through
// the declarations in passes, running in each, in order, those whose
// package variables named in the declaration itself are done (those
// only a function's body reads are not waited for: initOrder), and
// leaving the others to the next pass.
func initSequence(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var specs []*ast.ValueSpec
	specOf := map[types.Object]int{}
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for _, n := range vs.Names {
					specOf[info.Defs[n]] = len(specs)
				}
				specs = append(specs, vs)
			}
		}
	}
	calls := false
	deps := make([][]int, len(specs))
	for i, vs := range specs {
		for _, v := range vs.Values {
			ast.Inspect(v, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ident:
					if j, ok := specOf[info.Uses[n]]; ok && j != i {
						deps[i] = append(deps[i], j)
					}
				case *ast.CallExpr:
					tv := info.Types[n.Fun]
					calls = calls || !tv.IsType() && !tv.IsBuiltin()
				case *ast.UnaryExpr:
					calls = calls || n.Op == token.ARROW
				}
				return true
			})
		}
	}
	// The declarations with values in yaegi's order and in Go's.
	var yaegi, order []int
	done := make([]bool, len(specs))
	for left := len(specs); left > 0; {
		before := left
		for i, vs := range specs {
			ready := !done[i]
			for _, j := range deps[i] {
				ready = ready && done[j]
			}
			if ready {
				done[i] = true
				left--
				if len(vs.Values) > 0 {
					yaegi = append(yaegi, i)
				}
			}
		}
		if left == before {
			return nil // a cycle, which go/types reports
		}
	}
	for _, init := range info.InitOrder {
		if i := specOf[init.Lhs[0]]; len(order) == 0 || order[len(order)-1] != i {
			order = append(order, i)
		}
	}
	if !calls || slices.Equal(yaegi, order) {
		return nil // or the order of initializers that call nothing, not seen
	}
	names := func(order []int) (s string) {
		for _, i := range order {
			s += ", " + specs[i].Names[0].Name
		}
		return s[2:]
	}
	p := fset.Position(specs[0].Pos())
	return []Finding{{Line: p.Line, Col: p.Column, Construct: "package initialization order", Message: fmt.Sprintf(
		"the package's variables are initialized in another order in the interpreter (%s) than in Go (%s), and their initializers call functions: what those print or change would come in another order",
		names(yaegi), names(order))}}
}
