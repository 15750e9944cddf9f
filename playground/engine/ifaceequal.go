package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// ifaceEqualities reports, with the program's types (info, as for
// aliasConversions), each comparison of interface values (==, != and a
// switch's cases on an interface value) that may hold a value of one of
// the program's types with methods: yaegi v0.16.1 compares such values
// by the wrappers it makes of them, so two equal values are unequal
// (var a I = P{1}; var b I = P{1}: a == b is true in go run, false in the
// engine, and a switch on a takes the default), nothing said. A comparison
// with nil, or of an interface no type of the program implements, is not
// reported. aliasConversions misses these when the values are composite
// literals, which it need not name: fresh storage is no alias.
func ifaceEqualities(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var own []types.Type
	plain := false // the program declares a type without methods
	for id, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && id.Name != "_" && !tn.IsAlias() {
			if ownMethods(tn.Type()) {
				own = append(own, tn.Type())
			} else if _, ok := tn.Type().(*types.Named); ok && !types.IsInterface(tn.Type()) {
				plain = true
			}
		}
	}
	if len(own) == 0 && !plain {
		return nil
	}
	typeOf := func(e ast.Expr) types.Type {
		if tv, ok := info.Types[e]; ok && !tv.IsNil() {
			return tv.Type
		}
		return nil
	}
	// holdsOwn: a value of type t may be one of the program's types with
	// methods, held in an interface.
	holdsOwn := func(t types.Type) bool {
		if t == nil {
			return false
		}
		it, ok := t.Underlying().(*types.Interface)
		if !ok {
			return ownMethods(t)
		}
		for _, o := range own {
			if types.Implements(o, it) || types.Implements(types.NewPointer(o), it) {
				return true
			}
		}
		return false
	}
	// isInterface: a value of type t may be an interface value where it
	// is compared, or is a map's key. A type parameter's is, by go/types,
	// unless its type set holds only basic types: yaegi instantiates
	// generic code with the type argument, so within func Index[T
	// cmp.Ordered] x == v compares two Celsius, not the wrappers of two
	// interface values. Compared with an interface, or given to the
	// library as an any (sync.Map's Store), such a value is put in one:
	// holdsOwn and holdsPlain still ask what it may be.
	isInterface := func(t types.Type) bool {
		return types.IsInterface(t) && !basicTypeSet(t)
	}
	var out []Finding
	report := func(at ast.Node) {
		p := fset.Position(at.Pos())
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "interface comparison", Message: "this comparison of interface values (or a map's key) may compare values of the program's types, which the interpreter compares by the wrappers it makes of them, or by their structure alone: equal values come out unequal, or values of two types equal, where Go compares the types and the values"})
	}
	// holdsPlain: a value of type t may be one of the program's types
	// without methods, held in an interface. The interpreter's reflect
	// knows such a type by its structure: Celsius(1) and Meters(1) held
	// in an any were equal, and equal to 1.0, and two structs of the same
	// fields likewise, as map keys too (testdata/silent).
	holdsPlain := func(t types.Type) bool {
		if !plain || t == nil {
			return false
		}
		if it, ok := t.Underlying().(*types.Interface); ok {
			return it.NumMethods() == 0
		}
		n, ok := t.(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Name() == "main" && !ownMethods(t)
	}
	// compared: x and y are compared, one of them an interface value.
	compared := func(x, y types.Type) bool {
		if plain && (anyInside(x, 0) || anyInside(y, 0)) {
			return true // W{Celsius(1)} == W{Meters(1)}, W's field an any
		}
		if x == nil || y == nil || !isInterface(x) && !isInterface(y) {
			return false
		}
		return holdsOwn(x) && holdsOwn(y) || holdsPlain(x) || holdsPlain(y)
	}
	// keyed: e is a map whose keys are interface values and may hold one of
	// the program's types without methods.
	keyed := func(e ast.Expr) bool {
		t := typeOf(e)
		if t == nil {
			return false
		}
		m, ok := t.Underlying().(*types.Map)
		return ok && (isInterface(m.Key()) && holdsPlain(m.Key()) || plain && anyInside(m.Key(), 0))
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && compared(typeOf(n.X), typeOf(n.Y)) {
				report(n)
			}
		case *ast.IndexExpr:
			if keyed(n.X) {
				report(n)
			}
		case *ast.CallExpr:
			// slices.Contains(xs, any(Meters(1))) of a []any compares in
			// the library what the interfaces hold (testdata/silent).
			// sync.Map's keys and atomic.Value's type check likewise.
			f := calledFunc(info, n)
			if !plain || f == nil || f.Pkg() == nil {
				break
			}
			path := f.Pkg().Path()
			for _, a := range n.Args {
				t := typeOf(a)
				if t == nil {
					continue
				}
				e, ok := t.Underlying().(interface{ Elem() types.Type })
				if (path == "slices" || path == "maps") && comparesValues(f) && ok && (holdsPlain(e.Elem()) && isInterface(e.Elem()) || anyInside(e.Elem(), 0)) ||
					(path == "sync" || path == "sync/atomic") && (holdsPlain(t) || anyInside(t, 0)) {
					report(n)
					break
				}
			}
		case *ast.CompositeLit:
			if keyed(n) && len(n.Elts) > 0 {
				report(n)
			}
		case *ast.SwitchStmt:
			if n.Tag == nil {
				break
			}
			tag := typeOf(n.Tag)
			for _, s := range n.Body.List {
				for _, e := range s.(*ast.CaseClause).List {
					if compared(tag, typeOf(e)) {
						report(e)
					}
				}
			}
		}
		return true
	})
	return out
}

// anyInside says whether t is a struct or an array with an interface
// without methods among its fields or elements, however deep: comparing
// two such values compares what the interfaces hold.
func anyInside(t types.Type, depth int) bool {
	if t == nil || depth > 10 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for f := range u.Fields() {
			if it, ok := f.Type().Underlying().(*types.Interface); ok && it.NumMethods() == 0 || anyInside(f.Type(), depth+1) {
				return true
			}
		}
	case *types.Array:
		it, ok := u.Elem().Underlying().(*types.Interface)
		return ok && it.NumMethods() == 0 || anyInside(u.Elem(), depth+1)
	}
	return false
}

// comparesValues: the library's function f may compare the values it is
// given with == (or hash them): one of its type parameters is constrained
// comparable (slices.Contains, Index, Equal, Compact; maps' keys). One
// whose type parameters all allow any type cannot (slices.SortFunc,
// IndexFunc, Clone): b13's SortFunc of a []Pair[K, V] compares nothing.
func comparesValues(f *types.Func) bool {
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.TypeParams() == nil {
		return true
	}
	for i := range sig.TypeParams().Len() {
		if iface, ok := sig.TypeParams().At(i).Constraint().Underlying().(*types.Interface); !ok || iface.IsComparable() {
			return true
		}
	}
	return false
}

// basicTypeSet says whether t is a type parameter whose constraint admits
// only basic types (cmp.Ordered, ~int | ~float64, Number | ~string):
// whatever its type argument, its values are numbers, strings or
// booleans of that type until they are put in an interface.
func basicTypeSet(t types.Type) bool {
	_, isParam := t.(*types.TypeParam)
	return isParam && only(t, func(u types.Type) bool {
		_, ok := u.Underlying().(*types.Basic)
		return ok
	})
}
