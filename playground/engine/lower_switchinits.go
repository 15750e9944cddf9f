package engine

import (
	"go/ast"
	"strings"
)

// switchInitRewrite, named switchInits: a switch with an init statement
// and a tag that is not a name or a literal becomes a block that runs the
// init statement, then the switch without it: switch j := i; j % 2 {...}
// is { j := i; switch j % 2 {...} }.
//
// yaegi v0.16.1 evaluates such a tag before the init statement runs
// (switch j := i; j % 2 took case 0 for i == 1, nothing said). In the
// block, the init's variables are in scope for the switch alone, as
// Go's are; a label stays on the switch, inside the block (break L). An
// init statement on more than one line, or that an earlier rewrite
// changed, stays where it is, and Detect announces the switch; so does
// a switch whose label a goto names: in the block, the label would be
// out of the goto's reach (Go rejects a goto into a block; the
// interpreter ran goto M; { j := i; M: switch j * 2 {...} } as an end
// of main, printing nothing, nothing said: testdata/silent).
func switchInitRewrite(l *lowering, s *syntax) {
	ast.Inspect(s.file, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Init == nil {
			return true
		}
		switch ast.Unparen(sw.Tag).(type) {
		case nil, *ast.Ident, *ast.BasicLit:
			return true
		}
		init := l.text(sw.Init)
		if strings.Contains(init, "\n") || l.editedWithin(sw.Init) {
			return true
		}
		var start ast.Node = sw
		if lb := s.labels[sw]; lb != nil {
			if len(s.gotos[lb.Label.Name]) > 0 {
				return true
			}
			start = lb
		}
		l.insert(start.Pos(), "{ "+init+"; ")
		// A space where the init follows switch without one: switch(x)
		// = 5; min(x, 3) would become switch_lowerMin(x, 3) once the
		// tag's own rewrite is side by side (a review's).
		gap := ""
		if at := l.off(sw.Init.Pos()); at > 0 && l.src[at-1] != ' ' && l.src[at-1] != '\t' {
			gap = " "
		}
		l.add(edit{pos: l.off(sw.Init.Pos()), end: l.off(sw.Tag.Pos()), text: gap})
		l.insert(sw.End(), " }")
		return true
	})
}
