package engine

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// constDivisionRewrite, named constDivisions: a division (or remainder)
// of two untyped integer constants is an integer division in Go, whatever
// the expression's value then becomes: var f float64 = 10 / 4 is 2, and
// 3 / 2 * x is x. The interpreter converts each operand to the type the
// value is for and divides in it: 2.5, and 1.5 * x (yaegi v0.16.1, a blind
// pass's, silent; within :=, a conversion or a call's argument it was
// right). Such a division, where go/types gives it a type that is not an
// integer's (that of the whole constant expression it is part of),
// becomes its value, worked out by go/types: "(2)".
func constDivisionRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	ast.Inspect(s.file, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		tv := l.info.Types[e]
		if tv.Value == nil {
			return true
		}
		// e is a whole constant expression: go/types gives its operands
		// the types they have inside it (untyped int), and it the type of
		// its context.
		if basic, _ := types.Unalias(tv.Type).Underlying().(*types.Basic); basic == nil || basic.Info()&types.IsInteger != 0 {
			return false
		}
		ast.Inspect(e, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryExpr)
			if !ok || b.Op != token.QUO && b.Op != token.REM || !l.untypedInt(b.X) || !l.untypedInt(b.Y) || l.covered(b) {
				return true
			}
			if mentionsIota(b) {
				// A const group repeats the expression: one node, one
				// value recorded (the last spec's), where each spec has
				// its own (Small Size = (iota+1)*4/2; Medium; Large gave
				// 6 6 6 for 2 4 6: a stranger's review).
				l.handOvers = append(l.handOvers, handOver{b.Pos(), "constant division with iota", "a division of integer constants with iota whose value becomes a float: the interpreter divides in floats, where Go divides the integers first"})
				return false
			}
			if v := l.info.Types[b].Value; v != nil {
				if v = constant.ToInt(v); v.Kind() == constant.Int {
					l.replace(b, "("+v.ExactString()+")")
					return false
				}
			}
			return true
		})
		return false
	})
}

// untypedInt: e is an untyped integer (or rune) constant as written:
// literals, constants declared without a type, and operations on them
// (go/types records the type e has once converted for its context).
func (l *lowering) untypedInt(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT || e.Kind == token.CHAR
	case *ast.ParenExpr:
		return l.untypedInt(e.X)
	case *ast.UnaryExpr:
		return (e.Op == token.ADD || e.Op == token.SUB || e.Op == token.XOR) && l.untypedInt(e.X)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			return l.untypedInt(e.X) && l.untypedInt(e.Y)
		case token.SHL, token.SHR:
			return l.untypedInt(e.X)
		}
	case *ast.Ident:
		c, ok := l.info.Uses[e].(*types.Const)
		if !ok {
			return false
		}
		b, ok := c.Type().(*types.Basic)
		return ok && b.Info()&types.IsUntyped != 0 && b.Info()&types.IsInteger != 0
	}
	return false
}

// covered: an earlier rewrite replaces text n is part of.
func (l *lowering) covered(n ast.Node) bool {
	pos, end := l.off(n.Pos()), l.off(n.End())
	for _, e := range l.edits {
		if e.end > e.pos && e.pos < end && pos < e.end {
			return true
		}
	}
	return false
}

// mentionsIota: e reads the predeclared iota.
func mentionsIota(e ast.Expr) bool {
	return identIn(e, true, func(id *ast.Ident) bool { return builtin(id) == "iota" })
}
