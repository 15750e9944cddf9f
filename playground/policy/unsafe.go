package policy

import (
	"go/ast"
	"go/token"
)

// UnsafeLayout lists what a reader's program may use of unsafe: its
// functions that measure Go's layout of memory (a struct's padding, the
// size of a slice's header), which a site on the runtime has a use for.
// Each is a constant of the program's types, evaluated by the compiler:
// none hands out a pointer. The rest of unsafe (Pointer, Add, Slice,
// String, StringData, SliceData) reaches past the memory safety the
// sandbox relies on as its second line (an attack forged a function value
// with it and called into JavaScript).
var UnsafeLayout = map[string]bool{"Sizeof": true, "Alignof": true, "Offsetof": true}

// UnsafeMisuse returns where file, which imports unsafe by spec, uses
// more of it than UnsafeLayout, and the playground's words for it, or
// token.NoPos and "" when it uses no more: the spec's path for an import
// that names no package (import _ or . "unsafe"), or the first use of
// the package's name that is not one of UnsafeLayout's selectors. It
// reads names, not types: a variable that shadows the package's name, or
// a field named like it, counts as a use, which refuses a program go run
// would run, never the other way round. The page's exact engine holds reader code to the same
// rule, in the same words, before compiling (playground/web/guard.js).
func UnsafeMisuse(file *ast.File, spec *ast.ImportSpec) (token.Pos, string) {
	const only = " is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"
	name := "unsafe"
	if spec.Name != nil {
		name = spec.Name.Name
	}
	if name == "_" || name == "." {
		return spec.Path.Pos(), `import "unsafe"` + only
	}
	var bad ast.Node
	var walk func(ast.Node) bool
	walk = func(n ast.Node) bool {
		if bad != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.GenDecl:
			return n.Tok != token.IMPORT
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == name {
				if !UnsafeLayout[n.Sel.Name] {
					bad = n
				}
				return false
			}
		case *ast.Ident:
			// Any other: a field or a method named like the package
			// (s.unsafe) too, as guard.js, which reads tokens, sees it.
			if n.Name == name {
				bad = n
			}
		}
		return true
	}
	ast.Inspect(file, walk)
	switch n := bad.(type) {
	case *ast.SelectorExpr:
		return n.Pos(), name + "." + n.Sel.Name + only
	case *ast.Ident:
		return n.Pos(), name + only
	}
	return token.NoPos, ""
}
