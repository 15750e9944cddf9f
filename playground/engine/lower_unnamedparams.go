package engine

import "go/ast"

// unnamedParamRewrite, named unnamedParams: yaegi v0.16.1 gives an
// unnamed parameter of a function no variable of its own, and an argument
// passed to it lands where the function keeps a library function it calls
// (func(int) { fmt.Println("a") } called twice: "reflect.Set: value of
// type int is not assignable to type func(...interface {}) (int, error)",
// a blind pass's callbacks in a map); a blank name gives it one. The
// parameters of every function declared or written as a literal are
// named _ where they have no names (func(_ int)); a function type alone
// declares no variables and stays.
func unnamedParamRewrite(l *lowering, s *syntax) {
	ast.Inspect(s.file, func(n ast.Node) bool {
		var typ *ast.FuncType
		switch n := n.(type) {
		case *ast.FuncDecl:
			typ = n.Type
		case *ast.FuncLit:
			typ = n.Type
		default:
			return true
		}
		if typ.Params == nil {
			return true
		}
		for _, f := range typ.Params.List {
			if len(f.Names) == 0 {
				l.insert(f.Type.Pos(), "_ ")
			}
		}
		return true
	})
}
