package engine

import (
	"go/ast"
	"go/token"
)

// heldCycleConstruct names heldCycles' finding.
const heldCycleConstruct = "type held in a cycle"

// heldCycles reports a struct type of the file that holds another of its
// types directly (a field of it, an array of it, an unnamed struct with
// it) when that type refers back to the first through any type (a
// pointer, a map, a slice, a channel, a function): type A struct{ F *B }
// and type B struct{ A A; X int }. yaegi v0.16.1 builds the type that
// refers first when a program uses it first, and lays the other out with
// the held field as zero bytes, then puts the real type in without moving
// the fields after it (interp/type.go, unsafe2.SetFieldType): B.A.F and
// B.X share their bytes, and a program reads and writes memory at any
// address it writes into X (a security review's share link, on
// Automatic). Which type is built first depends on the program's order of
// use at run time, so every such pair goes to the Go toolchain, whatever
// the order of declaration.
func heldCycles(file *ast.File, add func(token.Pos, string, string)) {
	types := map[*ast.Object]*ast.TypeSpec{}
	ast.Inspect(file, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok && ts.Name.Obj != nil {
			types[ts.Name.Obj] = ts
		}
		return true
	})
	// refs: the file's types each type's definition names anywhere;
	// holds: those a struct holds directly.
	refs := map[*ast.Object][]*ast.Object{}
	holds := map[*ast.Object][]*ast.Ident{}
	for obj, ts := range types {
		ast.Inspect(ts.Type, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && types[id.Obj] != nil {
				refs[obj] = append(refs[obj], id.Obj)
			}
			return true
		})
		if st, ok := ts.Type.(*ast.StructType); ok {
			holds[obj] = heldTypes(st, types)
		}
	}
	reaches := func(from, to *ast.Object) bool {
		seen := map[*ast.Object]bool{}
		stack := []*ast.Object{from}
		for len(stack) > 0 {
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o == to {
				return true
			}
			if !seen[o] {
				seen[o] = true
				stack = append(stack, refs[o]...)
			}
		}
		return false
	}
	for obj, held := range holds {
		for _, id := range held {
			if id.Obj != obj && reaches(id.Obj, obj) {
				add(id.Pos(), heldCycleConstruct, "a struct type that holds another of the program's types which refers back to it: the interpreter may lay it out with fields sharing their bytes, and a program could then reach memory it was not given")
			}
		}
	}
}

// heldTypes is the identifiers of the file's types st holds directly: as
// a field's type, an array's element, or in an unnamed struct field (the
// name of a generic type's instance too).
func heldTypes(st *ast.StructType, types map[*ast.Object]*ast.TypeSpec) []*ast.Ident {
	var out []*ast.Ident
	var held func(e ast.Expr)
	held = func(e ast.Expr) {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			if types[e.Obj] != nil {
				out = append(out, e)
			}
		case *ast.IndexExpr:
			held(e.X)
		case *ast.IndexListExpr:
			held(e.X)
		case *ast.ArrayType:
			if e.Len != nil {
				held(e.Elt)
			}
		case *ast.StructType:
			for _, f := range e.Fields.List {
				held(f.Type)
			}
		}
	}
	for _, f := range st.Fields.List {
		held(f.Type)
	}
	return out
}
