package engine

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// errorsExact reports whether the interpreter runs call, a call of
// errors.As or errors.Is, as Go does once the source pass gives it the
// helpers _lowerAs and _lowerIs (symbols.ErrorsAs, ErrorsIs), and whether
// it runs a call of errors' other functions as Go does as it stands.
//
// A value of the program's own type in an error is, in the interpreter,
// its wrapper of error (interp._error), whose one method is Error and
// whose first field holds the value, as the interpreter's reflect knows
// it: its structure (two types of the program with the same fields are
// one type to it). And where the value is a struct, the field holds
// instead one of the struct's own fields, the last that is set (yaegi
// v0.16.1 takes a struct without methods for its emulation of an
// interface: getConcreteValue), so no link of a chain is known to hold
// what it seems to. The helpers match a link by the value in the
// wrapper. So the call is exact when, from the program's types (info):
//
//   - no type of the program has an Unwrap, Is or As method, which the
//     wrapper hides from the chain's walk;
//   - for errors.As to an interface: it is error, or one of the library
//     that no type of the program implements (the wrapper has error's
//     methods alone);
//   - for errors.As to a concrete type, and errors.Is: no struct type
//     of the program implements error with its value (a pointer to one
//     may), whose wrapper may hold any value of its fields; no two types
//     of the program that implement error have one structure (struct{
//     Key string } twice), none is generic, and a type of the program
//     the target points to is declared at the top of the file, not made
//     of a type of the library (type E fs.PathError).
func errorsExact(info *types.Info, file *ast.File, call *ast.CallExpr) bool {
	fn := calledFunc(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" {
		return false
	}
	own := programErrorTypes(info)
	switch {
	case own.methods:
		return false
	case fn.Name() == "Is" && len(call.Args) == 2:
		return !own.lossy && !own.ambiguous
	case fn.Name() != "As":
		return fn.Name() != "Is"
	case len(call.Args) != 2:
		return false
	}
	ptr, ok := types.Unalias(info.TypeOf(call.Args[1])).(*types.Pointer)
	if !ok {
		return false
	}
	target := types.Unalias(ptr.Elem())
	if it, ok := target.Underlying().(*types.Interface); ok {
		named, ok := target.(*types.Named)
		if !ok || it.Empty() {
			return false // a literal, whose type the interpreter makes its own, or any
		}
		if named.Obj().Pkg() == nil { // error
			return true
		}
		if named.Obj().Pkg().Path() == "main" {
			return false
		}
		for _, t := range own.types {
			if types.Implements(t, it) {
				return false
			}
		}
		return true
	}
	if own.lossy || !types.Implements(target, errorIface) {
		return false // not implementing error, errors.As panics, in the library's words either way
	}
	base := target
	if p, ok := target.(*types.Pointer); ok {
		base = types.Unalias(p.Elem())
	}
	named, ok := base.(*types.Named)
	if !ok {
		return false
	}
	if named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" {
		return !ownInside(target) // a type of the library
	}
	if own.ambiguous {
		return false
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, sp := range gd.Specs {
			if ts, ok := sp.(*ast.TypeSpec); ok && info.Defs[ts.Name] == named.Obj() && !ts.Assign.IsValid() && ts.TypeParams == nil {
				library := false
				ast.Inspect(ts.Type, func(n ast.Node) bool {
					_, sel := n.(*ast.SelectorExpr)
					library = library || sel
					return !library
				})
				return !library
			}
		}
	}
	return false
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// ownInside reports whether t, a type of the library, is built of the
// program's types (a generic type of the library instantiated with one).
func ownInside(t types.Type) bool {
	return strings.Contains(types.TypeString(t, nil), "main.")
}

// calledFunc is the function call calls, when it names one.
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var fn *types.Func
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ = info.Uses[f].(*types.Func)
	case *ast.SelectorExpr:
		fn, _ = info.Uses[f.Sel].(*types.Func)
	}
	return fn
}

// errorTypes is what errorsExact needs of the program's types.
type errorTypes struct {
	types     []types.Type // T and *T of each type the program declares
	methods   bool         // one has Unwrap, Is or As
	lossy     bool         // a struct type implements error with its value
	ambiguous bool         // two that implement error have one structure, or one is generic
}

func programErrorTypes(info *types.Info) errorTypes {
	var e errorTypes
	seen := map[string]bool{}
	for _, obj := range info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		named, _ := tn.Type().(*types.Named)
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			e.types = append(e.types, t)
			for _, m := range []string{"Unwrap", "Is", "As"} {
				obj, _, _ := types.LookupFieldOrMethod(t, false, nil, m)
				_, ok := obj.(*types.Func)
				e.methods = e.methods || ok
			}
			obj, _, _ := types.LookupFieldOrMethod(t, false, nil, "Error")
			if _, ok := obj.(*types.Func); !ok {
				continue
			}
			if named != nil && named.TypeParams().Len() > 0 {
				e.ambiguous = true
				continue
			}
			if !types.Implements(t, errorIface) {
				continue
			}
			if _, ok := t.Underlying().(*types.Struct); ok {
				e.lossy = true
				continue
			}
			key := structure(t, map[*types.Named]bool{})
			e.ambiguous = e.ambiguous || seen[key]
			seen[key] = true
		}
	}
	return e
}

// structure writes t as the interpreter's reflect knows it: a type of the
// program is its underlying type, an unexported field's name is made
// exported with an X before it. Where it is coarser (every interface,
// every function type is one), types merely seem alike.
func structure(t types.Type, inside map[*types.Named]bool) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Obj().Pkg() == nil || t.Obj().Pkg().Path() != "main" {
			return t.String()
		}
		if inside[t] {
			return "@" // a recursive type
		}
		inside[t] = true
		defer delete(inside, t)
		return structure(t.Underlying(), inside)
	case *types.Basic:
		return types.Typ[t.Kind()].Name()
	case *types.Pointer:
		return "*" + structure(t.Elem(), inside)
	case *types.Slice:
		return "[]" + structure(t.Elem(), inside)
	case *types.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), structure(t.Elem(), inside))
	case *types.Map:
		return "map[" + structure(t.Key(), inside) + "]" + structure(t.Elem(), inside)
	case *types.Chan:
		return fmt.Sprintf("chan%d %s", t.Dir(), structure(t.Elem(), inside))
	case *types.Struct:
		var b strings.Builder
		b.WriteString("struct{")
		for i := range t.NumFields() {
			f := t.Field(i)
			name := f.Name()
			if !f.Exported() {
				name = "X" + name
			}
			fmt.Fprintf(&b, "%s %s %q;", name, structure(f.Type(), inside), t.Tag(i))
		}
		return b.String() + "}"
	case *types.Signature:
		return "func"
	case *types.Interface:
		return "interface"
	}
	return "?"
}
