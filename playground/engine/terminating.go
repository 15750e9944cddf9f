package engine

import (
	"go/ast"
	"go/token"
)

// missingReturns finds functions with results whose body does not end in
// a terminating statement, which Go's compiler rejects ("missing return",
// at the closing brace) and the interpreter ran (measured on yaegi
// v0.16.1: it printed what the function printed). The rules are the
// spec's ("Terminating statements"), which need no types.
func missingReturns(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	check := func(ft *ast.FuncType, body *ast.BlockStmt) {
		if ft.Results == nil || len(ft.Results.List) == 0 || terminating(body) {
			return
		}
		p := fset.Position(body.Rbrace)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "missing return", Message: "missing return"})
	}
	eachFunc(file, check)
	return out
}

// terminating reports whether s is a terminating statement.
func terminating(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && builtin(call.Fun) == "panic"
	case *ast.BlockStmt:
		return endsTerminating(s.List)
	case *ast.IfStmt:
		return s.Else != nil && terminating(s.Body) && terminating(s.Else)
	case *ast.ForStmt:
		return s.Cond == nil && !breaks(s.Body, nil)
	case *ast.LabeledStmt:
		switch inner := s.Stmt.(type) {
		case *ast.ForStmt:
			return inner.Cond == nil && !breaks(inner.Body, s.Label)
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return clausesTerminate(inner, s.Label)
		}
		return terminating(s.Stmt)
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		return clausesTerminate(s, nil)
	}
	return false
}

// clausesTerminate: no break refers to the statement, a switch has a
// default, and every clause ends in a terminating statement (or, in a
// switch, a fallthrough).
func clausesTerminate(s ast.Stmt, label *ast.Ident) bool {
	var body *ast.BlockStmt
	switch s := s.(type) {
	case *ast.SwitchStmt:
		body = s.Body
	case *ast.TypeSwitchStmt:
		body = s.Body
	case *ast.SelectStmt:
		body = s.Body
	}
	_, isSelect := s.(*ast.SelectStmt)
	hasDefault := isSelect
	for _, c := range body.List {
		var list []ast.Stmt
		switch c := c.(type) {
		case *ast.CaseClause:
			list = c.Body
			if c.List == nil {
				hasDefault = true
			}
		case *ast.CommClause:
			list = c.Body
		}
		if breaks(&ast.BlockStmt{List: list}, label) {
			return false
		}
		if len(list) > 0 {
			if b, ok := list[len(list)-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				continue
			}
		}
		if !endsTerminating(list) {
			return false
		}
	}
	return hasDefault
}

func endsTerminating(list []ast.Stmt) bool {
	for i := len(list) - 1; i >= 0; i-- {
		if _, empty := list[i].(*ast.EmptyStmt); !empty {
			return terminating(list[i])
		}
	}
	return false
}

// breaks reports whether body holds a break that refers to the statement
// body belongs to: an unlabeled one outside nested for, switch and select
// statements, or one naming label. Function literals are their own.
func breaks(body *ast.BlockStmt, label *ast.Ident) bool {
	found := false
	var walk func(n ast.Node, nested bool) bool
	walk = func(n ast.Node, nested bool) bool {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if m.Tok == token.BREAK && ((m.Label == nil && !nested) || (m.Label != nil && label != nil && m.Label.Name == label.Name)) {
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					walk(m, true)
					return false
				}
			}
			return true
		})
		return found
	}
	return walk(body, false)
}
