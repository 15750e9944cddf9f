package assets

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// A reduction is a package of the standard library that the
// interpreter's module links for yaegi's interp alone (TestStdReductions
// holds that no other package of the module imports it), and the
// declarations of it that interp reads: the overlay replaces the
// package's file with those declarations and what they need, word for
// word, and leaves its other files of code out. Linked whole, such a
// package costs far more than what yaegi reads: yaegi calls
// reflect.Value.Method, so the linker keeps every exported method of
// every type it keeps. A reader's program cannot import these packages
// (playground/symbols has no table for them). A Go release whose package
// no longer reduces so (a kept declaration missing, or needing a file
// left out) fails the build here or in the compiler, never silently.
type reduction struct {
	path string // import path
	file string // the file whose name the reduced source takes
	// kept are the declarations read, by name; a method as Type.Method.
	kept []string
	// stubbed are functions or methods, by name, that the module keeps
	// but never calls: their bodies become a panic naming them, and
	// what only those bodies need is left out too.
	stubbed []string
	// rewritten are functions, by name, whose bodies are written here
	// (a block, naming what its package declares and what the file
	// declaring the function imports): what the module reads of what
	// they do, without what it does not read; what only the original
	// bodies need is left out. A rewrite of a function the module does
	// not reach, or of one stubbed too, stops the build.
	rewritten map[string]string
}

var reductions = []reduction{
	// Default, and a Context (four of its fields: GOOS, GOARCH,
	// BuildTags, ReleaseTags; GOPATH, which yaegi reads too, it sets from
	// its options), for the build constraints of the sources yaegi reads
	// and where it would look for a source package. Context's
	// methods (Import, ImportDir, MatchFile, ...) brought a Go source
	// reader, go/doc and more: without them the gzipped module went from
	// 3,498,864 to 3,432,519 bytes on 2026-12-02 (TestPlaygroundBudgets).
	// defaultContext is rewritten to set what yaegi reads, as the
	// original sets it: internal/buildcfg's GOOS and GOARCH are the
	// environment's, or else the runtime's (buildcfg's zbootstrap.go);
	// the ToolTags and CgoEnabled that yaegi does not read brought all
	// of internal/buildcfg (GOEXPERIMENT's parser, every GOARCH's
	// feature tags) and internal/platform: without them the module went
	// from 3,500,036 to 3,486,239 bytes on 2026-12-05.
	// TestGoBuildOverlayDefault compares what yaegi reads of Default,
	// built with and without the overlay.
	{path: "go/build", file: "build.go", kept: []string{"Context", "Default"}, rewritten: map[string]string{
		"defaultContext": `{
	// Rewritten for the playground's interpreter: what yaegi reads of
	// Default, set as the original sets it (generator/assets/stdreduce.go).
	var c Context
	c.GOARCH = envOr("GOARCH", runtime.GOARCH)
	c.GOOS = envOr("GOOS", runtime.GOOS)
	for i := 1; i <= goversion.Version; i++ {
		c.ReleaseTags = append(c.ReleaseTags, "go1."+strconv.Itoa(i))
	}
	defaultReleaseTags = append([]string{}, c.ReleaseTags...) // our own private copy
	return c
}`}},
	// A FlagSet for an interpreted flag package, which the playground's
	// library does not have, and a dot(1) process for yaegi's debugging
	// graphs, which js/wasm cannot start: with the two, the module went
	// from 3,501,435 to 3,489,247 bytes on 2026-12-04. (An overlay of
	// yaegi's own files, which call them, the go command refuses: they
	// are in the module cache; building from a patched copy of yaegi
	// would change the module's build information, which a program
	// reads with debug.ReadBuildInfo, from v0.16.1 to (devel).)
	// yaegi makes that FlagSet only for a program importing flag, which
	// the playground's library has no table for, and starts dot only when
	// YAEGI_AST_DOT or YAEGI_CFG_DOT is set in the module's environment
	// (read by interp.New, before a program runs), which no page sets:
	// the functions that would parse flags, print a FlagSet's usage and
	// start a process are stubbed, their bodies a panic naming them. That took the module
	// from 3,501,332 to 3,476,545 bytes gzipped on 2026-12-05 (os/exec's
	// Start alone brought its context watcher, environment and pipes).
	{path: "flag", file: "flag.go", kept: []string{"NewFlagSet", "PanicOnError", "FlagSet.SetOutput"}, stubbed: []string{"FlagSet.defaultUsage", "FlagSet.Var", "FlagSet.Set"}},
	{path: "os/exec", file: "exec.go", kept: []string{"Command", "Cmd.StdinPipe", "Cmd.Start"}, stubbed: []string{"Command", "Cmd.StdinPipe", "Cmd.Start"}},
}

