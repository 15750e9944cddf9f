package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"unicode/utf8"
)

// genericCallRewrite, named genericCalls: type arguments are inferred
// wrongly in a function literal or from a library function; a call of a
// generic function of the file gets the ones Go infers, written out.
func genericCallRewrite(l *lowering, s *syntax) { l.genericCalls(s.file, s.calls) }

// Type arguments for calls of the program's generic functions. The
// interpreter infers them wrongly in places Go does not (Map(xs, func(i
// int) string {...}) called in a function literal: "cannot use type
// func(int) string as type func(int) int"; Map(evens, strconv.Itoa):
// "undefined type for U"; measured on yaegi v0.16.1), and it runs the
// call right when they are written out. So, for a call of a generic
// function the file declares, the source pass works out the type
// arguments Go would infer, when every one follows from arguments whose
// types the syntax shows, and writes them: Map[int, string](...).
//
// An argument's type shows when it is a composite literal, a function
// literal, & of a composite literal, a conversion, a variable declared
// with a type or from such an expression, a function's parameter, the
// result of a function of the file (generic ones included) or of a
// library's function, a library's function itself; an untyped constant
// counts as Go counts it, after the typed arguments, with the default
// type of the latest kind (int, rune, float64, complex128). Each type
// parameter must come out of matching a parameter's type written with it
// ([]T, func(T) U, map[K]V, *T, chan T) against the
// argument's type written the same way, each time the same. Anything else
// (a named slice type for []T, an untyped constant for []T, a core type,
// a generic type in a parameter or as a type argument, whose instances
// the interpreter breaks on when they are written out, a call inside a
// generic function) leaves the call as it is.
func (l *lowering) genericCalls(file *ast.File, calls []*ast.CallExpr) {
	inGeneric := l.findGenerics(file)
	if len(l.generics) == 0 {
		return
	}
	for _, c := range calls {
		inside := false
		for _, fd := range inGeneric {
			inside = inside || fd.Pos() <= c.Pos() && c.End() <= fd.End()
		}
		if inside {
			continue
		}
		args, ok := l.typeArgs(c, 0)
		if !ok {
			continue
		}
		text := "[" + strings.Join(args, ", ") + "]"
		switch f := c.Fun.(type) {
		case *ast.Ident:
			l.insert(f.End(), text)
		case *ast.IndexExpr:
			l.typeArgList(f.Lbrack, f.Rbrack, text)
		case *ast.IndexListExpr:
			l.typeArgList(f.Lbrack, f.Rbrack, text)
		}
	}
}

// writtenTypeArgs is how many type arguments fun (F, F[int], F[int,
// string], parenthesized or not) writes, and where their brackets are.
func writtenTypeArgs(fun ast.Expr) (n int, lbrack, rbrack token.Pos) {
	switch x := ast.Unparen(fun).(type) {
	case *ast.IndexExpr:
		return 1, x.Lbrack, x.Rbrack
	case *ast.IndexListExpr:
		return len(x.Indices), x.Lbrack, x.Rbrack
	}
	return 0, token.NoPos, token.NoPos
}

// putTypeArgs writes text, a whole type argument list, for the function
// named id: in place of the list written from lbrack to rbrack, or after
// id where none is.
func (l *lowering) putTypeArgs(id *ast.Ident, lbrack, rbrack token.Pos, text string) {
	if lbrack.IsValid() {
		l.typeArgList(lbrack, rbrack, text)
	} else {
		l.insert(id.End(), text)
	}
}

// typeArgList replaces the type arguments written from lbrack to rbrack
// with text, the whole list, unless they are text already: an edit that
// changes nothing would only clash with a rewrite that moves the call
// (deferArgs copies an argument gid[int](i) at the defer).
func (l *lowering) typeArgList(lbrack, rbrack token.Pos, text string) {
	if l.src[l.off(lbrack):l.off(rbrack)+1] != text {
		l.add(edit{pos: l.off(lbrack), end: l.off(rbrack) + 1, text: text})
	}
}

