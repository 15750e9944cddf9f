package engine

import (
	"fmt"
	"go/ast"
	"go/token"
)

// builtinPrint reports the built-in print and println: Go writes them to
// standard error, print with no space between operands; the interpreter
// writes them to standard output, spaced as println (yaegi v0.16.1). The
// source pass lowers a call whose operands are of basic types
// (lower_builtinprints.go); what is left here prints an address, or was
// not checked by go/types. A program that declares a function of that
// name calls its own (builtin sees only unresolved names).
func builtinPrint(file *ast.File, add func(token.Pos, string, string)) {
	ast.Inspect(file, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if name := builtin(c.Fun); name == "print" || name == "println" {
				add(c.Pos(), "builtin print", fmt.Sprintf("the built-in %s writes to standard error in Go; the interpreter writes it to standard output, and spaces print's operands", name))
			}
		}
		return true
	})
}

// goexitOutsideGoroutine reports runtime.Goexit where it may end the main
// goroutine: Go then runs main's deferred calls, waits for the other
// goroutines and fails with "fatal error: no goroutines (main called
// runtime.Goexit) - deadlock!", exit status 2; the interpreter ends the
// program as if main had returned, with status 0. In the body of a
// function literal started by a go statement it ends that goroutine
// alone, which the interpreter runs as Go does; anywhere else (main, or
// a function main may call) it is reported.
func goexitOutsideGoroutine(file *ast.File, imports map[string]string, add func(token.Pos, string, string)) {
	var walk func(n ast.Node, inGo bool)
	walk = func(n ast.Node, inGo bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
					walk(lit.Body, true)
					for _, a := range n.Call.Args {
						walk(a, inGo)
					}
					return false
				}
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Goexit" && imports[builtin(sel.X)] == "runtime" && !inGo {
					add(n.Pos(), "goexit outside a goroutine", "runtime.Goexit on the main goroutine ends a Go program with \"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\" and exit status 2; the interpreter ends it as if main had returned")
				}
			}
			return true
		})
	}
	walk(file, false)
}
