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

// The library half of the lowering pass. Some standard-library functions
// the interpreter lacks (slices.Sort, sync.OnceValue, maps.Keys: generic,
// so its symbol tables cannot hold them) or runs wrongly (errors.As with a
// pointer to the program's own error type panics; recover() hands back the
// interpreter's wrapping of the panic value; panic(nil) is not Go 1.21's
// *runtime.PanicNilError). A call of one is rewritten into a call of a
// helper written in plain Go that the interpreter runs right, appended
// after the reader's last line. The helpers are package lowerlib's (its
// doc says how they are written), embedded.
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

// libCalls maps a library function to the helper that replaces it.
var libCalls = map[string]string{
	"errors.As":             "_lowerAs",
	"slices.Sort":           "_lowerSort",
	"slices.SortFunc":       "_lowerSortFunc",
	"slices.SortStableFunc": "_lowerSortStableFunc",
	"slices.IsSorted":       "_lowerIsSorted",
	"slices.Min":            "_lowerSlicesMin",
	"slices.Max":            "_lowerSlicesMax",
	"slices.Reverse":        "_lowerReverse",
	"slices.Equal":          "_lowerEqual",
	"slices.Clone":          "_lowerClone",
	"slices.BinarySearch":   "_lowerBinarySearch",
	"slices.Sorted":         "_lowerSorted",
	"slices.Collect":        "_lowerCollect",
	"slices.Insert":         "_lowerInsert",
	"slices.Delete":         "_lowerDelete",
	"maps.Keys":             "_lowerMapsKeys",
	"maps.Values":           "_lowerMapsValues",
	"maps.Clone":            "_lowerMapsClone",
	"maps.Copy":             "_lowerMapsCopy",
	"sync.OnceFunc":         "_lowerOnceFunc",
	"sync.OnceValue":        "_lowerOnceValue",
	"sync.OnceValues":       "_lowerOnceValues",
}

// importNames maps the local name of each import of the file to its path.
func importNames(f *ast.File) map[string]string {
	names := map[string]string{}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		name := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[name] = path
	}
	return names
}

// libCall rewrites pkg.Name into its helper when libCalls has one.
func (l *lowering) libCall(sel *ast.SelectorExpr, imports map[string]string) bool {
	name, ok := libCalls[imports[builtin(sel.X)]+"."+sel.Sel.Name]
	if !ok {
		return false
	}
	l.use(name)
	l.replace(sel, name)
	return true
}

// nestedCalls maps a variadic library function to a two-value helper:
// f(a, b, c) becomes helper(helper(a, b), c), as min and max do, since
// the interpreter cannot infer a type parameter from variadic arguments
// alone. Each must give f(a) == a.
var nestedCalls = map[string]string{
	"cmp.Or": "_lowerOr",
}

// nestedCall rewrites a call of nestedCalls; one with no value or with a
// spread slice is left to Detect.
func (l *lowering) nestedCall(c *ast.CallExpr, imports map[string]string) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || len(c.Args) == 0 || c.Ellipsis != token.NoPos {
		return
	}
	helper, ok := nestedCalls[imports[builtin(sel.X)]+"."+sel.Sel.Name]
	if !ok {
		return
	}
	if len(c.Args) == 1 {
		l.replace(c, "("+l.text(c.Args[0])+")")
		return
	}
	l.use(helper)
	l.nest(c, helper)
}

// builtin is the name of the predeclared identifier e is (min, nil, ...),
// or "" when e is anything else, a name the file declares included.
func builtin(e ast.Expr) string {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Obj == nil {
		return id.Name
	}
	return ""
}

