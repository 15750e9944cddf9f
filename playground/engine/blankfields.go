package engine

import (
	"go/ast"
	"go/token"
)

const blankFieldMsg = "a struct with a blank field (_): the interpreter keeps the value an unkeyed literal gives it, and == compares it, where Go drops it and compares the other fields (A{1, 2} printed {1 2}: a probe's)"

// blankFields reports a struct type written with a blank field, which
// yaegi v0.16.1 treats as any other field.
func blankFields(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	ast.Inspect(file, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok {
			for _, f := range st.Fields.List {
				for _, id := range f.Names {
					if id.Name == "_" {
						p := fset.Position(id.Pos())
						out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "blank field", Message: blankFieldMsg})
					}
				}
			}
		}
		return true
	})
	return out
}
