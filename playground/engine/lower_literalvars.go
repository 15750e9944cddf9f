package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// literalVarRewrite, named literalVars: in a loop, yaegi v0.16.1 keeps
// one storage for a composite literal of an array, slice or map type
// where the literal is a variable's only value (h := []int{i}, var h =
// []int{i}) or where its address is taken (&[]int{i}): it writes each
// iteration's literal into the same place (interp/cfg.go lets a
// composite literal write straight into its variable), so a closure or a
// pointer kept from an earlier iteration sees the last one's values:
// three closures printing h gave [2] [2] [2] where go run prints [0] [1]
// [2], with nothing said. A struct literal gets fresh storage, and so
// does a literal in parentheses, which is no longer the variable's
// composite literal: the value is put in parentheses. An address of one
// is taken in a function literal called at once, whose frame is new at
// every call (func() *[]int { return &[]int{i} }()). Rewrites that move
// a value into a variable of their own write it so too (fresh).
func literalVarRewrite(l *lowering, s *syntax) {
	ast.Inspect(s.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				l.literalValue(n.Rhs[0])
			}
			// x = T{...} to a variable a closure or a pointer shares: the
			// literal written straight into x's place left them the old
			// value, loop or not (a blind pass's finds: reset := func()
			// { x = T{5, 5} } left x {1 1}; p := &t; t = T{10, 20} left
			// p.A 1; a deferred r = Res{9} on a named result returned
			// {1}). In parentheses it is assigned as any value is.
			if n.Tok == token.ASSIGN && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if _, ok := n.Rhs[0].(*ast.CompositeLit); ok && !l.replaced(n.Rhs[0]) {
					l.wrap(n.Rhs[0], "(", ")")
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == 1 && len(n.Values) == 1 {
				l.literalValue(n.Values[0])
			}
		case *ast.UnaryExpr:
			if typ, ok := l.addressedLiteral(n); ok && l.inLoop(n) && !l.replaced(n) {
				l.wrap(n, "func() *"+typ+" { return ", " }()")
			}
		}
		return true
	})
}

// literalValue puts a variable's composite literal in a loop in
// parentheses.
func (l *lowering) literalValue(e ast.Expr) {
	if _, ok := e.(*ast.CompositeLit); ok && l.inLoop(e) && !l.replaced(e) {
		l.wrap(e, "(", ")")
	}
}

// addressedLiteral: u takes the address of a composite literal that is
// not a struct's (a struct's gets fresh storage), and typ is the
// literal's type as the program can write it there. A literal whose type
// is left out (inside another literal) is not one, nor an array of
// [...] whose length go/types does not give.
func (l *lowering) addressedLiteral(u *ast.UnaryExpr) (typ string, ok bool) {
	if u.Op != token.AND {
		return "", false
	}
	lit, ok := ast.Unparen(u.X).(*ast.CompositeLit)
	if !ok || lit.Type == nil {
		return "", false
	}
	if _, ok := lit.Type.(*ast.StructType); ok {
		return "", false
	}
	var t types.Type
	if l.info != nil {
		t = l.info.TypeOf(lit)
		if t != nil {
			if _, ok := t.Underlying().(*types.Struct); ok {
				return "", false
			}
		}
	}
	if a, ok := lit.Type.(*ast.ArrayType); ok && a.Len != nil {
		if _, ok := a.Len.(*ast.Ellipsis); ok {
			arr, ok := t.(*types.Array)
			if !ok || arr == nil {
				return "", false
			}
			return "[" + strconv.FormatInt(arr.Len(), 10) + "]" + l.text(a.Elt), true
		}
	}
	return l.text(lit.Type), true
}

// replaced: an earlier rewrite replaced n, or what holds it, with text
// of its own (it moved it into a variable, through fresh).
func (l *lowering) replaced(n ast.Node) bool {
	pos, end := l.off(n.Pos()), l.off(n.End())
	for _, e := range l.edits {
		if e.end > e.pos && e.pos <= pos && end <= e.end {
			return true
		}
	}
	return false
}

// fresh is e's text for a variable a rewrite declares with it: a
// composite literal in parentheses, its address taken in a function
// literal called at once (literalVars).
func (l *lowering) fresh(e ast.Expr) string {
	t := l.text(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		return "(" + t + ")"
	case *ast.UnaryExpr:
		if typ, ok := l.addressedLiteral(x); ok {
			return "func() *" + typ + " { return " + t + " }()"
		}
	}
	return t
}
