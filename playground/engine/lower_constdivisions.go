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
//
// Where the type is an integer's, the interpreter's answer to a constant
// expression with a division in it was no better in a declaration with a
// type (var n int = 10 / 4.0 * 2, 7.0 / 2 * 2, 3 / 2 * 4 into an int64,
// 3 / 2 * time.Second all gave 0, var r rune = 'a' + 3/2 gave 97; go run
// says 5, 7, 4, 1s, 98), so the smallest expression that holds the
// division and is made of untyped constants alone, the one go/types
// converts to the type, becomes its value: "(5)", or "('\x00' + 98)" for
// a rune's, which keeps its kind where the type is the default one
// (fmt.Println('a' + 3/2) prints an int32). iota's are left: a const
// group repeats them, and the interpreter had them right.
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
		if only(tv.Type, isInteger) {
			if l.untypedConst(e) && hasDivision(e) && mentionsIota(e) && (untypedKind(l.info, e) > types.UntypedRune || !isUntyped(tv.Type)) {
				// X int = (iota + 10) / 2.0 * 2; Y gave 10 0 for 10 11, and
				// A int64 = (iota + 3) / 2 * 4; B; C 0 8 0 for 4 8 8: the
				// group's repetition of it is wrong where the value goes to
				// a type, and go/types records one node's value (two
				// strangers' reviews). Untyped, the interpreter had it.
				l.handOvers = append(l.handOvers, handOver{e.Pos(), "constant division with iota", "a constant expression with iota and a division, of a type or of a floating-point constant, which a const group repeats: the interpreter gives some repetitions 0"})
				return false
			}
			if l.untypedConst(e) && hasDivision(e) && !mentionsIota(e) && !l.covered(e) {
				if v := constant.ToInt(tv.Value); v.Kind() == constant.Int {
					l.replace(e, intText(v, untypedKind(l.info, e)))
					return false
				}
			}
			return true // 3 / 2 * k: 3 / 2 has the type of the constant k
		}
		// e is a whole constant expression: go/types gives its operands
		// the types they have inside it (untyped int), and it the type of
		// its context.
		if basic, _ := types.Unalias(tv.Type).Underlying().(*types.Basic); basic == nil && !isTypeParam(tv.Type) {
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

// intText writes integer constant v as an untyped constant of kind k
// (types.UntypedInt or UntypedRune).
func intText(v constant.Value, k types.BasicKind) string {
	if k == types.UntypedRune {
		return "('\\x00' + " + v.ExactString() + ")"
	}
	return "(" + v.ExactString() + ")"
}

// hasDivision: e divides or takes a remainder somewhere.
func hasDivision(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.QUO || b.Op == token.REM) {
			found = true
		}
		return !found
	})
	return found
}

// untypedConst: e is made of untyped numeric constants alone (literals,
// constants declared without a type, operations on them: untypedKind).
func (l *lowering) untypedConst(e ast.Expr) bool {
	k := untypedKind(l.info, e)
	return k >= types.UntypedInt && k <= types.UntypedComplex
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// untypedInt: e is an untyped integer (or rune) constant as written:
// literals, constants declared without a type, and operations on them
// (go/types records the type e has once converted for its context).
func (l *lowering) untypedInt(e ast.Expr) bool {
	return l.untypedConst(e) && untypedKind(l.info, e) <= types.UntypedRune
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
