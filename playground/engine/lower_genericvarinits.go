package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// genericVarInitRewrite, named genericVarInits: yaegi v0.16.1 gives a
// variable declared with var the zero value when its value calls a
// generic function, the library's included (var n int = Sum(xs) and
// var s = fmt.Sprint(Max(a, b)) print 0 and "0", var p *T = New(t)
// panics), unless that instance ran before; the same call declared with
// := or assigned runs right. Inside a function such a declaration
// becomes a short one, each value converted to the type written:
// var n int = Sum(xs) becomes n := (int)(Sum(xs)). Both forms begin the
// names' scope at the declaration's end, and a value assignable to a
// type converts to itself. What cannot be written so (a declaration at
// the package's level or in a group, several names for one call's
// results, blank names only) stays, and Detect names it (genericInits).
func genericVarInitRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	ast.Inspect(s.file, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeclStmt); ok {
			if g := d.Decl.(*ast.GenDecl); shortVarInit(g, l.info) {
				l.shortVarInit(g)
			}
		}
		return true
	})
}

// shortVarInit: "var a, b T = x, y" becomes "a, b := (T)(x), (T)(y)", the
// values' text left for other rewrites.
func (l *lowering) shortVarInit(g *ast.GenDecl) {
	vs := g.Specs[0].(*ast.ValueSpec)
	names := make([]string, len(vs.Names))
	for i, n := range vs.Names {
		names[i] = n.Name
	}
	// Up to the "=", not to the first value: a rewrite of the value
	// (slices.Max becomes a helper's name) starts there, and edits that
	// meet are a clash.
	var last ast.Node = vs.Names[len(vs.Names)-1]
	if vs.Type != nil {
		last = vs.Type
	}
	l.add(edit{pos: l.off(g.Pos()), end: assignAfter(l.src, l.off(last.End())) + 1, text: strings.Join(names, ", ") + " :="})
	if vs.Type != nil {
		for _, v := range vs.Values {
			l.wrap(v, "("+l.text(vs.Type)+")(", ")")
		}
	}
}

// assignAfter is the offset of the first "=" in src from i on, past
// comments (var x int /* a=b */ = f()).
func assignAfter(src string, i int) int {
	for ; i < len(src); i++ {
		switch {
		case strings.HasPrefix(src[i:], "/*"):
			i += 2 + strings.Index(src[i+2:], "*/") + 1
		case strings.HasPrefix(src[i:], "//"):
			i += strings.IndexByte(src[i:], '\n')
		case src[i] == '=':
			return i
		}
	}
	return -1
}

// shortVarInit reports whether g, a declaration inside a function, is
// one genericVarInits rewrites: var, one spec, as many values as names,
// one of them not blank, and a generic function called in a value.
func shortVarInit(g *ast.GenDecl, info *types.Info) bool {
	if g.Tok != token.VAR || g.Lparen.IsValid() || len(g.Specs) != 1 {
		return false
	}
	vs := g.Specs[0].(*ast.ValueSpec)
	if len(vs.Values) != len(vs.Names) || !callsGeneric(vs, info) {
		return false
	}
	for _, n := range vs.Names {
		if n.Name != "_" {
			return true
		}
	}
	return false
}

// callsGeneric reports whether a value of vs calls an instance of a
// generic function, outside the function literals it holds (which the
// declaration does not run), or will: a shift by a count that is not a
// constant, which shiftCounts checks with its generic _lowerShift (var f
// float64 = float64(1 << sh) went to the Go toolchain for a call the
// reader never wrote, named in the note).
func callsGeneric(vs *ast.ValueSpec, info *types.Info) bool {
	found := false
	for _, v := range vs.Values {
		ast.Inspect(v, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if id := calleeName(instantiated(n.Fun)); id != nil {
					if _, ok := info.Instances[id].Type.(*types.Signature); ok {
						found = true
					}
				}
			case *ast.BinaryExpr:
				if n.Op == token.SHL || n.Op == token.SHR {
					found = found || info.Types[n.Y].Value == nil
				}
			}
			return !found
		})
	}
	return found
}
