package engine

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"
)

// loopVarRewrite, named loopVars: a loop has one variable for every
// iteration, which closures and addresses share; the body starts with Go
// 1.22's per- iteration copy.
func loopVarRewrite(l *lowering, s *syntax) {
	l.structFields = structFields(s.file)
	for _, r := range s.ranges {
		switch {
		case isIntExpr(r.X) && r.Tok != token.ASSIGN, l.stringRange(r):
			// rangeInt made its own copy; stringRanges declared them
			// in the body.
		case l.byIndex[r]:
			// The value is declared in the body now, once per
			// iteration; the key is an index.
			l.loopCopies(r.Body, nil, nil, r.Key)
		case r.Tok == token.DEFINE:
			key, value := l.rangeTypes(r)
			whole := []bool{l.mayHoldMethods(key), l.mayHoldMethods(value)}
			l.loopCopies(r.Body, nil, whole, r.Key, r.Value)
		}
	}
	for _, f := range s.fors {
		if init, ok := f.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE && !l.perIteration[f] {
			l.loopCopies(f.Body, f.Body, nil, init.Lhs...)
		}
	}
}

// loopCopies starts the body with "v := v;" for each loop variable a
// closure in the body uses (and, in a range, that the body assigns or
// takes the address of or of a part of, or uses whole where whole[i] says the variable
// vars[i] may hold a value of a type with methods: methodvars.go).
// assigned, when not nil, is where an assignment to the variable would
// make the copy wrong (a three-clause loop's body: its changes must reach
// the next iteration).
func (l *lowering) loopCopies(body, assigned *ast.BlockStmt, whole []bool, vars ...ast.Expr) {
	if body == nil {
		return
	}
	objs := objects(vars...)
	used := map[*ast.Object]string{}
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && objs[id.Obj] {
				used[id.Obj] = id.Name
			}
			return true
		})
		return false
	})
	if assigned == nil {
		// A range's variables: the interpreter iterates with the key
		// itself, so assigning it in the body changed the iteration
		// (for i := range xs { i++ } skipped elements, or never ended),
		// and takes the address of the one variable of the loop (&v is
		// the same for every element). The body gets its own copies, as
		// Go 1.22 gives each iteration its own variables: the range
		// does not read them back.
		for i, v := range vars {
			byValue := i < len(whole) && whole[i]
			if id, ok := v.(*ast.Ident); ok && id.Obj != nil && id.Name != "_" && (assigns(body, map[*ast.Object]string{id.Obj: id.Name}) || byValue && usedWhole(body, id.Obj) || l.addressedImplicitly(body, func(x *ast.Ident) bool { return x.Obj == id.Obj }) || addressedPart(body, func(x *ast.Ident) bool { return x.Obj == id.Obj })) {
				used[id.Obj] = id.Name
			}
		}
	}
	if len(used) == 0 || (assigned != nil && assigns(assigned, used)) {
		return
	}
	for obj := range used {
		l.ownCopies[obj] = true
	}
	var names []string
	for _, name := range used {
		names = append(names, name)
	}
	sort.Strings(names)
	list := strings.Join(names, ", ")
	if declaresAtTop(body, used) {
		// for _, p := range ps { ...; p := p.n }: the body's own p, in
		// the block the copy would be in, would be declared twice.
		l.insert(body.Lbrace+1, " "+list+" := "+list+"; {")
		l.insert(body.Rbrace, "}")
		return
	}
	l.insert(body.Lbrace+1, " "+list+" := "+list+";")
}

// declaresAtTop: a statement of body itself (not of a block in it)
// declares a variable so named.
func declaresAtTop(body *ast.BlockStmt, names map[*ast.Object]string) bool {
	named := func(id *ast.Ident) bool {
		for _, n := range names {
			if id.Name == n {
				return true
			}
		}
		return false
	}
	for _, s := range body.List {
		switch s := unlabeled(s).(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, e := range s.Lhs {
					if id, ok := e.(*ast.Ident); ok && named(id) {
						return true
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok {
				for _, spec := range g.Specs {
					var ids []*ast.Ident
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						ids = spec.Names
					case *ast.TypeSpec:
						ids = []*ast.Ident{spec.Name}
					}
					for _, id := range ids {
						if named(id) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// addressedImplicitly reports whether body takes without & the address
// of a variable (or of a part of one) whose identifier is reports
// (implicitAddress: v.Ref() of a method taking a pointer, v[:] of an
// array). In a range, that address, kept, was the one variable of the
// loop's in the interpreter (refs = append(refs, p.Ref()) over two points
// printed the last twice); through a named result, it read the result
// already changed by a return (an attack's).
func (l *lowering) addressedImplicitly(body *ast.BlockStmt, is func(*ast.Ident) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if x := implicitAddress(l.info, n); x != nil {
			if id := rootIdent(x); id != nil && is(id) {
				found = true
			}
		}
		return !found
	})
	return found
}

// usedWhole reports whether body uses the variable obj as a whole value
// (v, not v.f or v.M()): handed on, a range's variable of a type with
// methods stays bound to the interpreter's one slot for it (appended to
// an []any, every element was the last), where a variable declared in
// the body is copied.
func usedWhole(body *ast.BlockStmt, obj *ast.Object) bool {
	found := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && id.Obj == obj && len(stack) > 0 {
			if sel, ok := stack[len(stack)-1].(*ast.SelectorExpr); !ok || sel.X != id {
				found = true
			}
		}
		stack = append(stack, n)
		return !found
	})
	return found
}

// assigns reports whether body assigns, increments or takes the address of
// one of vars.
func assigns(body *ast.BlockStmt, vars map[*ast.Object]string) bool {
	found := false
	eachAssigned(body, func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		found = ok && vars[id.Obj] != ""
		return !found
	})
	return found
}

// eachAssigned calls f with each operand n assigns (=, op=), increments,
// decrements or takes the address of, until f returns false.
func eachAssigned(n ast.Node, f func(ast.Expr) bool) {
	more := true
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, e := range n.Lhs {
					more = more && f(e)
				}
			}
		case *ast.IncDecStmt:
			more = more && f(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				more = more && f(n.X)
			}
		}
		return more
	})
}
