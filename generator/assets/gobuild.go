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
	"slices"
	"strconv"
	"strings"
)

// goBuildKept are the declarations of go/build the interpreter's module
// links: yaegi's interp is the one package of it that imports go/build
// (TestGoBuildOverlay), and it reads only Default, a Context (five of its
// fields: GOOS, GOARCH, GOPATH, BuildTags, ReleaseTags), for the build
// constraints of the sources it reads and where it would look for a
// source package. A reader's program cannot import go/build
// (playground/symbols has no table for it).
var goBuildKept = []string{"Context", "Default"}

// goBuildOverlay writes the overlay's go/build for the interpreter's
// module: build.go reduced to goBuildKept and what they need, word for
// word (Default is still defaultContext(), as go/build fills it), the
// package's other files of code left out. Linked whole, go/build costs
// far more than what yaegi reads: yaegi calls reflect.Value.Method, so
// the linker keeps every exported method of every type it keeps, and
// Context's (Import, ImportDir, MatchFile, ...) bring a Go source
// reader, go/doc and more. Without them the gzipped module went from
// 3,498,864 to 3,432,519 bytes on 2026-12-02 (TestPlaygroundBudgets).
// A Go release whose go/build no longer reduces so (a kept declaration
// missing, or needing a file left out) fails the build here or in the
// compiler, never silently.
//
// Measured and not taken: yaegi's own imports of flag (a FlagSet for an
// interpreted flag package, which the playground's library does not
// have) and os/exec (its debugging graphs' dot(1)) cost about 20 and
// 26 KB more, but the go command refuses an overlay of a file in the
// module cache, and building from a patched copy of yaegi (a temporary
// workspace) would change the module's build information, which a
// program reads with debug.ReadBuildInfo, from v0.16.1 to (devel).
func goBuildOverlay(goroot, dir string) (map[string]string, error) {
	pkg := filepath.Join(goroot, "src", "go", "build")
	ctxt, err := wasmContext(goroot)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(pkg)
	if err != nil {
		return nil, fmt.Errorf("go/build for the interpreter: %w", err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	srcs := map[*ast.File][]byte{}
	replace := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		path := filepath.Join(pkg, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("go/build for the interpreter: %w", err)
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("go/build for the interpreter: %w", err)
		}
		if len(f.Decls) == 0 {
			continue // doc.go: the package's documentation, kept
		}
		replace[path] = "" // left out; build.go's is replaced below
		// As the go command picks them: by file name (_windows.go) as
		// well as by //go:build line.
		built, err := ctxt.MatchFile(pkg, name)
		if err != nil {
			return nil, fmt.Errorf("go/build for the interpreter: %w", err)
		}
		if built {
			files = append(files, f)
			srcs[f] = src
		}
	}
	// The package's declarations by name; a declaration of several names
	// (var ( a, b )) is kept whole. Every file built for js/wasm is left
	// out or reduced, so what runs without being named (an init
	// function, a blank var's value) would be lost without a word: such
	// a declaration stops the build instead.
	type decl struct {
		file *ast.File
		node ast.Decl
	}
	byName := map[string][]decl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
				return nil, fmt.Errorf("go/build for the interpreter: %s: go/build has an init function, which the reduced go/build would leave out (update generator/assets/gobuild.go for this Go release: keep it, or say why go/build's Default and Context do not need it)", fset.Position(fd.Pos()))
			}
			for _, name := range declNames(d) {
				if name != "_" { // no code can name a blank declaration
					byName[name] = append(byName[name], decl{f, d})
				}
			}
		}
	}
	kept := map[ast.Decl]bool{}
	imports := map[string]bool{}
	var visit func(name string) error
	visit = func(name string) error {
		ds := byName[name]
		if len(ds) > 1 {
			// go/build would not compile so, and which one the go command
			// builds is not known here: go/build's files did not reduce
			// as gobuild.go expects.
			return fmt.Errorf("go/build for the interpreter: %s is declared at both %s and %s, files both built for js/wasm (update generator/assets/gobuild.go for this Go release)", name, fset.Position(ds[0].node.Pos()), fset.Position(ds[1].node.Pos()))
		}
		if len(ds) == 0 || kept[ds[0].node] {
			return nil
		}
		d := ds[0]
		kept[d.node] = true
		var err error
		ast.Inspect(d.node, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				// pkg.Name: the import pkg names, not a declaration.
				if x, ok := n.X.(*ast.Ident); ok {
					if path := importNamed(d.file, x.Name); path != "" {
						imports[path] = true
						return false
					}
				}
				ast.Inspect(n.X, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && err == nil {
						err = visit(id.Name)
					}
					return true
				})
				return false
			case *ast.Ident:
				if err == nil {
					err = visit(n.Name)
				}
			}
			return true
		})
		return err
	}
	for _, name := range goBuildKept {
		if _, ok := byName[name]; !ok {
			return nil, fmt.Errorf("go/build for the interpreter: %s declares no %s (update generator/assets/gobuild.go for this Go release)", pkg, name)
		}
		if err := visit(name); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if spec := blankValue(d); spec != nil && !kept[d] {
				return nil, fmt.Errorf("go/build for the interpreter: %s: go/build has a blank var with a value, which the reduced go/build would leave out with whatever its value does (update generator/assets/gobuild.go for this Go release: keep it, or say why go/build's Default and Context do not need it)", fset.Position(spec.Pos()))
			}
		}
	}
	var out bytes.Buffer
	out.WriteString("// Code generated by generator/assets/gobuild.go from go/build: the declarations yaegi reads, for the playground's interpreter. DO NOT EDIT.\n\npackage build\n\n")
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
			out.Write(srcs[f][fset.Position(start).Offset:fset.Position(d.End()).Offset])
			out.WriteString("\n")
		}
	}
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("go/build for the interpreter: the reduced build.go: %v", err)
	}
	dst := filepath.Join(dir, "gobuild.go")
	if err := os.WriteFile(dst, src, 0o644); err != nil {
		return nil, err
	}
	replace[filepath.Join(pkg, "build.go")] = dst
	return replace, nil
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
		return build.Context{}, fmt.Errorf("go/build for the interpreter: %s: no const Version = N (update generator/assets/gobuild.go for this Go release)", path)
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

// declNames are the package-level names d declares; none for a method
// (a kept type's methods are what is left out) or an import.
func declNames(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
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
