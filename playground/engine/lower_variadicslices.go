package engine

import (
	"go/ast"
	"go/types"
)

// variadicSliceRewrite, named variadicSlices: an argument of type []any
// (or of a named type of that structure) passed without ... where a
// function takes ...any is one element of the function's slice in Go:
// func count(args ...any) gets len(args) 1 from count(xs). The
// interpreter (yaegi v0.16.1, measured; a blind pass's, silent) takes it
// for the slice itself in a call of a function the program declares:
// count(xs) had 2, count(1, xs) lost the 1, count(xs, 1) had 3. A method,
// a function value and a literal were right; the rewrite takes every
// call but the library's (fmt.Println(xs) was right, and is common),
// since what it writes means the same in Go: the variadic arguments go
// into a slice of their own, count([]interface{}{xs}...). append(s, xs),
// the one value appended a slice, appended xs's elements (with two
// values, or xs converted to an interface, it was right; with the
// slice written out, append(s, []interface{}{xs}...) appended one more
// level): it becomes append(s, interface{}(xs)). xs may be of a type
// parameter whose types are such slices (X ~[]any). Where the element's type
// is an interface other than interface{} itself (a named one), which the
// rewrite could not write without its name, or where the slice is one
// of a call's results passed on whole (f(g())), the program is handed
// over. The variadic arguments of a call of the program's function
// whose element is not an interface are written as a slice literal
// (packVariadic), for the capacity Go gives them.
func variadicSliceRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	empty := types.NewInterfaceType(nil, nil)
	for _, c := range s.calls {
		if c.Ellipsis.IsValid() {
			l.appendSpelled(c)
			continue
		}
		if l.libraryCall(c) {
			continue
		}
		elem, args, isAppend := l.variadicArgs(c)
		if elem != nil && !isAppend && !types.IsInterface(elem) {
			l.packVariadic(c, elem, args)
			continue
		}
		if elem == nil || !types.IsInterface(elem) || isTypeParam(elem) || isAppend && len(args) > 1 {
			continue
		}
		whole := false
		for _, a := range args {
			if l.sliceOf(l.info.TypeOf(a), elem) {
				whole = true
			}
		}
		if !isAppend && l.resultsToVariadic(c, elem) {
			continue
		}
		switch {
		case !whole:
		case !types.Identical(elem, empty):
			l.handOvers = append(l.handOvers, handOver{c.Lparen, "slice to a variadic interface", "a slice passed, without ..., as one value of a variadic parameter of an interface type (or appended as one value): the interpreter takes it for the whole slice, where Go makes it one element"})
		case isAppend:
			l.wrap(args[0], "interface{}(", ")")
		default:
			pos, end := l.off(args[0].Pos()), l.off(args[len(args)-1].End())
			l.add(edit{pos: pos, end: pos, text: "[]interface{}{", wraps: end - pos})
			l.add(edit{pos: end, end: end, text: "}...", wraps: pos - end})
		}
	}
}

// packVariadic writes the variadic arguments of a call of the
// program's function as a slice literal passed with ...: sum(1, 2, 3)
// becomes sum([]int{1, 2, 3}...), which means the same in Go. Go makes
// the parameter's slice with a capacity of its length; yaegi v0.16.1
// appends the arguments to it one by one (three gave a capacity of 4, six
// of 8), so an append to the parameter wrote into the array it shared
// with what kept it, or not, otherwise than under go run (a probe's 17 of
// 23 silent programs: a map's value, a struct's field, a channel's
// element holding the slice). A literal's capacity is its length in
// both. An element's type that cannot be written at the call (a type
// parameter, a struct written out) is left; a slice of an interface is
// variadicSliceRewrite's own.
func (l *lowering) packVariadic(c *ast.CallExpr, elem types.Type, args []ast.Expr) {
	if len(args) == 0 || c.Ellipsis.IsValid() || l.libraryCall(c) {
		return
	}
	if _, tuple := l.info.TypeOf(args[0]).(*types.Tuple); tuple {
		return // f(g()), g's results
	}
	t, ok := l.typeWriter(c.Lparen)(elem)
	if !ok {
		return
	}
	pos, end := l.off(args[0].Pos()), l.off(args[len(args)-1].End())
	l.add(edit{pos: pos, end: pos, text: "[]" + t + "{", wraps: end - pos})
	l.add(edit{pos: end, end: end, text: "}...", wraps: pos - end})
}