// builtinCall rewrites min(...), max(...), recover(), clear(x) and
// panic(nil).
func (l *lowering) builtinCall(c *ast.CallExpr) {
	switch name := builtin(c.Fun); {
	case (name == "min" || name == "max") && c.Ellipsis == token.NoPos && len(c.Args) > 0:
		l.minMax(c, name)
	case name == "recover" && len(c.Args) == 0:
		// recover is still called by the deferred function itself, as Go
		// requires: the helper only receives its result.
		l.use("_lowerRecovered")
		l.wrap(c, "_lowerRecovered(any(", "))")
	case name == "clear" && len(c.Args) == 1:
		l.imports[symbols.LowerPath] = true
		l.replace(c.Fun, "_lowerRT.Clear")
	case name == "panic" && len(c.Args) == 1 && builtin(c.Args[0]) == "nil":
		l.imports["runtime"] = true
		l.replace(c.Args[0], "new(_lower_runtime.PanicNilError)")
	case name == "panic" && len(c.Args) == 1 && !isConstantLike(c.Args[0]):
		// The interpreter panics with the variable, not its value (a
		// deferred call that changes it changes what recover sees), and
		// with nil where Go 1.21 panics with a *runtime.PanicNilError: the
		// helper takes the value, and gives Go's for nil.
		l.use("_lowerPanicValue")
		l.wrap(c.Args[0], "_lowerPanicValue(", ")")
	}
}

// commaOK rewrites "v, ok := x.(I)" for an interface type I into a
// helper call: the interpreter crashes on it when x is nil ("call of
// reflect.Value.Type on zero Value") instead of giving ok == false.
func (l *lowering) commaOK(ta *ast.TypeAssertExpr, imports map[string]string) {
	// An interface the program declares is left alone: the helper's
	// generic assertion breaks on it, and Detect reports it.
	if ta.Type == nil || ownInterface(ta.Type) || !isInterfaceType(ta.Type, imports) || strings.Contains(l.text(ta.Type), "\n") ||
		strings.Contains(l.src[l.off(ta.X.End()):l.off(ta.End())], "\n") {
		return
	}
	l.use("_lowerAssertOK")
	l.wrap(ta, "_lowerAssertOK["+l.text(ta.Type)+"](", "")
	l.add(edit{pos: l.off(ta.X.End()), end: l.off(ta.End()), text: ")"})
}

// isInterfaceType reports whether t is plainly an interface type: error,
// any, an interface literal, an interface type of the file, or one of the
// symbol tables.
func isInterfaceType(t ast.Expr, imports map[string]string) bool {
	switch t := ast.Unparen(t).(type) {
	case *ast.InterfaceType:
		return true
	case *ast.Ident:
		if t.Obj == nil {
			return t.Name == "error" || t.Name == "any"
		}
		if ts, ok := t.Obj.Decl.(*ast.TypeSpec); ok {
			_, ok := ts.Type.(*ast.InterfaceType)
			return ok
		}
	case *ast.SelectorExpr:
		v, ok := libSymbol(imports[builtin(t.X)], t.Sel.Name)
		return ok && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Interface
	}
	return false
}

// libSymbol looks name of the package at path up in the interpreter's
// symbol tables, which yaegi keys "path/name-of-package".
func libSymbol(path, name string) (reflect.Value, bool) {
	if path == "" {
		return reflect.Value{}, false
	}
	v, ok := symbols.Symbols[path+"/"+path[strings.LastIndex(path, "/")+1:]][name]
	return v, ok
}

// returnRecv rewrites "return <-ch" into "{ v := <-ch; return v }": the
// interpreter panics on a receive returned directly ("reflect.Value.Set
// using unaddressable value").
func (l *lowering) returnRecv(r *ast.ReturnStmt) {
	recv := false
	for _, e := range r.Results {
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			recv = true
		}
	}
	if !recv || strings.Contains(l.text(r), "\n") {
		return
	}
	if len(r.Results) == 1 {
		// Edits around the result, so rewrites inside it stay.
		n := l.name("_lowerR")
		l.add(edit{pos: l.off(r.Return), end: l.off(r.Return) + len("return"), text: "{ " + n + " :="})
		l.wrap(r, "", "; return "+n+" }")
		return
	}
	var decls, names []string
	for _, e := range r.Results {
		n := l.name("_lowerR")
		decls = append(decls, n+" := "+l.text(e)+"; ")
		names = append(names, n)
	}
	l.replace(r, "{ "+strings.Join(decls, "")+"return "+strings.Join(names, ", ")+" }")
}

