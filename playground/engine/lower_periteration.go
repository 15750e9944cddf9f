package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

// perIterationRewrite, named perIteration: a three-clause loop has one
// variable for every iteration, and &i is one pointer. It gives the
// loop's body a variable of its own for each of the loop's, as Go 1.22
// does, where the body takes the address of one (ps = append(ps, &i)) or
// both assigns one and uses it in a closure: yaegi v0.16.1 has one i for the whole loop, and &i was the
// same pointer in every iteration (three pointers to 3, where go run
// prints 0 1 2). A copy at the top of the body (loopVars) would lose what
// the body does to i, which in Go reaches the next iteration; so the loop
// counts with a variable of its own, and the body's i is copied back to
// it at the end of the body and before each continue of the loop:
//
//	for i := 0; i < 3; i++ { ps = append(ps, &i) }
//
// becomes, on the same line,
//
//	for _lowerL1 := 0; _lowerL1 < 3; _lowerL1++ { i := _lowerL1; { ps = append(ps, &i) }; _lowerL1 = i }
//
// which is Go 1.22's rule: each iteration's variable starts as the value
// of the previous one's at its end, and the post statement counts on the
// new one. The body keeps its own block, where it may declare an i of its
// own. A loop whose condition or post statement holds a function literal,
// whose body has a goto or declares another variable of a loop
// variable's name (where a copy back would read that one) is left as it
// is, and Detect announces &i (loopAddress).
func perIterationRewrite(l *lowering, s *syntax) {
	l.perIteration = map[*ast.ForStmt]bool{}
	for _, f := range s.fors {
		if l.perIterationLoop(f, s.labels[f]) {
			l.perIteration[f] = true
		}
	}
}

func (l *lowering) perIterationLoop(f *ast.ForStmt, label *ast.LabeledStmt) bool {
	init, ok := f.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || f.Body == nil {
		return false
	}
	vars := map[*ast.Object]string{}
	for _, e := range init.Lhs {
		id, ok := e.(*ast.Ident)
		if !ok {
			return false
		}
		if id.Name != "_" && id.Obj != nil {
			vars[id.Obj] = id.Name
		}
	}
	if len(vars) == 0 || !(l.addressTaken(f.Body, vars) || capturedAndAssigned(f.Body, vars)) ||
		hasFuncLit(f.Cond) || hasFuncLit(f.Post) || !copiesBack(f.Body, vars) {
		return false
	}
	carrier := map[*ast.Object]string{}
	var names, carriers []string
	for _, e := range init.Lhs {
		id := e.(*ast.Ident)
		if _, ok := vars[id.Obj]; !ok {
			continue
		}
		carrier[id.Obj] = l.name("_lowerL")
		l.ownCopies[id.Obj] = true
		names = append(names, id.Name)
		carriers = append(carriers, carrier[id.Obj])
	}
	for _, n := range []ast.Node{init, f.Cond, f.Post} {
		if n == nil {
			continue
		}
		ast.Inspect(n, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && carrier[id.Obj] != "" {
				l.replace(id, carrier[id.Obj])
			}
			return true
		})
	}
	back := strings.Join(carriers, ", ") + " = " + strings.Join(names, ", ")
	l.insert(f.Body.Lbrace+1, " "+strings.Join(names, ", ")+" := "+strings.Join(carriers, ", ")+"; {")
	l.insert(f.Body.Rbrace, "}; "+back+" ")
	for _, c := range loopContinues(f.Body, label) {
		l.insert(c.Pos(), back+"; ")
	}
	return true
}

// addressTaken reports whether body takes the address of one of vars or
// of a part of one, with & (&i, &c.n, &a[0]) or without (c.Self() of a
// method taking a pointer, a[:] of an array): the pointers of every
// iteration were one (3 3 3 for Go's 0 1 2, a probe's).
func (l *lowering) addressTaken(body *ast.BlockStmt, vars map[*ast.Object]string) bool {
	is := func(id *ast.Ident) bool { return vars[id.Obj] != "" }
	return addressedPart(body, is) || l.addressedImplicitly(body, is)
}

// addressedPart reports whether body takes with & the address of a
// variable whose identifier is reports, or of a part of one (&v.f,
// &v[0]; through a pointer too, which a copy of the variable leaves
// right).
func addressedPart(body ast.Node, is func(*ast.Ident) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if id := rootIdent(u.X); id != nil && is(id) {
				found = true
			}
		}
		return !found
	})
	return found
}

// capturedAndAssigned reports whether a function literal in body uses one
// of vars and body assigns one: loopVars gives up its copy then.
func capturedAndAssigned(body *ast.BlockStmt, vars map[*ast.Object]string) bool {
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && vars[id.Obj] != "" {
					used = true
				}
				return !used
			})
			return false
		}
		return !used
	})
	return used && assigns(body, vars)
}

// copiesBack reports whether a copy of the body's variables back to the
// loop's reads the iteration's own everywhere: the body has no goto and
// declares no other variable of one of their names.
func copiesBack(body *ast.BlockStmt, vars map[*ast.Object]string) bool {
	names := map[string]bool{}
	for _, name := range vars {
		names[name] = true
	}
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				ok = false
			}
		case *ast.Ident:
			if names[n.Name] && n.Obj != nil && vars[n.Obj] == "" {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// loopContinues returns the continue statements of body that continue
// its loop: unlabeled ones outside the loops and function literals in the
// body, and those naming the loop's label.
func loopContinues(body *ast.BlockStmt, label *ast.LabeledStmt) []*ast.BranchStmt {
	var found []*ast.BranchStmt
	var walk func(n ast.Node, inner bool)
	walk = func(n ast.Node, inner bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				walk(m.Body, true)
				return false
			case *ast.RangeStmt:
				walk(m.Body, true)
				return false
			case *ast.BranchStmt:
				if m.Tok == token.CONTINUE && (m.Label == nil && !inner || m.Label != nil && label != nil && m.Label.Name == label.Label.Name) {
					found = append(found, m)
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}
