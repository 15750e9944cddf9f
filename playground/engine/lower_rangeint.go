package engine

import (
	"go/ast"
	"go/token"
	"slices"
)

// rangeIntRewrite, named rangeInt: for i := range n over an integer (Go
// 1.22) is not known; it becomes a three-clause loop over a copy of n.
func rangeIntRewrite(l *lowering, s *syntax) {
	for _, r := range s.ranges {
		if isIntExpr(r.X) && r.Tok != token.ASSIGN {
			l.rangeInt(r, s.labels[r])
		}
	}
}

// rangeInt: "for i := range n {" becomes "{ n_ := n; for i := n_ - n_; i <
// n_; i++ {" (the zero of n's type, so i has n's type, as in Go), and the
// loop's closing brace gets a second one. A label moves onto the for.
func (l *lowering) rangeInt(r *ast.RangeStmt, label *ast.LabeledStmt) {
	n := l.name("_lowerN")
	key := l.rangeKey(r, "_lowerI")
	head := l.moveLabel(label)
	// Edits around r.X, not of its text: a later rewrite may change it.
	l.add(edit{pos: l.off(r.For), end: l.off(r.X.Pos()), text: "{ " + n + " := "})
	l.add(edit{pos: l.off(r.X.End()), end: l.off(r.Body.Lbrace),
		text: "; " + head + "for " + key + " := " + n + " - " + n + "; " + key + " < " + n + "; " + key + "++ "})
	l.wrap(r, "", " }")
	// The body works on a copy: in Go each iteration has its own i, and
	// assigning to it does not change the iteration.
	if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" && refers(r.Body, id.Obj) {
		l.insert(r.Body.Lbrace+1, " "+id.Name+" := "+id.Name+";")
	}
}

// rangeKey is the name of r's key, a fresh one when r has none or "_".
func (l *lowering) rangeKey(r *ast.RangeStmt, prefix string) string {
	if r.Key != nil {
		if key := l.text(r.Key); key != "_" {
			return key
		}
	}
	return l.name(prefix)
}

// moveLabel takes label off from where it is (maybe a line of its own),
// the line breaks staying, and returns it to be written again onto the
// loop inside the block a rewrite opens: "break L" and "continue L" must
// still name the loop.
//
// A goto to the label from inside the loop would run it again inside the
// block, without what the block evaluates before it (a range's
// expression, taken once into a variable): Go evaluates it again there
// (goto L back to a labeled range over a channel the body changed
// re-ranged the old copy: a stranger's review). Such a loop is handed
// over. (A goto from outside is one into the block: gotoIntoBlock's.)
func (l *lowering) moveLabel(label *ast.LabeledStmt) string {
	if label == nil {
		return ""
	}
	if slices.ContainsFunc(l.gotos[label.Label.Name], func(p token.Pos) bool { return label.Pos() < p && p < label.End() }) {
		l.handOvers = append(l.handOvers, handOver{label.Pos(), "goto to a range's label",
			"a goto to the label of a range the interpreter is given inside a block of its own: the goto would run the loop again without evaluating what it ranges over again, as Go does"})
	}
	l.add(edit{pos: l.off(label.Pos()), end: l.off(label.Colon) + 1})
	return label.Label.Name + ": "
}

// refers: body mentions the object obj.
func refers(body ast.Node, obj *ast.Object) bool {
	return identIn(body, true, func(id *ast.Ident) bool { return id.Obj == obj })
}
