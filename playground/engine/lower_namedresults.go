package engine

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// namedResultRewrite, named namedResults: in a function with named
// results, "return hi, lo" writes the interpreter's result slots one after
// another, in place (yaegi v0.16.1: a computed value first, then the
// variables read), so a value that reads a result the statement already
// wrote reads the new one: minmax's "return hi, lo" returned 1 1 for Go's
// 1 3, "return b, a+b" 3 3 for 2 3 (a blind pass's). Go evaluates every
// value before it assigns any. The values of such a return that read a
// named result, or call something, are taken first into fresh variables,
// in gc's order (inGcOrder), each of its result's type as the signature
// writes it (an untyped constant part keeps Go's meaning: 1 << n into an
// int8, a comparison into a named bool type; with := those did not
// compile in the interpreter: a stranger's review): "{ var _lowerV1 int =
// hi; var _lowerV2 int = lo; return _lowerV1, _lowerV2 }". A value another
// rewrite changes, or a result type written on several lines, hands the
// program over. Where the body takes a result's address or a literal in
// it names one (escapes), any value may read it: every one but the
// constants goes through a fresh variable.
func namedResultRewrite(l *lowering, s *syntax) {
	eachFunc(s.file, func(ft *ast.FuncType, body *ast.BlockStmt) {
		results := map[*ast.Object]bool{}
		var types []string // each result's type, as the signature writes it
		if ft.Results != nil {
			for _, f := range ft.Results.List {
				for _, id := range f.Names {
					if id.Obj != nil {
						results[id.Obj] = true
					}
					types = append(types, l.text(f.Type))
				}
			}
		}
		if len(results) < 2 {
			return
		}
		// A result whose address the body takes, or that a literal in it
		// captures, may be read through a pointer or a call: every value
		// that is not a constant goes through a fresh variable (p := &a;
		// return 5, *p returned 5 5 for Go's 5 1: a stranger's review).
		aliased := escapes(body, results) || l.addressedImplicitly(body, func(id *ast.Ident) bool { return id.Obj != nil && results[id.Obj] })
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its returns are its own (eachFunc's)
			case *ast.ReturnStmt:
				l.namedResults(n, results, types, aliased)
			}
			return true
		})
	})
}

func (l *lowering) namedResults(r *ast.ReturnStmt, results map[*ast.Object]bool, types []string, aliased bool) {
	// reads: e may read a result, by its name or, aliased, otherwise.
	reads := func(e ast.Expr) bool { return !isConstantLike(e) && (aliased || readsAny(e, results)) }
	if len(r.Results) != len(types) || !slices.ContainsFunc(r.Results, reads) {
		return
	}
	if slices.ContainsFunc(r.Results, func(e ast.Expr) bool { u, ok := ast.Unparen(e).(*ast.UnaryExpr); return ok && u.Op == token.ARROW }) {
		return // returnRecv's: every value through a fresh variable
	}
	if l.editedWithin(r) || strings.Contains(l.text(r), "\n") {
		l.handOvers = append(l.handOvers, handOver{r.Pos(), "named results returned", namedResultsWhy})
		return
	}
	var decls, values []string
	var calls []bool
	for i, e := range r.Results {
		if isConstantLike(e) || !reads(e) && !l.callsIn(e) {
			values = append(values, l.text(e))
			continue
		}
		if !l.hoistable(e) || strings.Contains(types[i], "\n") {
			l.handOvers = append(l.handOvers, handOver{r.Pos(), "named results returned", namedResultsWhy})
			return
		}
		v := l.name("_lowerV")
		decls = append(decls, "var "+v+" "+types[i]+" = "+l.fresh(e)+"; ")
		calls = append(calls, l.callsIn(e))
		values = append(values, v)
	}
	l.replace(r, "{ "+strings.Join(inGcOrder(decls, calls), "")+"return "+strings.Join(values, ", ")+" }")
	l.namedReturns[r] = true
}

const namedResultsWhy = "a return of several values in a function with named results: the interpreter assigns the results one by one, so a value that reads a result reads it already changed, where Go evaluates every value first"

// readsAny: e mentions one of objs, outside function literals.
func readsAny(e ast.Expr, objs map[*ast.Object]bool) bool {
	return identIn(e, false, func(id *ast.Ident) bool { return id.Obj != nil && objs[id.Obj] })
}

// escapes: body takes the address of one of results (or of a part of
// one), or a function literal in it names one.
func escapes(body *ast.BlockStmt, results map[*ast.Object]bool) bool {
	result := func(id *ast.Ident) bool { return id != nil && id.Obj != nil && results[id.Obj] }
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && result(rootIdent(n.X))
		case *ast.FuncLit:
			found = found || identIn(n.Body, true, result)
			return false
		}
		return !found
	})
	return found
}
