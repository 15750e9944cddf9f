package engine

import (
	"go/ast"
	"go/token"
)

// What a range's variable may hold, for loopCopies: yaegi v0.16.1 puts a
// value of one of the program's types with methods, or a pointer to one,
// into an interface (an any, an interface variable, an []any) as a
// wrapper over the variable's storage, not a copy. A range assigns its
// variables in place, so such a variable used whole in the body was
// bound to its one slot for the loop: appended to an []any every element
// was the last, and so was every key of a map or value received from a
// channel (for w := range ch). A variable declared in the body gets fresh
// storage each iteration, so the body's own copy (v := v) is what Go
// 1.22 gives, and right. A copy costs the interpreter an allocation per
// iteration (a loop over 2 million ints took 3 to 7 times as long), so it
// is made only where the variable may hold such a value: its type is
// unknown, or one of the program's types with methods, a pointer to one,
// or a type parameter. Measured on yaegi v0.16.1: a value of the
// library's types (time.Duration), of a type without methods, an array or
// struct holding one with methods, and an interface's value are copied
// into the interface, and need no copy.

// mayHoldMethods reports whether a variable of type t may hold a value
// of one of the program's types with methods or a pointer to one. t is an
// expression of the file, nil when the type is not known.
func (l *lowering) mayHoldMethods(t ast.Expr) bool {
	return l.mayHold(t, 0)
}

func (l *lowering) mayHold(t ast.Expr, depth int) bool {
	if depth > 10 {
		return true
	}
	switch t := ast.Unparen(t).(type) {
	case nil:
		return true
	case *ast.StarExpr:
		return l.mayHold(t.X, depth+1)
	case *ast.SelectorExpr:
		// A type of another package: the interpreter's methods are
		// only the program's.
		return false
	case *ast.IndexExpr:
		return l.mayHold(t.X, depth+1)
	case *ast.IndexListExpr:
		return l.mayHold(t.X, depth+1)
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType:
		return false
	case *ast.StructType:
		return embeds(t)
	case *ast.Ident:
		ts := l.typeSpec(t)
		if ts == nil {
			if t.Obj != nil {
				// A type parameter (its declaration is a field),
				// or what the syntax does not say.
				return true
			}
			// A predeclared type: int, string, error, any...
			return false
		}
		if len(l.methods) > 0 && l.hasMethods(ts.Name.Name) {
			return true
		}
		switch u := ast.Unparen(ts.Type).(type) {
		case *ast.StructType:
			return embeds(u)
		case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr, *ast.IndexExpr, *ast.IndexListExpr:
			// An alias, or a type defined from another one: what
			// that one may hold (more than a defined type has).
			return l.mayHold(u, depth+1)
		}
		return false
	}
	return true
}

// typeSpec is the declaration of the type id names, if the file declares
// it (at its top or in a function).
func (l *lowering) typeSpec(id *ast.Ident) *ast.TypeSpec {
	if id.Obj != nil {
		ts, _ := id.Obj.Decl.(*ast.TypeSpec)
		return ts
	}
	return l.types[id.Name]
}

// hasMethods reports whether the file declares a method with a receiver
// of the type named name (T or *T, T[P] of a generic type).
func (l *lowering) hasMethods(name string) bool {
	for _, fds := range l.methods {
		for _, fd := range fds {
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
				case *ast.Ident:
					if r.Name == name {
						return true
					}
				}
				break
			}
		}
	}
	return false
}

// embeds reports whether a struct type has an embedded field, whose
// methods it may promote.
func embeds(s *ast.StructType) bool {
	for _, f := range s.Fields.List {
		if len(f.Names) == 0 {
			return true
		}
	}
	return false
}

// intType stands for the int key of a range over a slice, an array or a
// string.
var intType = ast.NewIdent("int")