// genericCallee returns the generic function c calls and the type
// arguments written in the call.
func (l *lowering) genericCallee(c *ast.CallExpr) (*ast.FuncDecl, []ast.Expr) {
	var id *ast.Ident
	var explicit []ast.Expr
	switch f := c.Fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.IndexExpr:
		id, _ = f.X.(*ast.Ident)
		explicit = []ast.Expr{f.Index}
	case *ast.IndexListExpr:
		id, _ = f.X.(*ast.Ident)
		explicit = f.Indices
	}
	if id == nil || id.Obj == nil {
		return nil, nil
	}
	return l.generics[id.Obj], explicit
}

// typeArgs works out the type arguments of a call of a generic function
// of the file, or says it cannot (see genericCalls). A call whose type
// arguments are all written gets them as they are.
func (l *lowering) typeArgs(c *ast.CallExpr, depth int) ([]string, bool) {
	fd, explicit := l.genericCallee(c)
	if fd == nil || depth > 8 {
		return nil, false
	}
	var tps []string
	for _, f := range fd.Type.TypeParams.List {
		for _, n := range f.Names {
			tps = append(tps, n.Name)
		}
	}
	if len(explicit) > len(tps) {
		return nil, false
	}
	bound := map[string]string{}
	for i, e := range explicit {
		s, ok := typeString(e)
		if !ok || strings.Contains(l.text(e), "\n") {
			return nil, false
		}
		bound[tps[i]] = s
	}
	isTP := map[string]bool{}
	for _, t := range tps {
		isTP[t] = true
	}
	var params []ast.Expr
	variadic := false
	for _, f := range fd.Type.Params.List {
		n := max(len(f.Names), 1)
		for range n {
			params = append(params, f.Type)
		}
		if _, ok := f.Type.(*ast.Ellipsis); ok {
			variadic = true
		}
	}
	untyped := map[string]int{} // the latest kind of untyped constant for a type parameter
	for i, arg := range c.Args {
		var p ast.Expr
		switch {
		case i < len(params)-1 || (!variadic && i < len(params)):
			p = params[i]
		case variadic && c.Ellipsis.IsValid() && i == len(params)-1:
			p = &ast.ArrayType{Elt: params[len(params)-1].(*ast.Ellipsis).Elt}
		case variadic:
			p = params[len(params)-1].(*ast.Ellipsis).Elt
		default:
			return nil, false
		}
		if !mentions(p, isTP) {
			continue
		}
		t, kind := l.evident(arg, depth+1)
		if kind > 0 {
			id, ok := p.(*ast.Ident)
			if !ok || !isTP[id.Name] {
				return nil, false
			}
			if untyped[id.Name] != 0 && (untyped[id.Name] == kindString) != (kind == kindString) {
				return nil, false
			}
			untyped[id.Name] = max(untyped[id.Name], kind)
			continue
		}
		if t == "" {
			return nil, false
		}
		a, err := parser.ParseExpr(t)
		if err != nil || !unify(p, a, isTP, bound) {
			return nil, false
		}
	}
	for name, kind := range untyped {
		if _, ok := bound[name]; !ok {
			bound[name] = defaultTypes[kind]
		}
	}
	out := make([]string, len(tps))
	for i, t := range tps {
		s, ok := bound[t]
		// A generic type as a type argument is left to the interpreter,
		// whose instances of generic types break when written out
		// (Swap[string, int](p) of a Pair[string, int] crashed it).
		if !ok || instantiates(s) {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

// The kinds of untyped constants, in the order Go picks the latest.
const (
	kindInt = 1 + iota
	kindRune
	kindFloat
	kindComplex
	kindString
)

var defaultTypes = map[int]string{kindInt: "int", kindRune: "rune", kindFloat: "float64", kindComplex: "complex128", kindString: "string"}

// mentions reports whether the type expression uses one of the names.
func mentions(e ast.Expr, names map[string]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && names[id.Name] {
			found = true
		}
		return !found
	})
	return found
}

// unify matches the parameter's type p, written with type parameters,
// against the argument's type a, binding the parameters in bound.
func unify(p, a ast.Expr, isTP map[string]bool, bound map[string]string) bool {
	if !mentions(p, isTP) {
		return true
	}
	switch p := p.(type) {
	case *ast.Ident:
		s, ok := typeString(a)
		if !ok {
			return false
		}
		if prev, ok := bound[p.Name]; ok {
			return prev == s
		}
		bound[p.Name] = s
		return true
	case *ast.ParenExpr:
		return unify(p.X, a, isTP, bound)
	case *ast.StarExpr:
		x, ok := a.(*ast.StarExpr)
		return ok && unify(p.X, x.X, isTP, bound)
	case *ast.ArrayType:
		x, ok := a.(*ast.ArrayType)
		if !ok || (p.Len == nil) != (x.Len == nil) {
			return false
		}
		if p.Len != nil {
			pl, ok1 := p.Len.(*ast.BasicLit)
			xl, ok2 := x.Len.(*ast.BasicLit)
			if !ok1 || !ok2 || pl.Value != xl.Value {
				return false
			}
		}
		return unify(p.Elt, x.Elt, isTP, bound)
	case *ast.MapType:
		x, ok := a.(*ast.MapType)
		return ok && unify(p.Key, x.Key, isTP, bound) && unify(p.Value, x.Value, isTP, bound)
	case *ast.ChanType:
		x, ok := a.(*ast.ChanType)
		// A bidirectional channel goes where either direction is asked.
		return ok && (x.Dir == p.Dir || x.Dir == ast.SEND|ast.RECV) && unify(p.Value, x.Value, isTP, bound)
	case *ast.FuncType:
		x, ok := a.(*ast.FuncType)
		if !ok {
			return false
		}
		pp, xp := fieldTypes(p.Params), fieldTypes(x.Params)
		pr, xr := fieldTypes(p.Results), fieldTypes(x.Results)
		if len(pp) != len(xp) || len(pr) != len(xr) {
			return false
		}
		for i := range pp {
			_, e1 := pp[i].(*ast.Ellipsis)
			_, e2 := xp[i].(*ast.Ellipsis)
			if e1 != e2 || !unify(unEllipsis(pp[i]), unEllipsis(xp[i]), isTP, bound) {
				return false
			}
		}
		for i := range pr {
			if !unify(pr[i], xr[i], isTP, bound) {
				return false
			}
		}
		return true
	}
	// A generic type in a parameter (p Pair[K, V]) is left to the
	// interpreter too.
	return false
}

// instantiates reports whether a type, written in Go's syntax, uses an
// instance of a generic type (or does not parse).
func instantiates(t string) bool {
	e, err := parser.ParseExpr(t)
	if err != nil {
		return true
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			found = true
		}
		return !found
	})
	return found
}

