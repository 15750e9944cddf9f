package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// initSequence reports, with the program's types, package variables
// that the interpreter initializes in another order than Go, when an
// initializer calls a function or append or copy, whose output or
// changes would then come in another order (a blind pass: var total = sum(x, y) before var x =
// val("x", 1) and var z = val("z", 3): go run printed x, y, sum, z, the
// engine x, y, z, sum, nothing said). Go runs, again and again, the
// earliest declared initializer whose variables it reads are ready
// (types.Info.InitOrder), one variable at a time; yaegi v0.16.1
// (genGlobalVarDecl) goes through the declarations in passes, running in
// each, in order and whole (var a, b = f(b), g(): a first), those whose
// dependencies are done, and leaving the others to the next pass. Its
// dependencies are names (getVarDependencies): any identifier in the
// declaration but a selector's field that names a package variable, a
// composite literal's key and a function literal's own local included,
// and not what a called function's body reads: var a = f() before var b
// = 2, where f returns b * 10, gave a 0 (go run 20), and is found here,
// since Go then initializes b first.
func initSequence(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var specs []*ast.ValueSpec
	byName := map[string]int{}
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if n.Name != "_" {
						byName[n.Name] = len(specs)
					}
				}
				specs = append(specs, vs)
			}
		}
	}
	calls, wrong := false, false
	deps := make([][]int, len(specs))
	called := make([]bool, len(specs)) // its initializer calls
	// yaegi's one symbol _ is the last blank declaration's: every other
	// one waits for it (var _ = f("b"); var _ = f("a") printed a b).
	blank := -1
	for i, vs := range specs {
		for _, n := range vs.Names {
			if n.Name == "_" {
				blank = i
			}
		}
	}
	for i, vs := range specs {
		for _, n := range vs.Names {
			if n.Name == "_" && i != blank {
				deps[i] = append(deps[i], blank)
				break
			}
		}
	}
	// What the program assigns, or a part of (counter++, codecs =
	// append(...), cfg.Name = ...).
	assigned := reassigned(file, info)
	for i, vs := range specs {
		sel := map[*ast.Ident]bool{} // a selector's field, met before it
		inspect := func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				sel[n.Sel] = true
			case *ast.Ident:
				j, ok := byName[n.Name]
				v, _ := info.Uses[n].(*types.Var)
				read := v != nil && v.Parent() == v.Pkg().Scope() // the package's, not a local
				switch {
				case !ok || sel[n]:
				case j == i:
					// var x, y = 3, x * 2: yaegi computes the values
					// before it sets any (y 0, go run 6).
					wrong = wrong || read && len(vs.Names) > 1 && len(vs.Values) > 1
				case len(specs[j].Names) > 1 && len(specs[j].Values) == 1:
					// var w, h = pair(): yaegi's symbols for them are
					// not the package's (compDefineX), no dependency:
					// read before, they are zero (var area = w * h).
					wrong = wrong || read && j > i
				default:
					deps[i] = append(deps[i], j)
				}
			case *ast.CallExpr:
				// append and copy change what slices share (var b =
				// append(s, c) and var d = append(s, 7) in two orders:
				// b[1] 7 or 5, an attack's).
				tv := info.Types[n.Fun]
				switch builtin(n.Fun) {
				case "len", "cap", "make", "new", "min", "max", "complex", "real", "imag":
				default:
					called[i] = called[i] || !tv.IsType()
				}
			case *ast.UnaryExpr:
				called[i] = called[i] || n.Op == token.ARROW
			}
			return true
		}
		for _, v := range vs.Values {
			ast.Inspect(v, inspect)
		}
	}
	for _, c := range called {
		calls = calls || c
	}
	if !calls && !wrong {
		return nil // the order of initializers that only compute is not seen
	}
	// The variables initialized, in yaegi's order and in Go's.
	var yaegi, order []types.Object
	done := make([]bool, len(specs))
	ran := false // an initializer that calls has run
	for left := len(specs); left > 0; {
		before := left
		for i, vs := range specs {
			ready := !done[i]
			for _, j := range deps[i] {
				ready = ready && done[j]
			}
			if ready {
				done[i] = true
				left--
				ran = ran || called[i]
				if len(vs.Values) == 0 {
					// yaegi sets it to its zero value here, over what
					// an initializer before it did (var a = next()
					// before var counter int: counter 0, go run 2).
					for _, n := range vs.Names {
						wrong = wrong || ran && assigned[n.Obj]
					}
				}
				for _, n := range vs.Names {
					if len(vs.Values) > 0 {
						yaegi = append(yaegi, info.Defs[n])
					}
				}
			}
		}
		if left == before {
			return nil // a cycle, which go/types reports
		}
	}
	for _, init := range info.InitOrder {
		for _, v := range init.Lhs {
			order = append(order, v)
		}
	}
	k := 0
	for k < len(order) && k < len(yaegi) && order[k] == yaegi[k] {
		k++
	}
	if k == len(order) && k == len(yaegi) && !wrong {
		return nil
	}
	var in, goes string
	for i := range min(len(yaegi), len(order)) {
		in += ", " + yaegi[i].Name()
		goes += ", " + order[i].Name()
	}
	p := fset.Position(order[min(k, len(order)-1)].Pos())
	return []Finding{{Line: p.Line, Col: p.Column, Construct: "package initialization order", Message: fmt.Sprintf(
		"package variables are initialized in the interpreter in another order (%s) than in Go (%s), or from values not yet set: what their initializers print or change may differ",
		in[2:], goes[2:])}}
}