// chanRange rewrites "for k, v := range x {" over a slice, array or map
// of channels into "{ x_ := x; for k := range x_ { v := x_[k];": with
// both variables, the interpreter takes v's channel type for the type of
// what is ranged over and panics ("call of reflect.Value.Len on int
// Value"). It reports whether it rewrote r.
func (l *lowering) chanRange(r *ast.RangeStmt, label *ast.LabeledStmt) bool {
	v, ok := r.Value.(*ast.Ident)
	if !ok || v.Name == "_" || r.Tok != token.DEFINE || strings.Contains(l.src[l.off(r.For):l.off(r.Body.Lbrace)], "\n") ||
		!(hasChanElems(r.X) || usedAsChan(r.Body, v.Obj)) {
		return false
	}
	x := l.name("_lowerX")
	key := l.rangeKey(r, "_lowerK")
	head := l.moveLabel(label)
	// Edits around r.X, not of its text: a later rewrite may change it.
	l.add(edit{pos: l.off(r.For), end: l.off(r.X.Pos()), text: "{ " + x + " := "})
	l.add(edit{pos: l.off(r.X.End()), end: l.off(r.Body.Lbrace) + 1,
		text: "; " + head + "for " + key + " := range " + x + " { " + v.Name + " := " + x + "[" + key + "];"})
	l.wrap(r, "", " }")
	return true
}

// hasChanElems reports whether x is plainly a slice, array or map of
// channels, from how it was declared.
func hasChanElems(x ast.Expr) bool {
	isChanContainer := func(t ast.Expr) bool {
		switch t := t.(type) {
		case *ast.Ellipsis:
			_, ok := t.Elt.(*ast.ChanType)
			return ok
		case *ast.ArrayType:
			_, ok := t.Elt.(*ast.ChanType)
			return ok
		case *ast.MapType:
			_, ok := t.Value.(*ast.ChanType)
			return ok
		}
		return false
	}
	var fromValue func(e ast.Expr) bool
	fromValue = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return isChanContainer(e.Type)
		case *ast.CallExpr:
			if builtin(e.Fun) == "make" && len(e.Args) > 0 {
				return isChanContainer(e.Args[0])
			}
		}
		return false
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return fromValue(x)
	}
	switch typ, value := declared(id); {
	case typ != nil:
		return isChanContainer(typ)
	case value != nil:
		return fromValue(value)
	}
	return false
}

// usedAsChan reports whether body receives from, sends on, ranges over or
// closes the variable obj.
func usedAsChan(body ast.Node, obj *ast.Object) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && obj != nil && id.Obj == obj
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			found = found || (n.Op == token.ARROW && is(n.X))
		case *ast.SendStmt:
			found = found || is(n.Chan)
		case *ast.RangeStmt:
			found = found || is(n.X)
		case *ast.CallExpr:
			if builtin(n.Fun) == "close" && len(n.Args) == 1 {
				found = found || is(n.Args[0])
			}
		}
		return !found
	})
	return found
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

// isLowerImport reports whether an import was added by the pass.
func isLowerImport(imp *ast.ImportSpec) bool {
	return imp.Name != nil && strings.HasPrefix(imp.Name.Name, "_lower")
}

// errorCases replaces the predeclared error in the cases of a type switch
// with symbols.Error, an interface type of the library with the same
// method: in the interpreter, case error matches no value of a switch on
// an interface other than error (not an errors.New value held in an
// any), and a case of a library's interface type matches what implements
// it. In a case that names error alone, the switch's variable has the
// library's type, whose method set is error's: it is assignable both
// ways. A switch with such a case and no variable gets one, unused: the
// interpreter matches no interface case in a switch without one.
func (l *lowering) errorCases(s *ast.TypeSwitchStmt) {
	found := false
	for _, c := range s.Body.List {
		for _, t := range c.(*ast.CaseClause).List {
			if id, ok := ast.Unparen(t).(*ast.Ident); ok && id.Name == "error" && id.Obj == nil {
				l.imports[symbols.LowerPath] = true
				l.replace(id, "_lowerRT.Error")
				found = true
			}
		}
	}
	if _, ok := s.Assign.(*ast.ExprStmt); ok && found {
		l.insert(s.Assign.Pos(), l.name("_lowerTS")+" := ")
	}
}