func unEllipsis(e ast.Expr) ast.Expr {
	if el, ok := e.(*ast.Ellipsis); ok {
		return el.Elt
	}
	return e
}

// fieldTypes lists a parameter or result list's types, one per name.
func fieldTypes(fl *ast.FieldList) []ast.Expr {
	var out []ast.Expr
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		for range max(len(f.Names), 1) {
			out = append(out, f.Type)
		}
	}
	return out
}

// typeString writes a type expression in Go's syntax, or says it cannot
// (a struct or interface with members, a type that is not one).
func typeString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name, true
	case *ast.ParenExpr:
		return typeString(e.X)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			return x.Name + "." + e.Sel.Name, true
		}
		return "", false
	case *ast.StarExpr:
		s, ok := typeString(e.X)
		return "*" + s, ok
	case *ast.ArrayType:
		elt, ok := typeString(e.Elt)
		if e.Len == nil {
			return "[]" + elt, ok
		}
		if n, isLit := e.Len.(*ast.BasicLit); isLit {
			return "[" + n.Value + "]" + elt, ok
		}
		return "", false
	case *ast.MapType:
		k, ok1 := typeString(e.Key)
		v, ok2 := typeString(e.Value)
		return "map[" + k + "]" + v, ok1 && ok2
	case *ast.ChanType:
		v, ok := typeString(e.Value)
		switch e.Dir {
		case ast.SEND:
			return "chan<- " + v, ok
		case ast.RECV:
			return "<-chan " + v, ok
		}
		return "chan " + v, ok
	case *ast.Ellipsis:
		s, ok := typeString(e.Elt)
		return "..." + s, ok
	case *ast.FuncType:
		if e.TypeParams != nil {
			return "", false
		}
		var ps, rs []string
		for _, t := range fieldTypes(e.Params) {
			s, ok := typeString(t)
			if !ok {
				return "", false
			}
			ps = append(ps, s)
		}
		for _, t := range fieldTypes(e.Results) {
			s, ok := typeString(t)
			if !ok {
				return "", false
			}
			rs = append(rs, s)
		}
		s := "func(" + strings.Join(ps, ", ") + ")"
		switch len(rs) {
		case 0:
		case 1:
			s += " " + rs[0]
		default:
			s += " (" + strings.Join(rs, ", ") + ")"
		}
		return s, true
	case *ast.InterfaceType:
		return "interface{}", len(e.Methods.List) == 0
	case *ast.IndexExpr:
		b, ok1 := typeString(e.X)
		i, ok2 := typeString(e.Index)
		return b + "[" + i + "]", ok1 && ok2
	case *ast.IndexListExpr:
		b, ok := typeString(e.X)
		var is []string
		for _, x := range e.Indices {
			s, ok2 := typeString(x)
			ok = ok && ok2
			is = append(is, s)
		}
		return b + "[" + strings.Join(is, ", ") + "]", ok
	}
	return "", false
}