// resultsToVariadic: c passes a call's results, f(g()); where one of
// those that go to the variadic parameter is a slice of its element type,
// the program is handed over (the interpreter took it for the whole
// parameter: f(g()) with g's (int, []any) gave f one element more).
func (l *lowering) resultsToVariadic(c *ast.CallExpr, elem types.Type) bool {
	if len(c.Args) != 1 {
		return false
	}
	tuple, ok := l.info.TypeOf(c.Args[0]).(*types.Tuple)
	if !ok {
		return false
	}
	for i := under(l.info.TypeOf(c.Fun)).(*types.Signature).Params().Len() - 1; i < tuple.Len(); i++ {
		if l.sliceOf(tuple.At(i).Type(), elem) {
			l.handOvers = append(l.handOvers, handOver{c.Lparen, "slice to a variadic interface", "a slice, one of the results of a call passed whole to a function with a variadic parameter of an interface type: the interpreter takes it for the whole of that parameter, where Go makes it one element"})
			break
		}
	}
	return true
}

// variadicArgs returns the element type of call c's variadic parameter
// (append's: its slice's) and the arguments c passes to it, or nil.
func (l *lowering) variadicArgs(c *ast.CallExpr) (elem types.Type, args []ast.Expr, isAppend bool) {
	if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && builtin(id) == "append" {
		if _, isBuiltin := l.info.Uses[id].(*types.Builtin); !isBuiltin || len(c.Args) < 2 {
			return nil, nil, false
		}
		if elem := setElem[*types.Slice](l.info.TypeOf(c.Args[0])); elem != nil {
			return elem, c.Args[1:], true
		}
		return nil, nil, false
	}
	sig, ok := under(l.info.TypeOf(c.Fun)).(*types.Signature)
	if !ok || !sig.Variadic() {
		return nil, nil, false
	}
	n := sig.Params().Len()
	elem = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
	if len(c.Args) < n {
		return elem, nil, false // f(g()), g's results, or none
	}
	return elem, c.Args[n-1:], false
}

// sliceOf: t may be a slice of elem: t is one, or of a type of that
// structure, or a type parameter whose type set has one (X ~[]any, and
// T any: wrap[T any](x T) { count(x) } of a []any gave count 3 for 1, a
// stranger's review). Where it is not one, what the rewrite writes means
// the same.
func (l *lowering) sliceOf(t, elem types.Type) bool {
	s := types.NewSlice(elem)
	if tp, ok := t.(*types.TypeParam); ok && types.Satisfies(s, tp.Constraint().Underlying().(*types.Interface)) {
		return true
	}
	return only(t, func(t types.Type) bool { return types.Identical(t.Underlying(), s) })
}

// libraryCall: c calls a function or method of a package other than the
// program's.
func (l *lowering) libraryCall(c *ast.CallExpr) bool {
	var id *ast.Ident
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr: // an instance: pkg.F[T]
		if sel, ok := f.X.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
	}
	if id == nil {
		return false
	}
	fn, ok := l.info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() != "main"
}

// appendSpelled: append(s, x...), where s's elements are spelled any and
// x's interface{} (or the other way round), one type to Go, appended x
// as one value in the interpreter, which tells the two apart (yaegi
// v0.16.1 spreads x when the elements' names are the same, ... or not);
// x becomes []any(x), or []interface{}(x), after s's.
func (l *lowering) appendSpelled(c *ast.CallExpr) {
	elem, args, isAppend := l.variadicArgs(c)
	if !isAppend || len(args) != 1 {
		return
	}
	sl, ok := under(l.info.TypeOf(args[0])).(*types.Slice)
	if !ok {
		return // append(b, "s"...)
	}
	to, from := spelling(elem), spelling(sl.Elem())
	switch {
	case to == from || to == "" || from == "":
	case to == "any" && l.declares("any"):
		l.handOvers = append(l.handOvers, handOver{c.Lparen, "append of any and interface{}", "an append of a slice of interface{} to one of any (or the other way round): the interpreter appends the slice as one value, and the program declares its own any"})
	default:
		l.wrap(args[0], "[]"+to+"(", ")")
	}
}

// spelling says how t, an empty interface, is written: "any" (through
// aliases of it too), "interface{}", or "" for another type.
func spelling(t types.Type) string {
	for {
		a, ok := t.(*types.Alias)
		if !ok {
			break
		}
		if a.Obj().Pkg() == nil && a.Obj().Name() == "any" {
			return "any"
		}
		t = a.Rhs()
	}
	if it, ok := t.(*types.Interface); ok && it.Empty() {
		return "interface{}"
	}
	return ""
}

// declares: the program declares something named name.
func (l *lowering) declares(name string) bool {
	for id := range l.info.Defs {
		if id.Name == name {
			return true
		}
	}
	return false
}
