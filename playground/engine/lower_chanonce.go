package engine

import (
	"go/ast"
)

// chanOnceRewrite, named chanOnce: Go evaluates a range's expression once,
// before the first iteration. Over a channel, the interpreter evaluates it
// again at every iteration (yaegi v0.16.1, measured for a variable, a
// field, an element and *p; a call's result is taken once), so a body
// that puts another channel there (ch = next, s.ch = ..., *p = ...) went
// on receiving from that one where Go drains the first, and a body that
// put a fresh channel there each time never ended. Such a range goes
// over a copy made before the loop: "for v := range x {" becomes
// "{ c_ := x; for v := range c_ {", with a brace more after the loop and
// the label, if any, moved onto the for. A variable never assigned after
// its declaration nor its address taken (reassigned) is left as it is.
func chanOnceRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	for _, r := range s.ranges {
		if !only(l.info.Types[r.X].Type, isChan) {
			continue
		}
		switch x := ast.Unparen(r.X).(type) {
		case *ast.CallExpr:
			if !l.info.Types[x.Fun].IsType() {
				continue // a call, evaluated once (a conversion is not)
			}
		case *ast.Ident:
			if !l.reassigned[x.Obj] {
				continue
			}
		}
		c := l.name("_lowerC")
		head := l.moveLabel(s.labels[r])
		vars := ""
		if r.Key != nil {
			vars = l.text(r.Key) + " " + r.Tok.String() + " "
		}
		// Edits around r.X, not of its text: a later rewrite may change it.
		l.add(edit{pos: l.off(r.For), end: l.off(r.X.Pos()), text: "{ " + c + " := "})
		l.add(edit{pos: l.off(r.X.End()), end: l.off(r.Body.Lbrace), text: "; " + head + "for " + vars + "range " + c + " "})
		l.wrap(r, "", " }")
	}
}
