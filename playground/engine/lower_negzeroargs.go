package engine

import (
	"go/ast"
	"go/types"

	"github.com/goexpert/gointernals/playground/symbols"
)

// negZeroArgRewrite, named negZeroArgs: the interpreter passes a negative
// zero to a function of the program as a positive one. Its call does not
// copy into the callee's frame an argument for which reflect.Value's
// IsZero holds, the frame's zero standing for it, and IsZero holds for
// -0.0 (yaegi v0.16.1, interp/run.go, call): func id(x float64) float64
// { return x } gave 0 for math.Copysign(0, -1), and so did a generic
// function, and min and max (whose helpers are such functions). A method,
// a function value, a closure and a variadic argument are passed another
// way and keep the sign.
//
// A floating-point or complex argument of such a call that is not a
// constant (a constant is never -0) goes through the library's check
// first (symbols.Lower: Float64...), which hands the run over to the Go
// toolchain when it is a negative zero (or a complex zero with one): a
// call with one arrives nowhere as Go's. A parameter of a named type gets
// the check through its underlying type and back. A struct or an array
// that holds floating-point numbers is lost the same way when all of it
// is zero (a blind pass's find: show(P{-0, 0}) printed {0 0}); it goes
// through Zeros, which walks it, and back to its type with an assertion,
// for a value of a type the pass can write where the call is (a name;
// not an unnamed struct, not an instance of a generic type). That costs:
// 300,000 calls of a function of two such arguments took 1.9 times as
// long natively (300 ms, 580 with the checks; an ad-hoc timing). Left: a parameter of a
// type parameter's type, a call's results passed as the arguments
// (f(g())), and the arguments of a deferred call or a go statement
// (below).
func negZeroArgRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	local := map[string]string{} // import path → the file's name for it
	for name, path := range l.names {
		local[path] = name
	}
	qualifier := func(p *types.Package) string {
		if p.Name() == "main" {
			return ""
		}
		return local[p.Path()]
	}
	// A deferred call's arguments, and a go statement's, are left: the
	// interpreter evaluates a call among them when the deferred call runs
	// (deferArgs copies the arguments first, and a check around the copy
	// would read it late, its last value in a loop).
	deferred := map[*ast.CallExpr]bool{}
	ast.Inspect(s.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			deferred[n.Call] = true
		case *ast.GoStmt:
			deferred[n.Call] = true
		}
		return true
	})
	for _, c := range s.calls {
		if c.Ellipsis.IsValid() || deferred[c] || !l.passesByFrame(c) {
			continue
		}
		sig, ok := l.info.Types[c.Fun].Type.(*types.Signature)
		if !ok {
			continue
		}
		for i, a := range c.Args {
			if sig.Variadic() && i >= sig.Params().Len()-1 || i >= sig.Params().Len() {
				break
			}
			tv := l.info.Types[a]
			if _, tuple := tv.Type.(*types.Tuple); tuple {
				break // f(g()): g's results are the arguments
			}
			if tv.Value != nil || tv.IsNil() {
				continue
			}
			pt := sig.Params().At(i).Type()
			if _, ok := pt.(*types.TypeParam); ok {
				continue
			}
			basic, ok := pt.Underlying().(*types.Basic)
			if !ok {
				// A struct or an array is lost when all of it is zero.
				if holdsFloats(pt.Underlying(), 0) {
					if name, ok := l.typeWriter(a.Pos())(tv.Type); ok {
						l.imports[symbols.LowerPath] = true
						l.wrap(a, "_lowerRT.Zeros(", ").("+name+")")
					}
				}
				continue
			}
			check := map[types.BasicKind]string{types.Float64: "Float64", types.Float32: "Float32", types.Complex128: "Complex128", types.Complex64: "Complex64"}[basic.Kind()]
			if check == "" {
				continue
			}
			l.imports[symbols.LowerPath] = true
			if types.Identical(pt, basic) {
				l.wrap(a, "_lowerRT."+check+"(", ")")
				continue
			}
			name := types.TypeString(pt, qualifier)
			if name == "" || name[0] == '.' {
				continue // a package the file does not name
			}
			l.wrap(a, name+"(_lowerRT."+check+"("+basic.Name()+"(", ")))")
		}
	}
}

// holdsFloats: t, a struct or an array, holds a floating-point or complex
// number in itself (in a field or an element, at any depth; not behind a
// pointer, a slice, a map or an interface, which are not zero when they
// hold anything).
func holdsFloats(t types.Type, depth int) bool {
	if depth > 16 {
		return false
	}
	switch t := t.(type) {
	case *types.Basic:
		return t.Info()&(types.IsFloat|types.IsComplex) != 0
	case *types.Array:
		return holdsFloats(t.Elem().Underlying(), depth+1)
	case *types.Struct:
		for i := range t.NumFields() {
			if holdsFloats(t.Field(i).Type().Underlying(), depth+1) {
				return true
			}
		}
	}
	return false
}

// passesByFrame: c calls a function the program declares at its top, not
// a method, by its name (instantiated or not), or min or max.
func (l *lowering) passesByFrame(c *ast.CallExpr) bool {
	id, ok := instantiated(c.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	switch obj := l.info.Uses[id].(type) {
	case *types.Builtin:
		return obj.Name() == "min" || obj.Name() == "max"
	case *types.Func:
		sig, _ := obj.Type().(*types.Signature)
		return obj.Pkg() != nil && obj.Pkg().Name() == "main" && obj.Parent() == obj.Pkg().Scope() && sig != nil && sig.Recv() == nil
	}
	return false
}
