package snippet

import (
	"go/ast"
	"go/token"

	"github.com/goexpert/gointernals/generator/snippet/block"
)

// maxConstString bounds a string constant's length, far above any the
// notes need.
const maxConstString = 1 << 20

// hugeConstants reports string constants longer than maxConstString, before
// the type check. go/types keeps a constant made with + as a tree of its
// parts, but len or a slice expression of it makes the whole string, in the
// build's own process, where no limit applies; the compiler makes it too.
// Sixteen bytes doubled thirty times is 16 GiB: measured, len of one
// doubled 24 times (256 MiB) took 1.8 GB and 4 s of the type check.
//
// A constant's length is bounded from its source: a string literal's
// quoted text is at least as long as its value, + adds, a conversion
// keeps its operand's length, and a name is as long as the longest
// constant of that name in the file (in any scope, so never less than the
// one meant). Anything else adds nothing: only + makes a string constant
// longer than its parts.
func hugeConstants(p *block.Parsed, pr *problem) bool {
	values := map[string][]ast.Expr{}
	var names []*ast.Ident
	ast.Inspect(p.File, func(n ast.Node) bool {
		d, ok := n.(*ast.GenDecl)
		if !ok || d.Tok != token.CONST {
			return true
		}
		var last []ast.Expr // a spec without values repeats the previous ones
		for _, s := range d.Specs {
			vs := s.(*ast.ValueSpec)
			if len(vs.Values) > 0 {
				last = vs.Values
			}
			for i, name := range vs.Names {
				if i < len(last) {
					values[name.Name] = append(values[name.Name], last[i])
					names = append(names, name)
				}
			}
		}
		return true
	})
	const inf = int64(1) << 62
	add := func(a, b int64) int64 { return min(a+b, inf) }
	known := map[string]int64{}
	var length func(ast.Expr) int64
	byName := func(name string) int64 {
		if n, ok := known[name]; ok {
			return n
		}
		known[name] = 0 // a cycle is the type checker's error to report
		var n int64
		for _, e := range values[name] {
			n = max(n, length(e))
		}
		known[name] = n
		return n
	}
	length = func(e ast.Expr) int64 {
		switch e := e.(type) {
		case *ast.BasicLit:
			if e.Kind == token.STRING {
				return int64(len(e.Value))
			}
		case *ast.Ident:
			return byName(e.Name)
		case *ast.ParenExpr:
			return length(e.X)
		case *ast.BinaryExpr:
			if e.Op == token.ADD {
				return add(length(e.X), length(e.Y))
			}
		case *ast.CallExpr:
			if len(e.Args) == 1 {
				return length(e.Args[0])
			}
		}
		return 0
	}
	found := false
	for _, name := range names {
		if n := byName(name.Name); n > maxConstString {
			pos := p.Fset.Position(name.Pos())
			pr.at(pos.Line-p.Offset, pos.Column, "the string constant %s may be as long as %d bytes: the build refuses string constants over 1 MiB (the type checker and the compiler would make the whole string)", name.Name, n)
			found = true
			break // the first says it; the ones made from it would repeat it
		}
	}
	return found
}