// lookedFor are the methods the standard library calls on a value it is
// given when the value has them (fmt's String, GoString, Format and
// Error; errors' Unwrap, Is and As; io's WriteTo, ReadFrom and
// WriteString): a kept type keeps them.
var lookedFor = []string{"String", "GoString", "Format", "Error", "Unwrap", "Is", "As", "WriteTo", "ReadFrom", "WriteString"}

// reducedOverlay writes the overlay's files for every reduction.
func reducedOverlay(goroot, dir string) (map[string]string, error) {
	replace := map[string]string{}
	for _, r := range reductions {
		m, err := reduce(goroot, dir, r)
		if err != nil {
			return nil, err
		}
		maps.Copy(replace, m)
	}
	return replace, nil
}

// reduce writes r's reduced source into dir, named after its package,
// and returns the overlay's replacements: r.file by it, the package's
// other files of code by nothing.
func reduce(goroot, dir string, r reduction) (map[string]string, error) {
	what := r.path + " for the interpreter"
	pkg := filepath.Join(goroot, "src", filepath.FromSlash(r.path))
	name := r.path[strings.LastIndex(r.path, "/")+1:]
	ctxt, err := wasmContext(goroot)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(pkg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	srcs := map[*ast.File][]byte{}
	replace := map[string]string{}
	for _, e := range entries {
		file := e.Name()
		if !strings.HasSuffix(file, ".go") || strings.HasSuffix(file, "_test.go") {
			continue
		}
		path := filepath.Join(pkg, file)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if len(f.Decls) == 0 {
			continue // doc.go: the package's documentation, kept
		}
		replace[path] = "" // left out; r.file's is replaced below
		// As the go command picks them: by file name (_windows.go) as
		// well as by //go:build line.
		built, err := ctxt.MatchFile(pkg, file)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if built {
			files = append(files, f)
			srcs[f] = src
		}
	}
	// The package's declarations by name (a method's as Type.Method); a
	// declaration of several names (var ( a, b )) is kept whole. Every
	// file built for js/wasm is left out or reduced, so what runs without
	// being named (an init function, a blank var's value) would be lost
	// without a word: such a declaration stops the build instead, but an
	// init that only sets variables left out (flag's CommandLine).
	byName := map[string][]decl{}
	methods := map[string][]string{} // Type.Method names by method name
	for _, f := range files {
		for _, d := range f.Decls {
			for _, n := range declNames(d) {
				if n == "_" { // no code can name a blank declaration
					continue
				}
				byName[n] = append(byName[n], decl{f, d})
				if t, m, ok := strings.Cut(n, "."); ok && t != "" {
					methods[m] = append(methods[m], n)
				}
			}
		}
	}
	kept := map[ast.Decl]bool{}
	stubs := map[*ast.FuncDecl]string{} // by the name reductions write (Type.Method)
	rewrites := map[*ast.FuncDecl]*ast.BlockStmt{}
	rewriteText := map[*ast.FuncDecl]string{}
	for _, n := range slices.Sorted(maps.Keys(r.rewritten)) {
		ds := byName[n]
		if len(ds) != 1 || !isFunc(ds[0].node) {
			return nil, fmt.Errorf("%s: %s declares no function %s (update generator/assets/stdreduce.go for this Go release)", what, pkg, n)
		}
		if slices.Contains(r.stubbed, n) {
			return nil, fmt.Errorf("%s: %s is both stubbed and rewritten (generator/assets/stdreduce.go)", what, n)
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n\nfunc _() "+r.rewritten[n], parser.ParseComments)
		if err == nil && len(f.Decls) != 1 {
			err = fmt.Errorf("more than a block")
		}
		if err != nil {
			return nil, fmt.Errorf("%s: the body written for %s: %v", what, n, err)
		}
		fd := ds[0].node.(*ast.FuncDecl)
		rewrites[fd] = f.Decls[0].(*ast.FuncDecl).Body
		rewriteText[fd] = r.rewritten[n]
	}
	imports := map[string]bool{}
	var visit func(name string) error
	visit = func(name string) error {
		ds := byName[name]
		if len(ds) > 1 {
			// The package would not compile so, and which one the go
			// command builds is not known here: its files did not reduce
			// as stdreduce.go expects.
			return fmt.Errorf("%s: %s is declared at both %s and %s, files both built for js/wasm (update generator/assets/stdreduce.go for this Go release)", what, name, fset.Position(ds[0].node.Pos()), fset.Position(ds[1].node.Pos()))
		}
		if len(ds) == 0 || kept[ds[0].node] {
			return nil
		}
		d := ds[0]
		kept[d.node] = true
		if fd, ok := d.node.(*ast.FuncDecl); ok && slices.Contains(r.stubbed, name) {
			stubs[fd] = name
			d.node = &ast.FuncDecl{Recv: fd.Recv, Type: fd.Type} // its body is not read
		} else if ok && rewrites[fd] != nil {
			d.node = &ast.FuncDecl{Recv: fd.Recv, Type: fd.Type, Body: rewrites[fd]} // what it reads instead
		}
		var err error
		var inspect func(n ast.Node) bool
		inspect = func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				// A method's name is not the package's function so named
				// (FlagSet.VisitAll is not VisitAll).
				for _, part := range []ast.Node{n.Recv, n.Type, n.Body} {
					if part != nil && !reflect.ValueOf(part).IsNil() {
						ast.Inspect(part, inspect)
					}
				}
				return false
			case *ast.Field:
				// A field's or parameter's name is no declaration's
				// (FlagSet's field Usage is not the package's var Usage).
				if n.Type != nil {
					ast.Inspect(n.Type, inspect)
				}
				return false
			case *ast.SelectorExpr:
				// pkg.Name: the import pkg names, not a declaration.
				if x, ok := n.X.(*ast.Ident); ok {
					if path := importNamed(d.file, x.Name); path != "" {
						imports[path] = true
						return false
					}
				}
				ast.Inspect(n.X, inspect)
				// x.M: whatever x's type, its method M, if one of the
				// package's types has one so named.
				for _, m := range methods[n.Sel.Name] {
					if err == nil {
						err = visit(m)
					}
				}
				return false
			case *ast.Ident:
				if err == nil {
					err = visit(n.Name)
				}
			}
			return true
		}
		ast.Inspect(d.node, inspect)
		return err
	}
	for _, n := range r.stubbed {
		if ds := byName[n]; len(ds) != 1 || !isFunc(ds[0].node) {
			return nil, fmt.Errorf("%s: %s declares no function %s (update generator/assets/stdreduce.go for this Go release)", what, pkg, n)
		}
	}
	for _, n := range r.kept {
		if _, ok := byName[n]; !ok {
			return nil, fmt.Errorf("%s: %s declares no %s (update generator/assets/stdreduce.go for this Go release)", what, pkg, n)
		}
		if err := visit(n); err != nil {
			return nil, err
		}
	}
	// The methods of kept types that something may call without naming
	// them here: what an interface of the package asks for (a kept
	// type's value may be in it), and what the library looks for by
	// itself (fmt a String or Error, errors an Unwrap). An interface of
	// another package is the compiler's to enforce: the reduced package
	// does not build without its methods.
	for {
		asked := slices.Clone(lookedFor)
		var types []string
		for _, f := range files {
			for _, d := range f.Decls {
				if !kept[d] {
					continue
				}
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
					for _, spec := range g.Specs {
						types = append(types, spec.(*ast.TypeSpec).Name.Name)
					}
				}
				// Every interface type in it, declared or written out in
				// a function (x.(interface{ Timeout() bool })): in the
				// body it is written with, a stub's none.
				var node ast.Node = d
				if fd, ok := d.(*ast.FuncDecl); ok && stubs[fd] != "" {
					node = fd.Type
				} else if ok && rewrites[fd] != nil {
					node = &ast.FuncDecl{Recv: fd.Recv, Type: fd.Type, Body: rewrites[fd]}
				}
				ast.Inspect(node, func(n ast.Node) bool {
					if it, ok := n.(*ast.InterfaceType); ok {
						for _, m := range it.Methods.List {
							for _, n := range m.Names {
								asked = append(asked, n.Name)
							}
						}
					}
					return true
				})
			}
		}
		more := false
		for _, t := range types {
			for _, m := range asked {
				if ds := byName[t+"."+m]; len(ds) == 1 && !kept[ds[0].node] {
					more = true
					if err := visit(t + "." + m); err != nil {
						return nil, err
					}
				}
			}
		}
		if !more {
			break
		}
	}
	for fd := range rewrites {
		if !kept[fd] {
			return nil, fmt.Errorf("%s: %s is rewritten but nothing kept reaches it (generator/assets/stdreduce.go)", what, fd.Name.Name)
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" && !setsLeftOut(fd, byName, kept) {
				return nil, fmt.Errorf("%s: %s: %s has an init function, which the reduced package would leave out (update generator/assets/stdreduce.go for this Go release: keep it, or say why what the module reads does not need it)", what, fset.Position(fd.Pos()), r.path)
			}
			if spec := blankValue(d); spec != nil && !kept[d] {
				return nil, fmt.Errorf("%s: %s: %s has a blank var with a value, which the reduced package would leave out with whatever its value does (update generator/assets/stdreduce.go for this Go release: keep it, or say why what the module reads does not need it)", what, fset.Position(spec.Pos()), r.path)
			}
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR && !kept[d] {
				// A var left out whose value calls another package (but
				// for a new error's or a GODEBUG setting's, which do
				// nothing else) might do something that is lost with it.
				for _, spec := range g.Specs {
					for _, v := range spec.(*ast.ValueSpec).Values {
						if c := foreignCall(v, f); c != nil {
							return nil, fmt.Errorf("%s: %s: %s has a var whose value calls %s, which the reduced package would leave out with whatever the call does (update generator/assets/stdreduce.go for this Go release: keep it, or say why what the module reads does not need it)", what, fset.Position(c.Pos()), r.path, exprText(c.Fun))
						}
					}
				}
			}
		}
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "// Code generated by generator/assets/stdreduce.go from %s: the declarations yaegi reads, for the playground's interpreter. DO NOT EDIT.\n\npackage %s\n\n", r.path, name)
	for _, f := range files {
		for _, imp := range f.Imports {
			// import _ "unsafe", which go:linkname needs.
			if imp.Name != nil && imp.Name.Name == "_" && slices.ContainsFunc(f.Decls, func(d ast.Decl) bool { return kept[d] }) {
				fmt.Fprintf(&out, "import _ %s\n", imp.Path.Value)
			}
		}
	}
	for _, path := range slices.Sorted(maps.Keys(imports)) {
		fmt.Fprintf(&out, "import %s\n", strconv.Quote(path))
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if !kept[d] {
				continue
			}
			start := d.Pos()
			if doc := declDoc(d); doc != nil {
				start = doc.Pos()
			}
			out.WriteString("\n")
			if fd, ok := d.(*ast.FuncDecl); ok && stubs[fd] != "" {
				out.Write(srcs[f][fset.Position(start).Offset:fset.Position(fd.Body.Lbrace).Offset])
				fmt.Fprintf(&out, "{\n\tpanic(%q)\n}\n", r.path+"."+stubs[fd]+" is left out of the playground's interpreter (generator/assets/stdreduce.go)")
				continue
			}
			if fd, ok := d.(*ast.FuncDecl); ok && rewriteText[fd] != "" {
				out.Write(srcs[f][fset.Position(start).Offset:fset.Position(fd.Body.Lbrace).Offset])
				out.WriteString(rewriteText[fd] + "\n")
				continue
			}
			out.Write(srcs[f][fset.Position(start).Offset:fset.Position(d.End()).Offset])
			out.WriteString("\n")
		}
	}
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: the reduced %s: %v", what, r.file, err)
	}
	dst := filepath.Join(dir, "reduced-"+strings.ReplaceAll(r.path, "/", "-")+".go")
	if err := os.WriteFile(dst, src, 0o644); err != nil {
		return nil, err
	}
	replace[filepath.Join(pkg, r.file)] = dst
	return replace, nil
}

