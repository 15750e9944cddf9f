package engine

import (
	"go/ast"
	"go/token"
)

// shiftCountRewrite, named shiftCounts: a shift by a negative count does
// not panic; a count that is not a constant is checked first.
func shiftCountRewrite(l *lowering, s *syntax) { l.shiftCounts(s.file) }

// shiftCounts checks a shift count that is not a constant with
// _lowerShift, which panics as Go does when it is negative: the
// interpreter shifts by it (1 << -1 gave 0). A count that may be a
// constant is left (constantCount): wrapped, a constant shift would
// become a variable one, which is another expression in Go (the untyped
// 1 of float64(1 << (strconv.IntSize - 1)) would take float64's type).
// So are counts in a constant declaration or an array's length, which
// are constants, and len or cap of something (never negative).
func (l *lowering) shiftCounts(file *ast.File) {
	check := func(count ast.Expr) {
		if l.constantCount(count) || unsignedCount(count) {
			return
		}
		if c, ok := ast.Unparen(count).(*ast.CallExpr); ok && (builtin(c.Fun) == "len" || builtin(c.Fun) == "cap") {
			return
		}
		l.use("_lowerShift")
		l.wrap(count, "_lowerShift(", ")")
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			return n.Tok != token.CONST
		case *ast.ArrayType:
			ast.Inspect(n.Elt, visit)
			return false
		case *ast.BinaryExpr:
			if n.Op == token.SHL || n.Op == token.SHR {
				check(n.Y)
			}
		case *ast.AssignStmt:
			if n.Tok == token.SHL_ASSIGN || n.Tok == token.SHR_ASSIGN {
				check(n.Rhs[0])
			}
		}
		return true
	}
	ast.Inspect(file, visit)
}

// unsignedCount: e is never negative, as the syntax shows its type
// unsigned: a conversion to one (x << uint(n)), or a variable declared
// with one (var k uint, a parameter k uint8) or from such a conversion
// (k := uint(3)). The check is a call, which costs the interpreter more
// than the shift: a loop of 300,000 iterations with three shifts by a
// variable ran in 1.5 to 3 s checked, 40 to 70 ms not.
func unsignedCount(e ast.Expr) bool {
	unsigned := func(t ast.Expr) bool {
		switch builtin(t) {
		case "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte":
			return true
		}
		return false
	}
	conversion := func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && len(c.Args) == 1 && !c.Ellipsis.IsValid() && unsigned(c.Fun)
	}
	if conversion(e) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
		return false
	}
	typ, value := declared(id)
	if typ != nil {
		return unsigned(typ)
	}
	return value != nil && conversion(value)
}

// constantCount: e may be a constant as a shift count: what
// isConstantLike says, a name of an imported package (strconv.IntSize,
// math.MaxInt8; a package's variable would be a count that is not
// negative in any package a program here imports), unsafe's Sizeof,
// Alignof and Offsetof, and a conversion (a call of a type's name) of
// such, in any operation of such.
func (l *lowering) constantCount(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return l.names[builtin(e.X)] != ""
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && l.names[builtin(sel.X)] == "unsafe" {
			return true
		}
		return len(e.Args) == 1 && typeName(e.Fun) && l.constantCount(e.Args[0])
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && l.constantCount(e.X)
	case *ast.BinaryExpr:
		return l.constantCount(e.X) && l.constantCount(e.Y)
	}
	return isConstantLike(e)
}

// typeName: e names a type, predeclared (uint) or the file's.
func typeName(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Obj != nil {
		return id.Obj.Kind == ast.Typ
	}
	switch id.Name {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune":
		return true
	}
	return false
}
