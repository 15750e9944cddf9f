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

// nodeIn reports whether n (nil: no) is or holds a node match accepts;
// inside function literals too when literals says so (a literal itself
// is offered to match either way). Once one is found nothing else is
// looked at: walks that set their answer from every node they visited
// lost a find to a later node (hasFuncLit to the nil ast.Inspect passes
// after every node's children, so it missed every literal below the
// root: a closure of a loop variable in a literal called in a loop's
// condition was not announced, a probe's m001, and perIteration rewrote
// loops with a literal in their header that it meant to leave).
func nodeIn(n ast.Node, literals bool, match func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found || m == nil {
			return false
		}
		if match(m) {
			found = true
			return false
		}
		_, lit := m.(*ast.FuncLit)
		return literals || !lit
	})
	return found
}

// identIn reports whether n holds an identifier match accepts; in
// function literals too when literals says so.
func identIn(n ast.Node, literals bool, match func(*ast.Ident) bool) bool {
	return nodeIn(n, literals, func(m ast.Node) bool {
		id, ok := m.(*ast.Ident)
		return ok && match(id)
	})
}

// hasFuncLit reports whether n (nil: no) is or holds a function literal.
func hasFuncLit(n ast.Node) bool {
	return nodeIn(n, false, func(m ast.Node) bool {
		_, ok := m.(*ast.FuncLit)
		return ok
	})
}
