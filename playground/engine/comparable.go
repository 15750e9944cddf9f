package engine

import (
	"fmt"
	"go/ast"
	"go/token"
)

// incomparable finds values of a type parameter whose constraint is any
// (or another interface of methods only: anyConstraint) compared with == or !=, and such a type parameter used
// as a map key: Go's compiler rejects both (the constraint does not say
// comparable), yaegi v0.16.1 compared the values it was given (a
// stranger's Index[T any] printed 1). The values are the function's
// parameters of type T, the variables declared "var x T", and the values
// of a range over a parameter of type []T; the parser's resolution of
// identifiers says which identifiers they are.
func incomparable(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	report := func(pos token.Pos, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "comparable", Message: msg})
	}
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Type.TypeParams == nil || fd.Body == nil {
			continue
		}
		loose := map[*ast.Object]bool{} // type parameters constrained by any
		for _, f := range fd.Type.TypeParams.List {
			if !anyConstraint(f.Type) {
				continue
			}
			for _, n := range f.Names {
				if n.Obj != nil {
					loose[n.Obj] = true
				}
			}
		}
		if len(loose) == 0 {
			continue
		}
		isLoose := func(e ast.Expr) bool {
			id, ok := e.(*ast.Ident)
			return ok && id.Obj != nil && loose[id.Obj]
		}
		values := map[*ast.Object]bool{} // of a loose type
		slices := map[*ast.Object]bool{} // of []T, T loose
		declare := func(names []*ast.Ident, typ ast.Expr) {
			for _, n := range names {
				if n.Obj == nil {
					continue
				}
				if isLoose(typ) {
					values[n.Obj] = true
				} else if a, ok := typ.(*ast.ArrayType); ok && a.Len == nil && isLoose(a.Elt) {
					slices[n.Obj] = true
				}
			}
		}
		for _, f := range fd.Type.Params.List {
			declare(f.Names, f.Type)
		}
		ast.Inspect(fd, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if n.Type != nil {
					declare(n.Names, n.Type)
				}
			case *ast.RangeStmt:
				if x, ok := n.X.(*ast.Ident); ok && x.Obj != nil && slices[x.Obj] && n.Tok == token.DEFINE {
					if v, ok := n.Value.(*ast.Ident); ok && v.Obj != nil {
						values[v.Obj] = true
					}
				}
			case *ast.MapType:
				if isLoose(n.Key) {
					report(n.Key.Pos(), fmt.Sprintf("invalid map key type %s (missing comparable constraint)", n.Key.(*ast.Ident).Name))
				}
			case *ast.BinaryExpr:
				if n.Op != token.EQL && n.Op != token.NEQ {
					break
				}
				x, okx := n.X.(*ast.Ident)
				y, oky := n.Y.(*ast.Ident)
				if okx && oky && x.Obj != nil && y.Obj != nil && values[x.Obj] && values[y.Obj] {
					report(x.Pos(), fmt.Sprintf("invalid operation: %s %s %s (incomparable types in type set)", x.Name, n.Op, y.Name))
				}
			}
			return true
		})
	}
	return out
}

// anyConstraint reports whether a type parameter's constraint leaves it
// incomparable: any, error, fmt.Stringer, or an interface of methods only
// (literal, or a type of the file), whose type sets hold every type.
func anyConstraint(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		if e.Obj == nil {
			return e.Name == "any" || e.Name == "error"
		}
		if ts, ok := e.Obj.Decl.(*ast.TypeSpec); ok && ts.TypeParams == nil {
			if it, ok := ts.Type.(*ast.InterfaceType); ok {
				return methodsOnly(it)
			}
		}
	case *ast.SelectorExpr:
		return builtin(e.X) == "fmt" && e.Sel.Name == "Stringer"
	case *ast.InterfaceType:
		return methodsOnly(e)
	}
	return false
}

// methodsOnly: the interface lists methods and embeds nothing (no
// comparable, no union of types, no other interface).
func methodsOnly(it *ast.InterfaceType) bool {
	for _, f := range it.Methods.List {
		if _, ok := f.Type.(*ast.FuncType); !ok || len(f.Names) == 0 {
			return false
		}
	}
	return true
}
