package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/goexpert/gointernals/playground/symbols"
)

// contextKeyRewrite, named contextKeys: a context key of the program's
// own type goes to package context as _lowerRT.ContextKey(k, name, id)
// (symbols/contextkey.go).
//
// The interpreter (yaegi v0.16.1) hands package context a value of the
// program's type as a value of its underlying type: the key ctxKey("user")
// was the key "user", which ctx.Value("user") found where Go finds
// nothing, and a printed context showed WithValue(user, ...) where Go
// shows WithValue(main.ctxKey, ...). Wrapped, the key compares as Go
// compares keys (same type, equal values) and prints its type's name,
// as reflect writes it (reflectName). The id tells apart two types of one
// name declared in different functions.
//
// The rewrite wraps the key of each call of context.WithValue and of the
// method Value of context.Context whose static type holds one of the
// program's types; contextKeysLeft announces what it cannot make exact.
func contextKeyRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	ids := map[string]int{}
	for _, c := range s.calls {
		k := contextKeyArg(l.info, c)
		if k == nil {
			continue
		}
		t := l.info.TypeOf(k)
		name, ok := wrappedKey(l.info, t)
		if !ok {
			continue
		}
		id, seen := ids[types.TypeString(t, nil)]
		if !seen {
			id = len(ids) + 1
			ids[types.TypeString(t, nil)] = id
		}
		open, close := "_lowerRT.ContextKey(", ", "+strconv.Quote(name)+", "+strconv.Itoa(id)+")"
		// The interpreter hands a function's result to compiled code
		// bare: an element of a literal it wraps (as fmtMethods does).
		if call, ok := ast.Unparen(k).(*ast.CallExpr); ok && !l.info.Types[call.Fun].IsType() {
			open, close = open+"[]"+types.TypeString(t, l.qualifier)+"{", "}[0]"+close
		}
		l.wrap(k, open, close)
		l.imports[symbols.LowerPath] = true
	}
}

// contextKeyArg returns the key c passes to context.WithValue or to the
// method Value of context.Context, or nil.
func contextKeyArg(info *types.Info, c *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	f, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return nil
	}
	switch {
	case f.Name() == "WithValue" && len(c.Args) == 3 && f.Pkg() != nil && f.Pkg().Path() == "context":
		return c.Args[1]
	case f.Name() == "Value" && len(c.Args) == 1 && isContext(info.TypeOf(sel.X)):
		return c.Args[0]
	}
	return nil
}

// isContext: t is an interface with context.Context's methods (the
// library's interfaces' methods have no package in the check's model).
func isContext(t types.Type) bool {
	if t == nil || !types.IsInterface(t) {
		return false
	}
	for _, m := range []string{"Deadline", "Done", "Err", "Value"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, false, nil, m); obj == nil {
			return false
		}
	}
	return true
}

// wrappedKey: a key of type t is wrapped, as the type reflect names name:
// t is not an interface, is comparable, holds one of the program's types
// (the interpreter names it otherwise) and has no String method (which
// package context would call).
func wrappedKey(info *types.Info, t types.Type) (name string, ok bool) {
	if t == nil || types.IsInterface(t) || !types.Comparable(t) {
		return "", false
	}
	if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "String"); obj != nil {
		return "", false
	}
	name, own := reflectName(t, info)
	return name, own && name != unknownName
}

// contextKeysLeft reports, with the program's types, what contextKeys
// cannot make exact, when the program declares types of its own: a key
// whose static type is an interface or a type parameter (a value of the
// program's type inside reaches context as its underlying value), one
// of the program's types the rewrite leaves (a String method, a name
// reflect writes otherwise), context.WithValue or Value not called where
// they are named, and a context value of the program's type, which a
// printed context shows by its type's name where the interpreter shows
// its underlying type's, or the value itself for a string type.
func contextKeysLeft(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	own := false
	for _, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && tn.Pkg() != nil && tn.Pkg().Path() == "main" {
			own = true
		}
	}
	if !own {
		return nil
	}
	var out []Finding
	report := func(n ast.Node, msg string) {
		p := fset.Position(n.Pos())
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "context key type", Message: msg})
	}
	// A method Value of the program's may receive a wrapped key, and
	// compare it with its own.
	valueMethod := false
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == "Value" {
			valueMethod = true
		}
	}
	called := map[*ast.Ident]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
			called[sel.Sel] = true
		}
		k := contextKeyArg(info, c)
		if k == nil {
			return true
		}
		t := info.TypeOf(k)
		if _, wrapped := wrappedKey(info, t); wrapped && valueMethod {
			report(k, "a context key of the program's own type, in a program with a method Value: the interpreter's keys of the program's types are made exact only for package context's own contexts")
		} else if !wrapped {
			if name, own := reflectName(t, info); own || name == unknownName || types.IsInterface(t) || isTypeParam(t) {
				report(k, "a context key that may hold a value of the program's own type is seen by the interpreter as its underlying value: it matches a key of another type with the same value, and prints without its type")
			}
		}
		if len(c.Args) == 3 {
			if _, own := reflectName(info.TypeOf(c.Args[2]), info); own || types.IsInterface(info.TypeOf(c.Args[2])) {
				report(c.Args[2], "a context value of the program's own type: a printed context shows it by its type's name in Go, by its underlying type (or its value) in the interpreter")
			}
		}
		return true
	})
	for id, obj := range info.Uses {
		if f, ok := obj.(*types.Func); ok && (f.Pkg() != nil && f.Pkg().Path() == "context" && f.Name() == "WithValue" || f.Pkg() == nil && f.Name() == "Value") && !called[id] {
			report(id, "context."+f.Name()+" used as a value: its keys cannot be followed")
		}
	}
	return out
}
