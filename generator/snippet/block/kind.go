package block

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// Parsed is a snippet's code as a Go file ready to type-check, with how
// many lines the wrapper added above the code.
type Parsed struct {
	Kind   Kind
	Fset   *token.FileSet
	File   *ast.File
	Src    string // the file as type-checked
	Offset int    // lines added above the code by the wrapper
}

// Parse reads the snippet's kind from its code and wraps fragments. A
// program or package that does not parse is returned with its error, at
// positions of the code itself. A fragment that parses neither as
// declarations nor as statements is returned with Kind and Offset set
// and its error.
func Parse(code string) (*Parsed, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "snippet.go", code, parser.ParseComments|parser.SkipObjectResolution)
	if err == nil {
		k := Package
		if f.Name.Name == "main" && hasMain(f) {
			k = Program
		}
		return &Parsed{Kind: k, Fset: fset, File: f, Src: code}, nil
	}
	if startsWithPackage(code) {
		return nil, err
	}
	// A fragment: declarations, else statements. Both wrappers put the
	// code one line below the top, so its positions shift by one line and
	// never by a column.
	for _, src := range []string{"package fragment\n" + code, wrapStatements(code)} {
		fset = token.NewFileSet()
		if f, ferr := parser.ParseFile(fset, "snippet.go", src, parser.ParseComments|parser.SkipObjectResolution); ferr == nil {
			return &Parsed{Kind: Fragment, Fset: fset, File: f, Src: src, Offset: 1}, nil
		}
	}
	// Neither parses: report the statements form's error, which is what
	// an author writing a fragment most likely meant.
	_, err = parser.ParseFile(token.NewFileSet(), "snippet.go", wrapStatements(code), parser.SkipObjectResolution)
	return &Parsed{Kind: Fragment, Offset: 1}, err
}

// wrapStatements makes a file of a statements fragment: its leading import
// declarations stay at file level, and the function that holds the
// statements opens on the same line as the last of them (or as the package
// clause), so no line is added above the code.
func wrapStatements(code string) string {
	end := importsEnd(code)
	if end == 0 {
		return "package fragment; func _() {\n" + code + "\n}\n"
	}
	return "package fragment\n" + code[:end] + "; func _() {" + code[end:] + "\n}\n"
}

// importsEnd is the offset just past the fragment's leading import
// declarations ("import "fmt"" or "import ( ... )"), 0 when there are none.
func importsEnd(code string) int {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	s.Init(file, []byte(code), nil, 0)
	end := 0
	for {
		_, tok, _ := s.Scan()
		if tok == token.SEMICOLON {
			continue
		}
		if tok != token.IMPORT {
			return end
		}
		pos, tok, lit := s.Scan()
		if tok == token.LPAREN {
			for tok != token.RPAREN && tok != token.EOF {
				pos, tok, lit = s.Scan()
			}
			lit = ")"
		} else if tok == token.IDENT || tok == token.PERIOD {
			pos, tok, lit = s.Scan() // the path after a name
		}
		if tok != token.STRING && tok != token.RPAREN {
			return end // not an import declaration: the parser will say so
		}
		end = file.Offset(pos) + len(lit)
	}
}

// Split cuts a fragment into its leading imports and the rest, formatted
// apart by gofmt (which formats a list of declarations or of statements,
// not imports followed by statements).
func Split(code string) (imports, rest string) {
	end := importsEnd(code)
	if end == 0 {
		return "", code
	}
	// A comment after the last import stays with it.
	if nl := strings.IndexByte(code[end:], '\n'); nl >= 0 {
		end += nl + 1
	}
	return code[:end], code[end:]
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
	p, err := Parse(code)
	if err != nil && p == nil {
		return Program // a broken program is still meant to be one
	}
	return p.Kind
}
