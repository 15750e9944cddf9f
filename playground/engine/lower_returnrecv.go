package engine

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// returnRecvRewrite, named returnRecv: return <-ch crashes, return
// a, h.f() returns h.f()'s zero value, and return s, len(s) puts len(s)
// in the first result; the values go through variables.
func returnRecvRewrite(l *lowering, s *syntax) {
	for _, r := range s.returns {
		l.returnRecv(r)
	}
}

// returnRecv rewrites "return <-ch" into "{ v := <-ch; return v }": the
// interpreter panics on a receive returned directly ("reflect.Value.Set
// using unaddressable value"). Among several results, a call of the
// function a struct's field holds is rewritten so too: yaegi v0.16.1
// returns its zero value (return r.Name, r.Check(s) returned "nonempty
// false" for true; an attack's). So is a built-in's value after the first
// result (len(s), append(a, 1), new(T)): yaegi v0.16.1 stores it into the
// first result, whatever its place (cfg.go's builtin call in a
// returnStmt, findex 0), so return v, true, len(s.items) printed 2 true 1
// as 1 true 0, and return s, len(s) panicked.
//
// Only the calls, built-ins and receives go into variables, in order: gc
// makes them in turn (walk/order.go copies a call, and OLEN, OCAP,
// OAPPEND, OMIN and the other built-ins, into a temporary where it finds
// it) before it reads the other results (return calls, r.check(s) with
// check counting calls returns the count after the call), and a variable
// of nil or of an untyped constant (complex(1, 2) too) would lose the
// result's type. A return whose result holds a call inside it (x + g(),
// whose reads gc makes after every call) is handed over, and so is one
// holding a built-in inside (x + len(s)) beside a call or a receive.
func (l *lowering) returnRecv(r *ast.ReturnStmt) {
	recvExpr := func(e ast.Expr) bool {
		u, ok := ast.Unparen(e).(*ast.UnaryExpr)
		return ok && u.Op == token.ARROW
	}
	// ordered: a call, a built-in's value or a receive, which gc makes in
	// turn; a constant (complex(1, 2), len("ab")) stays, untyped, as the
	// constant it is, and a conversion (float64(x)) stays too, read after
	// the calls as gc reads it.
	ordered := func(e ast.Expr) bool {
		if recvExpr(e) {
			return true
		}
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && (l.info == nil || l.info.Types[c].Value == nil && !l.info.Types[c.Fun].IsType())
	}
	// builtinValue: e is a built-in's value that the interpreter puts in
	// the first result; builtins has made min, max and recover calls of
	// functions already, which it places right.
	builtinValue := func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || l.info == nil || !l.info.Types[c.Fun].IsBuiltin() {
			return false
		}
		switch builtin(c.Fun) {
		case "min", "max", "recover":
			return false
		}
		return ordered(c)
	}
	// constants: a built-in's constant value after the first result
	// (len of an array, unsafe.Sizeof), which the interpreter works out
	// when it runs and stores into the first result too: written as its
	// value, of its type (Go's constant, as go/types has it): real(3 +
	// 4i) there failed to compile ("reflect.Value.Complex on interface
	// Value").
	constants := map[ast.Expr]string{}
	for i, e := range r.Results {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if i == 0 || !ok || l.info == nil || !l.info.Types[c.Fun].IsBuiltin() || l.info.Types[c].Value == nil {
			continue
		}
		text, ok := constantText(l.info.Types[c], l.qualifier)
		if !ok {
			l.handOvers = append(l.handOvers, handOver{r.Pos(), "call among results", returnWhy})
			return
		}
		constants[e] = text
	}
	recv := len(constants) > 0
	for i, e := range r.Results {
		switch e := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			recv = recv || e.Op == token.ARROW
		case *ast.CallExpr:
			if f, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && len(r.Results) > 1 && l.names[builtin(f.X)] == "" && l.fieldFunc(f) {
				recv = true
			}
			recv = recv || i > 0 && builtinValue(e)
		}
	}
	if !recv || l.namedReturns[r] {
		// namedResults took every call, built-in and value reading a
		// result through a variable of its type, in gc's order.
		return
	}
	if strings.Contains(l.text(r), "\n") {
		// gofmt keeps a return of several lines; the rewrite writes one.
		l.handOvers = append(l.handOvers, handOver{r.Pos(), "call among results", returnWhy})
		return
	}
	if len(r.Results) > 1 && !slices.ContainsFunc(r.Results, ordered) {
		for e, text := range constants {
			l.replace(e, text)
		}
		return
	}
	if len(r.Results) == 1 {
		// Edits around the result, so rewrites inside it stay.
		n := l.name("_lowerR")
		l.add(edit{pos: l.off(r.Return), end: l.off(r.Return) + len("return"), text: "{ " + n + " :="})
		l.wrap(r, "", "; return "+n+" }")
		return
	}
	// effects: the return calls a function or receives, so where a
	// built-in inside a result is read matters.
	effects := slices.ContainsFunc(r.Results, func(e ast.Expr) bool {
		return callsWhere(e, l.notACall)
	})
	// Beside a call or a receive, a result other than a plain read
	// (s.items[:], m[k], x.(T), T{...}) is handed over too: gc makes some
	// of those in turn with the calls (walk/order.go copies a slice, a
	// map's element, a type assertion to a non-pointer type), where the
	// rewrite would read them after every call.
	for _, e := range r.Results {
		if ordered(e) {
			continue
		}
		if callsWhere(e, func(c *ast.CallExpr) bool { return !ordered(c) || !effects && l.notACall(c) }) || effects && !l.plainRead(e) {
			l.handOvers = append(l.handOvers, handOver{r.Pos(), "call among results", returnWhy})
			return
		}
	}
	var decls, names []string
	for _, e := range r.Results {
		if text, ok := constants[e]; ok {
			names = append(names, text)
			continue
		}
		if !ordered(e) {
			names = append(names, l.fresh(e))
			continue
		}
		n := l.name("_lowerR")
		decls = append(decls, n+" := "+l.fresh(e)+"; ")
		names = append(names, n)
	}
	l.replace(r, "{ "+strings.Join(decls, "")+"return "+strings.Join(names, ", ")+" }")
}