var predeclaredTypes = map[string]bool{
	"bool": true, "string": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true, "byte": true, "rune": true,
	"any": true, "error": true,
}

// evident returns the type of an expression as written, when the syntax
// shows it (see genericCalls); for an untyped constant, its kind instead.
func (l *lowering) evident(e ast.Expr, depth int) (string, int) {
	if depth > 8 {
		return "", 0
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return l.evident(e.X, depth+1)
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT:
			return "", kindInt
		case token.FLOAT:
			return "", kindFloat
		case token.IMAG:
			return "", kindComplex
		case token.CHAR:
			return "", kindRune
		case token.STRING:
			return "", kindString
		}
	case *ast.UnaryExpr:
		switch e.Op {
		case token.SUB, token.ADD:
			if lit, ok := e.X.(*ast.BasicLit); ok && lit.Kind != token.STRING {
				return l.evident(lit, depth+1)
			}
		case token.AND:
			if cl, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok {
				if t, _ := l.evident(cl, depth+1); t != "" {
					return "*" + t, 0
				}
			}
		}
	case *ast.CompositeLit:
		if e.Type != nil {
			if s, ok := typeString(e.Type); ok && !strings.Contains(s, "...") {
				return s, 0
			}
		}
	case *ast.FuncLit:
		if s, ok := typeString(e.Type); ok {
			return s, 0
		}
	case *ast.Ident:
		return l.evidentVar(e, depth)
	case *ast.SelectorExpr:
		// A library's function or variable.
		if v, ok := libSymbol(l.names[builtin(e.X)], e.Sel.Name); ok && l.plainImport(builtin(e.X)) {
			switch v.Kind() {
			case reflect.Func:
				return libType(v.Type())
			case reflect.Pointer:
				if v.Type().Elem().Kind() == reflect.Interface {
					return "", 0 // a type
				}
			}
			// A variable, or a typed constant (an untyped one is a
			// go/constant value in the table).
			if v.CanAddr() || v.Type().PkgPath() != "go/constant" && v.Kind() != reflect.Pointer {
				return libType(v.Type())
			}
			return "", 0
		}
		// A method value or a field of a value of one of the file's types.
		if fd := l.method(e, depth); fd != nil {
			if s, ok := typeString(fd.Type); ok {
				return s, 0
			}
			return "", 0
		}
		if t := l.field(e, depth); t != nil {
			if s, ok := typeString(t); ok {
				return s, 0
			}
		}
	case *ast.CallExpr:
		return l.evidentCall(e, depth)
	case *ast.BinaryExpr:
		// Arithmetic: a shift has its left operand's type; otherwise the
		// typed operand's, an untyped constant taking it.
		switch e.Op {
		case token.SHL, token.SHR:
			return l.evident(e.X, depth+1)
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			xt, xk := l.evident(e.X, depth+1)
			yt, yk := l.evident(e.Y, depth+1)
			switch {
			case xk > 0 && yk > 0:
				if (xk == kindString) != (yk == kindString) {
					return "", 0
				}
				return "", max(xk, yk)
			case xk > 0 && yt != "":
				return yt, 0
			case yk > 0 && xt != "":
				return xt, 0
			case xt != "" && xt == yt:
				return xt, 0
			}
		}
	}
	return "", 0
}

