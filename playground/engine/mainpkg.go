package engine

import (
	"go/ast"
	"go/token"
)

// mainPackage finds a program go run cannot run for want of a main: a
// package not named main ("package command-line-arguments is not a main
// package", before any other error), or no func main, which the linker
// reports once the rest compiles ("function main is undeclared in the
// main package"). yaegi v0.16.1 ran either and printed nothing, exit
// status 0. Neither has a line: go run names none.
func mainPackage(fset *token.FileSet, file *ast.File) []Finding {
	if file.Name.Name != "main" {
		return []Finding{{Construct: "main package", Message: "package command-line-arguments is not a main package"}}
	}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			return nil
		}
	}
	return []Finding{{Construct: "main package", Message: "runtime.main_main·f: function main is undeclared in the main package"}}
}
