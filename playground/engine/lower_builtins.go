package engine

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
)

// builtinRewrite, named builtins: min and max (Go 1.21), recover's wrapped
// value, clear, and panic with nil or with a variable become helpers or the
// library's functions.
func builtinRewrite(l *lowering, s *syntax) {
	l.folded = map[*ast.CallExpr]bool{}
	for _, c := range s.calls { // outer calls first
		l.builtinCall(c)
	}
}

// minMax: constant arguments fold to the chosen one (min(1.5, 2) stays an
// untyped constant, as in Go); otherwise nested calls of a two-argument
// generic helper.
func (l *lowering) minMax(c *ast.CallExpr, fn string) {
	if l.folded[c] {
		return
	}
	if text, ok := l.constantMinMax(c); ok {
		l.replace(c, text)
		ast.Inspect(c, func(n ast.Node) bool {
			if inner, ok := n.(*ast.CallExpr); ok && inner != c {
				l.folded[inner] = true
			}
			return true
		})
		return
	}
	if pick := foldMinMax(c.Args, fn); pick != nil {
		l.replace(c, "("+l.text(pick)+")")
		return
	}
	if len(c.Args) == 1 {
		l.replace(c, "("+l.text(c.Args[0])+")")
		return
	}
	helper := "_lowerMin"
	if fn == "max" {
		helper = "_lowerMax"
	}
	l.use(helper)
	l.nest(c, helper)
}

// constantMinMax folds a call of constants, as go/types worked it out, to
// the argument chosen, of the call's type: Go's constant rules give the
// call the kind of its "largest" argument (integer, rune, floating-point,
// in that order), so min(1, 2.5) is the floating-point 1 and max(1, 'a')
// the rune 'a', where the chosen argument alone (1) or the helper's
// inference (int) gave an int. go/types records the type the call ends
// with where it is used (float64 in x := min(1, 2.5)), and the argument is
// converted to it; where the call stays untyped (a constant's
// declaration), the argument is written plus a zero of the call's kind
// (0.0, 0*' '), which gives the constant that kind by the same rules.
func (l *lowering) constantMinMax(c *ast.CallExpr) (string, bool) {
	if l.info == nil {
		return "", false
	}
	tv, ok := l.info.Types[c]
	basic, isBasic := tv.Type.(*types.Basic)
	if !ok || tv.Value == nil || !isBasic || basic.Info()&types.IsString != 0 {
		return "", false // strings do not mix kinds; named types as before
	}
	var pick ast.Expr
	for _, a := range c.Args {
		at, ok := l.info.Types[a]
		if !ok || at.Value == nil {
			return "", false
		}
		if pick == nil && constant.Compare(at.Value, token.EQL, tv.Value) {
			pick = a
		}
	}
	if pick == nil {
		return "", false
	}
	text := l.foldedText(pick)
	switch {
	case basic.Info()&types.IsUntyped == 0:
		return basic.Name() + "(" + text + ")", true
	case basic.Kind() == types.UntypedFloat:
		return "(" + text + " + 0.0)", true
	case basic.Kind() == types.UntypedRune:
		return "(" + text + " + 0*' ')", true
	}
	return "(" + text + ")", true
}

// foldedText is e's text with every constant min or max call in it
// written folded: the chosen argument of a constant call may hold one
// (min(3, max(1, 2), 7), min(int(max(1, 2)), 3)), which the call's own
// rewrite cannot reach inside the text that replaces the outer one.
func (l *lowering) foldedText(e ast.Expr) string {
	text, base := l.text(e), l.off(e.Pos())
	var out strings.Builder
	last := 0
	ast.Inspect(e, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if name := builtin(c.Fun); name != "min" && name != "max" {
			return true
		}
		folded, ok := l.constantMinMax(c)
		if !ok {
			return true
		}
		out.WriteString(text[last : l.off(c.Pos())-base])
		out.WriteString(folded)
		last = l.off(c.End()) - base
		return false
	})
	out.WriteString(text[last:])
	return out.String()
}

// nest turns f(a, b, c) into helper(helper(a, b), c): the call's own
// closing parenthesis closes the outermost helper call.
func (l *lowering) nest(c *ast.CallExpr, helper string) {
	l.add(edit{pos: l.off(c.Fun.Pos()), end: l.off(c.Lparen) + 1, text: strings.Repeat(helper+"(", len(c.Args)-1)})
	for _, a := range c.Args[1 : len(c.Args)-1] {
		l.insert(a.End(), ")")
	}
}

// foldMinMax picks the argument min or max returns when all are literals
// of numbers (decimal) or all of strings: what constantMinMax leaves, a
// call of string constants, or any when go/types did not check the
// program (an error, or an import it cannot see: prepare's typed).
func foldMinMax(args []ast.Expr, fn string) ast.Expr {
	var best ast.Expr
	var bestNum float64
	var bestStr string
	kind := token.ILLEGAL
	for _, a := range args {
		k, num, str, ok := literalValue(a)
		if !ok || (kind != token.ILLEGAL && (k == token.STRING) != (kind == token.STRING)) {
			return nil
		}
		kind = k
		better := false
		if k == token.STRING {
			better = (fn == "min" && str < bestStr) || (fn == "max" && str > bestStr)
		} else {
			better = (fn == "min" && num < bestNum) || (fn == "max" && num > bestNum)
		}
		if best == nil || better {
			best, bestNum, bestStr = a, num, str
		}
	}
	return best
}

func literalValue(e ast.Expr) (kind token.Token, num float64, str string, ok bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT, token.FLOAT:
			n, err := strconv.ParseFloat(e.Value, 64)
			return e.Kind, n, "", err == nil && !strings.ContainsAny(e.Value, "xXoObB_")
		case token.STRING:
			s, err := strconv.Unquote(e.Value)
			return token.STRING, 0, s, err == nil
		}
	case *ast.UnaryExpr:
		if k, n, _, ok := literalValue(e.X); ok && k != token.STRING && e.Op == token.SUB {
			return k, -n, "", true
		}
	}
	return token.ILLEGAL, 0, "", false
}

// builtinCall rewrites min(...), max(...), recover(), clear(x) and
// panic(nil).
func (l *lowering) builtinCall(c *ast.CallExpr) {
	switch name := builtin(c.Fun); {
	case (name == "min" || name == "max") && c.Ellipsis == token.NoPos && len(c.Args) > 0:
		l.minMax(c, name)
	case name == "recover" && len(c.Args) == 0:
		// recover is still called by the deferred function itself, as Go
		// requires: the helper only receives its result.
		l.use("_lowerRecovered")
		l.wrap(c, "_lowerRecovered(any(", "))")
	case name == "clear" && len(c.Args) == 1:
		l.imports[symbols.LowerPath] = true
		l.replace(c.Fun, "_lowerRT.Clear")
	case name == "panic" && len(c.Args) == 1 && builtin(c.Args[0]) == "nil":
		l.imports["runtime"] = true
		l.replace(c.Args[0], "new(_lower_runtime.PanicNilError)")
	case name == "panic" && len(c.Args) == 1 && !isConstantLike(c.Args[0]):
		// The interpreter panics with the variable, not its value (a
		// deferred call that changes it changes what recover sees), and
		// with nil where Go 1.21 panics with a *runtime.PanicNilError: the
		// helper takes the value, and gives Go's for nil.
		l.use("_lowerPanicValue")
		l.wrap(c.Args[0], "_lowerPanicValue(", ")")
	}
}