// foreignCall is the first call in e of another package's function
// other than errors.New and internal/godebug.New, or nil.
func foreignCall(e ast.Expr, f *ast.File) *ast.CallExpr {
	var found *ast.CallExpr
	ast.Inspect(e, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit || found != nil {
			return false // a function's body runs when it is called
		}
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok {
				if path := importNamed(f, x.Name); path != "" {
					if q := path + "." + sel.Sel.Name; q != "errors.New" && q != "internal/godebug.New" {
						found = c
					}
				}
			}
		}
		return true
	})
	return found
}

// isFunc: d declares a function or method with a body.
func isFunc(d ast.Decl) bool {
	fd, ok := d.(*ast.FuncDecl)
	return ok && fd.Body != nil
}

// exprText is e as written.
func exprText(e ast.Expr) string {
	var b bytes.Buffer
	format.Node(&b, token.NewFileSet(), e)
	return b.String()
}

// decl is a declaration of a package and the file that holds it.
type decl struct {
	file *ast.File
	node ast.Decl
}

// setsLeftOut: init function fd does nothing but set package variables
// the reduction leaves out (flag's sets CommandLine, which yaegi does not
// read), calling only the package's own functions (and len) to do it.
// What those functions do is not followed: flag's NewFlagSet only makes a
// FlagSet.
func setsLeftOut(fd *ast.FuncDecl, byName map[string][]decl, kept map[ast.Decl]bool) bool {
	// isVar: d declares variables and is left out.
	isVar := func(d decl) bool {
		g, ok := d.node.(*ast.GenDecl)
		return ok && g.Tok == token.VAR && !kept[d.node]
	}
	ok := true
	// calls: e calls the package's functions and the built-in len alone.
	calls := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if c, isCall := n.(*ast.CallExpr); isCall {
				if id, isIdent := c.Fun.(*ast.Ident); !isIdent || len(byName[id.Name]) == 0 && id.Name != "len" {
					ok = false
				}
			}
			return true
		})
	}
	var stmts func(list []ast.Stmt)
	stmts = func(list []ast.Stmt) {
		for _, s := range list {
			switch s := s.(type) {
			case *ast.AssignStmt:
				for _, l := range s.Lhs {
					root := l
					for {
						if sel, isSel := root.(*ast.SelectorExpr); isSel {
							root = sel.X
							continue
						}
						break
					}
					id, isIdent := root.(*ast.Ident)
					if !isIdent || len(byName[id.Name]) != 1 || !isVar(byName[id.Name][0]) {
						ok = false
					}
				}
				for _, r := range s.Rhs {
					calls(r)
				}
			case *ast.IfStmt:
				if s.Init != nil {
					ok = false
				}
				calls(s.Cond)
				stmts(s.Body.List)
				if s.Else != nil {
					stmts([]ast.Stmt{s.Else})
				}
			case *ast.BlockStmt:
				stmts(s.List)
			default:
				ok = false
			}
		}
	}
	stmts(fd.Body.List)
	return ok
}

