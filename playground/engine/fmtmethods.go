package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// fmtMethodsLeft reports, from the program's types, what the source pass
// (fmtMethods) leaves of package fmt not seeing the program's methods in
// the interpreter, which hands fmt a value of the program's own type as a
// bare struct or number, and one held in an interface with methods as its
// wrapper of that interface (library code's type, not the program's):
//
//   - an argument of a type with a method fmt calls, in a call whose verbs
//     are not known (a format that is not a constant, an argument index);
//   - a value fmt would call a method of inside another: an element of a
//     slice, array or map, an exported field of a struct, or what a
//     pointer handed to fmt points to ([]Temp prints [21 30] where Go
//     prints [21°C 30°C]);
//   - an argument of an interface type with methods (error) that may hold
//     one of the program's types whose methods fmt calls otherwise than
//     the interface's (Error and String of a Code held in a fmt.Stringer),
//     or for a verb that calls none (%d of an error prints the wrapper);
//   - an argument of a type parameter, when the program has such types;
//   - a value of such a type handed to another library function as an
//     any, and errors' functions (but New) when a type of the program has
//     Error, Unwrap, Is or As: the wrapper of error has only Error, and
//     errors.Is(err, Code(3)) compares wrappers; but not where the source
//     pass makes them exact (errorsExact).
//
// A value of an empty interface (any) holding such a type reaches fmt as
// the interpreter's own wrapper, which the run notices (symbols.Printed).
// The findings share one message, which keeps the WebAssembly small.
func fmtMethodsLeft(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	// The program's types with a method fmt calls, and whether one has
	// Error, Unwrap, Is or As.
	var own []types.Type
	chain, declares := false, false
	for _, obj := range info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		declares = true // see misfits
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			has := fmtMethodsOf(t)
			if has != 0 {
				own = append(own, t)
			}
			chain = chain || has&hasError != 0
			for _, m := range []string{"Unwrap", "Is", "As"} {
				obj, _, _ := types.LookupFieldOrMethod(t, false, nil, m)
				_, ok := obj.(*types.Func)
				chain = chain || ok
			}
		}
	}
	if len(own) == 0 && !chain && !declares {
		return nil
	}
	onlyMisfits := len(own) == 0 && !chain
	var out []Finding
	add := func(pos token.Pos) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "methods hidden", Message: methodsHidden})
	}
	h := hider{own: own, seen: map[types.Type]bool{}}
	qual := importedQualifier(importNames(file))
	ast.Inspect(file, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if at, ok := fmtCallee(info, c); ok {
			verbs, args := fmtVerbs(info, c)
			plus, _ := plusVerbs(info, c)
			if verbs == nil && len(c.Args) > at[1] {
				args = c.Args[at[1]:]
			}
			plus = append(plus, make([]rune, len(args))...) // verbs nil: none shown
			// Print, Sprint, Fprint and Append put a space between two
			// operands when neither is a string (of kind string): the
			// helper fmtMethods gives fmt for a named string with String
			// or Error is not one (<a> 1 <b> where Go prints <a>1<b>).
			spaced := at[0] < 0 && !strings.HasSuffix(ast.Unparen(c.Fun).(*ast.SelectorExpr).Sel.Name, "ln") && len(args) > 1
			for i, a := range args {
				verb := 'v'
				if verbs != nil {
					verb = verbs[i]
				}
				t := info.TypeOf(dynamic(info, a))
				if c.Ellipsis.IsValid() {
					t = types.NewSlice(info.TypeOf(a).Underlying().(*types.Slice).Elem())
				}
				if b, ok := under(t).(*types.Basic); spaced && ok && b.Info()&types.IsString != 0 && fmtHelper(t, verb) != "" || verbs != nil && misfits(t, verb, 0) {
					add(a.Pos())
					continue
				}
				if onlyMisfits {
					continue
				}
				if _, _, ok := shown(t, plus[i], qual); ok && verbs != nil {
					continue // Show prints it (typeVerbs)
				}
				if h.hidden(t, verb, verbs == nil) {
					add(a.Pos())
				}
			}
			return true
		}
		if onlyMisfits {
			return true
		}
		var fn *types.Func
		switch f := ast.Unparen(c.Fun).(type) {
		case *ast.Ident:
			fn, _ = info.Uses[f].(*types.Func)
		case *ast.SelectorExpr:
			fn, _ = info.Uses[f.Sel].(*types.Func)
		}
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "main" {
			return true
		}
		if fn.Pkg().Path() == "errors" && fn.Name() != "New" && chain && !errorsExact(info, file, c) {
			add(c.Pos())
			return true
		}
		// Another library function: a value passed as an any arrives
		// bare, and keeps no methods where it goes.
		sig := fn.Type().(*types.Signature)
		for i, a := range c.Args {
			if i >= sig.Params().Len() && !sig.Variadic() {
				break
			}
			pt := sig.Params().At(min(i, sig.Params().Len()-1)).Type()
			if sig.Variadic() && i >= sig.Params().Len()-1 && !c.Ellipsis.IsValid() {
				pt = pt.(*types.Slice).Elem()
			}
			t := info.TypeOf(dynamic(info, a))
			if it, ok := pt.Underlying().(*types.Interface); ok && it.Empty() && t != nil && !types.IsInterface(t) && fmtMethodsOf(t) != 0 {
				add(a.Pos())
			}
		}
		return true
	})
	return out
}

