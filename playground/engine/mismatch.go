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
// a function the file declares, or a function of an imported package
// looked up in the interpreter's symbol tables. Methods and function
// values are left alone, and so is "var x = f()" with one name, which Go
// words with the results' types.
func mismatches(fset *token.FileSet, file *ast.File) []Finding {
	imports := importNames(file)
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
