package engine

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
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
// false is announced (lowererNames). A comparison another rewrite puts
// something around (println's operands, panic's value) is replaced inside
// it.
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
			if comparison[n.Op] && v != nil && numericConst(l.info, n.X) && numericConst(l.info, n.Y) && !l.editedInside(n) {
				l.replace(n, v.ExactString())
				return false
			}
		}
		return true
	})
}

// constBools gives each boolean constant of a const declaration its value
// in its own spec: each boolean value of a spec that has values replaced
// (its other values as they are), and "T = true, false" after the names of
// a spec that repeats a boolean one (T the type it repeats, if any); a
// repeated spec that mixes booleans with other constants stays.
func constBools(l *lowering, d *ast.GenDecl) {
	var typ ast.Expr // of the last spec with values, which the next ones repeat
	for _, spec := range d.Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) > 0 {
			typ = vs.Type
		}
		var vals []string
		for _, name := range vs.Names {
			v := ""
			if c, ok := l.info.Defs[name].(*types.Const); ok && c.Val().Kind() == constant.Bool {
				v = c.Val().ExactString()
			}
			vals = append(vals, v)
		}
		if len(vs.Values) == 0 {
			if slices.Contains(vals, "") || l.editedInside(vs) {
				continue
			}
			at := " = "
			if typ != nil {
				at = " " + l.text(typ) + " = "
			}
			l.insert(vs.Names[len(vs.Names)-1].End(), at+strings.Join(vals, ", "))
			continue
		}
		for i, v := range vs.Values {
			if i < len(vals) && vals[i] != "" && len(vs.Values) == len(vs.Names) && !l.editedInside(v) {
				l.replace(v, vals[i])
			}
		}
	}
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