// ownType returns the declaration of a non-generic type of the file that
// an expression of type t (T or *T) has, and whether t is the pointer.
func (l *lowering) ownType(t string) (*ast.TypeSpec, bool) {
	ptr := strings.HasPrefix(t, "*")
	name := strings.TrimPrefix(t, "*")
	ts := l.types[name]
	if ts == nil || ts.TypeParams != nil {
		return nil, false
	}
	return ts, ptr
}

// method returns the method of the file that x.M names, when x's type
// shows and is one of the file's types, T or *T, that declares M itself.
func (l *lowering) method(sel *ast.SelectorExpr, depth int) *ast.FuncDecl {
	t, kind := l.evident(sel.X, depth+1)
	if kind > 0 || t == "" {
		return nil
	}
	ts, _ := l.ownType(t)
	if ts == nil {
		return nil
	}
	for _, fd := range l.methods[sel.Sel.Name] {
		recv := fd.Recv.List[0].Type
		if star, ok := recv.(*ast.StarExpr); ok {
			recv = star.X
		}
		if id, ok := recv.(*ast.Ident); ok && id.Name == ts.Name.Name && fd.Type.TypeParams == nil {
			return fd
		}
	}
	return nil
}

// field returns the type of the field x.f, when x's type shows and is
// one of the file's struct types, T or *T, that declares f itself.
func (l *lowering) field(sel *ast.SelectorExpr, depth int) ast.Expr {
	t, kind := l.evident(sel.X, depth+1)
	if kind > 0 || t == "" {
		return nil
	}
	ts, _ := l.ownType(t)
	if ts == nil {
		return nil
	}
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.Name == sel.Sel.Name {
				return f.Type
			}
		}
	}
	return nil
}

// plainImport says a package is imported under its own name, so a type
// reflect writes with it reads the same in the program.
func (l *lowering) plainImport(name string) bool {
	path := l.names[name]
	return path != "" && packageName(path) == name
}

func (l *lowering) evidentVar(id *ast.Ident, depth int) (string, int) {
	if id.Obj == nil {
		return "", 0
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		if id.Obj.Kind == ast.Var {
			if s, ok := typeString(d.Type); ok {
				if strings.HasPrefix(s, "...") {
					s = "[]" + s[3:]
				}
				return s, 0
			}
		}
	case *ast.ValueSpec:
		if id.Obj.Kind != ast.Var {
			return "", 0
		}
		if d.Type != nil {
			s, ok := typeString(d.Type)
			if ok {
				return s, 0
			}
			return "", 0
		}
		for i, n := range d.Names {
			if n.Obj == id.Obj && len(d.Values) == len(d.Names) {
				return typed(l.evident(d.Values[i], depth+1))
			}
		}
	case *ast.AssignStmt:
		if d.Tok != token.DEFINE || len(d.Lhs) != len(d.Rhs) {
			return "", 0
		}
		for i, x := range d.Lhs {
			if n, ok := x.(*ast.Ident); ok && n.Obj == id.Obj && n.Pos() < id.Pos() {
				return typed(l.evident(d.Rhs[i], depth+1))
			}
		}
	case *ast.FuncDecl:
		if d.Type.TypeParams == nil && d.Recv == nil {
			if s, ok := typeString(d.Type); ok {
				return s, 0
			}
		}
	}
	return "", 0
}

// typed gives an untyped constant's default type, as := and var do.
func typed(t string, kind int) (string, int) {
	if kind > 0 {
		return defaultTypes[kind], 0
	}
	return t, 0
}

