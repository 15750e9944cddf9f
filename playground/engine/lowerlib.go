package engine

import (
	_ "embed"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
)

// The helpers of the lowering pass. Some standard-library functions
// the interpreter lacks (slices.Sort, sync.OnceValue, maps.Keys: generic,
// so its symbol tables cannot hold them) or runs wrongly (recover() hands back the
// interpreter's wrapping of the panic value; panic(nil) is not Go 1.21's
// *runtime.PanicNilError). A call of one is rewritten (lower_libcalls.go,
// lower_builtins.go, lower_nestedcalls.go) into a call of a helper written
// in plain Go that the interpreter runs right, appended after the reader's
// last line. The helpers are package lowerlib's (its doc says how they
// are written): this file reads them from its embedded source, and writes
// those a program uses and the imports they need.
//
// A helper that needs a package the reader did not import gets it through
// an import added on the line of the package clause, under a name that
// starts with _lower, so no line moves.

// helper is a declaration appended to a lowered program.
type helper struct {
	src     string
	imports []string // import paths the source refers to as libAlias(path)
	needs   []string // other helpers it calls
}

// helpersSource is package lowerlib's helpers, written for the
// interpreter in plain Go that compiles, is vetted and tested on its own
// (see the package's doc).
//
//go:embed lowerlib/helpers.go
var helpersSource string

// helpers are helpersSource's declarations, by name.
var helpers = parseHelpers(helpersSource)

// parseHelpers reads each top-level declaration of src (its doc comment
// aside) as a helper, with the imports it refers to and the other helpers
// it uses. An import named _lowerRT stands for symbols.LowerPath.
func parseHelpers(src string) map[string]helper {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "helpers.go", src, parser.SkipObjectResolution)
	if err != nil {
		panic(err)
	}
	paths := map[string]string{}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if imp.Name.Name == libAlias(symbols.LowerPath) {
			path = symbols.LowerPath
		}
		paths[imp.Name.Name] = path
	}
	names := map[ast.Decl]string{}
	declared := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			names[d] = d.Name.Name
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				names[d] = d.Specs[0].(*ast.TypeSpec).Name.Name
			}
		}
		declared[names[d]] = true
	}
	out := map[string]helper{}
	for d, name := range names {
		h := helper{src: src[fset.Position(d.Pos()).Offset:fset.Position(d.End()).Offset]}
		seen := map[string]bool{name: true}
		ast.Inspect(d, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || seen[id.Name] {
				return true
			}
			seen[id.Name] = true
			if path, ok := paths[id.Name]; ok {
				h.imports = append(h.imports, path)
			} else if declared[id.Name] {
				h.needs = append(h.needs, id.Name)
			}
			return true
		})
		out[name] = h
	}
	return out
}

// libAlias is the name under which a helper refers to an import path.
func libAlias(path string) string {
	if path == symbols.LowerPath {
		return "_lowerRT"
	}
	return "_lower_" + strings.ReplaceAll(path, "/", "_")
}

// importNames maps the local name of each import of the file to its path.
func importNames(f *ast.File) map[string]string {
	names := map[string]string{}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		name := packageName(path)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[name] = path
	}
	return names
}

// packageName is the name an import of path declares: its last element,
// or the one before a major version's ("math/rand/v2" declares rand).
func packageName(path string) string {
	name := path[strings.LastIndex(path, "/")+1:]
	if i := strings.LastIndex(path, "/"); i > 0 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		before := path[:i]
		return before[strings.LastIndex(before, "/")+1:]
	}
	return name
}

// builtin is the name of the predeclared identifier e is (min, nil, ...),
// or "" when e is anything else, a name the file declares included.
func builtin(e ast.Expr) string {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Obj == nil {
		return id.Name
	}
	return ""
}

// libSymbol looks name of the package at path up in the interpreter's
// symbol tables, which yaegi keys "path/name-of-package".
func libSymbol(path, name string) (reflect.Value, bool) {
	if path == "" {
		return reflect.Value{}, false
	}
	v, ok := symbols.Symbols[path+"/"+packageName(path)][name]
	return v, ok
}

// use marks a helper, the helpers it needs and its imports.
func (l *lowering) use(name string) {
	if l.helpers[name] {
		return
	}
	l.helpers[name] = true
	h := helpers[name]
	for _, p := range h.imports {
		l.imports[p] = true
	}
	for _, n := range h.needs {
		l.use(n)
	}
}

// importClause is what goes after the package name: the imports the
// helpers need, on the package clause's line.
func (l *lowering) importClause() string {
	if len(l.imports) == 0 {
		return ""
	}
	var specs []string
	for p := range l.imports {
		specs = append(specs, libAlias(p)+" "+strconv.Quote(p))
	}
	sort.Strings(specs)
	return "; import (" + strings.Join(specs, "; ") + ")"
}

// helperDecls are the helpers' declarations, in name order.
func (l *lowering) helperDecls() string {
	var names []string
	for n := range l.helpers {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString("\n" + helpers[n].src + "\n")
	}
	return b.String()
}
