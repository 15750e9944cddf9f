package engine

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
)

// Finding is a construct the interpreter would run differently from Go,
// in words a reader understands, at its place in the reader's code.
type Finding struct {
	Line, Col int
	Construct string // short name: "range over int"
	Message   string // the sentence shown to the reader
}

func (f Finding) String() string { return fmt.Sprintf("%d:%d: %s", f.Line, f.Col, f.Message) }

// Detect lists what yaegi v0.16.1 would get wrong in src: Go 1.22+
// constructs it lacks or runs with older semantics.
func Detect(src string) []Finding {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil // the parser's own error is clearer
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Uses:  map[*ast.Ident]types.Object{},
		Defs:  map[*ast.Ident]types.Object{},
	}
	// No package sources exist in the browser, and the findings concern
	// the program's own expressions, so both sides check without imports:
	// the same answer natively and in the page.
	conf := types.Config{Importer: emptyImporter{}, Error: func(error) {}}
	_, _ = conf.Check("main", fset, []*ast.File{file}, info)

	var out []Finding
	add := func(pos token.Pos, construct, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: construct, Message: msg})
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				switch u := t.Underlying().(type) {
				case *types.Basic:
					if u.Info()&types.IsInteger != 0 {
						add(n.X.Pos(), "range over int", "range over an integer (Go 1.22) is not supported by the interpreter")
					}
				case *types.Signature:
					add(n.X.Pos(), "range over func", "range over a function (Go 1.23 iterators) is not supported by the interpreter")
				}
			}
			checkLoopCapture(n.Body, loopVars(info, n.Key, n.Value), info, add)
		case *ast.ForStmt:
			if init, ok := n.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
				checkLoopCapture(n.Body, loopVars(info, init.Lhs...), info, add)
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "min" || b.Name() == "max" || b.Name() == "clear") {
					add(id.Pos(), "builtin "+b.Name(), fmt.Sprintf("the built-in function %s (Go 1.21) is not supported by the interpreter", b.Name()))
				}
			}
		}
		return true
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Col < out[j].Col
	})
	return out
}

func loopVars(info *types.Info, exprs ...ast.Expr) map[types.Object]bool {
	vars := map[types.Object]bool{}
	for _, e := range exprs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			if obj := info.Defs[id]; obj != nil {
				vars[obj] = true
			}
		}
	}
	return vars
}

// checkLoopCapture flags a function literal in a loop body that uses a
// variable declared by the loop: since Go 1.22 each iteration has its own
// copy, while the interpreter shares one, so goroutines and deferred
// closures see its last value.
func checkLoopCapture(body *ast.BlockStmt, vars map[types.Object]bool, info *types.Info, add func(token.Pos, string, string)) {
	if len(vars) == 0 || body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && vars[info.Uses[id]] {
				add(id.Pos(), "loop variable capture",
					fmt.Sprintf("this closure uses the loop variable %s: since Go 1.22 each iteration has its own %s, but the interpreter shares one across iterations", id.Name, id.Name))
				delete(vars, info.Uses[id]) // once per variable is enough
			}
			return true
		})
		return false
	})
}

type emptyImporter struct{}

func (emptyImporter) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("no package %s", path)
}
