package engine

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
)

// fmtMethodRewrite, named fmtMethods: yaegi v0.16.1 hands a value of the
// program's own type to package fmt as a bare struct or number, without
// its methods, so fmt.Println(t) printed 21 where go run prints 21°C
// (Temp's String), a Code with Error and String printed 404, and
// fmt.Errorf("%w", e) printed %!w(int=404). A value it hands to a
// library function whose parameter is an interface with methods keeps
// them: it becomes the interpreter's wrapper of that interface, whose
// methods call the program's. So each argument of fmt's printing
// functions whose type (known from go/types) has in its method set the
// method fmt calls for that argument's verb is passed through
// playground/lower's identity function of that interface:
//
//   - Format, for any verb but %T and %p, which fmt answers first, from
//     the argument's type and address: _lowerRT.Formatter(v);
//   - GoString under %#v: _lowerRT.GoStringer(v);
//   - Error, else String, under %v, %s, %q, %x, %X (and %w of Errorf):
//     _lowerRT.Errorer(v), _lowerRT.Stringer(v), as fmt prefers Error.
//
// A function's result is passed as an element of a literal,
// _lowerRT.Stringer([]Vec{add(a, b)}[0]): the interpreter hands a call's
// result to a library function bare, whatever the parameter's type.
//
// A verb for which fmt calls no method (%d of a Stringer) leaves the
// value bare, which fmt prints as Go does. The method set is Go's: a
// String of *T is not T's, promoted methods of embedded fields are. A
// call whose format is not a constant, has an argument index or a *,
// or spreads a slice (f(a...)) is left alone; so are values whose type is
// an interface (the interpreter keeps their methods), or a type
// parameter. What stays wrong is announced (fmtmethods.go).
func fmtMethodRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	for _, c := range s.calls {
		verbs, args := fmtVerbs(l.info, c)
		for i, a := range args {
			d := dynamic(l.info, a)
			t := l.info.TypeOf(d)
			helper := fmtHelper(t, verbs[i])
			if helper == "" {
				continue
			}
			// The interpreter hands a function's result to the helper
			// bare, as to fmt: an element of a literal it wraps.
			open, close := "_lowerRT."+helper+"(", ")"
			if call, ok := ast.Unparen(d).(*ast.CallExpr); ok && !l.info.Types[call.Fun].IsType() {
				open, close = open+"[]"+types.TypeString(t, l.qualifier)+"{", "}[0])"
			}
			if d == a {
				l.wrap(a, open, close)
			} else { // the helper replaces the conversions
				l.add(edit{pos: l.off(a.Pos()), end: l.off(d.Pos()), text: open})
				l.add(edit{pos: l.off(d.End()), end: l.off(a.End()), text: close})
			}
			l.imports[symbols.LowerPath] = true
		}
	}
}

// qualifier writes a type's package as the file names it.
func (l *lowering) qualifier(p *types.Package) string {
	if p.Path() == "main" {
		return ""
	}
	for name, path := range l.names {
		if path == p.Path() {
			return name
		}
	}
	return p.Name()
}

// dynamic strips from e the conversions to interface types
// (fmt.Stringer(t), any(t)), which the interpreter makes no wrapper for
// (it hands fmt the bare value): what is left has the type of the value
// fmt receives, and the helper takes the conversions' place.
func dynamic(info *types.Info, e ast.Expr) ast.Expr {
	for {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(c.Args) != 1 || !info.Types[c.Fun].IsType() || !types.IsInterface(info.TypeOf(c.Fun)) {
			return e
		}
		e = c.Args[0]
	}
}

// fmtCallee says whether c calls one of fmt's functions that print
// their arguments, and where its format is (-1: none, every argument
// prints with %v) and its first argument printed: after the writer of
// Fprint..., the slice of Append..., each written so.
func fmtCallee(info *types.Info, c *ast.CallExpr) ([2]int, bool) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return [2]int{}, false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || !strings.Contains(" Print Println Printf Sprint Sprintln Sprintf Fprint Fprintln Fprintf Append Appendln Appendf Errorf ", " "+fn.Name()+" ") {
		return [2]int{}, false
	}
	at := 0
	if fn.Name()[0] == 'F' || fn.Name()[0] == 'A' {
		at = 1
	}
	if strings.HasSuffix(fn.Name(), "f") {
		return [2]int{at, at + 1}, true
	}
	return [2]int{-1, at}, true
}

// fmtVerbs returns the arguments c prints, if c calls one of fmt's
// printing functions, each with its verb ('#' for %#v, as formatVerbs
// has it); nil when the verbs are not known (a format that
// is not a constant, with an argument index or a *, a count of verbs
// other than of arguments, a spread slice).
func fmtVerbs(info *types.Info, c *ast.CallExpr) (verbs []rune, args []ast.Expr) {
	at, ok := fmtCallee(info, c)
	if !ok || c.Ellipsis.IsValid() || len(c.Args) < at[1] {
		return nil, nil
	}
	args = c.Args[at[1]:]
	if at[0] < 0 {
		return []rune(strings.Repeat("v", len(args))), args
	}
	tv := info.Types[c.Args[at[0]]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil, nil
	}
	verbs, ok = formatVerbs(constant.StringVal(tv.Value))
	if !ok || len(verbs) != len(args) {
		return nil, nil
	}
	return verbs, args
}

// fmtHelper names the helper that gives fmt a value of type t with the
// method fmt calls for verb, or "" when it calls none of t's.
func fmtHelper(t types.Type, verb rune) string {
	if t == nil || types.IsInterface(t) {
		return ""
	}
	switch t.(type) {
	case *types.TypeParam, *types.Tuple:
		return ""
	}
	switch m := fmtCalls(fmtMethodsOf(t), verb); m {
	case "String", "GoString":
		return m + "er"
	case "Error":
		return "Errorer"
	case "Format":
		return "Formatter"
	}
	return ""
}

// fmtCalls names the method fmt calls for verb on a value with the
// methods has, or "": Format for any verb but %T and %p, which fmt
// answers first, GoString under %#v, Error, else String, under the verbs
// of strings (%w wants an error: fmt calls no String for one that is
// not). '#' is %#v alone (formatVerbs).
func fmtCalls(has int, verb rune) string {
	switch {
	case verb == 'T' || verb == 'p':
	case has&hasFormat != 0:
		return "Format"
	case verb == '#':
		if has&hasGoString != 0 {
			return "GoString"
		}
	case strings.ContainsRune("vsqxXw", verb):
		if has&hasError != 0 {
			return "Error"
		}
		if has&hasString != 0 && verb != 'w' {
			return "String"
		}
	}
	return ""
}

const (
	hasString = 1 << iota
	hasError
	hasFormat
	hasGoString
)

// fmtMethodsOf says which of the methods fmt looks for t's method set has,
// with the signatures of fmt's interfaces. (types.LookupFieldOrMethod
// rather than types.NewMethodSet, which would cost the engine's
// WebAssembly about 5 KB gzipped.)
func fmtMethodsOf(t types.Type) int {
	has := 0
	for i, name := range [...]string{"String", "Error", "Format", "GoString"} {
		obj, _, _ := types.LookupFieldOrMethod(t, false, nil, name)
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Type().(*types.Signature)
		ok = sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String])
		if name == "Format" {
			ok = sig.Params().Len() == 2 && sig.Results().Len() == 0 && sig.Params().At(0).Type().String() == "fmt.State" && types.Identical(sig.Params().At(1).Type(), types.Typ[types.Rune])
		}
		if ok {
			has |= 1 << i
		}
	}
	return has
}
