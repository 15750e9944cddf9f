package engine

import (
	"go/ast"
	"go/token"
	"strings"
)

const godebugMsg = "the interpreter runs with the page's own settings and cannot apply the program's //go:debug settings, which go run does (panicnil=1 lets recover return nil, for one)"

// godebugDirectives names the //go:debug lines of a program: the go
// command reads those before the package clause (go/build's directives)
// into the binary's default GODEBUG, which changes what the runtime and
// the library do (panicnil=1: a recovered panic(nil) is nil), and the
// interpreter, a program of the page's own, has no such default to set.
func godebugDirectives(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	for _, g := range file.Comments {
		if g.Pos() >= file.Package {
			break
		}
		for _, c := range g.List {
			// As cmd/go's ParseGoDebug reads it: "//go:debugx k=v" is a
			// directive (a space or tab anywhere after the prefix), and
			// so is "//go:debug" alone (an error); "//go:debugx" is not.
			if rest, ok := strings.CutPrefix(c.Text, "//go:debug"); ok && (strings.ContainsAny(rest, " \t") || strings.TrimSpace(rest) == "") {
				p := fset.Position(c.Pos())
				out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "go:debug directive", Message: godebugMsg})
			}
		}
	}
	return out
}
