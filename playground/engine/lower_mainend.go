package engine

import "go/ast"

// mainEndRewrite, named mainEnd: in Go the process ends when main
// returns, and what its other goroutines had still to print is never
// printed. The interpreter's run learns that main returned from another
// goroutine, which js/wasm's runtime, without runnext (runtime.runqput),
// woke behind those the program made, which ran first and printed: go
// fmt.Println(i) three times before main returns printed three lines
// that go run never prints. The site's runtime uses runnext
// (generator/assets/runnext.go) but for a slice that made 60,000
// goroutines ready, after which the same would happen. main
// of a program with a go statement gets a deferred call, first in its
// body so that it runs last, which closes the run's standard output in
// main's own goroutine (symbols.Hooks.MainEnd). A program that calls
// main itself (or takes it as a value) is left as it is: the first return
// of main would end the output of the whole run.
func mainEndRewrite(l *lowering, s *syntax) {
	if len(s.gos) == 0 {
		return
	}
	for _, d := range s.file.Decls {
		if f, ok := d.(*ast.FuncDecl); ok && f.Recv == nil && f.Name.Name == "main" && f.Body != nil && !mentioned(s.file, f.Name) {
			l.use("_lowerMainEnd")
			if len(f.Body.List) == 0 {
				l.insert(f.Body.Lbrace+1, " defer _lowerMainEnd();")
			} else {
				l.insert(f.Body.List[0].Pos(), "defer _lowerMainEnd(); ")
			}
		}
	}
}

// mentioned reports whether the file uses the object name declares
// anywhere but in its declaration.
func mentioned(file *ast.File, name *ast.Ident) bool {
	return identIn(file, true, func(id *ast.Ident) bool { return id != name && name.Obj != nil && id.Obj == name.Obj })
}
