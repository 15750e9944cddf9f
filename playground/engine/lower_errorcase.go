package engine

import (
	"go/ast"

	"github.com/goexpert/gointernals/playground/symbols"
)

// errorCaseRewrite, named errorCase: case error in a type switch matches
// nothing when the switch is on an interface other than error or has no
// variable; it names the library's copy of the interface, and the switch
// gets a variable.
func errorCaseRewrite(l *lowering, s *syntax) {
	for _, ts := range s.typeSwitches {
		l.errorCases(ts)
	}
}

// errorCases replaces the predeclared error in the cases of a type switch
// with symbols.Error, an interface type of the library with the same
// method: in the interpreter, case error matches no value of a switch on
// an interface other than error (not an errors.New value held in an
// any), and a case of a library's interface type matches what implements
// it. In a case that names error alone, the switch's variable has the
// library's type, whose method set is error's: it is assignable both
// ways. A switch with such a case and no variable gets one, unused: the
// interpreter matches no interface case in a switch without one.
func (l *lowering) errorCases(s *ast.TypeSwitchStmt) {
	found := false
	for _, c := range s.Body.List {
		for _, t := range c.(*ast.CaseClause).List {
			if id, ok := ast.Unparen(t).(*ast.Ident); ok && id.Name == "error" && id.Obj == nil {
				l.imports[symbols.LowerPath] = true
				l.replace(id, "_lowerRT.Error")
				found = true
			}
		}
	}
	if _, ok := s.Assign.(*ast.ExprStmt); ok && found {
		l.insert(s.Assign.Pos(), l.name("_lowerTS")+" := ")
	}
}
