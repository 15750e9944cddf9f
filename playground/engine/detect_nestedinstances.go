package engine

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
)

// nestedInstances reports, from the program's types, a generic type or
// function of the file instantiated with a type argument that holds an
// instance of one of the file's generic types (written out, inferred,
// through an alias, an interface's methods or a type parameter's
// argument, or a method of the program's type given), when the one
// instantiated uses that generic type (in its definition, its methods'
// bodies or through the file's other generics it uses), that type uses
// the one instantiated, or the one instantiated uses itself (Z[A, B]
// pointing to a Z[B, A]).
// Those are the ways a program makes Node[Node[int]] or instances that
// refer to each other without writing one inside another's brackets,
// which heldCycles' reading of the syntax cannot see: an attack made
// twelve (Wrap[Node[int]] of a Wrap[T] holding a Node[T], mk[Node[int]](),
// wrap(Node[int]{}), Of[Node[int]] of type Of[T any] = Node[T], ...).
// yaegi v0.16.1 typed Node[int].Next *Node[Node[int]] when the outer
// instance was built first, the layout fault heldCycles guards against;
// every such program goes to the Go toolchain. A type argument of the
// library's types or of the file's non-generic ones alone
// (Stack[Point], List[string]) is not reported.
//
// It reports too what yaegi's copy of a generic's code gets wrong
// whatever the instances: a generic type naming an instance of itself
// with other type arguments (Node[int] in a Node[T], built as the
// instance being made), a name spelled like a type parameter that means
// something else (s.T of a field T, replaced by the type argument), and
// a method named like one of another generic type of as many type
// parameters (its code is kept by name and type arguments: B[int].Name
// ran A[int].Name). An attack's five programs, each silent or never
// ending in the interpreter, none reported before.
func nestedInstances(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	// decls: each generic type and function of the file, with the syntax
	// it is made of (a type's methods with it).
	decls := map[types.Object][]ast.Node{}
	var order []types.Object // decls' keys in the file's order, for the reports'
	declare := func(g types.Object, n ast.Node) {
		if g != nil {
			if decls[g] == nil {
				order = append(order, g)
			}
			decls[g] = append(decls[g], n)
		}
	}
	generic := func(obj types.Object) types.Object {
		switch o := obj.(type) {
		case *types.TypeName:
			if n, ok := types.Unalias(o.Type()).(*types.Named); ok && n.TypeParams().Len() > 0 && !o.IsAlias() {
				return n.Origin().Obj()
			}
			if a, ok := o.Type().(*types.Alias); ok && a.TypeParams().Len() > 0 {
				return o
			}
		case *types.Func:
			o = o.Origin()
			sig := o.Type().(*types.Signature)
			if r := sig.Recv(); r != nil {
				t := r.Type()
				if p, ok := t.(*types.Pointer); ok {
					t = p.Elem()
				}
				if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeParams().Len() > 0 {
					return n.Origin().Obj()
				}
				return nil
			}
			if sig.TypeParams().Len() > 0 {
				return o
			}
		}
		return nil
	}
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			declare(generic(info.Defs[d.Name]), d)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					declare(generic(info.Defs[ts.Name]), ts)
				}
			}
		}
	}
	if len(decls) == 0 {
		return nil
	}
	var out []Finding
	report := func(pos token.Pos, construct, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: construct, Message: msg})
	}
	// uses: the file's generics each one names.
	uses := map[types.Object]map[types.Object]bool{}
	methods := map[string]types.Object{} // the generic type that declares a method of each name
	for _, g := range order {
		uses[g] = map[types.Object]bool{}
		for _, n := range decls[g] {
			params := map[string]bool{} // the names of its type parameters
			if fd, ok := n.(*ast.FuncDecl); ok && fd.Recv != nil {
				// yaegi v0.16.1 keys a generic method's code by its name
				// and type arguments: B[int].Name ran A[int].Name (an
				// attack's). Types of different numbers of parameters
				// never share a key.
				if o := methods[fd.Name.Name]; o != nil && o != g && paramCount(o) == paramCount(g) {
					report(fd.Name.Pos(), genericNameConstruct, "a method named like another generic type's: the interpreter may run the other type's method for this one")
				}
				methods[fd.Name.Name] = g
			}
			ast.Inspect(n, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				obj := cmp.Or(info.Defs[id], info.Uses[id])
				if tn, ok := obj.(*types.TypeName); ok && info.Defs[id] != nil {
					if _, ok := tn.Type().(*types.TypeParam); ok {
						params[id.Name] = true
					}
				}
				if tn, ok := obj.(*types.TypeName); params[id.Name] && (!ok || !isTypeParam(tn.Type())) {
					// yaegi replaces every name spelled like a type
					// parameter in an instance's code: s.T of a field
					// T read the field int (an attack's).
					report(id.Pos(), genericNameConstruct, "a name spelled like a type parameter of its generic function or type: the interpreter takes it for the type argument")
				}
				// A type naming itself with its own parameters (a
				// method's receiver Stack[T], a Stack[T]{} in it), or a
				// method of its own (t.Left.Insert(v)), is no other
				// instance of it; with others (Node[int] in a
				// Node[T], Z[B, A] in a Z[A, B]) yaegi built the instance
				// being made in its place (an attack's: a string read
				// where Go has an int; a program that never ended).
				_, named := info.Uses[id].(*types.TypeName)
				if u := generic(info.Uses[id]); u != nil && decls[u] != nil && !(u == g && (!named || ownParams(info.Instances[id].TypeArgs))) {
					uses[g][u] = true
					if u == g {
						report(id.Pos(), nestedInstanceConstruct, "a generic type naming an instance of itself with other type arguments: the interpreter may build the instance being made in its place")
					}
				}
				return true
			})
		}
	}
	// reaches: the file's generics g uses, directly or through others.
	// Each answer is kept: an instance asks for its generic's and for
	// every generic its arguments hold.
	reached := map[types.Object]map[types.Object]bool{}
	reaches := func(g types.Object) map[types.Object]bool {
		if r, ok := reached[g]; ok {
			return r
		}
		seen := map[types.Object]bool{}
		reached[g] = seen
		stack := []types.Object{g}
		for len(stack) > 0 {
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for u := range uses[o] {
				if !seen[u] {
					seen[u] = true
					stack = append(stack, u)
				}
			}
		}
		return seen
	}
	reported := map[token.Pos]bool{}
	for id, inst := range info.Instances {
		g := generic(info.Uses[id])
		if g == nil || decls[g] == nil || inst.TypeArgs == nil || reported[id.Pos()] {
			continue
		}
		held := map[types.Object]bool{}
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			instancesIn(inst.TypeArgs.At(i), decls, held, map[types.Type]bool{})
		}
		if len(held) == 0 {
			continue
		}
		r := reaches(g)
		nested := r[g] // g uses itself
		for h := range held {
			// g uses h, or h uses g: yaegi builds an instance's methods
			// with it (Node[Box[int]] of a Box[E] whose Lift gives a
			// Node[E], a review's).
			nested = nested || h == g || r[h] || reaches(h)[g]
		}
		if nested {
			reported[id.Pos()] = true
			report(id.Pos(), nestedInstanceConstruct, nestedInstanceMsg)
		}
	}
	return out
}

