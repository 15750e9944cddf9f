package engine

import (
	"go/ast"
	"go/token"
)

// selectBranchRewrite, named selectBranches: a case's last break, continue
// or goto is chained to the end of the select, and a plain break leaves the
// loop around it; they get a block of their own, and a plain break a label
// on the select.
func selectBranchRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selects {
		l.selectBranches(sel, s.labels[sel])
	}
}

// selectBranches rewrites the branch statements of a select's cases that
// the interpreter runs wrongly (yaegi v0.16.1, interp/cfg.go):
//
//   - a case's last statement is chained to the end of the select, even
//     when it is a break, continue or goto: "case <-c: break loop" ended
//     the select and stayed in the loop, "continue" went on after the
//     select. Put in a block of its own, "{ break loop }", it keeps its
//     target: the block is what gets chained;
//   - a plain break in a select leaves the innermost for or switch around
//     the select (or, with none, nothing), where Go leaves the select: it
//     names the select instead, "break _lowerSel1", with that label put
//     on the select (or the select's own label when it has one).
//
// Branch statements inside a loop, a switch, a select or a function
// literal in a case are theirs, and left alone.
func (l *lowering) selectBranches(s *ast.SelectStmt, label *ast.LabeledStmt) {
	name := ""
	if label != nil {
		name = label.Label.Name
	}
	plain := false // a plain break names the select now
	for _, c := range s.Body.List {
		body := c.(*ast.CommClause).Body
		var last ast.Stmt
		if len(body) > 0 {
			last = body[len(body)-1]
		}
		for _, b := range selectBreaks(body) {
			if name == "" {
				name = l.name("_lowerSel")
			}
			plain = true
			if b == last {
				l.replace(b, "{ break "+name+" }")
			} else {
				l.replace(b, "break "+name)
			}
		}
		if b, ok := last.(*ast.BranchStmt); ok && (b.Tok != token.BREAK || b.Label != nil) {
			l.replace(b, "{ "+l.text(b)+" }")
		}
	}
	if plain && label == nil {
		// In a block of its own: the interpreter knows a label only
		// among a block's statements, not a case's.
		l.wrap(s, "{ "+name+": ", " }")
	}
}

// selectBreaks returns the plain break statements of a select case's body
// that leave the select.
func selectBreaks(body []ast.Stmt) []*ast.BranchStmt {
	var out []*ast.BranchStmt
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if n.Tok == token.BREAK && n.Label == nil {
					out = append(out, n)
				}
			}
			return true
		})
	}
	return out
}
