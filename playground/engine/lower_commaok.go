package engine

import (
	"go/ast"
	"reflect"
	"strings"
)

// commaOKRewrite, named commaOK: v, ok := x.(I) for an interface I crashes
// when x is nil; it goes through a helper.
func commaOKRewrite(l *lowering, s *syntax) {
	for _, ta := range s.commaOK {
		l.commaOK(ta, l.names)
	}
}

// commaOK rewrites "v, ok := x.(I)" for an interface type I into a
// helper call: the interpreter crashes on it when x is nil ("call of
// reflect.Value.Type on zero Value") instead of giving ok == false.
func (l *lowering) commaOK(ta *ast.TypeAssertExpr, imports map[string]string) {
	// An interface the program declares is left alone: the helper's
	// generic assertion breaks on it, and Detect reports it.
	if ta.Type == nil || ownInterface(ta.Type) || !isInterfaceType(ta.Type, imports) || strings.Contains(l.text(ta.Type), "\n") ||
		strings.Contains(l.src[l.off(ta.X.End()):l.off(ta.End())], "\n") {
		return
	}
	l.use("_lowerAssertOK")
	l.wrap(ta, "_lowerAssertOK["+l.text(ta.Type)+"](", "")
	l.add(edit{pos: l.off(ta.X.End()), end: l.off(ta.End()), text: ")"})
}

// isInterfaceType reports whether t is plainly an interface type: error,
// any, an interface literal, an interface type of the file, or one of the
// symbol tables.
func isInterfaceType(t ast.Expr, imports map[string]string) bool {
	switch t := ast.Unparen(t).(type) {
	case *ast.InterfaceType:
		return true
	case *ast.Ident:
		if t.Obj == nil {
			return t.Name == "error" || t.Name == "any"
		}
		if ts, ok := t.Obj.Decl.(*ast.TypeSpec); ok {
			_, ok := ts.Type.(*ast.InterfaceType)
			return ok
		}
	case *ast.SelectorExpr:
		v, ok := libSymbol(imports[builtin(t.X)], t.Sel.Name)
		return ok && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Interface
	}
	return false
}
