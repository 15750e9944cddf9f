package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// runCheck parses src as main.go and gives what check finds in it, one
// "line:col: message" after the other, as the checks' tests compare them.
func runCheck(t *testing.T, src string, check func(*token.FileSet, *ast.File) []Finding) string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, f := range check(fset, file) {
		got += f.String()
	}
	return got
}
