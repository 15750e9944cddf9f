package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// The walks that answer "is there one?" keep their answer once they have
// it. Each case puts what is looked for before something that is not it
// (for hasFuncLit, below the root: the nil ast.Inspect passes after a
// node's children was enough): the walks that set their answer from every
// node they visited said no here (hasFuncLit left a loop variable's
// closure unannounced, a probe's m001).
func TestWalksKeepWhatTheyFound(t *testing.T) {
	const src = `package main

func g[T any](x T) T { return x }

func f() int { return 1 }

var sh uint = 2

var a, b = g(1), 1 << 2

var c = 1<<sh + 1<<3

func main() {
	x, ok := 1, true
	fs := []func(){}
	fs = append(fs, func() {})
	x = f() + -x
	y := float64(x) + float64(f()) - float64(x)
	i := 0
	i++
	x++
	_, _, _, _ = x, ok, y, i
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Instances: map[*ast.Ident]types.Instance{}}
	if errs, skip := typeCheckInfo(fset, file, info); len(errs) > 0 || skip != "" {
		t.Fatalf("type check: %v %s", errs, skip)
	}
	var body *ast.BlockStmt
	specs := map[string]*ast.ValueSpec{}
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Name == "main" {
				body = d.Body
			}
		case *ast.GenDecl:
			if vs, ok := d.Specs[0].(*ast.ValueSpec); ok {
				specs[vs.Names[0].Name] = vs
			}
		}
	}
	// The statements of main by their index.
	rhs := func(i int) ast.Expr { return body.List[i].(*ast.AssignStmt).Rhs[0] }
	notConversion := func(c *ast.CallExpr) bool { return info.Types[c.Fun].IsType() }

	if !hasFuncLit(body) {
		t.Error("hasFuncLit: no literal found in main, which has one before other statements")
	}
	if hasFuncLit(nil) {
		t.Error("hasFuncLit(nil) is true")
	}
	if !callsOrReceives(rhs(3)) {
		t.Error("callsOrReceives: no call found in f() + -x")
	}
	if !callsWhere(rhs(4), notConversion) {
		t.Error("callsWhere: no call found in float64(x) + float64(f()) - float64(x), conversions aside")
	}
	if !assigns(body, map[*ast.Object]string{body.List[5].(*ast.AssignStmt).Lhs[0].(*ast.Ident).Obj: "i"}) {
		t.Error("assigns: i++ not found, with x++ after it")
	}
	if !callsGeneric(specs["a"], info) {
		t.Error("callsGeneric: g(1) not found, with a constant shift after it")
	}
	if !callsGeneric(specs["c"], info) {
		t.Error("callsGeneric: the shift by sh not found, with a constant shift after it")
	}
}
