package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"
)

// interfaceAliases reports, from the syntax alone (Prepare uses it when
// go/types cannot check the program; aliasConversions otherwise), a
// program in which a value of one of its types with methods may be put
// in an interface: yaegi v0.16.1 makes such an
// interface value a wrapper over the storage the value came from (a
// variable, a field, an element, the slot of a call's result), not a
// copy, so what later changes that storage changes the interface's value
// too, where Go's interface holds a copy (c := C(1); var i I = c; c = 2:
// go run i.M() 1, the engine 2; shapes = append(shapes, NewSq(i)) in a
// loop: every shape the last one, nothing said). Which values reach an
// interface, and whether their storage changes later, takes type
// information; so the program is reported when it declares a type with
// methods and mentions, where a value is kept or converted (a variable's,
// a field's, a parameter's, a result's, an element's type, a type
// argument, a conversion), an interface that one of those types may
// implement: any, an interface literal, one of the file's, or a library's
// (io.Reader, sort.Interface) whose methods one of the types declares. A
// type parameter's constraint, a type assertion and a type switch's case
// are not places where a value is kept. A value of a range's variable
// gets a copy of its own (methodvars.go), and an explicit any(v) is a
// copy in the interpreter too, but a reference through any other place
// is not.
func interfaceAliases(file *ast.File, imports map[string]string, add func(token.Pos, string, string)) {
	methods := typeMethods(file)
	if len(methods) == 0 {
		return
	}
	ifaces := map[string]*ast.InterfaceType{}
	ast.Inspect(file, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			if it, ok := ts.Type.(*ast.InterfaceType); ok {
				ifaces[ts.Name.Name] = it
			}
		}
		return true
	})
	// needs returns the method names an interface type expression asks
	// for, and whether it is one.
	var needs func(t ast.Expr, depth int) (map[string]bool, bool)
	needs = func(t ast.Expr, depth int) (map[string]bool, bool) {
		if depth > 10 {
			return nil, false
		}
		switch t := ast.Unparen(t).(type) {
		case *ast.InterfaceType:
			names := map[string]bool{}
			for _, f := range t.Methods.List {
				if len(f.Names) > 0 {
					for _, n := range f.Names {
						names[n.Name] = true
					}
					continue
				}
				// An embedded interface, or a type set (a
				// constraint, never a value's type).
				embedded, ok := needs(f.Type, depth+1)
				if !ok {
					return nil, false
				}
				for n := range embedded {
					names[n] = true
				}
			}
			return names, true
		case *ast.Ident:
			if t.Name == "any" && t.Obj == nil {
				return map[string]bool{}, true
			}
			if t.Name == "error" && t.Obj == nil {
				return map[string]bool{"Error": true}, true
			}
			if it, ok := ifaces[t.Name]; ok {
				return needs(it, depth+1)
			}
		case *ast.SelectorExpr:
			v, ok := libSymbol(imports[builtin(t.X)], t.Sel.Name)
			if !ok || v.Kind() != reflect.Pointer || v.Type().Elem().Kind() != reflect.Interface {
				return nil, false
			}
			it := v.Type().Elem()
			names := map[string]bool{}
			for i := range it.NumMethod() {
				names[it.Method(i).Name] = true
			}
			return names, true
		}
		return nil, false
	}
	// implemented reports whether one of the program's types with
	// methods declares every method the interface asks for.
	implemented := func(want map[string]bool) bool {
		for _, have := range methods {
			all := true
			for m := range want {
				all = all && have[m]
			}
			if all {
				return true
			}
		}
		return false
	}
	// Where a type names no kept value: the constraints of type
	// parameters, the types asserted, a type's own declaration.
	skip := map[ast.Node]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			if n.TypeParams != nil {
				skip[n.TypeParams] = true
			}
		case *ast.TypeSpec:
			skip[n.Name] = true
			if n.TypeParams != nil {
				skip[n.TypeParams] = true
			}
			if _, ok := n.Type.(*ast.InterfaceType); ok {
				skip[n.Type] = true
			}
		case *ast.TypeAssertExpr:
			if n.Type != nil {
				skip[n.Type] = true
			}
		case *ast.TypeSwitchStmt:
			for _, c := range n.Body.List {
				for _, t := range c.(*ast.CaseClause).List {
					skip[t] = true
				}
			}
		}
		return true
	})
	var found ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil || skip[n] {
			return false
		}
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if want, ok := needs(e, 0); ok && implemented(want) {
			found = e
			return false
		}
		return true
	})
	if found == nil {
		return
	}
	var names []string
	for name := range methods {
		names = append(names, name)
	}
	sort.Strings(names)
	add(found.Pos(), "interface holds a copy", fmt.Sprintf("a value of %s put in an interface here is, in the interpreter, bound to the variable or result it came from: when that changes later (an assignment, the next iteration of a loop), the interface's value changes with it, where Go's interface holds a copy", strings.Join(names, ", ")))
}