// constantText is tv's constant value as Go source of its type, int(3)
// for len of an array of three, when the type is a typed integer one
// (real and imag of constants, rarer, are handed over: writing floats
// out cost the WebAssembly's budget).
func constantText(tv types.TypeAndValue, q types.Qualifier) (string, bool) {
	b, ok := tv.Type.(*types.Basic)
	if !ok || b.Info()&types.IsUntyped != 0 {
		return "", false
	}
	switch tv.Value.Kind() {
	case constant.Int:
		return types.TypeString(tv.Type, q) + "(" + tv.Value.ExactString() + ")", true
	}
	return "", false
}

const returnWhy = "a call, a built-in or a receive among several results, in a return the source pass cannot write: the interpreter may return a zero value, or read out of Go's order"

// plainRead: e reads variables, their fields or what they point to, with
// operators and conversions (but to a slice), or is a constant or a
// function literal: what gc reads after the calls of a return's results.
func (l *lowering) plainRead(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.SelectorExpr:
		return l.plainRead(e.X)
	case *ast.StarExpr:
		return l.plainRead(e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && l.plainRead(e.X)
	case *ast.BinaryExpr:
		return l.plainRead(e.X) && l.plainRead(e.Y)
	case *ast.CallExpr:
		if l.info == nil {
			return false
		}
		if l.info.Types[e].Value != nil {
			return true
		}
		// A conversion, but to a slice ([]byte(s), which gc makes in
		// turn).
		tv := l.info.Types[e.Fun]
		_, slice := under(tv.Type).(*types.Slice)
		return tv.IsType() && !slice && len(e.Args) == 1 && l.plainRead(e.Args[0])
	}
	return false
}
