package engine

import (
	"fmt"
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
//     errors.Is(err, Code(3)) compares wrappers.
//
// A value of an empty interface (any) holding such a type reaches fmt as
// the interpreter's own wrapper, which the run notices (symbols.Printed).
func fmtMethodsLeft(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var out []Finding
	add := func(pos token.Pos, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "methods hidden", Message: msg})
	}
	// The program's types with a method fmt calls, and whether one has
	// Unwrap, Is or As.
	var own []types.Type
	chain, errorType := "", ""
	for _, obj := range info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if has := fmtMethodsOf(t); has != 0 {
				own = append(own, t)
				if has&hasError != 0 {
					errorType = tn.Name()
				}
			}
			for _, m := range []string{"Unwrap", "Is", "As"} {
				if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m); obj != nil {
					if _, ok := obj.(*types.Func); ok {
						chain = m + " of " + tn.Name()
					}
				}
			}
		}
	}
	if len(own) == 0 && chain == "" {
		return nil
	}
	h := hider{own: own, seen: map[types.Type]bool{}}
	ast.Inspect(file, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if at, ok := fmtCallee(info, c); ok {
			verbs, args := fmtVerbs(info, c)
			if verbs == nil && len(c.Args) > at[1] {
				args = c.Args[at[1]:]
			}
			for i, a := range args {
				verb := "v"
				if verbs != nil {
					verb = verbs[i]
				}
				t := info.TypeOf(dynamic(info, a))
				if c.Ellipsis.IsValid() {
					t = types.NewSlice(info.TypeOf(a).Underlying().(*types.Slice).Elem())
				}
				if why := h.hidden(t, verb, verbs == nil); why != "" {
					add(a.Pos(), fmt.Sprintf("the interpreter's fmt does not see the method %s when it receives %s", why, types.ExprString(a)))
				}
			}
			return true
		}
		fn := calleeFunc(info, c)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "main" {
			return true
		}
		if fn.Pkg().Path() == "errors" && fn.Name() != "New" && (chain != "" || errorType != "") {
			why := chain
			if why == "" {
				why = "Error of " + errorType
			}
			add(c.Pos(), "the interpreter's errors package does not see the methods of the program's errors ("+why+"): one reaches it as the interpreter's wrapper of error, which compares and unwraps otherwise")
			return true
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			return true
		}
		for i, a := range c.Args {
			p := sig.Params().Len() - 1
			if i < p || !sig.Variadic() {
				p = i
			}
			if p >= sig.Params().Len() {
				break
			}
			pt := sig.Params().At(p).Type()
			if sig.Variadic() && i >= sig.Params().Len()-1 && !c.Ellipsis.IsValid() {
				pt = pt.(*types.Slice).Elem()
			}
			t := info.TypeOf(dynamic(info, a))
			if it, ok := pt.Underlying().(*types.Interface); ok && it.Empty() && t != nil && !types.IsInterface(t) && fmtMethodsOf(t) != 0 {
				add(a.Pos(), fmt.Sprintf("%s.%s receives %s without its methods in the interpreter", fn.Pkg().Name(), fn.Name(), types.ExprString(a)))
			}
		}
		return true
	})
	return out
}

// calleeFunc is the function or method c calls, if known.
func calleeFunc(info *types.Info, c *ast.CallExpr) *types.Func {
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[f].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		fn, _ := info.Uses[f.Sel].(*types.Func)
		return fn
	}
	return nil
}

// hider judges what fmt receives against the program's types with
// methods fmt calls (own).
type hider struct {
	own  []types.Type
	seen map[types.Type]bool
}

// fmtCalls names the method fmt calls for verb on a value with the
// methods has, or "".
func fmtCalls(has int, verb string) string {
	switch {
	case verb == "T" || verb == "p":
	case has&hasFormat != 0:
		return "Format"
	case verb == "#v":
		if has&hasGoString != 0 {
			return "GoString"
		}
	case strings.Contains("vsqxXw", verb):
		if has&hasError != 0 {
			return "Error"
		}
		if has&hasString != 0 && verb != "w" {
			return "String"
		}
	}
	return ""
}

// hidden says which method fmt would not see (as "String of Temp") when
// it prints a value of type t with verb, or "". unknown: the verb is a
// guess, and the source pass left the argument alone.
func (h *hider) hidden(t types.Type, verb string, unknown bool) string {
	if t == nil {
		return ""
	}
	if tu, ok := t.(*types.Tuple); ok { // f() of two results
		for i := range tu.Len() {
			if why := h.hidden(tu.At(i).Type(), verb, true); why != "" {
				return why
			}
		}
		return ""
	}
	if _, ok := t.(*types.TypeParam); ok {
		if len(h.own) > 0 {
			return fmt.Sprintf("%s of a type argument", h.methodOf(h.own[0], "v"))
		}
		return ""
	}
	if it, ok := t.Underlying().(*types.Interface); ok {
		return h.inInterface(it, verb)
	}
	if fmtMethodsOf(t) != 0 {
		if unknown {
			return h.methodOf(t, "v")
		}
		return "" // the source pass gives it its methods, or fmt calls none
	}
	clear(h.seen)
	return h.inside(t, verb, true)
}

// methodOf names the method fmt calls on t for verb, with t's name.
func (h *hider) methodOf(t types.Type, verb string) string {
	m := fmtCalls(fmtMethodsOf(t), verb)
	if m == "" {
		m = "String"
	}
	return m + " of " + types.TypeString(t, func(*types.Package) string { return "" })
}

// inInterface: a value of an interface type with methods reaches fmt as
// the interpreter's wrapper of that interface, which has just its
// methods; an empty interface's value is the run's to notice.
func (h *hider) inInterface(it *types.Interface, verb string) string {
	if it.Empty() || verb == "T" || verb == "p" {
		return ""
	}
	got := fmtCalls(fmtMethodsOf(it), verb)
	for _, t := range h.own {
		// A generic type is taken to implement it: types.Implements
		// does not judge an uninstantiated one.
		if n, ok := types.Unalias(t).(*types.Named); (!ok || n.TypeParams().Len() == 0) && !types.Implements(t, it) {
			continue
		}
		if want := fmtCalls(fmtMethodsOf(t), verb); want != got || want == "" {
			return h.methodOf(t, verb) + " held in an interface"
		}
	}
	return ""
}

// inside looks for a value fmt would call a method of within a value of
// type t: elements, exported fields, and what a pointer handed to fmt
// points to (top).
func (h *hider) inside(t types.Type, verb string, top bool) string {
	if h.seen[t] {
		return ""
	}
	h.seen[t] = true
	if !top {
		if it, ok := t.Underlying().(*types.Interface); ok {
			return h.inInterface(it, verb)
		}
		if fmtCalls(fmtMethodsOf(t), verb) != "" {
			return h.methodOf(t, verb) + " inside another value"
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		if top {
			return h.inside(u.Elem(), verb, false)
		}
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); f.Exported() {
				if why := h.inside(f.Type(), verb, false); why != "" {
					return why
				}
			}
		}
	case *types.Slice:
		return h.inside(u.Elem(), verb, false)
	case *types.Array:
		return h.inside(u.Elem(), verb, false)
	case *types.Map:
		if why := h.inside(u.Key(), verb, false); why != "" {
			return why
		}
		return h.inside(u.Elem(), verb, false)
	}
	return ""
}
