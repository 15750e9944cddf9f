package snippet

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// parsed is a snippet's code as a Go file ready to type-check, with how
// many lines the wrapper added above the code.
type parsed struct {
	kind   Kind
	fset   *token.FileSet
	file   *ast.File
	src    string // the file as type-checked
	offset int    // lines added above the code by the wrapper
}

// parse reads the snippet's kind from its code and wraps fragments. A
// program or package that does not parse is returned with its error, at
// positions of the code itself.
func parse(code string) (*parsed, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "snippet.go", code, parser.ParseComments|parser.SkipObjectResolution)
	if err == nil {
		k := Package
		if f.Name.Name == "main" && hasMain(f) {
			k = Program
		}
		return &parsed{kind: k, fset: fset, file: f, src: code}, nil
	}
	if startsWithPackage(code) {
		return nil, err
	}
	// A fragment: declarations, else statements.
	for _, w := range []struct {
		head, tail string
		offset     int
	}{
		{"package fragment\n", "", 1},
		{"package fragment\nfunc _() {\n", "}\n", 2},
	} {
		src := w.head + code + w.tail
		fset = token.NewFileSet()
		if f, ferr := parser.ParseFile(fset, "snippet.go", src, parser.ParseComments|parser.SkipObjectResolution); ferr == nil {
			return &parsed{kind: Fragment, fset: fset, file: f, src: src, offset: w.offset}, nil
		}
	}
	// Neither parses: report the statements form's error, which is what
	// an author writing a fragment most likely meant.
	_, err = parser.ParseFile(token.NewFileSet(), "snippet.go", "package fragment\nfunc _() {\n"+code+"}\n", parser.SkipObjectResolution)
	return &parsed{kind: Fragment, offset: 2}, err
}

func hasMain(f *ast.File) bool {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "main" {
			return true
		}
	}
	return false
}

// startsWithPackage reports whether the first word of code, past comments
// and blank lines, is "package".
func startsWithPackage(code string) bool {
	inBlock := false
	for _, line := range strings.Split(code, "\n") {
		l := strings.TrimSpace(line)
		if inBlock {
			if i := strings.Index(l, "*/"); i >= 0 {
				l, inBlock = strings.TrimSpace(l[i+2:]), false
			} else {
				continue
			}
		}
		if strings.HasPrefix(l, "/*") {
			inBlock = true
			continue
		}
		if l == "" || strings.HasPrefix(l, "//") {
			continue
		}
		return strings.HasPrefix(l, "package ") || l == "package"
	}
	return false
}

// KindOf is the kind of code, for renderers that must know whether a
// snippet can run before validation.
func KindOf(code string) Kind {
	p, err := parse(code)
	if err != nil && p == nil {
		return Program // a broken program is still meant to be one
	}
	return p.kind
}
