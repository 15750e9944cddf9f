package engine

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// floatCaseRewrite, named floatCases: in a switch on a floating-point
// value, Go compares each case as a float: switch x { case 3: } takes the
// case when x is 3.0 and no other. The interpreter (yaegi v0.16.1,
// measured; a stranger's review, silent) converted the tag to the type of
// a case that is an integer constant: x := 3.5 took case 3, a Temp
// float32 of 20.5 case 20, 97.25 case 'a', and case 7 / 2 (what
// constDivisions would write, case (3)) 3.5. x == 3 was right. Such a
// case, an untyped integer or rune constant expression under a float
// tag, becomes its value written as a float: case (3.0). A complex tag
// made the interpreter panic, which hands the program over.
func floatCaseRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	ast.Inspect(s.file, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Tag == nil || !only(l.info.TypeOf(sw.Tag), isFloat) {
			return true
		}
		for _, c := range sw.Body.List {
			for _, e := range c.(*ast.CaseClause).List {
				v := l.info.Types[e].Value
				if v == nil || !l.untypedInt(e) || l.covered(e) {
					continue
				}
				if v = constant.ToInt(v); v.Kind() == constant.Int {
					l.replace(e, "("+v.ExactString()+".0)")
				}
			}
		}
		return true
	})
}

func isFloat(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}
