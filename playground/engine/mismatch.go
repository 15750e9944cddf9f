package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
)

// mismatches finds assignments of a call whose number of results is not
// the number of variables: "n := strconv.Atoi(s)". Go's compiler rejects
// them; the interpreter ran them, giving n the first result (measured on
// yaegi v0.16.1). The words and the position (the call) are the
// compiler's.
//
// A call's results are counted only where no type information is needed:
// a function the file declares, a function of an imported package
// looked up in the interpreter's symbol tables, or a method the file
// declares on a type of the file called on a variable whose declaration
// spells that type (visibleType). Other methods and function values are
// left alone (suspects.go names some), and so is "var x = f()" with one name, which Go
// words with the results' types.
func mismatches(fset *token.FileSet, file *ast.File) []Finding {
	imports := importNames(file)
	methods := declaredMethods(file)
	results := func(call *ast.CallExpr) (string, int, bool) {
		switch f := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			if f.Obj == nil || f.Obj.Kind != ast.Fun {
				return "", 0, false
			}
			fd, ok := f.Obj.Decl.(*ast.FuncDecl)
			if !ok {
				return "", 0, false
			}
			return f.Name, fieldCount(fd.Type.Results), true
		case *ast.SelectorExpr:
			if typ := visibleType(f.X); typ != "" {
				if fd := methods[typ+"."+f.Sel.Name]; fd != nil {
					return exprText(f.X) + "." + f.Sel.Name, fieldCount(fd.Type.Results), true
				}
				return "", 0, false
			}
			pkg := builtin(f.X)
			v, ok := libSymbol(imports[pkg], f.Sel.Name)
			if !ok || v.Kind() != reflect.Func {
				return "", 0, false
			}
			return pkg + "." + f.Sel.Name, v.Type().NumOut(), true
		}
		return "", 0, false
	}
	var out []Finding
	check := func(vars int, rhs []ast.Expr) {
		if len(rhs) != 1 {
			return
		}
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		name, n, ok := results(call)
		if !ok || n == vars || n == 0 {
			return
		}
		p := fset.Position(call.Pos())
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "assignment mismatch",
			Message: fmt.Sprintf("assignment mismatch: %s but %s returns %s", plural(vars, "variable"), name, plural(n, "value"))})
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				check(len(n.Lhs), n.Rhs)
			}
		case *ast.ValueSpec:
			if len(n.Names) > 1 {
				check(len(n.Names), n.Values)
			}
		}
		return true
	})
	return out
}

// fieldCount counts the names a field list declares (a, b int is two).
func fieldCount(fl *ast.FieldList) int {
	if fl == nil {
		return 0
	}
	n := 0
	for _, f := range fl.List {
		n += max(1, len(f.Names))
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// declaredMethods maps "T.M" to the declaration of each method M the file
// declares on its type T (receiver T or *T; not a generic type's).
func declaredMethods(file *ast.File) map[string]*ast.FuncDecl {
	out := map[string]*ast.FuncDecl{}
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
			continue
		}
		t := fd.Recv.List[0].Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		if id, ok := t.(*ast.Ident); ok {
			out[id.Name+"."+fd.Name.Name] = fd
		}
	}
	return out
}

// visibleType names the type of the file that e, a variable, visibly has,
// or "": its declaration spells it, T or *T, as a parameter, "var p T",
// "p := T{...}" or "p := &T{...}". The type's own methods are then the
// ones a call p.M reaches (a method of T hides any promoted one).
func visibleType(e ast.Expr) string {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
		return ""
	}
	named := func(t ast.Expr) string {
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		if n, ok := t.(*ast.Ident); ok && n.Obj != nil && n.Obj.Kind == ast.Typ {
			return n.Name
		}
		return ""
	}
	value := func(v ast.Expr) string {
		if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
			v = u.X
		}
		if c, ok := v.(*ast.CompositeLit); ok {
			return named(c.Type)
		}
		return ""
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return named(d.Type)
	case *ast.ValueSpec:
		if d.Type != nil {
			return named(d.Type)
		}
		if len(d.Values) == len(d.Names) {
			for i, n := range d.Names {
				if n == id || n.Name == id.Name {
					return value(d.Values[i])
				}
			}
		}
	case *ast.AssignStmt:
		if d.Tok == token.DEFINE && len(d.Lhs) == len(d.Rhs) {
			for i, l := range d.Lhs {
				if l, ok := l.(*ast.Ident); ok && l.Name == id.Name {
					return value(d.Rhs[i])
				}
			}
		}
	}
	return ""
}

func exprText(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
