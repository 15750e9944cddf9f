package engine

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"math"
)

// overflows finds an integer constant that does not fit the integer type
// it is given, where both are spelled out: "var level int8 = 200" (or
// const), and the conversion int8(200). Go's compiler rejects both;
// yaegi v0.16.1 wrapped the value around and ran the program (a
// stranger's program printed "level -56"). The type must be a predeclared
// integer type the file does not redeclare, and the constant a literal,
// signed or not, so that its words are the source's; int and uint are 64
// bits wide, as on the machines go build runs on and in WebAssembly.
func overflows(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	report := func(e ast.Expr, msg string) {
		p := fset.Position(e.Pos())
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "constant overflow", Message: msg})
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			what := map[token.Token]string{token.VAR: "variable declaration", token.CONST: "constant declaration"}[n.Tok]
			for _, s := range n.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok || what == "" {
					continue
				}
				typ := intTypeName(vs.Type)
				if typ == "" {
					continue
				}
				for _, v := range vs.Values {
					text, val, ok := intLiteral(v)
					if !ok || fits(val, typ) {
						continue
					}
					shown := ""
					if s := val.String(); s != text {
						shown = " " + s
					}
					report(v, fmt.Sprintf("cannot use %s (untyped int constant%s) as %s value in %s (overflows)", text, shown, typ, what))
				}
			}
		case *ast.CallExpr:
			typ := intTypeName(n.Fun)
			if typ == "" || len(n.Args) != 1 {
				break
			}
			if _, val, ok := intLiteral(n.Args[0]); ok && !fits(val, typ) {
				report(n.Args[0], fmt.Sprintf("constant %s overflows %s", val, typ))
			}
		}
		return true
	})
	return out
}

// intTypeName is the name of a predeclared integer type e spells, or "".
func intTypeName(e ast.Expr) string {
	id, ok := e.(*ast.Ident)
	if !ok || id.Obj != nil || !intTypes[id.Name] {
		return ""
	}
	return id.Name
}

// intLiteral reads an integer literal, with a sign or not: its source's
// words and its value.
func intLiteral(e ast.Expr) (string, constant.Value, bool) {
	sign := ""
	if u, ok := e.(*ast.UnaryExpr); ok && (u.Op == token.SUB || u.Op == token.ADD) {
		sign, e = u.Op.String(), u.X
	}
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.INT {
		return "", nil, false
	}
	v := constant.MakeFromLiteral(lit.Value, token.INT, 0)
	if v.Kind() != constant.Int {
		return "", nil, false
	}
	if sign == "-" {
		v = constant.UnaryOp(token.SUB, v, 0)
	}
	return sign + lit.Value, v, true
}

func fits(v constant.Value, typ string) bool {
	lo, hi := int64(0), uint64(0)
	switch typ {
	case "int8":
		lo, hi = math.MinInt8, math.MaxInt8
	case "int16":
		lo, hi = math.MinInt16, math.MaxInt16
	case "int32", "rune":
		lo, hi = math.MinInt32, math.MaxInt32
	case "int", "int64":
		lo, hi = math.MinInt64, math.MaxInt64
	case "uint8", "byte":
		hi = math.MaxUint8
	case "uint16":
		hi = math.MaxUint16
	case "uint32":
		hi = math.MaxUint32
	default: // uint, uint64, uintptr
		hi = math.MaxUint64
	}
	return constant.Compare(v, token.GEQ, constant.MakeInt64(lo)) && constant.Compare(v, token.LEQ, constant.MakeUint64(hi))
}
