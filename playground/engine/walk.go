package engine

import "go/ast"

// Walks of the syntax tree that several checks and rewrites share.

// eachFunc calls f with the signature and body of every function the
// file declares with a body, and of every function literal, outer ones
// first.
func eachFunc(file ast.Node, f func(*ast.FuncType, *ast.BlockStmt)) {
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				f(n.Type, n.Body)
			}
		case *ast.FuncLit:
			f(n.Type, n.Body)
		}
		return true
	})
}

// identIn reports whether n holds an identifier match accepts; in
// function literals too when literals says so.
func identIn(n ast.Node, literals bool, match func(*ast.Ident) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return literals && !found
		case *ast.Ident:
			found = found || match(n)
		}
		return !found
	})
	return found
}
