package engine

import (
	"fmt"
	"go/ast"
	"go/token"
)

// suspectConstruct is the Construct of suspects' findings.
const suspectConstruct = "compile error"

// suspects finds what Go's compiler likely rejects but only types can
// tell, so the check names it without the compiler's words and Automatic
// lets the compiler say it (Prepared.HandOver): yaegi v0.16.1 ran each.
//
//   - a method call assigned to a number of variables that no method of
//     that name the file declares returns: n := p.Parse(s) where every
//     Parse of the file returns two values (whose Parse it is needs p's
//     type; mismatch.go gives the compiler's words where no type is
//     needed);
//   - the address of an element of a map (&m[k]), or a method of the file
//     with a pointer receiver only called on one (m[k].Move()), where m
//     is visibly a map: declared with a map type, a map literal or
//     make(map...).
//
// mapaddr.go gives the compiler's words for the maps whose element type
// it can word. A wrong guess costs a hand-over, never a wrong output.
func suspects(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	report := func(pos token.Pos, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: suspectConstruct, Message: msg})
	}
	imports := importNames(file)
	results := map[string][]int{} // a method name: the result counts of its declarations
	ptrOnly := map[string]bool{}  // a method name declared with pointer receivers only
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) == 0 {
			continue
		}
		name := fd.Name.Name
		results[name] = append(results[name], fieldCount(fd.Type.Results))
		_, ptr := fd.Recv.List[0].Type.(*ast.StarExpr)
		if seen, ok := ptrOnly[name]; ok {
			ptrOnly[name] = seen && ptr
		} else {
			ptrOnly[name] = ptr
		}
	}
	mismatch := func(vars int, rhs []ast.Expr) {
		if len(rhs) != 1 {
			return
		}
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return
		}
		if _, pkg := imports[builtin(sel.X)]; pkg {
			return // a package's function: mismatch.go's
		}
		counts := results[sel.Sel.Name]
		if len(counts) == 0 {
			return
		}
		for _, n := range counts {
			if n == vars || n == 0 {
				return
			}
		}
		report(call.Pos(), fmt.Sprintf("%s is assigned to %s, and each method %s of the program returns %s: Go's compiler likely rejects it (assignment mismatch), and only it can tell whose method it is",
			sel.Sel.Name, plural(vars, "variable"), sel.Sel.Name, plural(counts[0], "value")))
	}
	// mapOf is the type of e when e is visibly a map, or nil.
	mapOf := func(e ast.Expr) *ast.MapType {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			return visibleMap(id)
		}
		return nil
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				mismatch(len(n.Lhs), n.Rhs)
			}
		case *ast.ValueSpec:
			mismatch(len(n.Names), n.Values)
		case *ast.UnaryExpr:
			if ix, ok := ast.Unparen(n.X).(*ast.IndexExpr); ok && n.Op == token.AND && mapOf(ix.X) != nil {
				report(n.Pos(), "the address of a map's element is taken: Go's compiler rejects it (cannot take address of a map index expression)")
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && ptrOnly[sel.Sel.Name] {
				ix, ok := ast.Unparen(sel.X).(*ast.IndexExpr)
				if !ok {
					break
				}
				if m := mapOf(ix.X); m != nil && !isPointer(m.Value) {
					report(sel.Sel.Pos(), fmt.Sprintf("a method with a pointer receiver, %s, is called on a map's element: Go's compiler rejects it if that is the method called (cannot call pointer method %s)", sel.Sel.Name, sel.Sel.Name))
				}
			}
		}
		return true
	})
	return out
}

func isPointer(e ast.Expr) bool {
	_, ok := e.(*ast.StarExpr)
	return ok
}
