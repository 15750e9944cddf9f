package engine

import (
	"go/ast"
	"strings"
)

// zeroResultRewrite, named zeroResults: a call ending in a recovered panic
// returns the named results of the previous call; a function with named
// results starts by zeroing them.
func zeroResultRewrite(l *lowering, s *syntax) {
	eachFunc(s.file, l.zeroResults)
}

// zeroResults starts a function with named results by setting them to
// their zero values: the interpreter keeps a call's named results in
// slots the next call reuses, so a call that ends in a recovered panic,
// without a return, returns what the previous call returned (measured
// on yaegi v0.16.1).
func (l *lowering) zeroResults(ft *ast.FuncType, body *ast.BlockStmt) {
	if ft.Results == nil {
		return
	}
	var sets []string
	for _, f := range ft.Results.List {
		t := l.text(f.Type)
		if strings.Contains(t, "\n") {
			return
		}
		for _, n := range f.Names {
			if n.Name != "_" {
				sets = append(sets, n.Name+" = *new("+t+"); ")
			}
		}
	}
	if len(sets) > 0 {
		l.insert(body.Lbrace+1, " "+strings.Join(sets, ""))
	}
}
