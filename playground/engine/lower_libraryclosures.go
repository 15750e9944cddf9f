package engine

import "go/ast"

// libraryClosureRewrite, named libraryClosures: a function literal handed
// to another package in a loop reads the frame when it is called; in
// parentheses it is a closure over the iteration's variables.
func libraryClosureRewrite(l *lowering, s *syntax) { l.libraryClosures(s.file) }

// libraryClosures puts in parentheses a function literal handed, in a
// loop, to a function or method called through a selector (wg.Go(func()
// { ... }), sort.Slice(s, func(i, j int) bool { ... })) that uses a
// variable of the loop. Handed over as it stands, the interpreter turns
// it into a function that reads the frame of the function around it when
// it is called: called later (wg.Go runs it in a goroutine), it sees the
// last iteration's variables. In parentheses it is first made a closure,
// over the variables as they are when it is made, as Go's closures are.
// Such a closure takes its maker's frame again when it returns, which
// the interpreter holds while it runs that function's deferred calls: a
// function that defers anything, or a call that is itself deferred, is
// left as it is (Detect reports it).
func (l *lowering) libraryClosures(file *ast.File) {
	var stack []ast.Node
	defers := map[ast.Node]bool{} // functions with a defer of their own
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.DeferStmt); ok {
			for i := len(stack) - 1; i >= 0; i-- {
				if isFunc(stack[i]) {
					defers[stack[i]] = true
					break
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		defer func() { stack = append(stack, n) }()
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if _, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok {
			return true
		}
		if len(stack) > 0 {
			switch p := stack[len(stack)-1].(type) {
			case *ast.DeferStmt:
				if p.Call == call {
					return true
				}
			case *ast.GoStmt:
				if p.Call == call {
					return true
				}
			}
		}
		var loop ast.Node
		for i := len(stack) - 1; i >= 0; i-- {
			if isFunc(stack[i]) {
				if loop != nil && defers[stack[i]] {
					return true
				}
				break
			}
			if loop == nil && loopBody(stack[i]) != nil {
				loop = stack[i]
			}
		}
		if loop == nil {
			return true
		}
		for _, arg := range call.Args {
			if lit, ok := arg.(*ast.FuncLit); ok && usesVarOf(lit, loop) {
				l.wrap(lit, "(", ")")
			}
		}
		return true
	})
}

func isFunc(n ast.Node) bool {
	switch n.(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		return true
	}
	return false
}

// usesVarOf reports whether lit uses a variable declared in n, outside lit.
func usesVarOf(lit *ast.FuncLit, n ast.Node) bool {
	found := false
	ast.Inspect(lit.Body, func(m ast.Node) bool {
		id, ok := m.(*ast.Ident)
		if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
			return !found
		}
		if decl, ok := id.Obj.Decl.(ast.Node); ok && decl.Pos() >= n.Pos() && decl.Pos() < n.End() && (decl.Pos() < lit.Pos() || decl.Pos() >= lit.End()) {
			found = true
		}
		return !found
	})
	return found
}
