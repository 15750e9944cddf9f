package assets

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStdReductions: with the interpreter's overlay, go/build is what
// yaegi reads of it and no more, and the module links none of what the
// rest of go/build brought in (go/doc, internal/goroot), nor
// regexp/syntax (regexp is the one expression yaegi compiles, and yaegi's
// interp its one importer: oneRegexpOverlay); yaegi's interp
// is still the one package of the module that imports each reduced
// package, so no other code can need what was left out.
func TestStdReductions(t *testing.T) {
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	replace, err := reduce(goroot, dir, reductions[0])
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "reduced-go-build.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var exported []string
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			t.Errorf("the overlay's go/build keeps the method %s", fd.Name.Name)
		}
		for _, name := range declNames(d) {
			if ast.IsExported(name) {
				exported = append(exported, name)
			}
		}
	}
	if slices.Sort(exported); !slices.Equal(exported, []string{"Context", "Default"}) {
		t.Errorf("the overlay's go/build exports %v, want [Context Default]", exported)
	}
	if got := replace[filepath.Join(goroot, "src", "go", "build", "read.go")]; got != "" {
		t.Errorf("go/build's read.go is replaced by %q, want left out", got)
	}

	overlay, err := engineOverlay(goroot, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-overlay", overlay, "-deps", "-f", "{{.ImportPath}}:{{range .Imports}} {{.}}{{end}}", "./playground/wasm")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=-mod=readonly", "GOPROXY=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	importers := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		if pkg == "go/doc" || pkg == "internal/goroot" {
			t.Errorf("the interpreter's module links %s, which only go/build's left-out part needs", pkg)
		}
		if pkg == "regexp/syntax" {
			t.Errorf("the interpreter's module links %s, which only the standard library's regexp needs (oneRegexpOverlay)", pkg)
		}
		if slices.Contains(strings.Fields(imports), "regexp") && pkg != "github.com/traefik/yaegi/interp" {
			t.Errorf("%s imports regexp, which the interpreter's module has only yaegi's one expression of (oneregexp/regexp.go)", pkg)
		}
		if pkg == "go/doc/comment" {
			t.Errorf("the interpreter's module links %s, which only go/printer's doc comment reformatting needs (docCommentOverlay)", pkg)
		}
		for _, r := range reductions {
			if slices.Contains(strings.Fields(imports), r.path) {
				importers[r.path] = append(importers[r.path], pkg)
			}
		}
	}
	for _, r := range reductions {
		if !slices.Equal(importers[r.path], []string{"github.com/traefik/yaegi/interp"}) {
			t.Errorf("%s is imported by %v, want yaegi's interp alone (reductions says what it reads)", r.path, importers[r.path])
		}
	}
}

// TestGoBuildOverlayDefault runs under Node a program printing what
// yaegi reads of go/build's Default (GOOS, GOARCH, BuildTags,
// ReleaseTags; GOPATH it sets from its options), built with and without
// the interpreter's overlay, in an empty environment (a worker's) and in
// ones that set what Default reads: both print the same.
func TestGoBuildOverlayDefault(t *testing.T) {
	node := nodePath(t)
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	mod, _, fast := overlaidBuilds(t, goroot, map[string]string{
		"go.mod":  "module example.org/default\n\ngo 1.26\n",
		"go.sum":  "",
		"main.go": "package main\n\nimport (\n\t\"fmt\"\n\t\"go/build\"\n)\n\nfunc main() {\n\td := build.Default\n\tfmt.Printf(\"%q %q %q %q\\n\", d.GOOS, d.GOARCH, d.BuildTags, d.ReleaseTags)\n}\n",
	})
	// -trimpath, as BuildWasm builds: runtime.GOROOT() is then the
	// environment's, not this machine's.
	plain := filepath.Join(t.TempDir(), "plain.wasm")
	build := exec.Command("go", "build", "-trimpath", "-o", plain, ".")
	build.Dir = mod
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building for js/wasm: %v\n%s", err, out)
	}
	for _, env := range [][]string{
		nil,
		{"GOOS=linux", "GOARCH=arm64", "GOPATH=/p", "GOROOT=/r", "HOME=/h", "CGO_ENABLED=1"},
		{"HOME=/h", "CGO_ENABLED=0"},
	} {
		var printed []string
		for _, bin := range []string{plain, fast} {
			// Only env and what Node needs: wasm_exec_node.js hands the
			// program Node's whole environment.
			run := nodeRun(node, goroot, bin)
			run.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
			out, err := run.CombinedOutput()
			if err != nil {
				t.Fatalf("%s: running under node: %v\n%s", filepath.Base(bin), err, out)
			}
			printed = append(printed, string(out))
		}
		if printed[0] != printed[1] {
			t.Errorf("environment %q: build.Default is\n%s\nwithout the overlay,\n%s\nwith it", env, printed[0], printed[1])
		}
		if !strings.Contains(printed[1], "[\"go1.1\" ") {
			t.Errorf("environment %q: build.Default with the overlay is %s, with no release tags", env, printed[1])
		}
	}
}

