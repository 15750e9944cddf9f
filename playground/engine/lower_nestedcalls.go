package engine

import (
	"go/ast"
	"go/token"
)

// nestedCallRewrite, named nestedCalls: cmp.Or infers no type parameter
// from variadic arguments alone; it becomes nested calls of a two-value
// helper.
func nestedCallRewrite(l *lowering, s *syntax) {
	for _, c := range s.calls {
		l.nestedCall(c, l.names)
	}
}

// nestedCalls maps a variadic library function to a two-value helper:
// f(a, b, c) becomes helper(helper(a, b), c), as min and max do, since
// the interpreter cannot infer a type parameter from variadic arguments
// alone. Each must give f(a) == a.
var nestedCalls = map[string]string{
	"cmp.Or": "_lowerOr",
}

// nestedCall rewrites a call of nestedCalls; one with no value or with a
// spread slice is left to Detect.
func (l *lowering) nestedCall(c *ast.CallExpr, imports map[string]string) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || len(c.Args) == 0 || c.Ellipsis != token.NoPos {
		return
	}
	helper, ok := nestedCalls[imports[builtin(sel.X)]+"."+sel.Sel.Name]
	if !ok {
		return
	}
	if len(c.Args) == 1 {
		l.replace(c, "("+l.text(c.Args[0])+")")
		return
	}
	l.use(helper)
	l.nest(c, helper)
}
