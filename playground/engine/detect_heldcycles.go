package engine

import (
	"go/ast"
	"go/token"
)

// heldCycleConstruct names heldCycles' finding, sharedTypeNameConstruct
// sharedTypeNames'.
const (
	heldCycleConstruct      = "type held in a cycle"
	sharedTypeNameConstruct = "type name shared"
)

// heldCycles reports a type of the file that holds another of its types
// directly (a struct's field of it, an array of it, an unnamed struct
// with it, or it as the underlying type) when that type refers back to
// the first through any type (a pointer, a map, a slice, a channel, a
// function): type A struct{ F *B } and type B struct{ A A; X int }, and
// type C [1]struct{ A A; X int } with A pointing to C (an attack laid C
// out with A as zero bytes, never fixed up). yaegi v0.16.1 builds the type that
// refers first when a program uses it first, and lays the other out with
// the held field as zero bytes, then puts the real type in without moving
// the fields after it (interp/type.go, unsafe2.SetFieldType): B.A.F and
// B.X share their bytes, and a program reads and writes memory at any
// address it writes into X (a security review's share link, on
// Automatic). Which type is built first depends on the program's order of
// use at run time, so every such pair goes to the Go toolchain, whatever
// the order of declaration.
//
// A generic type's instance is a struct of its own that holds what its
// type arguments put in it: Box[A] in type B struct{ H Box[A] } holds A
// in B, and type Box[E any] struct{ V E } holds A in every Box[A], so
// type A struct{ F *Box[A] } refers back to the box that holds it (a
// second review's share links, both on Automatic). So a generic type is
// taken to hold each type argument of every instance of it the file
// writes, whether or not its definition holds the parameter by value (a
// List[E] of a *Elem[E] makes an Elem[A] of List[A], which does): type
// Dir struct{ Kids Stack[Dir] } goes to the Go toolchain too, a Stack[T]
// of a []T holding none. Working out which parameters a definition holds
// made the interpreter's WebAssembly 1.5 KB larger, gzipped, past its
// budget.
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
	var selfNested []*ast.Ident // a generic type named in its own instance's arguments
	for obj, ts := range types {
		ast.Inspect(ts.Type, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && types[id.Obj] != nil {
				refs[obj] = append(refs[obj], id.Obj)
			}
			return true
		})
		// An alias of a named type holds nothing of its own; an alias of
		// a literal (type B = struct{ A A }) is that type, laid out.
		if !ts.Assign.IsValid() || !namesAType(ts.Type) {
			holds[obj] = append(holds[obj], heldIn(ts.Type, types)...)
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		var x ast.Expr
		var args []ast.Expr
		switch n := n.(type) {
		case *ast.IndexExpr:
			x, args = n.X, []ast.Expr{n.Index}
		case *ast.IndexListExpr:
			x, args = n.X, n.Indices
		default:
			return true
		}
		if id, ok := ast.Unparen(x).(*ast.Ident); ok && types[id.Obj] != nil && types[id.Obj].TypeParams != nil {
			for _, a := range args {
				holds[id.Obj] = append(holds[id.Obj], heldIn(a, types)...)
				// An instance of the type among its own arguments
				// (Node[Node[int]]): yaegi typed Node[int].Next as
				// *Node[Node[int]] when the outer instance came first
				// (an attack's; reflect refused every write it tried).
				ast.Inspect(a, func(n ast.Node) bool {
					if in, ok := n.(*ast.Ident); ok && in.Obj == id.Obj {
						selfNested = append(selfNested, in)
					}
					return true
				})
			}
		}
		return true
	})
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
	reported := map[token.Pos]bool{}
	for _, in := range selfNested {
		if !reported[in.Pos()] {
			reported[in.Pos()] = true
			add(in.Pos(), heldCycleConstruct, heldCycleMsg)
		}
	}
	// A struct or an array written out inside a definition, behind a
	// pointer, a map, a slice, a channel or a function, is laid out while
	// the type is being built: type A struct{ F *struct{ A A; X int } }
	// laid the inner A out as zero bytes, X where A.F is (a review's).
	for obj, ts := range types {
		ast.Inspect(ts.Type, func(n ast.Node) bool {
			if n == ts.Type {
				return true
			}
			switch n := n.(type) {
			case *ast.StructType, *ast.ArrayType:
				if at, ok := n.(*ast.ArrayType); ok && at.Len == nil {
					return true
				}
				for _, id := range heldIn(n.(ast.Expr), types) {
					if (id.Obj == obj || reaches(id.Obj, obj)) && !reported[id.Pos()] {
						reported[id.Pos()] = true
						add(id.Pos(), heldCycleConstruct, heldCycleMsg)
					}
				}
			}
			return true
		})
	}
	for obj, held := range holds {
		for _, id := range held {
			if id.Obj != obj && !reported[id.Pos()] && reaches(id.Obj, obj) {
				reported[id.Pos()] = true
				add(id.Pos(), heldCycleConstruct, heldCycleMsg)
			}
		}
	}
}

