package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// lowererNames are the predeclared names the source pass writes into the
// code the interpreter runs: recover() in a goroutine's guard (goPanic),
// *new(T) for zeroed results (zeroResults), len, string, rune and byte
// in its loops and conversions, any, int, float64 and bool in its
// helpers' calls, true and false for constants (constCompares). A program that declares one of its own, in any scope,
// has the inserted code call or name the program's: a func recover() any
// made every goroutine's normal end a panic, and a len := func(string)
// int stopped a range over a string after one rune. min, max and clear
// are left out (the builtins rewrite names its helpers); they are common
// names of variables.
const lowererNames = " recover new len cap make append copy panic any string rune byte int int32 int64 uint64 float64 bool error true false "

// ownPredeclared announces a program that declares a name of
// lowererNames: what the source pass inserts would mean the program's,
// so Automatic hands it to the Go toolchain, which runs it as written.
// With the program's types (info), the declarations are its objects in
// any scope (a struct's field, a method or a label shadows nothing);
// without them, those of the package's scope.
//
// A variable named iota is announced too: yaegi v0.16.1 reads the name as
// the constant in any scope, so iota := 7 printed iota*6 as 0 (a blind
// pass's; a constant of that name is read as declared).
func ownPredeclared(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	at := map[string]token.Pos{} // each name's first declaration
	check := func(name string, pos token.Pos, isVar bool) {
		if p, ok := at[name]; (strings.Contains(lowererNames, " "+name+" ") || name == "iota" && isVar) && (!ok || pos < p) {
			at[name] = pos
		}
	}
	if info != nil {
		for id, obj := range info.Defs {
			if obj != nil && obj.Parent() != nil {
				_, isVar := obj.(*types.Var)
				check(id.Name, id.Pos(), isVar)
			}
		}
	} else {
		for name, obj := range file.Scope.Objects {
			check(name, obj.Pos(), obj.Kind == ast.Var)
		}
	}
	var out []Finding
	for name, pos := range at {
		p := fset.Position(pos)
		msg := "the program declares its own " + name + ", a name the interpreter's source pass writes into the code it runs"
		if name == "iota" {
			msg = "the program declares a variable named iota, which the interpreter reads as the constant 0"
		}
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "predeclared name declared", Message: msg})
	}
	sortFindings(out)
	return out
}