// wasmContext is go/build's Context of the gc compiler's js/wasm, as the
// go command's for GOOS=js GOARCH=wasm, with the release tags of
// goroot's Go, not of the Go this generator was built with (go/build's
// Default has those).
func wasmContext(goroot string) (build.Context, error) {
	path := filepath.Join(goroot, "src", "internal", "goversion", "goversion.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return build.Context{}, fmt.Errorf("go/build for the interpreter: the Go release's number: %w", err)
	}
	minor := 0
	if obj := f.Scope.Lookup("Version"); obj != nil {
		if c, ok := obj.Decl.(*ast.ValueSpec); ok && len(c.Values) == 1 {
			if lit, ok := c.Values[0].(*ast.BasicLit); ok {
				minor, _ = strconv.Atoi(lit.Value)
			}
		}
	}
	if minor < 1 {
		return build.Context{}, fmt.Errorf("go/build for the interpreter: %s: no const Version = N (update generator/assets/stdreduce.go for this Go release)", path)
	}
	ctxt := build.Context{GOOS: "js", GOARCH: "wasm", Compiler: "gc"}
	for i := 1; i <= minor; i++ {
		ctxt.ReleaseTags = append(ctxt.ReleaseTags, fmt.Sprintf("go1.%d", i))
	}
	return ctxt, nil
}

// blankValue is d's first var _ = ..., or nil: what its value does
// happens though no code names it.
func blankValue(d ast.Decl) *ast.ValueSpec {
	g, ok := d.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return nil
	}
	for _, s := range g.Specs {
		s := s.(*ast.ValueSpec)
		if len(s.Values) > 0 && slices.ContainsFunc(s.Names, func(n *ast.Ident) bool { return n.Name == "_" }) {
			return s
		}
	}
	return nil
}

// declNames are the package-level names d declares, a method's as
// Type.Method; none for an import.
func declNames(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		} else if t := recvName(d.Recv.List[0].Type); t != "" {
			names = append(names, t+"."+d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}

// recvName is the name of a method's receiver type: T for T, *T, T[P].
func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func declDoc(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	}
	return nil
}

// importNamed is the path f imports under name, or "".
func importNamed(f *ast.File, name string) string {
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		n := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			n = imp.Name.Name
		}
		if n == name {
			return path
		}
	}
	return ""
}
