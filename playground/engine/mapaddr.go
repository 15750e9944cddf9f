package engine

import (
	"fmt"
	"go/ast"
	"go/token"
)

// mapElemAddr finds the address of a map's element taken (&m[k]), and a
// method the file declares on T with a pointer receiver called on an
// element of a map of T (m[k].Move()): Go's compiler rejects both, since a
// map's elements are not addressable; yaegi v0.16.1 ran them (a
// stranger's program printed &{1}). The words are the compiler's where
// the map's declaration spells its element type as a basic type or a
// type of the file (struct or basic underneath) and the key is a name or
// a literal; suspects.go hands the other visible maps to the compiler.
func mapElemAddr(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	report := func(pos token.Pos, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "map element address", Message: msg})
	}
	ptrMethods := map[string]bool{} // "T.M" for a method of T with receiver *T
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if s, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := s.X.(*ast.Ident); ok {
					ptrMethods[id.Name+"."+fd.Name.Name] = true
				}
			}
		}
	}
	// element: m[k]'s words and its element type's words, when both are
	// sure.
	element := func(e ast.Expr) (text, elemName, elemWords string, ok bool) {
		ix, isIx := ast.Unparen(e).(*ast.IndexExpr)
		if !isIx {
			return
		}
		m, isID := ix.X.(*ast.Ident)
		if !isID {
			return
		}
		mt := visibleMap(m)
		if mt == nil {
			return
		}
		switch k := ix.Index.(type) {
		case *ast.Ident:
			text = m.Name + "[" + k.Name + "]"
		case *ast.BasicLit:
			text = m.Name + "[" + k.Value + "]"
		default:
			return
		}
		v, isID := mt.Value.(*ast.Ident)
		if !isID {
			return
		}
		if v.Obj == nil {
			if basicTypes[v.Name] {
				return text, v.Name, "type " + v.Name, true
			}
			return
		}
		ts, isTS := v.Obj.Decl.(*ast.TypeSpec)
		if !isTS || ts.TypeParams != nil || ts.Assign.IsValid() {
			return
		}
		switch u := ts.Type.(type) {
		case *ast.StructType:
			return text, v.Name, "struct type " + v.Name, true
		case *ast.Ident:
			if u.Obj == nil && basicTypes[u.Name] {
				return text, v.Name, u.Name + " type " + v.Name, true
			}
		}
		return
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op != token.AND {
				break
			}
			if text, _, words, ok := element(n.X); ok {
				report(ast.Unparen(n.X).Pos(), fmt.Sprintf("invalid operation: cannot take address of %s (map index expression of %s)", text, words))
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				break
			}
			if _, name, _, ok := element(sel.X); ok && ptrMethods[name+"."+sel.Sel.Name] {
				report(sel.Sel.Pos(), fmt.Sprintf("cannot call pointer method %s on %s", sel.Sel.Name, name))
			}
		}
		return true
	})
	return out
}

var basicTypes = map[string]bool{
	"bool": true, "string": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"byte": true, "rune": true, "float32": true, "float64": true, "complex64": true, "complex128": true,
}

// visibleMap is the map type a variable's declaration spells (a map
// type, a map literal, make(map...)), or nil.
func visibleMap(id *ast.Ident) *ast.MapType {
	if id.Obj == nil || id.Obj.Kind != ast.Var {
		return nil
	}
	mapExpr := func(e ast.Expr) *ast.MapType {
		switch e := ast.Unparen(e).(type) {
		case *ast.MapType:
			return e
		case *ast.CompositeLit:
			m, _ := e.Type.(*ast.MapType)
			return m
		case *ast.CallExpr:
			if builtin(e.Fun) == "make" && len(e.Args) > 0 {
				m, _ := e.Args[0].(*ast.MapType)
				return m
			}
		}
		return nil
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return mapExpr(d.Type)
	case *ast.ValueSpec:
		if d.Type != nil {
			return mapExpr(d.Type)
		}
		for i, n := range d.Names {
			if n.Name == id.Name && len(d.Values) == len(d.Names) {
				return mapExpr(d.Values[i])
			}
		}
	case *ast.AssignStmt:
		for i, l := range d.Lhs {
			if l, ok := l.(*ast.Ident); ok && l.Name == id.Name && len(d.Rhs) == len(d.Lhs) {
				return mapExpr(d.Rhs[i])
			}
		}
	}
	return nil
}
