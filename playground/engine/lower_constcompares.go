package engine

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// constCompareRewrite, named constCompares: a comparison of numeric
// constants becomes its value, true or false, worked out by go/types as Go
// works it out, exactly; so does every boolean constant the program
// declares, each given its value where a const group repeats the
// expression before it.
//
// The interpreter compares constants in its own machine types: an untyped
// constant past int64's range wraps (-math.MinInt64 == math.MinInt64 was
// true, 1<<63 > math.MaxInt64 false, nothing said: a stranger's p27), and
// 0.1+0.2 == 0.3, exact in Go's constant arithmetic, is a float64
// comparison there; on some (1<<63 / 2 == 1<<62) its compiler panics. A
// declared boolean constant it gets wrong even from a comparison of small
// numbers: const ok = (0 == 0) printed false, and in const (A = iota < 2;
// B; C) all three were false. A program that declares its own true or
// false is announced (lowererNames).
func constCompareRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	ast.Inspect(s.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				constBools(l, n)
				return false
			}
		case *ast.BinaryExpr:
			v := l.info.Types[n].Value
			if comparison[n.Op] && v != nil && numericConst(l.info, n.X) && numericConst(l.info, n.Y) && !l.editedWithin(n) {
				l.replace(n, v.ExactString())
				return false
			}
		}
		return true
	})
}

// constBools gives each boolean constant of a const declaration its value
// in its own spec: "= true, false" after the names of a spec that repeats
// the one before it, its values replaced in one that has them.
func constBools(l *lowering, d *ast.GenDecl) {
	for _, spec := range d.Specs {
		vs := spec.(*ast.ValueSpec)
		var vals []string
		for _, name := range vs.Names {
			c, ok := l.info.Defs[name].(*types.Const)
			if !ok || c.Val().Kind() != constant.Bool {
				vals = nil
				break
			}
			vals = append(vals, c.Val().ExactString())
		}
		if vals == nil || l.editedWithin(vs) {
			continue
		}
		if len(vs.Values) == 0 {
			l.insert(vs.Names[len(vs.Names)-1].End(), " = "+joinComma(vals))
			continue
		}
		for i, v := range vs.Values {
			if i < len(vals) {
				l.replace(v, vals[i])
			}
		}
	}
}

func joinComma(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += v
	}
	return out
}

var comparison = map[token.Token]bool{token.EQL: true, token.NEQ: true, token.LSS: true, token.LEQ: true, token.GTR: true, token.GEQ: true}

// numericConst says e is a constant of a numeric type, typed or not.
func numericConst(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	if tv.Value == nil || tv.Type == nil {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}