// paramCount is the number of type parameters of a generic type.
func paramCount(o types.Object) int {
	return o.Type().(*types.Named).TypeParams().Len()
}

// ownParams reports whether args are type parameters in their own
// order, as a generic type names itself in its definition and methods.
func ownParams(args *types.TypeList) bool {
	for i := 0; args != nil && i < args.Len(); i++ {
		if p, ok := args.At(i).(*types.TypeParam); !ok || p.Index() != i {
			return false
		}
	}
	return args != nil && args.Len() > 0
}

const (
	nestedInstanceConstruct = "instance nested in an instance"
	genericNameConstruct    = "generic name"
)

const nestedInstanceMsg = "an instance of a generic type of the program given to a generic type or function that uses that type: the interpreter may lay out one instance as another, with fields sharing their bytes, and a program could then reach memory it was not given"

// instancesIn adds to held the file's generic types (decls' keys) that t
// holds an instance of anywhere: in its type arguments, its elements,
// fields, methods' signatures and the program's named types' methods'
// signatures. A named type's definition is not read: an instance given a type of the program that holds an instance
// (Box[*N] of type N struct{ Kids Box[*N] }) is a generic type's own
// recursion, which heldCycles judges from the syntax.
func instancesIn(t types.Type, decls map[types.Object][]ast.Node, held map[types.Object]bool, seen map[types.Type]bool) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	walk := func(t types.Type) { instancesIn(t, decls, held, seen) }
	tuple := func(tu *types.Tuple) {
		for i := 0; i < tu.Len(); i++ {
			walk(tu.At(i).Type())
		}
	}
	switch t := t.(type) {
	case *types.Alias:
		if t.TypeArgs().Len() > 0 && decls[t.Origin().Obj()] != nil {
			held[t.Origin().Obj()] = true
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			walk(t.TypeArgs().At(i))
		}
		walk(types.Unalias(t))
	case *types.Named:
		if t.TypeArgs().Len() > 0 && decls[t.Origin().Obj()] != nil {
			held[t.Origin().Obj()] = true
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			walk(t.TypeArgs().At(i))
		}
		// Its methods, which yaegi builds with it: Holder[K] of a K
		// whose Get gives a *Node[int] (a review's).
		if pkg := t.Obj().Pkg(); pkg != nil && pkg.Path() == "main" {
			for i := 0; i < t.NumMethods(); i++ {
				walk(t.Method(i).Type())
			}
		}
	case *types.Pointer:
		walk(t.Elem())
	case *types.Slice:
		walk(t.Elem())
	case *types.Array:
		walk(t.Elem())
	case *types.Chan:
		walk(t.Elem())
	case *types.Map:
		walk(t.Key())
		walk(t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			walk(t.Field(i).Type())
		}
	case *types.Signature:
		tuple(t.Params())
		tuple(t.Results())
	case *types.Interface:
		for i := 0; i < t.NumExplicitMethods(); i++ {
			walk(t.ExplicitMethod(i).Type())
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			walk(t.EmbeddedType(i))
		}
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			walk(t.Term(i).Type())
		}
	}
}
