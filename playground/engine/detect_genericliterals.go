package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// repeatedInstanceValues reports each place where a value is made of an
// instance of a generic type written with two or more type arguments
// (P[int, int]{}, &P[int, int]{}, P[int, int](q), new(P[int, int])),
// when the same instance is written so at another place too. yaegi
// v0.16.1 keeps one node for such an instance, and its link to the
// statement after it is the last place's: reaching the first literal
// went on after the second, skipping what was between (an attack's
// fmt.Println("two") between two P[int, int]{} never printed; a map's
// Edge[string, int]{...} key was never stored and the lookup said
// false; a loop ran once and fell into an if whose condition was never
// evaluated), nothing said. A conversion or new of one went wrong
// too, loudly so far. The same instance in a type's position only (a
// variable's, a slice's element: []P[int, int]{}), with one type
// argument, or written once, ran as under go run, and so do explicit
// calls of a generic function (Map[int, string](...)), which are not
// reported.
//
// The same instance is go/types' identical one, however written
// (P[byte, int] and P[uint8, int], through an alias: a review's, which
// skipped as the others). A place inside a generic function or method,
// whose type arguments hold a type parameter (P[T, int]{}), is the same
// as any other place of that generic type for all the screen knows (an
// instance of the function may give it any argument): both are
// reported.
func repeatedInstanceValues(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	type place struct {
		at ast.Expr
		t  types.Type
	}
	byOrigin := map[*types.Named][]place{}
	var order []*types.Named
	note := func(e ast.Expr) {
		x, ok := ast.Unparen(e).(*ast.IndexListExpr)
		if !ok {
			return
		}
		tv, ok := info.Types[x]
		if !ok || !tv.IsType() {
			return
		}
		n, ok := types.Unalias(tv.Type).(*types.Named)
		if !ok || n.TypeArgs().Len() < 2 {
			return
		}
		o := n.Origin()
		if byOrigin[o] == nil {
			order = append(order, o)
		}
		byOrigin[o] = append(byOrigin[o], place{x, n})
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if n.Type != nil {
				note(n.Type)
			}
		case *ast.CallExpr:
			// A conversion, and new's argument.
			note(n.Fun)
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
					note(n.Args[0])
				}
			}
		}
		return true
	})
	var out []Finding
	for _, o := range order {
		ps := byOrigin[o]
		for i, p := range ps {
			same := false
			for j, q := range ps {
				if i != j && (types.Identical(p.t, q.t) || holdsTypeParam(p.t, nil) || holdsTypeParam(q.t, nil)) {
					same = true
					break
				}
			}
			if same {
				pos := fset.Position(p.at.Pos())
				out = append(out, Finding{Line: pos.Line, Col: pos.Column, Construct: repeatedInstanceConstruct, Message: repeatedInstanceMsg})
			}
		}
	}
	return out
}

// holdsTypeParam reports whether t is, or is built of, a type parameter.
func holdsTypeParam(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	if seen == nil {
		seen = map[types.Type]bool{}
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if holdsTypeParam(t.TypeArgs().At(i), seen) {
				return true
			}
		}
	case *types.Pointer:
		return holdsTypeParam(t.Elem(), seen)
	case *types.Slice:
		return holdsTypeParam(t.Elem(), seen)
	case *types.Array:
		return holdsTypeParam(t.Elem(), seen)
	case *types.Chan:
		return holdsTypeParam(t.Elem(), seen)
	case *types.Map:
		return holdsTypeParam(t.Key(), seen) || holdsTypeParam(t.Elem(), seen)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if holdsTypeParam(t.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if holdsTypeParam(tup.At(i).Type(), seen) {
					return true
				}
			}
		}
	}
	return false
}

const repeatedInstanceConstruct = "repeated generic value"

const repeatedInstanceMsg = "a value of this instance of a generic type with several type arguments is made at more than one place: the interpreter may go on from the first place after the last, skipping the statements between"