func (l *lowering) evidentCall(c *ast.CallExpr, depth int) (string, int) {
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		if f.Obj == nil {
			switch {
			case predeclaredTypes[f.Name] && len(c.Args) == 1:
				return f.Name, 0
			case (f.Name == "len" || f.Name == "cap") && len(c.Args) == 1:
				return "int", 0
			case f.Name == "new" && len(c.Args) == 1:
				if s, ok := typeString(c.Args[0]); ok {
					return "*" + s, 0
				}
			case f.Name == "make" && len(c.Args) > 0:
				if s, ok := typeString(c.Args[0]); ok {
					return s, 0
				}
			case f.Name == "append" && len(c.Args) > 0:
				return l.evident(c.Args[0], depth+1)
			}
			return "", 0
		}
		switch d := f.Obj.Decl.(type) {
		case *ast.TypeSpec:
			if d.TypeParams == nil && len(c.Args) == 1 {
				return f.Name, 0
			}
		case *ast.FuncDecl:
			return l.resultType(c, d, depth)
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		if fd, _ := l.genericCallee(c); fd != nil {
			return l.resultType(c, fd, depth)
		}
	case *ast.SelectorExpr:
		if v, ok := libSymbol(l.names[builtin(f.X)], f.Sel.Name); ok && l.plainImport(builtin(f.X)) && v.Kind() == reflect.Func && v.Type().NumOut() == 1 {
			return libType(v.Type().Out(0))
		}
		if fd := l.method(f, depth); fd != nil {
			return l.resultType(c, fd, depth)
		}
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType:
		if s, ok := typeString(f); ok && len(c.Args) == 1 {
			return s, 0
		}
	}
	return "", 0
}

// resultType is the one result type of a call of a function of the file,
// with the type arguments of a generic one put in.
func (l *lowering) resultType(c *ast.CallExpr, fd *ast.FuncDecl, depth int) (string, int) {
	rs := fieldTypes(fd.Type.Results)
	if len(rs) != 1 || (fd.Recv != nil && fd.Type.TypeParams != nil) {
		return "", 0
	}
	if fd.Type.TypeParams == nil {
		s, ok := typeString(rs[0])
		if !ok {
			return "", 0
		}
		return s, 0
	}
	args, ok := l.typeArgs(c, depth+1)
	if !ok {
		return "", 0
	}
	sub := map[string]string{}
	i := 0
	for _, f := range fd.Type.TypeParams.List {
		for _, n := range f.Names {
			sub[n.Name] = args[i]
			i++
		}
	}
	r, err := parser.ParseExpr(mustType(rs[0]))
	if err != nil {
		return "", 0
	}
	ast.Inspect(r, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && sub[id.Name] != "" {
			id.Name = sub[id.Name]
		}
		return true
	})
	s, ok := typeString(r)
	if !ok {
		return "", 0
	}
	return s, 0
}

func mustType(e ast.Expr) string {
	s, _ := typeString(e)
	return s
}

// libType writes a library's type as a program would, or not at all when
// it names a type the program cannot (an unexported one).
func libType(t reflect.Type) (string, int) {
	s := t.String()
	if hasUnexportedName(s) {
		return "", 0
	}
	return s, 0
}

// findGenerics records the file's generic functions in l.generics and
// returns every generic function and method of the file.
func (l *lowering) findGenerics(file *ast.File) []*ast.FuncDecl {
	l.generics = map[*ast.Object]*ast.FuncDecl{}
	var all []*ast.FuncDecl
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Type.TypeParams == nil {
			continue
		}
		all = append(all, fd)
		if fd.Recv == nil {
			if obj := file.Scope.Lookup(fd.Name.Name); obj != nil && obj.Decl == fd {
				l.generics[obj] = fd
			}
		}
	}
	return all
}

// formatVerbs lists a format's verbs, one per argument, %#v (whatever
// other flags) as '#'; not ok for * or an argument index. Only %#v is
// fmt's Go syntax (GoString, type names): %#x, %#q and the like call
// String or Error as %x and %q do.
func formatVerbs(f string) ([]rune, bool) {
	var out []rune
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		sharp := false
		for ; i < len(f) && strings.IndexByte("+-# 0123456789.", f[i]) >= 0; i++ {
			sharp = sharp || f[i] == '#'
		}
		if i >= len(f) {
			return nil, false
		}
		switch f[i] {
		case '%':
			continue
		case '*', '[':
			return nil, false
		}
		r, size := utf8.DecodeRuneInString(f[i:])
		i += size - 1
		if sharp && r == 'v' {
			r = '#'
		}
		out = append(out, r)
	}
	return out, true
}