// TestGoBuildOverlayFiles: the files of go/build the overlay reduces
// are those the go command builds for js/wasm.
func TestGoBuildOverlayFiles(t *testing.T) {
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	ctxt, err := wasmContext(goroot)
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(goroot, "src", "go", "build")
	entries, err := os.ReadDir(pkg)
	if err != nil {
		t.Fatal(err)
	}
	var matched []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		ok, err := ctxt.MatchFile(pkg, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			matched = append(matched, e.Name())
		}
	}
	cmd := exec.Command("go", "list", "-f", "{{join .GoFiles \" \"}}", "go/build")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=-mod=readonly", "GOPROXY=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	if listed := strings.Fields(string(out)); !slices.Equal(matched, listed) {
		t.Errorf("for js/wasm the overlay picks go/build's %v, the go command %v", matched, listed)
	}
}

// TestReduceChecks reduces a made-up go/build: what the go command would
// build for js/wasm is what is kept, with the methods of kept types that
// a kept interface asks for (declared or written in a function) or the
// library looks for (String), and not their others; what the reduced
// package would lose without a word (an init function that does more
// than set variables left out, a blank var's value, a var left out whose
// value calls another package) or could not tell apart (a name declared
// twice) stops it, naming the file.
func TestReduceChecks(t *testing.T) {
	const build = "package build\n\ntype Context struct{ GOOS string }\n\nvar Default Context = defaultContext()\n"
	const jsContext = "package build\n\nfunc defaultContext() Context { return Context{GOOS: \"js-by-name\"} }\n"
	const windowsContext = "package build\n\nfunc defaultContext() Context { return Context{GOOS: \"windows-by-name\"} }\n"
	for _, c := range []struct {
		name      string
		files     map[string]string
		want      string // in the error, or "" for none
		kept      []string
		stubs     []string
		rewritten map[string]string
		has       []string // in the reduced source, besides context_js.go's
		lacks     []string // not in it, besides context_windows.go's
	}{{
		// With go/build's files picked by //go:build lines alone,
		// context_windows.go's (read last) was kept.
		name:  "by file name",
		files: map[string]string{"build.go": build, "context_js.go": jsContext, "context_windows.go": windowsContext},
	}, {
		name: "init not built for js/wasm",
		files: map[string]string{"build.go": build, "context_js.go": jsContext, "context_windows.go": windowsContext,
			"init_windows.go": "package build\n\nfunc init() { println() }\n"},
	}, {
		name: "init",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"init.go": "package build\n\n// a comment\nfunc init() { println() }\n"},
		want: "init.go:4:1: go/build has an init function",
	}, {
		name: "blank var",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"blank.go": "package build\n\nvar (\n\tx = 1\n\t_ = println\n)\n"},
		want: "blank.go:5:2: go/build has a blank var with a value",
	}, {
		name: "init setting variables left out",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"line.go": "package build\n\nvar Line *Context\n\nfunc init() {\n\tif len(Default.GOOS) == 0 {\n\t\tLine = newContext()\n\t} else {\n\t\tLine = newContext()\n\t}\n\tLine.GOOS = \"line\"\n}\n\nfunc newContext() *Context { return &Context{} }\n"},
		lacks: []string{"func init", "Line", "newContext"},
	}, {
		name: "init calling another package",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"init.go": "package build\n\nimport \"os\"\n\nvar n int\n\nfunc init() { n = os.Getpagesize() }\n"},
		want: "init.go:7:1: go/build has an init function",
	}, {
		name: "init whose condition calls another package",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"init.go": "package build\n\nimport \"os\"\n\nvar Line *Context\n\nfunc init() {\n\tif os.Setenv(\"A\", \"B\") == nil {\n\t\tLine = nil\n\t}\n}\n"},
		want: "init.go:7:1: go/build has an init function",
	}, {
		name: "var calling another package",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"var.go": "package build\n\nimport (\n\t\"errors\"\n\t\"os\"\n)\n\nvar ErrX = errors.New(\"x\")\n\nvar registered = os.Setenv(\"A\", \"B\")\n"},
		want: "var.go:10:18: go/build has a var whose value calls os.Setenv",
	}, {
		name: "methods an interface asks for",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"ask.go": "package build\n\ntype Matcher interface{ Match() bool }\n\nfunc Use(m any) bool {\n\t_, ok := m.(Matcher)\n\t_, closes := m.(interface{ Close() error })\n\treturn ok && closes\n}\n\nfunc (c Context) Match() bool { return true }\n\nfunc (c Context) Close() error { return nil }\n\nfunc (c Context) Open() error { return nil }\n"},
		kept:  []string{"Context", "Default", "Use"},
		has:   []string{"func (c Context) Match()", "func (c Context) Close()"},
		lacks: []string{"Open"},
	}, {
		name: "methods",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"methods.go": "package build\n\ntype Matcher interface{ Match() bool }\n\nfunc Use(m Matcher) bool { return m.Match() }\n\nfunc (c Context) Match() bool { return c.GOOS != \"\" }\n\nfunc (c Context) String() string { return c.GOOS }\n\nfunc (c *Context) Import() { c.GOOS = Import() }\n\nfunc Import() string { return \"imported\" }\n\nfunc (c *Context) Open() string { return c.name() }\n\nfunc (c *Context) name() string { return \"name\" }\n"},
		kept:  []string{"Context", "Default", "Use", "Context.Open"},
		has:   []string{"func (c Context) Match()", "func (c Context) String()", "func (c *Context) Open()", "func (c *Context) name()"},
		lacks: []string{"Import"},
	}, {
		// A stubbed method keeps its signature's types (Options), not
		// what its body alone called (start, and the os import).
		name: "stubbed",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"stub.go": "package build\n\nimport \"os\"\n\ntype Options struct{ Dir string }\n\nfunc (c *Context) Run(o Options) (n int, err error) {\n\tif n, err = start(o.Dir); err != nil {\n\t\treturn 0, err\n\t}\n\treturn n, nil\n}\n\nfunc start(dir string) (int, error) { return os.Getpagesize(), os.Chdir(dir) }\n"},
		kept:  []string{"Context", "Default", "Context.Run"},
		stubs: []string{"Context.Run"},
		has:   []string{"func (c *Context) Run(o Options) (n int, err error) {\n\tpanic(\"go/build.Context.Run is left out of the playground's interpreter", "type Options struct"},
		lacks: []string{"start", "\"os\""},
	}, {
		// A rewritten function keeps its signature and takes the body
		// written for it, with what that body names (envOr), not what
		// the original alone called (os.Getpagesize, pageSize).
		name: "rewritten",
		files: map[string]string{"build.go": build,
			"context.go": "package build\n\nimport \"os\"\n\nfunc defaultContext() Context {\n\treturn Context{GOOS: pageSize()}\n}\n\nfunc pageSize() string { return string(rune(os.Getpagesize())) }\n\nfunc envOr(name, def string) string { return def }\n"},
		rewritten: map[string]string{"defaultContext": "{\n\treturn Context{GOOS: envOr(\"GOOS\", \"js-by-name\")}\n}"},
		has:       []string{"func defaultContext() Context {\n\treturn Context{GOOS: envOr(", "func envOr("},
		lacks:     []string{"pageSize", "\"os\""},
	}, {
		// What an interface written in the rewritten body asks for is
		// kept; what only the original's asked for is not.
		name: "rewritten body's interface",
		files: map[string]string{"build.go": build,
			"context.go": "package build\n\nfunc defaultContext() Context {\n\tvar x any = Context{}\n\t_, ok := x.(interface{ Old() })\n\t_ = ok\n\treturn Context{}\n}\n\nfunc (c Context) Old() {}\n\nfunc (c Context) New() {}\n"},
		rewritten: map[string]string{"defaultContext": "{\n\tvar x any = Context{}\n\t_, ok := x.(interface{ New() })\n\t_ = ok\n\treturn Context{GOOS: \"js-by-name\"}\n}"},
		has:       []string{"func (c Context) New()"},
		lacks:     []string{"Old"},
	}, {
		name:      "rewrite not reached",
		files:     map[string]string{"build.go": build, "context_js.go": jsContext, "other.go": "package build\n\nfunc other() int { return 1 }\n"},
		rewritten: map[string]string{"other": "{ return 2 }"},
		want:      "other is rewritten but nothing kept reaches it",
	}, {
		name:      "rewritten and stubbed",
		files:     map[string]string{"build.go": build, "context_js.go": jsContext},
		stubs:     []string{"defaultContext"},
		rewritten: map[string]string{"defaultContext": "{ return Context{} }"},
		want:      "both stubbed and rewritten",
	}, {
		name:      "rewrite with more than a block",
		files:     map[string]string{"build.go": build, "context_js.go": jsContext},
		rewritten: map[string]string{"defaultContext": "{ return Context{} }\n\nfunc extra() {}"},
		want:      "more than a block",
	}, {
		name:      "rewrite not declared",
		files:     map[string]string{"build.go": build, "context_js.go": jsContext},
		rewritten: map[string]string{"newContext": "{}"},
		want:      "declares no function newContext",
	}, {
		name:      "rewrite that does not parse",
		files:     map[string]string{"build.go": build, "context_js.go": jsContext},
		rewritten: map[string]string{"defaultContext": "{ return Context{"},
		want:      "the body written for defaultContext",
	}, {
		name:  "stub not declared",
		files: map[string]string{"build.go": build, "context_js.go": jsContext},
		stubs: []string{"Context.Run"},
		want:  "declares no function Context.Run",
	}, {
		name: "declared twice",
		files: map[string]string{"build.go": build, "context_js.go": jsContext,
			"context_wasm.go": "package build\n\nfunc defaultContext() Context { return Context{} }\n"},
		want: "defaultContext is declared at both ",
	}} {
		t.Run(c.name, func(t *testing.T) {
			goroot := t.TempDir()
			pkg := filepath.Join(goroot, "src", "go", "build")
			version := filepath.Join(goroot, "src", "internal", "goversion")
			for _, d := range []string{pkg, version} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(version, "goversion.go"), []byte("package goversion\n\nconst Version = 26\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			for name, src := range c.files {
				if err := os.WriteFile(filepath.Join(pkg, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			dir := t.TempDir()
			r := reduction{path: "go/build", file: "build.go", kept: []string{"Context", "Default"}, stubbed: c.stubs, rewritten: c.rewritten}
			if c.kept != nil {
				r.kept = c.kept
			}
			_, err := reduce(goroot, dir, r)
			if c.want != "" {
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("reduce: %v, want an error with %q", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			out, err := os.ReadFile(filepath.Join(dir, "reduced-go-build.go"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range append(c.has, "js-by-name") {
				if !strings.Contains(string(out), want) {
					t.Errorf("the reduced go/build is\n%s\nwant %q in it", out, want)
				}
			}
			for _, unwanted := range append(c.lacks, "windows-by-name") {
				if strings.Contains(string(out), unwanted) {
					t.Errorf("the reduced go/build is\n%s\nwant no %q in it", out, unwanted)
				}
			}
		})
	}
}
