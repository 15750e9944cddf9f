package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// untypedKind is the kind of untyped value e is as written, or
// types.Invalid when e is typed. go/types records on e the type it was
// converted to for its context, not this, so the syntax says: a literal,
// a constant declared without a type (math.MaxInt16 too), a comparison
// (an untyped bool, even of typed operands), min, max, real, imag and
// complex of untyped constants, and operations on them, whose kind is
// the later of their operands' in the spec's order (integer, rune,
// float, complex); a shift's is its left operand's, an integer for a
// float ('a' << 1 is a rune, 2.0 << 1 an integer).
func untypedKind(info *types.Info, e ast.Expr) types.BasicKind {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return map[token.Token]types.BasicKind{token.INT: types.UntypedInt, token.CHAR: types.UntypedRune, token.FLOAT: types.UntypedFloat, token.IMAG: types.UntypedComplex, token.STRING: types.UntypedString}[e.Kind]
	case *ast.Ident:
		return untypedConstant(info.Uses[e])
	case *ast.SelectorExpr:
		return untypedConstant(info.Uses[e.Sel])
	case *ast.UnaryExpr:
		if e.Op == token.ADD || e.Op == token.SUB || e.Op == token.XOR || e.Op == token.NOT {
			return untypedKind(info, e.X)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return types.UntypedBool
		case token.SHL, token.SHR:
			switch untypedKind(info, e.X) {
			case types.Invalid:
				return types.Invalid
			case types.UntypedRune:
				return types.UntypedRune
			}
			return types.UntypedInt
		}
		return untypedOf(info, e.X, e.Y)
	case *ast.CallExpr:
		id, ok := ast.Unparen(e.Fun).(*ast.Ident)
		if !ok {
			break
		}
		b, ok := info.Uses[id].(*types.Builtin)
		if !ok {
			break
		}
		switch k := untypedOf(info, e.Args...); {
		case k == types.Invalid:
		case b.Name() == "min" || b.Name() == "max":
			return k
		case b.Name() == "real" || b.Name() == "imag":
			return types.UntypedFloat
		case b.Name() == "complex":
			return types.UntypedComplex
		}
	}
	return types.Invalid
}

// untypedOf is the kind of an operation on operands es: the latest of
// theirs, or types.Invalid when one of them is typed.
func untypedOf(info *types.Info, es ...ast.Expr) types.BasicKind {
	k := types.Invalid
	for i, e := range es {
		ki := untypedKind(info, e)
		if ki == types.Invalid {
			return types.Invalid
		}
		if i == 0 || ki > k {
			k = ki
		}
	}
	return k
}

// untypedConstant is the kind of obj when it is a constant declared
// without a type (true and false among them), or types.Invalid.
func untypedConstant(obj types.Object) types.BasicKind {
	if c, ok := obj.(*types.Const); ok {
		if b, ok := c.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			return b.Kind()
		}
	}
	return types.Invalid
}
