package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

// selectAssignRewrite, named selectAssigns: a case receiving into variables
// that exist already crashes; it receives into fresh ones, assigned first
// thing in the case.
func selectAssignRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selects {
		l.selectAssigns(sel)
	}
}

// selectAssigns: a case that receives into variables that exist already,
// "case v = <-ch:", crashes yaegi v0.16.1 (reflect: Value.Set using
// unaddressable value). It receives into fresh ones instead, assigned
// first thing in the case, "case _lowerC1 := <-ch: v = _lowerC1;", which
// is when Go evaluates and assigns the left-hand side too.
func (l *lowering) selectAssigns(s *ast.SelectStmt) {
	for _, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		as, ok := cc.Comm.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || l.editedWithin(as) {
			continue
		}
		var fresh, dest, got []string
		for _, e := range as.Lhs {
			if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
				fresh = append(fresh, "_")
				continue
			}
			v := l.name("_lowerC")
			fresh = append(fresh, v)
			got = append(got, v)
			dest = append(dest, l.text(e))
		}
		if len(got) == 0 || strings.Contains(strings.Join(dest, ""), "\n") {
			continue
		}
		l.add(edit{pos: l.off(as.Pos()), end: l.off(as.TokPos) + 1, text: strings.Join(fresh, ", ") + " :="})
		l.insert(cc.Colon+1, " "+strings.Join(dest, ", ")+" = "+strings.Join(got, ", ")+";")
	}
}