const heldCycleMsg = "a type that holds another of the program's types which refers back to it: the interpreter may lay it out with fields sharing their bytes, and a program could then reach memory it was not given"

// namesAType: e is a named type or a generic type's instance, not a
// literal (struct{...}, [2]T, *T).
func namesAType(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// heldIn is the identifiers of the file's types a value of type e holds.
func heldIn(e ast.Expr, types map[*ast.Object]*ast.TypeSpec) []*ast.Ident {
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
			held(e.Index)
		case *ast.IndexListExpr:
			held(e.X)
			for _, a := range e.Indices {
				held(a)
			}
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
	held(e)
	return out
}

// sharedTypeNames reports a type declared with the name of another type
// of the file (two types L local to two functions, or one local and one
// at the top), and a type a function declares as a generic type's
// instance (type L Box[*int]). yaegi v0.16.1 keys the types it is laying
// out by package and name (interp/type.go, refType's ctx.defined), not by
// identity: a struct holding a value of the other type of its name took
// it for itself, still being built, and laid it out as zero bytes, then
// put itself in without moving the fields after it. And for a type
// declared in a function from an instance it renames the instance
// itself, which every use of Box[*int] shares. Both gave a review's
// programs, with no cycle of types, a pointer forged from an int on
// Automatic. Every such program goes to the Go toolchain, two types of
// one name local to unrelated functions too: only one shadowing the
// other, or one local to a generic function, was seen to collide, but a
// rule that guards memory takes the wider screen, at the cost of the
// slower engine for such programs.
func sharedTypeNames(file *ast.File, add func(token.Pos, string, string)) {
	const msg = "a type named like another, or declared in a function as an instance: the interpreter may lay out one type as another, with fields sharing their bytes"
	// seen: the blocks (nil: the file's) declaring each name; one
	// declared twice in a block is Go's compile error, said as Go says it.
	seen := map[string]map[ast.Node]bool{}
	var stack []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if ts, ok := n.(*ast.TypeSpec); ok {
			var in ast.Node // a block, or a case's list of statements
			for i := len(stack) - 1; i >= 0 && in == nil; i-- {
				switch b := stack[i].(type) {
				case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
					in = b
				}
			}
			if len(seen[ts.Name.Name]) > 0 && !seen[ts.Name.Name][in] {
				add(ts.Name.Pos(), sharedTypeNameConstruct, msg)
			}
			if seen[ts.Name.Name] == nil {
				seen[ts.Name.Name] = map[ast.Node]bool{}
			}
			seen[ts.Name.Name][in] = true
			switch ast.Unparen(ts.Type).(type) {
			case *ast.IndexExpr, *ast.IndexListExpr:
				if in != nil {
					add(ts.Name.Pos(), sharedTypeNameConstruct, msg)
				}
			}
		}
		stack = append(stack, n)
		return true
	})
}
