package engine

import (
	"go/ast"
	"go/token"
)

const blankFieldMsg = "a struct with a blank field: the interpreter keeps and compares its value, where Go drops it"

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