// typeMethods returns the method names of the file's types that have
// methods, by type name: declared on the type (T or *T), or promoted
// from an embedded type of the file that has them.
func typeMethods(file *ast.File) map[string]map[string]bool {
	methods := map[string]map[string]bool{}
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
			continue
		}
		t := fd.Recv.List[0].Type
		for {
			switch r := ast.Unparen(t).(type) {
			case *ast.StarExpr:
				t = r.X
				continue
			case *ast.IndexExpr:
				t = r.X
				continue
			case *ast.IndexListExpr:
				t = r.X
				continue
			}
			break
		}
		if id, ok := t.(*ast.Ident); ok {
			if methods[id.Name] == nil {
				methods[id.Name] = map[string]bool{}
			}
			methods[id.Name][fd.Name.Name] = true
		}
	}
	// Promoted methods, to a fixed point.
	for changed := true; changed; {
		changed = false
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, f := range st.Fields.List {
				if len(f.Names) > 0 {
					continue
				}
				t := f.Type
				if s, ok := t.(*ast.StarExpr); ok {
					t = s.X
				}
				id, ok := t.(*ast.Ident)
				if !ok {
					continue
				}
				for m := range methods[id.Name] {
					if methods[ts.Name.Name] == nil {
						methods[ts.Name.Name] = map[string]bool{}
					}
					if !methods[ts.Name.Name][m] {
						methods[ts.Name.Name][m] = true
						changed = true
					}
				}
			}
			return true
		})
	}
	return methods
}

// aliasConversions is interfaceAliases with the types go/types found
// (info, of the reader's program, which type-checked without an error):
// it reports each place where a value of one of the program's types with
// methods, or a pointer to one, becomes an interface value, unless the
// value is a composite literal (T{...}: fresh storage in the interpreter
// each time it is made; &T{...} is not, measured) or is handed to a
// function of another package that is not generic, as an any (the
// library gets a copy: a sync.Map kept each value of a loop) or to one
// that does not keep it (retainers). The places are an
// assignment or a declaration, a call's argument (append's too), a
// return, a composite literal's element or key, a send, a map's key, a
// range assigning to variables, and an explicit conversion.
func aliasConversions(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var out []Finding
	seen := map[ast.Expr]bool{}
	qualify := func(p *types.Package) string {
		if p.Name() == "main" {
			return ""
		}
		return p.Name()
	}
	// A range's variable (:=) that its body does not assign gets the
	// body's own copy when it may hold such a value (loopVars), fresh
	// each iteration and left alone.
	copied := map[types.Object]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && r.Tok == token.DEFINE {
			for _, v := range []ast.Expr{r.Key, r.Value} {
				if id, ok := v.(*ast.Ident); ok && id.Obj != nil && !assigns(r.Body, map[*ast.Object]string{id.Obj: id.Name}) {
					copied[info.Defs[id]] = true
				}
			}
		}
		return true
	})
	// convert reports a value of type from, at e, going to type to.
	convert := func(e ast.Expr, from, to types.Type) {
		if e == nil || from == nil || to == nil || seen[e] || !types.IsInterface(to) || types.IsInterface(from) || !ownMethods(from) {
			return
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && copied[info.Uses[id]] {
			return
		}
		if _, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
			return
		}
		seen[e] = true
		p := fset.Position(e.Pos())
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "interface holds a copy", Message: fmt.Sprintf(
			"this %s put in an interface is, in the interpreter, bound to the variable or result it came from: when that changes later (an assignment, the next iteration of a loop), the interface's value changes with it, where Go's interface holds a copy",
			types.TypeString(from, qualify))})
	}
	typeOf := func(e ast.Expr) types.Type {
		if tv, ok := info.Types[e]; ok {
			return tv.Type
		}
		return nil
	}
	check := func(e ast.Expr, to types.Type) {
		if e != nil {
			convert(e, typeOf(e), to)
		}
	}
	// values pairs the values of an assignment or a return with the
	// types they go to.
	values := func(rhs []ast.Expr, to func(i int) types.Type) {
		if len(rhs) == 1 {
			if tuple, ok := typeOf(rhs[0]).(*types.Tuple); ok {
				for i := range tuple.Len() {
					convert(rhs[0], tuple.At(i).Type(), to(i))
				}
				return
			}
		}
		for i, r := range rhs {
			check(r, to(i))
		}
	}
	var funcs []*types.Signature // the enclosing functions' signatures
	var inspect func(n ast.Node) bool
	inspect = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			if obj, ok := info.Defs[n.Name].(*types.Func); ok {
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
					if t := typeOf(n.Lhs[i]); t != nil {
						return t
					}
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						if obj := info.Defs[id]; obj != nil {
							return obj.Type()
						}
					}
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
			if ch, ok := under(typeOf(n.Chan)).(*types.Chan); ok {
				check(n.Value, ch.Elem())
			}
		case *ast.IndexExpr:
			if m, ok := under(typeOf(n.X)).(*types.Map); ok {
				check(n.Index, m.Key())
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				var key, value types.Type
				switch t := under(typeOf(n.X)).(type) {
				case *types.Slice:
					value = t.Elem()
				case *types.Array:
					value = t.Elem()
				case *types.Pointer:
					if a, ok := under(t.Elem()).(*types.Array); ok {
						value = a.Elem()
					}
				case *types.Map:
					key, value = t.Key(), t.Elem()
				case *types.Chan:
					key = t.Elem()
				}
				convert(n.Key, key, typeOf(n.Key))
				convert(n.Value, value, typeOf(n.Value))
			}
		case *ast.CompositeLit:
			switch t := under(typeOf(n)).(type) {
			case *types.Slice:
				compositeElems(n, t.Elem(), nil, check)
			case *types.Array:
				compositeElems(n, t.Elem(), nil, check)
			case *types.Map:
				compositeElems(n, t.Elem(), t.Key(), check)
			case *types.Struct:
				for i, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if key, ok := kv.Key.(*ast.Ident); ok {
							for j := range t.NumFields() {
								if t.Field(j).Name() == key.Name {
									check(kv.Value, t.Field(j).Type())
								}
							}
						}
					} else if i < t.NumFields() {
						check(el, t.Field(i).Type())
					}
				}
			}
		case *ast.CallExpr:
			fun := typeOf(n.Fun)
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				if len(n.Args) == 1 {
					check(n.Args[0], tv.Type) // a conversion
				}
				return true
			}
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "append" {
				if _, ok := info.Uses[id].(*types.Builtin); ok {
					if s, ok := under(typeOf(n)).(*types.Slice); ok && n.Ellipsis == token.NoPos {
						for _, a := range n.Args[1:] {
							check(a, s.Elem())
						}
					}
					return true
				}
			}
			sig, ok := under(fun).(*types.Signature)
			library := ok && libraryCallee(n.Fun, info)
			if !ok || library && !retainer(n.Fun, info) {
				return true
			}
			params := sig.Params()
			for i, a := range n.Args {
				var t types.Type
				switch {
				case sig.Variadic() && i >= params.Len()-1 && n.Ellipsis == token.NoPos:
					t = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
				case i < params.Len():
					t = params.At(i).Type()
				}
				if it, ok := under(t).(*types.Interface); library && ok && it.NumMethods() == 0 {
					continue // the library gets a copy of what goes to an any
				}
				check(a, t)
			}
		}
		return true
	}
	ast.Inspect(file, inspect)
	return out
}

