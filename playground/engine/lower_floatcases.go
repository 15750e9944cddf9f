package engine

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"
)

// floatCaseRewrite, named floatCases: in a switch on a floating-point
// value, Go compares each case as a value of the tag's type: switch x {
// case 3: } takes the case when x is 3.0 and no other, and under a
// float32 tag case 0.1 is float32(0.1). The interpreter (yaegi v0.16.1,
// measured; two strangers' reviews, silent) converted the tag to the
// type of a case that is an integer constant (x := 3.5 took case 3, a
// Temp float32 of 20.5 case 20, 97.25 case 'a', and case 7 / 2, what
// constDivisions would write, 3.5), and compared a float32 tag with a
// float constant as float64s (float32(0.1) missed case 0.1). x == 3 was
// right. So under a tag whose type (or one of its type parameter's
// types, T ~int | ~float64) is a float, an untyped integer constant case
// becomes its value written as a float, case (3.0); under a float32 one,
// every untyped constant case becomes the float32 value it stands for,
// case (0.10000000149011612), and where the type parameter's types mix
// float32 and float64, a case that is not the same in both is handed
// over. A complex tag made the interpreter panic, which hands the
// program over.
func floatCaseRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	ast.Inspect(s.file, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Tag == nil {
			return true
		}
		tag := l.info.TypeOf(sw.Tag)
		is := func(kind types.BasicKind) bool {
			return !only(tag, func(t types.Type) bool {
				b, ok := t.Underlying().(*types.Basic)
				return !ok || b.Kind() != kind
			})
		}
		f32, f64 := is(types.Float32), is(types.Float64)
		if !f32 && !f64 {
			return true
		}
		for _, c := range sw.Body.List {
			for _, e := range c.(*ast.CaseClause).List {
				v := l.info.Types[e].Value
				if v == nil || !l.untypedConst(e) || l.covered(e) {
					continue
				}
				whole := constant.ToInt(v).Kind() == constant.Int
				switch x, _ := constant.Float64Val(v); {
				case f32 && f64 && !whole && float64(float32(x)) != x:
					l.handOvers = append(l.handOvers, handOver{e.Pos(), "float case", "a case constant under a switch on a type parameter of float32 and float64 types, which the interpreter compares as a float64 where Go rounds it to the instance's type"})
				case f32:
					y, _ := constant.Float32Val(v)
					l.replace(e, "("+floatLit(float64(y))+")")
				case whole:
					l.replace(e, "("+constant.ToInt(v).ExactString()+".0)")
				}
			}
		}
		return true
	})
}

// floatLit writes f as a Go floating-point literal that gives f back.
func floatLit(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}
