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
// const), the conversion int8(200), and a literal assigned (x = 300, x +=
// 300), returned or passed to a function of the file where the variable's
// declaration, the result or the parameter spells the type. Go's compiler rejects both;
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
	// use reports a literal v given to a place of type t, in the words
	// of what (assignment, argument to f, return statement).
	use := func(v, t ast.Expr, what string) {
		typ := intTypeName(t)
		if typ == "" {
			return
		}
		if text, val, ok := intLiteral(v); ok && !fits(val, typ) {
			report(v, fmt.Sprintf("cannot use %s (untyped int constant%s) as %s value in %s (overflows)", text, shownValue(text, val), typ, what))
		}
	}
	// returns checks the return statements of one function, not of the
	// function literals in it.
	returns := func(ft *ast.FuncType, body *ast.BlockStmt) {
		results := fieldTypes(ft.Results)
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) == len(results) {
					for i, r := range n.Results {
						use(r, results[i], "return statement")
					}
				}
			}
			return true
		})
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
					report(v, fmt.Sprintf("cannot use %s (untyped int constant%s) as %s value in %s (overflows)", text, shownValue(text, val), typ, what))
				}
			}
		case *ast.CallExpr:
			if typ := intTypeName(n.Fun); typ != "" && len(n.Args) == 1 {
				if _, val, ok := intLiteral(n.Args[0]); ok && !fits(val, typ) {
					report(n.Args[0], fmt.Sprintf("constant %s overflows %s", val, typ))
				}
				break
			}
			// An argument to a function of the file.
			id, ok := n.Fun.(*ast.Ident)
			if !ok || id.Obj == nil || id.Obj.Kind != ast.Fun || n.Ellipsis.IsValid() {
				break
			}
			fd, ok := id.Obj.Decl.(*ast.FuncDecl)
			if !ok || fd.Type.TypeParams != nil {
				break
			}
			params := fieldTypes(fd.Type.Params)
			for i, a := range n.Args {
				if i < len(params) {
					if _, ok := params[i].(*ast.Ellipsis); !ok {
						use(a, params[i], "argument to "+id.Name)
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					use(n.Rhs[i], declaredType(l), "assignment")
				}
			} else if n.Tok != token.DEFINE && n.Tok != token.SHL_ASSIGN && n.Tok != token.SHR_ASSIGN && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				// x += 300: the constant is converted to x's type.
				if typ := intTypeName(declaredType(n.Lhs[0])); typ != "" {
					if text, val, ok := intLiteral(n.Rhs[0]); ok && !fits(val, typ) {
						report(n.Rhs[0], fmt.Sprintf("%s (untyped int constant%s) overflows %s", text, shownValue(text, val), typ))
					}
				}
			}
		case *ast.FuncDecl:
			if n.Body != nil {
				returns(n.Type, n.Body)
			}
		case *ast.FuncLit:
			returns(n.Type, n.Body)
		}
		return true
	})
	return out
}

// declaredType is the type a variable's declaration spells, or nil.
func declaredType(e ast.Expr) ast.Expr {
	id, ok := e.(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
		return nil
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		return d.Type
	case *ast.Field:
		return d.Type
	}
	return nil
}

func shownValue(text string, val constant.Value) string {
	if s := val.String(); s != text {
		return " " + s
	}
	return ""
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
