package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// ownTypeAssertions reports, from the program's types, the type
// assertions and type switches to a concrete type of the program that
// yaegi v0.16.1 gets wrong, nothing said (measured):
//
//   - a type switch on a value of an interface of the library (error,
//     any) matches no case of the program's type with methods: an error
//     from func f() error { return &PE{} } fell to default in a switch
//     with case *PE, a NotFound value in an any to default with case
//     NotFound (on an interface the program declares, the cases match);
//   - an assertion, from an interface of the library, to a struct type
//     of the program with methods of its value fails: the interpreter's
//     wrapper of the interface holds the struct's last set field instead
//     of the struct (getConcreteValue);
//   - an assertion from an any to a type of the program with methods
//     fails when the any's value came through an interface of the
//     library with methods, held in that wrapper (var x any = f(), f
//     returning an error: x.(*PE) was false); where the value came from
//     is not known here. From error itself, x.(*PE) is right;
//   - an assertion or a case to a type of the program that has the
//     structure of another of its types (struct{ Key string } twice)
//     matches a value of either: the interpreter's reflect makes them one
//     type, and its type switch compares types' names as reflect writes
//     them;
//   - a type of the program without methods is, in the interpreter, its
//     structure (type Level int is int; type Point struct{ X, Y int } is
//     struct{ X, Y int }): an assertion or a case to either matches a
//     value of both (a blind pass's: v.(int) held for Level(3), and a
//     type switch took case int before case Level);
//   - an assertion or a case to a type parameter, in a program that has
//     such twins, may be to either of them.
func ownTypeAssertions(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	keys := map[string]int{}  // structures of T and *T of the program's types
	plain := map[string]int{} // the same, of its types without methods
	count := func(named types.Type) {
		for _, t := range []types.Type{named, types.NewPointer(named)} {
			k := structure(t, map[*types.Named]bool{})
			keys[k]++
			if n, ok := named.(*types.Named); ok && !withMethods(n, false) {
				plain[k]++
			}
		}
	}
	for _, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() && tn.Pkg() != nil && tn.Pkg().Path() == "main" && !types.IsInterface(tn.Type()) {
			count(tn.Type())
		}
	}
	// And each instance of a generic type of the program (not Box[T] in
	// its own methods, which is the type itself): Box[int], of
	// the structure of type Pair struct{ V int }, was Pair to the
	// interpreter (a stranger's review).
	instances := map[string]bool{}
	for _, in := range info.Instances {
		if n, ok := in.Type.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" && !types.IsInterface(n) && !instances[n.String()] && !typeHolds(n, isTypeParam) {
			instances[n.String()] = true
			count(n)
		}
	}
	// own returns the program's named type t is, or points to.
	own := func(t types.Type) *types.Named {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || types.IsInterface(n) {
			return nil
		}
		return n
	}
	clash := func(t types.Type) bool { return keys[structure(t, map[*types.Named]bool{})] > 1 }
	// unnamed: the structures of plain that a value of the program has
	// under a type not its own (int for type Level int; a struct literal's
	// type).
	unnamed := map[string]bool{}
	if len(plain) > 0 {
		// Every expression's type: each type once (a program's thousands
		// of expressions have a few dozen types).
		// And every type argument: as[int](Level(3)), where as asserts
		// v.(T), held though no value of the program is an int.
		seen := map[types.Type]bool{}
		note := func(t types.Type) {
			if seen[t] {
				return
			}
			seen[t] = true
			if own(t) == nil {
				if k := structure(t, map[*types.Named]bool{}); plain[k] > 0 {
					unnamed[k] = true
				}
			}
		}
		for _, tv := range info.Types {
			if tv.IsValue() {
				note(tv.Type)
			}
		}
		for _, in := range info.Instances {
			for t := range in.TypeArgs.Types() {
				note(t)
			}
		}
	}
	// oneWithItsStructure: t is a type of the program without methods
	// whose structure a value of another type has, or t has the structure
	// of such a type.
	oneWithItsStructure := func(t types.Type) bool {
		k := structure(t, map[*types.Named]bool{})
		if n := own(t); n != nil {
			return !withMethods(n, false) && unnamed[k]
		}
		return plain[k] > 0
	}
	// twins: the program has two types the interpreter makes one (two of
	// its types of one structure, or one without methods and a value of
	// its structure under another type), so an assertion to a type
	// parameter may be to either, whatever the instances (as[Level](3),
	// where as asserts v.(T), held).
	twins := len(unnamed) > 0
	for _, n := range keys {
		twins = twins || n > 1
	}
	param := func(t types.Type) bool { return twins && typeHolds(t, isTypeParam) }
	ownInterface := func(t types.Type) bool {
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" && types.IsInterface(n)
	}
	var out []Finding
	add := func(pos token.Pos, construct, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: construct, Message: msg})
	}
	const msg = "in the interpreter, matching a value in an interface against the program's own types goes wrong here: a type switch on an error or an any misses its types with methods, an assertion from one to a struct with methods of its value or from an any fails, two types with the same fields are one, and a type without methods is one with its structure (type Level int is int)"
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSwitchStmt:
			var ta *ast.TypeAssertExpr
			switch a := n.Assign.(type) {
			case *ast.ExprStmt:
				ta, _ = ast.Unparen(a.X).(*ast.TypeAssertExpr)
			case *ast.AssignStmt:
				ta, _ = ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr)
			}
			if ta == nil {
				return true
			}
			library := !ownInterface(info.TypeOf(ta.X))
			for _, c := range n.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					t := info.TypeOf(e)
					named := own(t)
					if named != nil && (clash(t) || library && withMethods(named, false)) || oneWithItsStructure(t) || param(t) {
						add(e.Pos(), "assertion to own type", msg)
					}
				}
			}
			return true
		case *ast.TypeAssertExpr:
			if n.Type == nil {
				return true // a type switch's, above
			}
			t := info.TypeOf(n.Type)
			named := own(t)
			_, isStruct := t.Underlying().(*types.Struct)
			x := info.TypeOf(n.X)
			it, _ := x.Underlying().(*types.Interface)
			if it != nil && (named != nil && (clash(t) || !ownInterface(x) && (it.Empty() && withMethods(named, false) || isStruct && types.Unalias(t) == types.Type(named) && withMethods(named, true))) || oneWithItsStructure(t) || param(t)) {
				add(n.Type.Pos(), "assertion to own type", msg)
			}
		}
		return true
	})
	return out
}

// withMethods reports whether the named type has methods (value: with a
// value receiver), or embeds a field, which may promote some (not
// types.NewMethodSet, which the engine's WebAssembly would carry).
func withMethods(n *types.Named, value bool) bool {
	for i := range n.NumMethods() {
		if _, ptr := n.Method(i).Type().(*types.Signature).Recv().Type().(*types.Pointer); !value || !ptr {
			return true
		}
	}
	if s, ok := n.Underlying().(*types.Struct); ok {
		for i := range s.NumFields() {
			if s.Field(i).Embedded() {
				return true
			}
		}
	}
	return false
}