const methodsHidden = "the interpreter's fmt and errors packages do not see the methods of the program's types here (in an element, a field, a value held in an interface, a type argument, an error's chain, or where the format is not a constant), where Go calls String, Error, Format, GoString or Unwrap"

// misfits says whether fmt prints a value of t under verb with a value
// of the program's named type of a basic kind that the verb does not
// suit, or a pointer, channel or function whose type names the
// program's under a verb not of numbers, which it names
// (%!d(main.Flag=true), %!s(*main.T=<nil>)) where the interpreter, whose
// types have no names, writes the kind (%!d(bool=true)).
func misfits(t types.Type, verb rune, depth int) bool {
	if t == nil || depth > 10 || strings.ContainsRune("v#Tp", verb) || types.IsInterface(t) || fmtCalls(fmtMethodsOf(t), verb) != "" {
		return false // (a method: fmt prints what it returns)
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" {
		if b, ok := n.Underlying().(*types.Basic); ok {
			fits := "t"
			switch i := b.Info(); {
			case i&types.IsInteger != 0:
				fits = "bcdoOqxXU"
			case i&(types.IsFloat|types.IsComplex) != 0:
				fits = "beEfFgGxX"
			case i&types.IsString != 0:
				fits = "sqxX"
			}
			return !strings.ContainsRune(fits, verb)
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := range u.NumFields() {
			if misfits(u.Field(i).Type(), verb, depth+1) {
				return true
			}
		}
	case *types.Slice, *types.Array:
		e := u.(interface{ Elem() types.Type }).Elem()
		if b, ok := e.Underlying().(*types.Basic); ok && b.Kind() == types.Uint8 && strings.ContainsRune("sqxX", verb) {
			return false // fmt prints the bytes as a string
		}
		return misfits(e, verb, depth+1)
	case *types.Map:
		return misfits(u.Key(), verb, depth+1) || misfits(u.Elem(), verb, depth+1)
	case *types.Pointer, *types.Chan, *types.Signature:
		// An address under a verb of numbers; else fmt names the type
		// (%!s(*main.T=<nil>)), as it does a nil pointer it is handed.
		if !strings.ContainsRune("bdoxX", verb) && typeHolds(t, func(t types.Type) bool {
			n, ok := t.(*types.Named)
			return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
		}) {
			return true
		}
		// fmt prints what a pointer it is handed points to when that is
		// a struct, a slice, an array or a map.
		if p, ok := u.(*types.Pointer); ok {
			switch p.Elem().Underlying().(type) {
			case *types.Struct, *types.Slice, *types.Array, *types.Map:
				return depth == 0 && misfits(p.Elem(), verb, 1)
			}
		}
	}
	return false
}

// hider judges what fmt receives against the program's types with
// methods fmt calls (own).
type hider struct {
	own  []types.Type
	seen map[types.Type]bool
}

// hidden says fmt would not see a method it calls when it prints a value
// of type t with verb. unknown: the verb is a guess, and the source pass
// left the argument alone.
func (h *hider) hidden(t types.Type, verb rune, unknown bool) bool {
	switch t := t.(type) {
	case nil:
		return false
	case *types.Tuple: // f() of two results
		for i := range t.Len() {
			if h.hidden(t.At(i).Type(), verb, true) {
				return true
			}
		}
		return false
	case *types.TypeParam:
		return len(h.own) > 0
	}
	if has := fmtMethodsOf(t); has != 0 && !types.IsInterface(t) {
		// Else the source pass gives it its methods, or fmt calls none;
		// but %#v of one with String or Error and no GoString prints it
		// in Go's syntax, with its type's name, which the interpreter
		// has not.
		return unknown || verb == '#' && fmtCalls(has, verb) == "" && has&(hasString|hasError) != 0
	}
	clear(h.seen)
	return h.inside(t, verb, true)
}

// inside looks for a value fmt would call a method of within a value of
// type t: elements, exported fields, and what a pointer handed to fmt
// points to (top). A value of an interface type with methods reaches
// fmt as the interpreter's wrapper of that interface, which has just its
// methods; an empty interface's value is the run's to notice.
func (h *hider) inside(t types.Type, verb rune, top bool) bool {
	if h.seen[t] || verb == 'T' || verb == 'p' {
		return false
	}
	if isTypeParam(t) {
		return len(h.own) > 0 // fmt.Println(xs) of an xs []T, as of a T (hidden)
	}
	h.seen[t] = true
	if !top && !types.IsInterface(t) && fmtCalls(fmtMethodsOf(t), verb) != "" {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		if u.Empty() {
			return false
		}
		got := fmtCalls(fmtMethodsOf(u), verb)
		for _, o := range h.own {
			// A generic type is taken to implement it: types.Implements
			// does not judge an uninstantiated one.
			if n, ok := types.Unalias(o).(*types.Named); (!ok || n.TypeParams().Len() == 0) && !types.Implements(o, u) {
				continue
			}
			if want := fmtCalls(fmtMethodsOf(o), verb); want != got || want == "" {
				return true
			}
		}
		return false
	case *types.Pointer:
		return top && h.inside(u.Elem(), verb, false)
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); f.Exported() && h.inside(f.Type(), verb, false) {
				return true
			}
		}
	case *types.Slice:
		return h.inside(u.Elem(), verb, false)
	case *types.Array:
		return h.inside(u.Elem(), verb, false)
	case *types.Map:
		return h.inside(u.Key(), verb, false) || h.inside(u.Elem(), verb, false)
	}
	return false
}
