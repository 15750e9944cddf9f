package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// selfInstances reports a generic type of the file whose declaration
// reaches an instance of itself through another of the file's generic
// types (a list's node pointing back to its list: DNode[T].list
// *DList[T], DList[T].head *DNode[T]), or holds one directly when it has
// two or more type parameters (next *Pair[K, V], kids []Tree[K, V]).
// yaegi v0.16.1 overflows its stack making such a type, whatever its type
// arguments and whatever the program does with it (var p Pair[string,
// int] alone): the run failed after a gigabyte of stack, or went on
// until the page's time limit handed it over. A type of one type
// parameter holding itself directly (next *Node[T]), or reached again
// only through a type that is not generic (an Owner holding a
// *Node[int]), runs right and is not reported; one holding an instance
// of itself with other type arguments is nestedInstances'.
func selfInstances(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	// uses: each generic type of the file, and the file's generic types
	// its declaration names.
	uses := map[types.Object][]types.Object{}
	var order []*ast.TypeSpec
	ast.Inspect(file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Assign.IsValid() || ts.TypeParams == nil {
			return true
		}
		obj := info.Defs[ts.Name]
		if obj == nil {
			return false
		}
		order = append(order, ts)
		ast.Inspect(ts.Type, func(m ast.Node) bool {
			var x ast.Expr
			switch m := m.(type) {
			case *ast.IndexExpr:
				x = m
			case *ast.IndexListExpr:
				x = m
			default:
				return true
			}
			if n, ok := types.Unalias(info.TypeOf(x)).(*types.Named); ok && n.Obj().Pkg() == obj.Pkg() {
				uses[obj] = append(uses[obj], n.Origin().Obj())
			}
			return true
		})
		return false
	})
	// reaches: from is named, through the declarations, by to's.
	reaches := func(from, to types.Object) bool {
		seen := map[types.Object]bool{}
		var walk func(types.Object) bool
		walk = func(o types.Object) bool {
			if o == to {
				return true
			}
			if seen[o] {
				return false
			}
			seen[o] = true
			for _, u := range uses[o] {
				if walk(u) {
					return true
				}
			}
			return false
		}
		return walk(from)
	}
	var out []Finding
	for _, ts := range order {
		obj := info.Defs[ts.Name]
		self := false
		for _, u := range uses[obj] {
			if u == obj {
				self = self || ts.TypeParams.NumFields() >= 2
			} else {
				self = self || reaches(u, obj)
			}
		}
		if self {
			p := fset.Position(ts.Name.Pos())
			out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: selfInstanceConstruct,
				Message: "a generic type that holds an instance of itself through another generic type, or directly with two or more type parameters: the interpreter overflows its stack making it"})
		}
	}
	return out
}

const selfInstanceConstruct = "generic type holding itself"
