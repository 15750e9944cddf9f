package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// repeatedInstanceValues reports each place where a value is made of an
// instance of a generic type written with two or more type arguments
// (P[int, int]{}, &P[int, int]{}, P[int, int](q), new(P[int, int])),
// when the same instance is written so at another place too. yaegi
// v0.16.1 keeps one node for such an instance, and its link to the
// statement after it is the last place's: reaching the first literal
// went on after the second, skipping what was between (an attack's
// fmt.Println("two") between two P[int, int]{} never printed; a map's
// Edge[string, int]{...} key was never stored and the lookup said
// false; a loop ran once and fell into an if whose condition was never
// evaluated), nothing said. A conversion or new of one went wrong
// too, loudly so far. The same instance in a type's position only (a
// variable's, a slice's element: []P[int, int]{}), with one type
// argument, or written once, ran as under go run, and so do explicit
// calls of a generic function (Map[int, string](...)), which are not
// reported. Instances are told apart by their types' strings: inside
// generic functions, two with type parameters of the same names count
// as one, which can only report more.
func repeatedInstanceValues(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	places := map[string][]*ast.IndexListExpr{}
	var order []string
	note := func(e ast.Expr) {
		x, ok := ast.Unparen(e).(*ast.IndexListExpr)
		if !ok {
			return
		}
		tv, ok := info.Types[x]
		if !ok || !tv.IsType() {
			return
		}
		key := types.TypeString(tv.Type, nil)
		if places[key] == nil {
			order = append(order, key)
		}
		places[key] = append(places[key], x)
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if n.Type != nil {
				note(n.Type)
			}
		case *ast.CallExpr:
			// A conversion, and new's argument.
			note(n.Fun)
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
					note(n.Args[0])
				}
			}
		}
		return true
	})
	var out []Finding
	for _, key := range order {
		if len(places[key]) < 2 {
			continue
		}
		for _, x := range places[key] {
			p := fset.Position(x.Pos())
			out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: repeatedInstanceConstruct, Message: repeatedInstanceMsg})
		}
	}
	return out
}

const repeatedInstanceConstruct = "repeated generic value"

const repeatedInstanceMsg = "a value of this instance of a generic type with several type arguments is made at more than one place: the interpreter may go on from the first place after the last, skipping the statements between"
