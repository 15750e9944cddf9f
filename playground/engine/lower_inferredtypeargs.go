package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// inferredTypeArgRewrite, named inferredTypeArgs: a use of a generic
// function whose type arguments Go infers gets them written out, as
// go/types inferred them (types.Info.Instances), where they can be
// written in source at that point and the interpreter runs them right.
//
// The interpreter (yaegi v0.16.1) infers type arguments only from what
// an argument's type shows plainly: given ps of type []Pair[string, int]
// for SortByKey[K, V](ps []Pair[K, V]), it takes K for the whole
// Pair[string, int] and refuses the program ("does not implement
// cmp.Ordered"); an untyped constant for a cmp.Ordered parameter
// (cmp.Less(2.0, 2.0)), a generic function passed or assigned as a
// value (apply(Double, 3)), it refuses too. With the type arguments written out it runs them
// as Go does. genericCalls, which runs first, writes those the syntax
// alone shows; this rewrite, which needs go/types, writes the rest.
//
// A type argument is written only when every name it uses means, at the
// use, what go/types says it means: a type of the program (a local one
// only in its scope, and not shadowed there), a predeclared one, an
// exported type of a package imported under a name not shadowed there,
// made into pointers, slices, arrays, maps, channels and functions (a
// struct or interface type written out is left, though the interpreter
// would run Last[interface{ String() string }](xs): the WebAssembly's
// budget had no room left for it).
// Left to the interpreter's own inference, as genericCalls leaves them,
// are type arguments that hold an instance of a generic type
// (First[Pair[string, int]](ps) panics where First(ps) runs right) or a
// type parameter of the enclosing function (Dup[T](x, 2) inside Twice[T]
// panics for a T declared in main), a type of a package the file does
// not import, and the value of a variable declared with var, which
// genericValues announces. A library's generic function is written out
// only when the interpreter runs its own copy of it (genericSupported,
// not replaced by a helper: libCalls).
func inferredTypeArgRewrite(l *lowering, s *syntax) {
	if l.info == nil || len(l.info.Instances) == 0 {
		return
	}
	// The written type arguments of each generic function's name, to tell
	// a partial list (F[int](...), the rest inferred) from a full one.
	lists := map[*ast.Ident]ast.Expr{}
	declared := map[*ast.Ident]bool{}
	selectors := map[*ast.Ident]*ast.SelectorExpr{} // pkg.F by its F
	calls := map[*ast.Ident]*ast.CallExpr{}         // F(...) by its F
	ast.Inspect(s.file, func(n ast.Node) bool {
		var x ast.Expr
		switch n := n.(type) {
		case *ast.CallExpr:
			if id := calleeName(instantiated(n.Fun)); id != nil {
				calls[id] = n
			}
			return true
		case *ast.SelectorExpr:
			selectors[n.Sel] = n
			return true
		case *ast.ValueSpec:
			for _, v := range n.Values {
				if id := calleeName(instantiated(v)); id != nil {
					declared[id] = true
				}
			}
			return true
		case *ast.IndexExpr:
			x = n.X
		case *ast.IndexListExpr:
			x = n.X
		default:
			return true
		}
		if id := calleeName(x); id != nil {
			lists[id] = n.(ast.Expr)
		}
		return true
	})
	var ids []*ast.Ident
	for id, inst := range l.info.Instances {
		if _, ok := inst.Type.(*types.Signature); ok {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	for _, id := range ids {
		inst := l.info.Instances[id]
		obj, _ := l.info.Uses[id].(*types.Func)
		if obj == nil || obj.Pkg() == nil || declared[id] {
			continue
		}
		if path := obj.Pkg().Path(); path != "main" && (!genericSupported[path+"."+obj.Name()] || libCalls[path+"."+obj.Name()] != "") {
			continue
		}
		var whole ast.Expr = id
		if sel := selectors[id]; sel != nil {
			whole = sel
		}
		written, lbrack, rbrack := writtenTypeArgs(lists[id])
		if written == inst.TypeArgs.Len() {
			continue // all written
		}
		if written > 0 {
			whole = lists[id]
		}
		// genericCalls wrote this one already.
		if l.editedWithin(whole) {
			continue
		}
		args, ok := l.writeTypes(inst.TypeArgs, id.Pos())
		if !ok {
			if c := calls[id]; c != nil && misinferredConstant(l.info, obj, inst, written, c) {
				l.handOvers = append(l.handOvers, handOver{c.Pos(), misinferredConstantConstruct,
					"an untyped constant given to a generic function for a type parameter that only the other arguments' types show (E of a []E: CountEqual(week, 20) for a []Celsius): the interpreter takes the constant's own type for it (int), and compares or stores a Celsius against an int, wrongly and silently; the type arguments cannot be written out for it here: Go runs it"})
			}
			continue
		}
		l.putTypeArgs(id, lbrack, rbrack, "["+strings.Join(args, ", ")+"]")
	}
}

const misinferredConstantConstruct = "generic call inferring from a constant"

// misinferredConstant: the interpreter, left to infer the type arguments
// of c, a call of the generic function f (inst, as go/types inferred
// it; the first written of them written by the reader), may get one
// wrong: untyped values (untypedKind: constants, comparisons) are the
// only arguments given for parameters of type E, E is not written, and
// Go inferred E otherwise than as one value's default type, from another
// parameter's core type (S ~[]E, P ~*E, C ~chan E) or as the enclosing
// function's type parameter. yaegi v0.16.1 takes E from the value
// (CountEqual[S ~[]E, E cmp.Ordered](week, 20) with week a []Celsius:
// E is int), and inside the instance x == v compares a Celsius with an
// int: false, where Go's is true (an attack's ten programs). Inside
// generic code Go's E may be the enclosing T, whose type arguments are
// not followed: handed over whatever they are. Several untyped values
// for E, Go takes the latest kind's default type (1 and 2.5: float64),
// the interpreter the first's (an attack's seven programs). An argument of a type
// other than untyped given for E too (Eq(x, 2) for Eq[T](a, b T)), the
// interpreter takes E from it, as Go does.
func misinferredConstant(info *types.Info, f *types.Func, inst types.Instance, written int, c *ast.CallExpr) bool {
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.TypeParams() == nil || c.Ellipsis.IsValid() {
		return false
	}
	params := sig.Params()
	paramOf := func(i int) *types.TypeParam {
		if params.Len() == 0 {
			return nil
		}
		t := params.At(min(i, params.Len()-1)).Type()
		if i >= params.Len()-1 && sig.Variadic() {
			t = t.(*types.Slice).Elem()
		} else if i >= params.Len() {
			return nil
		}
		tp, _ := t.(*types.TypeParam)
		return tp
	}
	// E given an untyped value whose default type is not Go's E (several
	// of them: Go takes the latest kind's, 1 and 2.5 a float64, the
	// interpreter the first's), and E given a typed argument.
	differs, typed := map[*types.TypeParam]bool{}, map[*types.TypeParam]bool{}
	for i, a := range c.Args {
		tp := paramOf(i)
		if tp == nil {
			continue
		}
		if k := untypedKind(info, a); k == types.Invalid {
			typed[tp] = true
		} else if i := tp.Index(); i >= written && i < inst.TypeArgs.Len() && !types.Identical(inst.TypeArgs.At(i), types.Default(types.Typ[k])) {
			differs[tp] = true
		}
	}
	for tp := range differs {
		if !typed[tp] {
			return true
		}
	}
	return false
}

// instantiated is the function (or generic type) x names, without its
// type arguments and parentheses: f for f, (f), f[int] and (f[int, string]).
func instantiated(x ast.Expr) ast.Expr {
	switch y := ast.Unparen(x).(type) {
	case *ast.IndexExpr:
		return ast.Unparen(y.X)
	case *ast.IndexListExpr:
		return ast.Unparen(y.X)
	default:
		return y
	}
}

// calleeName is the name of the function x names: F, or pkg.F's F.
func calleeName(x ast.Expr) *ast.Ident {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// writeTypes writes each type as the program would at pos, or says one
// cannot be written there.
func (l *lowering) writeTypes(list *types.TypeList, pos token.Pos) ([]string, bool) {
	write := l.typeWriter(pos)
	var out []string
	for i := range list.Len() {
		s, ok := write(list.At(i))
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// typeWriter returns a function that writes a type as the program would
// at pos, or says it cannot be written there (see writable).
func (l *lowering) typeWriter(pos token.Pos) func(types.Type) (string, bool) {
	never := func(types.Type) (string, bool) { return "", false }
	main := l.mainPackage()
	if main == nil {
		return never
	}
	scope := main.Scope().Innermost(pos)
	if scope == nil {
		return never
	}
	names := map[*types.Package]string{}
	qualify := func(p *types.Package) string {
		if p == main {
			return ""
		}
		return names[p]
	}
	return func(t types.Type) (string, bool) {
		if !l.writable(t, scope, pos, names, 0) {
			return "", false
		}
		return types.TypeString(t, qualify), true
	}
}

// writable reports whether every name t uses means, at pos, what it
// means in t; it records in names the name each package is imported
// under.
func (l *lowering) writable(t types.Type, scope *types.Scope, pos token.Pos, names map[*types.Package]string, depth int) bool {
	if depth > 16 {
		return false
	}
	rec := func(t types.Type) bool { return l.writable(t, scope, pos, names, depth+1) }
	switch t := t.(type) {
	case *types.Basic:
		// byte and rune are written as such, and are the universe's.
		return t.Kind() != types.UnsafePointer && t.Info()&types.IsUntyped == 0 && visibleBasic(scope, pos, t.Name())
	case *types.Pointer:
		return rec(t.Elem())
	case *types.Slice:
		return rec(t.Elem())
	case *types.Array:
		return rec(t.Elem())
	case *types.Map:
		return rec(t.Key()) && rec(t.Elem())
	case *types.Chan:
		return rec(t.Elem())
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				if !rec(tup.At(i).Type()) {
					return false
				}
			}
		}
		return t.TypeParams() == nil
	case *types.Interface:
		// any; a struct or an interface type written out is left to
		// the interpreter's inference (kept small for the WebAssembly).
		return t.Empty() && visibleBasic(scope, pos, "any")
	case *types.TypeParam:
		// Written inside a generic function, the enclosing function's
		// type parameter breaks the interpreter's instance when it is
		// one of the program's local types (Twice[T](x) calling
		// Dup[T](x, 2) panicked for a T declared in main): the call is
		// left to its inference, as genericCalls leaves it, or to
		// ownTypeArgs, which writes it where only predeclared types
		// reach T.
		return false
	case *types.Alias:
		return l.writableNamed(t.Obj(), t.TypeArgs(), scope, pos, names)
	case *types.Named:
		return l.writableNamed(t.Obj(), t.TypeArgs(), scope, pos, names)
	}
	return false
}

// writableNamed: a named type, not an instance, whose name means it at
// pos.
func (l *lowering) writableNamed(obj *types.TypeName, args *types.TypeList, scope *types.Scope, pos token.Pos, names map[*types.Package]string) bool {
	if args.Len() > 0 {
		// An instance of a generic type written out as a type argument
		// breaks the interpreter's instance (First[Pair[string, int]](ps)
		// panics, where First(ps) runs right): as genericCalls does, the
		// call is left to the interpreter's inference.
		return false
	}
	switch {
	case obj.Pkg() == nil: // error, comparable
		if _, found := scope.LookupParent(obj.Name(), pos); found != obj {
			return false
		}
	case obj.Pkg().Path() == "main":
		if _, found := scope.LookupParent(obj.Name(), pos); found != obj {
			return false
		}
	default:
		if !obj.Exported() {
			return false
		}
		name, ok := names[obj.Pkg()]
		if !ok {
			for n, path := range l.names {
				if path != obj.Pkg().Path() || n == "." || n == "_" {
					continue
				}
				if _, found := scope.LookupParent(n, pos); found != nil {
					if pn, isPkg := found.(*types.PkgName); isPkg && pn.Imported() == obj.Pkg() {
						name = n
						break
					}
				}
			}
			if name == "" {
				return false
			}
			names[obj.Pkg()] = name
		}
	}
	return true
}

// visibleBasic: the name of a predeclared type means it at pos (the
// program declares nothing of that name around it).
func visibleBasic(scope *types.Scope, pos token.Pos, name string) bool {
	_, found := scope.LookupParent(name, pos)
	return found != nil && found.Parent() == types.Universe
}