func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// compositeElems checks a slice's, an array's or a map's literal elements
// (and a map's keys) against the types they go to.
func compositeElems(lit *ast.CompositeLit, elem, key types.Type, check func(ast.Expr, types.Type)) {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if key != nil {
				check(kv.Key, key)
			}
			check(kv.Value, elem)
			continue
		}
		check(el, elem)
	}
}

// ownMethods reports whether t is one of the program's named types with
// methods (declared or promoted), or a pointer to one.
func ownMethods(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Name() != "main" {
		return false
	}
	return types.NewMethodSet(types.NewPointer(t)).Len() > 0
}

// libraryCallee reports whether fun is a function or method of another
// package that is not generic: it gets a copy of what the interpreter
// hands it.
// retainers are the library's functions whose result keeps an argument
// of an interface type with methods. The library gets a copy of a value
// passed as an any, but a value passed as an interface with methods is
// the interpreter's wrapper over the value's storage, as in the program:
// u := upper{...}; r := io.LimitReader(u, 2); u = upper{...} read the
// second reader through r (go run the first); b := byLen{...}; r :=
// sort.Reverse(b); b = byLen{"x"} gave r.Len() 1 (go run 3). A function
// that uses its argument only during the call (sort.Sort, io.Copy) keeps
// nothing, and a value receiver cannot change the storage it is called on.
var retainers = map[string]bool{
	"sort.Reverse":   true,
	"io.LimitReader": true, "io.MultiReader": true, "io.MultiWriter": true, "io.NewOffsetWriter": true,
	"io.NewSectionReader": true, "io.NopCloser": true, "io.TeeReader": true,
	"errors.Join":       true,
	"context.AfterFunc": true, "context.WithCancel": true, "context.WithCancelCause": true,
	"context.WithDeadline": true, "context.WithDeadlineCause": true, "context.WithTimeout": true,
	"context.WithTimeoutCause": true, "context.WithValue": true, "context.WithoutCancel": true,
}

// retainer reports whether fun is one of retainers.
func retainer(fun ast.Expr, info *types.Info) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj, ok := info.Uses[sel.Sel].(*types.Func)
	return ok && obj.Pkg() != nil && retainers[obj.Pkg().Path()+"."+obj.Name()]
}

func libraryCallee(fun ast.Expr, info *types.Info) bool {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	obj, ok := info.Uses[id].(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Name() == "main" {
		return false
	}
	sig, ok := obj.Type().(*types.Signature)
	return ok && sig.TypeParams() == nil && sig.RecvTypeParams() == nil
}
