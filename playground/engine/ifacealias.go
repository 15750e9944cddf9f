package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"sort"
	"strings"
)

// interfaceAliases reports a program in which a value of one of its types
// with methods may be put in an interface: yaegi v0.16.1 makes such an
// interface value a wrapper over the storage the value came from (a
// variable, a field, an element, the slot of a call's result), not a
// copy, so what later changes that storage changes the interface's value
// too, where Go's interface holds a copy (c := C(1); var i I = c; c = 2:
// go run i.M() 1, the engine 2; shapes = append(shapes, NewSq(i)) in a
// loop: every shape the last one, nothing said). Which values reach an
// interface, and whether their storage changes later, takes type
// information; so the program is reported when it declares a type with
// methods and mentions, where a value is kept or converted (a variable's,
// a field's, a parameter's, a result's, an element's type, a type
// argument, a conversion), an interface that one of those types may
// implement: any, an interface literal, one of the file's, or a library's
// (io.Reader, sort.Interface) whose methods one of the types declares. A
// type parameter's constraint, a type assertion and a type switch's case
// are not places where a value is kept. A value of a range's variable
// gets a copy of its own (methodvars.go), and an explicit any(v) is a
// copy in the interpreter too, but a reference through any other place
// is not.
func interfaceAliases(file *ast.File, imports map[string]string, add func(token.Pos, string, string)) {
	methods := typeMethods(file)
	if len(methods) == 0 {
		return
	}
	ifaces := map[string]*ast.InterfaceType{}
	ast.Inspect(file, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			if it, ok := ts.Type.(*ast.InterfaceType); ok {
				ifaces[ts.Name.Name] = it
			}
		}
		return true
	})
	// needs returns the method names an interface type expression asks
	// for, and whether it is one.
	var needs func(t ast.Expr, depth int) (map[string]bool, bool)
	needs = func(t ast.Expr, depth int) (map[string]bool, bool) {
		if depth > 10 {
			return nil, false
		}
		switch t := ast.Unparen(t).(type) {
		case *ast.InterfaceType:
			names := map[string]bool{}
			for _, f := range t.Methods.List {
				if len(f.Names) > 0 {
					for _, n := range f.Names {
						names[n.Name] = true
					}
					continue
				}
				// An embedded interface, or a type set (a
				// constraint, never a value's type).
				embedded, ok := needs(f.Type, depth+1)
				if !ok {
					return nil, false
				}
				for n := range embedded {
					names[n] = true
				}
			}
			return names, true
		case *ast.Ident:
			if t.Name == "any" && t.Obj == nil {
				return map[string]bool{}, true
			}
			if t.Name == "error" && t.Obj == nil {
				return map[string]bool{"Error": true}, true
			}
			if it, ok := ifaces[t.Name]; ok {
				return needs(it, depth+1)
			}
		case *ast.SelectorExpr:
			v, ok := libSymbol(imports[builtin(t.X)], t.Sel.Name)
			if !ok || v.Kind() != reflect.Pointer || v.Type().Elem().Kind() != reflect.Interface {
				return nil, false
			}
			it := v.Type().Elem()
			names := map[string]bool{}
			for i := range it.NumMethod() {
				names[it.Method(i).Name] = true
			}
			return names, true
		}
		return nil, false
	}
	// implemented reports whether one of the program's types with
	// methods declares every method the interface asks for.
	implemented := func(want map[string]bool) bool {
		for _, have := range methods {
			all := true
			for m := range want {
				all = all && have[m]
			}
			if all {
				return true
			}
		}
		return false
	}
	// Where a type names no kept value: the constraints of type
	// parameters, the types asserted, a type's own declaration.
	skip := map[ast.Node]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			if n.TypeParams != nil {
				skip[n.TypeParams] = true
			}
		case *ast.TypeSpec:
			skip[n.Name] = true
			if n.TypeParams != nil {
				skip[n.TypeParams] = true
			}
			if _, ok := n.Type.(*ast.InterfaceType); ok {
				skip[n.Type] = true
			}
		case *ast.TypeAssertExpr:
			if n.Type != nil {
				skip[n.Type] = true
			}
		case *ast.TypeSwitchStmt:
			for _, c := range n.Body.List {
				for _, t := range c.(*ast.CaseClause).List {
					skip[t] = true
				}
			}
		}
		return true
	})
	var found ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil || skip[n] {
			return false
		}
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if want, ok := needs(e, 0); ok && implemented(want) {
			found = e
			return false
		}
		return true
	})
	if found == nil {
		return
	}
	var names []string
	for name := range methods {
		names = append(names, name)
	}
	sort.Strings(names)
	add(found.Pos(), "interface holds a copy", fmt.Sprintf("a value of %s put in an interface here is, in the interpreter, bound to the variable or result it came from: when that changes later (an assignment, the next iteration of a loop), the interface's value changes with it, where Go's interface holds a copy", strings.Join(names, ", ")))
}

// typeMethods returns the method names of the file's types that have
// methods, by type name: declared on the type (T or *T), or promoted
// from an embedded type of the file that has them.
func typeMethods(file *ast.File) map[string]map[string]bool {
	methods := map[string]map[string]bool{}
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
			continue
		}
		t := fd.Recv.List[0].Type
		for {
			switch r := ast.Unparen(t).(type) {
			case *ast.StarExpr:
				t = r.X
				continue
			case *ast.IndexExpr:
				t = r.X
				continue
			case *ast.IndexListExpr:
				t = r.X
				continue
			}
			break
		}
		if id, ok := t.(*ast.Ident); ok {
			if methods[id.Name] == nil {
				methods[id.Name] = map[string]bool{}
			}
			methods[id.Name][fd.Name.Name] = true
		}
	}
	// Promoted methods, to a fixed point.
	for changed := true; changed; {
		changed = false
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, f := range st.Fields.List {
				if len(f.Names) > 0 {
					continue
				}
				t := f.Type
				if s, ok := t.(*ast.StarExpr); ok {
					t = s.X
				}
				id, ok := t.(*ast.Ident)
				if !ok {
					continue
				}
				for m := range methods[id.Name] {
					if methods[ts.Name.Name] == nil {
						methods[ts.Name.Name] = map[string]bool{}
					}
					if !methods[ts.Name.Name][m] {
						methods[ts.Name.Name][m] = true
						changed = true
					}
				}
			}
			return true
		})
	}
	return methods
}
