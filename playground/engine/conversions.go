package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A conversion is a place where a value goes to a variable, parameter,
// result, element, key or channel whose type may differ from its own:
// where Go makes an interface value of it when the type it goes to is an
// interface. Several checks ask where the program's values become
// interface values (aliasConversions, givenValues); they share this one
// walk, so that a place one of them learns about is learnt by all.
type conversion struct {
	e        ast.Expr   // the value (for a range assigning to variables, the variable)
	from, to types.Type // e's type, or the one of its results, and the type it goes to
	// call is the call e is an argument of, nil for a conversion T(x)
	// and append's values; spread says e is a call whose results are
	// the call's arguments (f(g())).
	call   *ast.CallExpr
	spread bool
}

// eachConversion calls f for every conversion in file: an assignment or
// a declaration, a return, a send, a map's index, a range assigning to
// variables (over a slice, an array, a map, a channel or an iterator
// function), a composite literal's element or key, a call's argument
// (append's, and a conversion's), each result of a call passed on as
// several values (v, err := g(); f(g())). A place whose types go/types
// did not record is left out.
func eachConversion(file *ast.File, info *types.Info, f func(conversion)) {
	typeOf := func(e ast.Expr) types.Type {
		if tv, ok := info.Types[e]; ok {
			return tv.Type
		}
		return nil
	}
	emit := func(e ast.Expr, from, to types.Type) {
		if e != nil && from != nil && to != nil {
			f(conversion{e: e, from: from, to: to})
		}
	}
	// values pairs the values of an assignment, a declaration or a
	// return with the types they go to.
	values := func(rhs []ast.Expr, to func(i int) types.Type) {
		if len(rhs) == 1 {
			if tuple, ok := typeOf(rhs[0]).(*types.Tuple); ok {
				for i := range tuple.Len() {
					emit(rhs[0], tuple.At(i).Type(), to(i))
				}
				return
			}
		}
		for i, r := range rhs {
			emit(r, typeOf(r), to(i))
		}
	}
	var funcs []*types.Signature // the enclosing functions' signatures
	var inspect func(n ast.Node) bool
	inspect = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if obj, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				funcs = append(funcs, obj.Type().(*types.Signature))
				ast.Inspect(n.Body, inspect)
				funcs = funcs[:len(funcs)-1]
			}
			return false
		case *ast.FuncLit:
			if sig, ok := typeOf(n).(*types.Signature); ok {
				funcs = append(funcs, sig)
				ast.Inspect(n.Body, inspect)
				funcs = funcs[:len(funcs)-1]
			}
			return false
		case *ast.ReturnStmt:
			if len(funcs) > 0 {
				res := funcs[len(funcs)-1].Results()
				values(n.Results, func(i int) types.Type {
					if i < res.Len() {
						return res.At(i).Type()
					}
					return nil
				})
			}
		case *ast.AssignStmt:
			values(n.Rhs, func(i int) types.Type {
				if i < len(n.Lhs) {
					// A name := declares, or declares again (n, v :=
					// with v declared before: go/types records it as
					// used).
					return info.TypeOf(n.Lhs[i])
				}
				return nil
			})
		case *ast.ValueSpec:
			values(n.Values, func(i int) types.Type {
				if i < len(n.Names) {
					if obj := info.Defs[n.Names[i]]; obj != nil {
						return obj.Type()
					}
				}
				return nil
			})
		case *ast.SendStmt:
			emit(n.Value, typeOf(n.Value), setElem[*types.Chan](typeOf(n.Chan)))
		case *ast.IndexExpr:
			if m, ok := coreType(typeOf(n.X)).(*types.Map); ok {
				emit(n.Index, typeOf(n.Index), m.Key())
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				key, value := rangeTypes(typeOf(n.X))
				emit(n.Key, key, typeOf(n.Key))
				emit(n.Value, value, typeOf(n.Value))
			}
		case *ast.CompositeLit:
			elem := func(el ast.Expr, t types.Type) { emit(el, typeOf(el), t) }
			lit := coreType(typeOf(n))
			if p, ok := lit.(*types.Pointer); ok {
				lit = coreType(p.Elem()) // {...} for &T{...} ([]*T{{...}})
			}
			switch t := lit.(type) {
			case *types.Slice:
				compositeElems(n, t.Elem(), nil, elem)
			case *types.Array:
				compositeElems(n, t.Elem(), nil, elem)
			case *types.Map:
				compositeElems(n, t.Elem(), t.Key(), elem)
			case *types.Struct:
				for i, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if key, ok := kv.Key.(*ast.Ident); ok {
							for j := range t.NumFields() {
								if t.Field(j).Name() == key.Name {
									elem(kv.Value, t.Field(j).Type())
								}
							}
						}
					} else if i < t.NumFields() {
						elem(el, t.Field(i).Type())
					}
				}
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				if len(n.Args) == 1 {
					emit(n.Args[0], typeOf(n.Args[0]), tv.Type) // a conversion
				}
				return true
			}
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "append" {
				if _, ok := info.Uses[id].(*types.Builtin); ok {
					if s, ok := coreType(typeOf(n)).(*types.Slice); ok && n.Ellipsis == token.NoPos {
						for _, a := range n.Args[1:] {
							emit(a, typeOf(a), s.Elem())
						}
					}
					return true
				}
			}
			// A built-in's signature is the call's own (panic's takes an
			// any); a type parameter's, its core type's (F ~func(any)).
			sig, ok := coreType(typeOf(n.Fun)).(*types.Signature)
			if !ok {
				return true
			}
			param := func(i int) types.Type {
				params := sig.Params()
				switch {
				case sig.Variadic() && i >= params.Len()-1 && n.Ellipsis == token.NoPos:
					if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
						return s.Elem()
					}
				case i < params.Len():
					return params.At(i).Type()
				}
				return nil
			}
			if len(n.Args) == 1 {
				if tuple, ok := typeOf(n.Args[0]).(*types.Tuple); ok {
					for i := range tuple.Len() {
						if to := param(i); to != nil {
							f(conversion{e: n.Args[0], from: tuple.At(i).Type(), to: to, call: n, spread: true})
						}
					}
					return true
				}
			}
			for i, a := range n.Args {
				if from, to := typeOf(a), param(i); from != nil && to != nil {
					f(conversion{e: a, from: from, to: to, call: n})
				}
			}
		}
		return true
	}
	ast.Inspect(file, inspect)
}

// rangeTypes are the types a range over a value of type t gives its key
// and its value (nil where it gives none).
func rangeTypes(t types.Type) (key, value types.Type) {
	switch u := coreType(t).(type) {
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			return types.Typ[types.Int], types.Typ[types.Rune]
		}
		return t, nil // range N(3) gives values of N
	case *types.Slice:
		return types.Typ[types.Int], u.Elem()
	case *types.Array:
		return types.Typ[types.Int], u.Elem()
	case *types.Pointer:
		if a, ok := under(u.Elem()).(*types.Array); ok {
			return types.Typ[types.Int], a.Elem()
		}
	case *types.Map:
		return u.Key(), u.Elem()
	case *types.Chan:
		return u.Elem(), nil
	case *types.Signature: // func(yield func(K, V) bool)
		if u.Params().Len() == 1 {
			if yield, ok := under(u.Params().At(0).Type()).(*types.Signature); ok {
				p := yield.Params()
				if p.Len() > 0 {
					key = p.At(0).Type()
				}
				if p.Len() > 1 {
					value = p.At(1).Type()
				}
			}
		}
	}
	return key, value
}
