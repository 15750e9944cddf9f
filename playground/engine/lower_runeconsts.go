package engine

import (
	"go/ast"
	"go/types"
)

// runeConstRewrite, named runeConsts: an expression with a library's
// untyped rune constant (utf8.RuneError, utf8.MaxRune) that go/types says
// is a rune becomes rune(...).
//
// The interpreter's tables hold such a constant as an untyped integer
// (yaegi's extractor writes it as an integer literal), so where Go gives
// it its default type, rune, the interpreter gives int: x :=
// utf8.RuneError printed %T as int, and x*70000 did not wrap as a rune
// does; so did a constant of the program's declared with one (const
// bad = utf8.RuneError), which is converted where it is used. The whole
// constant expression holding it is converted, so that
// its value is worked out exactly, as Go works out a constant's, before
// it becomes the rune go/types says it is. Where the expression becomes
// another type (var f float64 = utf8.MaxRune), the interpreter converts
// the integer to it as Go converts the rune, and it is left as it is.
func runeConstRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	var stack []ast.Node
	done := map[ast.Node]bool{}
	ast.Inspect(s.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		var e ast.Expr
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if untypedRunes[l.names[builtin(n.X)]+"."+n.Sel.Name] {
				e = n
			}
		case *ast.Ident:
			// A constant of the program's that is an untyped rune may
			// hold one (const bad = utf8.RuneError).
			if c, ok := l.info.Uses[n].(*types.Const); ok && c.Type() == types.Typ[types.UntypedRune] {
				e = n
			}
		}
		if e == nil {
			return true
		}
		// The largest constant expression around it.
		for i := len(stack) - 2; i >= 0; i-- {
			p, ok := stack[i].(ast.Expr)
			if !ok || l.info.Types[p].Value == nil {
				break
			}
			if _, conv := p.(*ast.CallExpr); conv {
				break // a conversion gives it its type
			}
			e = p
		}
		if t, ok := l.info.Types[e].Type.(*types.Basic); ok && t.Kind() == types.Int32 && !done[e] && !l.editedWithin(e) {
			done[e] = true
			l.wrap(e, "rune(", ")")
		}
		return true
	})
}
