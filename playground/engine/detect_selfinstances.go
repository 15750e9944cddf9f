package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// selfInstances reports a generic type of two or more type parameters
// whose declaration holds an instance of itself (next *Pair[K, V], kids
// []Tree[K, V]). yaegi v0.16.1 overflows its stack making such a type,
// whatever its type arguments and whatever the program does with it (a
// review's: var p Pair[string, int] alone): the run failed after a
// gigabyte of stack, or was handed over at the page's time limit. A type
// of one type parameter (next *Node[T]) runs right, and is not reported;
// one holding an instance of itself with other type arguments is
// nestedInstances'.
func selfInstances(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var out []Finding
	ast.Inspect(file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Assign.IsValid() || ts.TypeParams == nil || ts.TypeParams.NumFields() < 2 {
			return true
		}
		obj, _ := info.Defs[ts.Name].(*types.TypeName)
		if obj == nil {
			return true
		}
		self := false
		ast.Inspect(ts.Type, func(m ast.Node) bool {
			if x, ok := m.(*ast.IndexListExpr); ok {
				if n, ok := types.Unalias(info.TypeOf(x)).(*types.Named); ok && n.Origin().Obj() == obj {
					self = true
				}
			}
			return !self
		})
		if self {
			p := fset.Position(ts.Name.Pos())
			out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: selfInstanceConstruct,
				Message: "a generic type of two or more type parameters that holds an instance of itself: the interpreter overflows its stack making it"})
		}
		return false
	})
	return out
}

const selfInstanceConstruct = "generic type holding itself"