// rangeTypes returns the types of a range's key and value, as far as the
// syntax tells them: nil where it does not.
func (l *lowering) rangeTypes(r *ast.RangeStmt) (key, value ast.Expr) {
	t := l.exprType(r.X, 0)
	for depth := 0; t != nil && depth < 10; depth++ {
		switch u := ast.Unparen(t).(type) {
		case *ast.ArrayType:
			return intType, u.Elt
		case *ast.Ellipsis:
			return intType, u.Elt
		case *ast.MapType:
			return u.Key, u.Value
		case *ast.ChanType:
			return u.Value, nil
		case *ast.StarExpr:
			// A pointer to an array.
			if a, ok := ast.Unparen(l.underlying(u.X)).(*ast.ArrayType); ok {
				return intType, a.Elt
			}
			return nil, nil
		case *ast.Ident:
			if u.Obj == nil && l.types[u.Name] == nil {
				if u.Name == "string" {
					return intType, ast.NewIdent("rune")
				}
				return nil, nil
			}
			ts := l.typeSpec(u)
			if ts == nil || ts.TypeParams != nil {
				return nil, nil
			}
			t = ts.Type
			continue
		}
		return nil, nil
	}
	return nil, nil
}

// underlying follows a type's name to its declaration's type.
func (l *lowering) underlying(t ast.Expr) ast.Expr {
	for depth := 0; depth < 10; depth++ {
		id, ok := ast.Unparen(t).(*ast.Ident)
		if !ok {
			return t
		}
		ts := l.typeSpec(id)
		if ts == nil {
			return t
		}
		t = ts.Type
	}
	return t
}

// exprType returns the type of the expression e where its syntax or its
// variable's declaration spells it, nil where it does not.
func (l *lowering) exprType(e ast.Expr, depth int) ast.Expr {
	if depth > 10 {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e.Type
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return ast.NewIdent("string")
		}
	case *ast.CallExpr:
		switch fun := ast.Unparen(e.Fun).(type) {
		case *ast.ArrayType, *ast.MapType, *ast.ChanType:
			return fun // a conversion
		case *ast.Ident:
			if fun.Obj == nil && fun.Name == "make" && len(e.Args) > 0 {
				return e.Args[0]
			}
			if fun.Obj != nil {
				if fd, ok := fun.Obj.Decl.(*ast.FuncDecl); ok && fd.Type.TypeParams == nil && fd.Type.Results != nil &&
					len(fd.Type.Results.List) == 1 && len(fd.Type.Results.List[0].Names) <= 1 {
					return fd.Type.Results.List[0].Type
				}
				if ts, ok := fun.Obj.Decl.(*ast.TypeSpec); ok && ts.TypeParams == nil {
					return fun // a conversion to a type of the file
				}
			}
		}
	case *ast.Ident:
		if e.Obj == nil || e.Obj.Kind != ast.Var {
			return nil
		}
		typ, value := declared(e)
		if typ != nil {
			return typ
		}
		if value != nil {
			return l.exprType(value, depth+1)
		}
	case *ast.SelectorExpr:
		// A field of one of the file's structs, when every field of
		// that name in the file has one type spelled alike (another
		// package's fields hold no type of the program).
		return l.fieldType(e.Sel.Name)
	}
	return nil
}

// fieldType returns the type of the file's struct fields named name when
// they all spell it alike, nil otherwise.
func (l *lowering) fieldType(name string) ast.Expr {
	ts := l.structFields[name]
	if len(ts) == 0 {
		return nil
	}
	for _, t := range ts[1:] {
		if l.text(t) != l.text(ts[0]) {
			return nil
		}
	}
	return ts[0]
}

// structFields returns the types of the struct fields the file declares
// (at its top, in functions, in literals), by the fields' names.
func structFields(file *ast.File) map[string][]ast.Expr {
	fields := map[string][]ast.Expr{}
	ast.Inspect(file, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok {
			for _, f := range st.Fields.List {
				for _, id := range f.Names {
					fields[id.Name] = append(fields[id.Name], f.Type)
				}
			}
		}
		return true
	})
	return fields
}
