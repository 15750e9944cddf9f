package engine

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/goexpert/gointernals/playground/symbols"
)

// typeCheck type-checks the reader's program with go/types, against the
// packages the interpreter offers (library), and lists what it rejects:
// what Go's compiler would reject too, since the types of those packages
// are Go's own (TestLibraryTypesAreGos holds them to the real packages).
// Automatic hands a program with such an error to the Go toolchain
// (Prepared.ErrorsComplete), whose words the reader then sees: go/types'
// words are never shown as the compiler's.
//
// It returns no errors, and says why in skip, when the program uses what
// the model lacks (a package the interpreter does not offer, a name one
// of its packages lacks): what go/types says then may be about the model,
// not the program, and the interpreter refuses such a program itself.
func typeCheck(fset *token.FileSet, file *ast.File) (errs []Finding, skip string) {
	return typeCheckInfo(fset, file, nil)
}

// typeCheckInfo is typeCheck recording what go/types finds in info (nil:
// nothing).
func typeCheckInfo(fset *token.FileSet, file *ast.File, info *types.Info) (errs []Finding, skip string) {
	defer func() {
		if r := recover(); r != nil { // go/types' own failure is no verdict on the program
			errs, skip = nil, fmt.Sprint("go/types failed: ", r)
		}
	}()
	lib := libraryTypes()
	// The packages' objects are shared from one check to the next, and
	// made as a program first needs them.
	lib.mu.Lock()
	defer lib.mu.Unlock()
	if skip := lib.prepare(file); skip != "" {
		return nil, skip
	}
	conf := types.Config{
		Importer: lib,
		Sizes:    types.SizesFor("gc", "wasm"),
		Error: func(err error) {
			// A line of an error's details ("\tother declaration of N")
			// comes as an error of its own, led by a tab.
			if te, ok := err.(types.Error); ok && !strings.HasPrefix(te.Msg, "\t") {
				p := fset.Position(compilersPos(file, te))
				errs = append(errs, Finding{Line: p.Line, Col: p.Column, Construct: typeErrorConstruct, Message: te.Msg})
			}
		},
	}
	conf.Check("main", fset, []*ast.File{file}, info)
	return errs, ""
}

// compilersPos is where Go's compiler reports the error go/types reports
// at e.Pos, where the two differ: a call with too few arguments, which
// go/types reports at its closing parenthesis and the compiler at its
// last argument, or at the call when it has none (add(1) at 1, add() at
// add; go build and go vet, Go 1.26); and a send on a channel that
// cannot take one, which go/types reports at the arrow and the compiler
// at the statement (out <- 1 at out; a blind pass saw 6:6 in the note
// and 6:2 in go build's words).
func compilersPos(file *ast.File, e types.Error) token.Pos {
	send := strings.HasPrefix(e.Msg, "invalid operation: cannot send")
	if !send && !strings.HasPrefix(e.Msg, "not enough arguments in call") {
		return e.Pos
	}
	pos := e.Pos
	ast.Inspect(file, func(n ast.Node) bool {
		if s, ok := n.(*ast.SendStmt); ok && send && s.Arrow == e.Pos {
			pos = s.Pos()
		}
		c, ok := n.(*ast.CallExpr)
		if !ok || c.Rparen != e.Pos {
			return pos == e.Pos
		}
		if len(c.Args) > 0 {
			pos = c.Args[len(c.Args)-1].Pos()
		} else {
			pos = c.Pos()
		}
		return false
	})
	return pos
}

// typeErrorConstruct is the Construct of typeCheck's findings.
const typeErrorConstruct = "type error"

// library is the interpreter's library as go/types sees it: a
// *types.Package for each import path of playground/symbols' tables, of
// the os the engine binds to each run (symbols.OS) and of fmt's printing
// functions (symbols.Printed), converted from the reflect values the
// interpreter itself uses; and for the generic packages, which those
// tables cannot hold, their API declared from Go's own source
// (typestubs.go).
//
// Only what a program names is converted or declared, and kept for the
// next: in WebAssembly, converting all of it took 0.4 s on a loaded
// machine (10 ms natively), and V8 compiling the code that does it, on
// first use, seconds more.
type library struct {
	mu   sync.Mutex
	syms map[string]map[string]reflect.Value // the tables' symbols, by import path
	pkgs map[string]*types.Package           // converted so far, by import path
	// stubs are the declarations of maps and slices made so far, by
	// import path and the names declared.
	stubs map[string]*types.Package
	// check are the packages of the check under way, which Import gives.
	check map[string]*types.Package
	named map[reflect.Type]*types.Named
	funcs map[reflect.Type]*types.Signature
}

// Import implements types.Importer.
func (l *library) Import(path string) (*types.Package, error) {
	if p := l.check[path]; p != nil {
		return p, nil
	}
	if path == "unsafe" {
		// go/types' own: unsafe.Sizeof of a program that the policy
		// lets through was a type error "could not import unsafe".
		return types.Unsafe, nil
	}
	return nil, fmt.Errorf("package %s is not in the playground's library", path)
}

// unknownPackage starts prepare's answer for a package the interpreter
// does not have.
const unknownPackage = "it does not know package "

// prepare makes the packages file imports, with what it names of them,
// the packages of the next check; or says what of them is not modeled.
func (l *library) prepare(file *ast.File) (skip string) {
	l.check = map[string]*types.Package{}
	type imported struct {
		path  string
		all   bool // a dot import: every name
		names map[string]bool
	}
	byName := map[string]*imported{}
	var list []*imported
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return "an import path is not a string"
		}
		if path == "unsafe" {
			continue
		}
		if _, ok := l.syms[path]; !ok && typeStubs[path] == "" {
			return unknownPackage + path
		}
		im := &imported{path: path, names: map[string]bool{}}
		list = append(list, im)
		name := packageName(path)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		im.all = name == "."
		byName[name] = im
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			// A package name resolves to no object of the file.
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil && byName[id.Name] != nil {
				byName[id.Name].names[sel.Sel.Name] = true
			}
		}
		return true
	})
	for _, im := range list {
		if typeStubs[im.path] != "" {
			pkg, missing := l.stub(im.path, im.names, im.all)
			if pkg == nil {
				return fmt.Sprintf("it does not know %s.%s", im.path, missing)
			}
			l.check[im.path] = pkg
			continue
		}
		pkg := l.pkg(im.path)
		if im.all {
			for name := range l.syms[im.path] {
				im.names[name] = true
			}
		}
		for _, name := range sortedNames(im.names) {
			if pkg.Scope().Lookup(name) != nil {
				continue
			}
			v, ok := l.syms[im.path][name]
			var obj types.Object
			if ok && !strings.HasPrefix(name, "_") { // "_Reader": yaegi's wrapper of an interface
				obj = l.object(pkg, name, v)
			}
			if obj == nil {
				if im.all {
					continue
				}
				return fmt.Sprintf("it does not know %s.%s", im.path, name)
			}
			pkg.Scope().Insert(obj)
		}
		// go/types imports only a package marked complete: complete for
		// the check, which names nothing else of it.
		pkg.MarkComplete()
		l.check[im.path] = pkg
	}
	return ""
}

func sortedNames(set map[string]bool) []string {
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var (
	libraryOnce sync.Once
	libraryPkgs *library
)

// libraryTypes is the library of the process: the page's worker keeps it
// from one run to the next.
func libraryTypes() *library {
	libraryOnce.Do(func() {
		libraryPkgs = newLibrary(libraryTables())
	})
	return libraryPkgs
}

// libraryTables are the tables the interpreter Uses (useLibrary), with
// the hooks of a run left out: their types are the same.
func libraryTables() []map[string]map[string]reflect.Value {
	return []map[string]map[string]reflect.Value{
		symbols.Symbols,
		symbols.Printed(symbols.Hooks{}, io.Discard),
		symbols.OS(io.Discard, io.Discard, func(int) {}),
	}
}

func newLibrary(tables []map[string]map[string]reflect.Value) *library {
	l := &library{syms: map[string]map[string]reflect.Value{}, pkgs: map[string]*types.Package{},
		stubs: map[string]*types.Package{}, named: map[reflect.Type]*types.Named{}, funcs: map[reflect.Type]*types.Signature{}}
	// Each key is "import/path/name"; a path may come in several tables
	// (fmt's printing functions are apart from the rest of fmt).
	for _, table := range tables {
		for key, syms := range table {
			path := key[:strings.LastIndex(key, "/")]
			if l.syms[path] == nil {
				l.syms[path] = map[string]reflect.Value{}
			}
			for name, v := range syms {
				l.syms[path][name] = v
			}
		}
	}
	return l
}

// stubOrder lists the generic packages of typestubs.go.
var stubOrder = []string{"cmp", "iter", "maps", "slices"}

// stub declares a generic package from typestubs.go, the names of names
// only unless all (cmp and iter, small, and whose types must be one
// package's, are always whole), importing from the library. It returns
// nil and the first name typestubs.go lacks, or nil if the declarations
// do not check, so the package stays unmodeled rather than wrong.
func (l *library) stub(path string, names map[string]bool, all bool) (*types.Package, string) {
	whole := all || path == "cmp" || path == "iter"
	header, decls := stubDecls(path)
	key := path
	if !whole {
		for _, n := range sortedNames(names) {
			if decls[n] == "" {
				return nil, n
			}
			key += " " + n
		}
	} else {
		for n := range names {
			if decls[n] == "" {
				return nil, n
			}
		}
	}
	if p := l.stubs[key]; p != nil {
		return p, ""
	}
	src := header
	for _, n := range sortedNames(decls2set(decls)) {
		if whole || names[n] {
			src += decls[n] + "\n"
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path+".go", src, 0)
	if err != nil {
		return nil, ""
	}
	saved := l.check
	l.check = map[string]*types.Package{}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if l.check[p], _ = l.stub(p, nil, true); l.check[p] == nil {
			l.check = saved
			return nil, ""
		}
	}
	hard := false
	conf := types.Config{Importer: l, Sizes: types.SizesFor("gc", "wasm"), Error: func(err error) {
		if te, ok := err.(types.Error); !ok || !te.Soft {
			hard = true // an import the subset does not use is a soft error
		}
	}}
	pkg, _ := conf.Check(path, fset, []*ast.File{f}, nil)
	l.check = saved
	if hard {
		return nil, ""
	}
	l.stubs[key] = pkg
	return pkg, ""
}

// stubDecls splits a package of typestubs.go into its package and import
// lines and its declarations, one a line, by name.
func stubDecls(path string) (header string, decls map[string]string) {
	decls = map[string]string{}
	for _, line := range strings.Split(typeStubs[path], "\n") {
		rest, isFunc := strings.CutPrefix(line, "func ")
		if !isFunc {
			var isType bool
			if rest, isType = strings.CutPrefix(line, "type "); !isType {
				header += line + "\n"
				continue
			}
		}
		decls[rest[:strings.IndexAny(rest, "[( ")]] = line
	}
	return header, decls
}

func decls2set(decls map[string]string) map[string]bool {
	set := map[string]bool{}
	for n := range decls {
		set[n] = true
	}
	return set
}

// pkg returns the package of path, made on first use: a package only
// named by a type of the library (internal/poll) gets an empty one.
func (l *library) pkg(path string) *types.Package {
	if p := l.pkgs[path]; p != nil {
		return p
	}
	p := types.NewPackage(path, packageName(path))
	l.pkgs[path] = p
	return p
}

// untypedRunes are constants of the tables that Go declares as untyped
// runes, which yaegi's extractor writes as integer literals.
var untypedRunes = map[string]bool{"unicode/utf8.RuneError": true, "unicode/utf8.MaxRune": true}

// object converts one symbol of a table: a type as (*T)(nil), a variable
// as an addressable value, an untyped constant as a constant.Value, a
// typed constant or a function as a value.
func (l *library) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	if cv, ok := v.Interface().(constant.Value); ok && !v.CanAddr() {
		kind := types.UntypedInt
		switch {
		case untypedRunes[pkg.Path()+"."+name]:
			kind = types.UntypedRune
		case cv.Kind() == constant.Float:
			kind = types.UntypedFloat
		case cv.Kind() == constant.String:
			kind = types.UntypedString
		case cv.Kind() == constant.Bool:
			kind = types.UntypedBool
		case cv.Kind() == constant.Complex:
			kind = types.UntypedComplex
		}
		return types.NewConst(token.NoPos, pkg, name, types.Typ[kind], cv)
	}
	t := v.Type()
	switch {
	case v.CanAddr():
		return types.NewVar(token.NoPos, pkg, name, l.typ(t))
	case t.Kind() == reflect.Pointer && v.IsNil():
		typ := l.typ(t.Elem())
		if n, ok := typ.(*types.Named); ok && n.Obj().Pkg() == pkg && n.Obj().Name() == name {
			return n.Obj() // the type's own name, not an alias of it
		}
		return types.NewTypeName(token.NoPos, pkg, name, typ) // an alias (os.FileMode)
	case t.Kind() == reflect.Func:
		return types.NewFunc(token.NoPos, pkg, name, l.signature(t, false))
	}
	var cv constant.Value
	switch t.Kind() {
	case reflect.Bool:
		cv = constant.MakeBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		cv = constant.MakeInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		cv = constant.MakeUint64(v.Uint())
	case reflect.Float32, reflect.Float64:
		cv = constant.MakeFloat64(v.Float())
	case reflect.String:
		cv = constant.MakeString(v.String())
	default:
		return nil // not a constant: left out, so a use of it is not modeled
	}
	return types.NewConst(token.NoPos, pkg, name, l.typ(t), cv)
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8, reflect.Int16: types.Int16,
	reflect.Int32: types.Int32, reflect.Int64: types.Int64, reflect.Uint: types.Uint, reflect.Uint8: types.Uint8,
	reflect.Uint16: types.Uint16, reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64,
	reflect.Uintptr: types.Uintptr, reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128, reflect.String: types.String,
	reflect.UnsafePointer: types.UnsafePointer,
}

// typ converts a reflect.Type. A named type becomes a *types.Named of its
// package, with its struct fields (unexported ones too, as reflect shows
// them: they decide comparability) and its exported methods, each with
// its receiver, a pointer for a method only *T has.
func (l *library) typ(t reflect.Type) types.Type {
	if t.Kind() == reflect.UnsafePointer {
		return types.Typ[types.UnsafePointer]
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			if t.Kind() == reflect.Interface { // error
				return types.Universe.Lookup("error").Type()
			}
			return types.Typ[basicKinds[t.Kind()]]
		}
		return l.namedType(t)
	}
	return l.literal(t)
}

func (l *library) literal(t reflect.Type) types.Type {
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(l.typ(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(l.typ(t.Elem()))
	case reflect.Array:
		return types.NewArray(l.typ(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(l.typ(t.Key()), l.typ(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.SendDir:
			dir = types.SendOnly
		case reflect.RecvDir:
			dir = types.RecvOnly
		}
		return types.NewChan(dir, l.typ(t.Elem()))
	case reflect.Func:
		return l.signature(t, false)
	case reflect.Struct:
		fields := make([]*types.Var, t.NumField())
		for i := range fields {
			f := t.Field(i)
			fields[i] = types.NewField(token.NoPos, l.fieldPkg(f.PkgPath), f.Name, l.typ(f.Type), f.Anonymous)
		}
		return types.NewStruct(fields, nil)
	case reflect.Interface:
		var methods []*types.Func
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			if m.PkgPath != "" {
				// An unexported method: left out, so no type of the
				// library fails to implement its own interface for the
				// methods reflect does not show them.
				continue
			}
			methods = append(methods, types.NewFunc(token.NoPos, nil, m.Name, l.signature(m.Type, false)))
		}
		return types.NewInterfaceType(methods, nil).Complete()
	}
	return types.Typ[basicKinds[t.Kind()]]
}

// iterInstance is iter.Seq[V] or iter.Seq2[K, V] instantiated as t is
// (strings.SplitSeq returns an iter.Seq[string]), or nil: reflect names
// an instance of a generic type ("Seq[string]") but does not give its
// type arguments, which here its underlying func(yield func(V) bool)
// does. Any other instance stays a named type of its own, which only the
// library's unexported fields hold (sync.Map's).
func (l *library) iterInstance(t reflect.Type) types.Type {
	if t.PkgPath() != "iter" || t.Kind() != reflect.Func || t.NumIn() != 1 {
		return nil
	}
	iter, _ := l.stub("iter", nil, true)
	if iter == nil {
		return nil
	}
	var generic string
	switch {
	case strings.HasPrefix(t.Name(), "Seq["):
		generic = "Seq"
	case strings.HasPrefix(t.Name(), "Seq2["):
		generic = "Seq2"
	default:
		return nil
	}
	yield := t.In(0)
	var args []types.Type
	for i := 0; i < yield.NumIn(); i++ {
		args = append(args, l.typ(yield.In(i)))
	}
	inst, err := types.Instantiate(nil, iter.Scope().Lookup(generic).Type(), args, true)
	if err != nil {
		return nil
	}
	return inst
}

// fieldPkg is the package of an unexported field, nil for an exported one.
func (l *library) fieldPkg(path string) *types.Package {
	if path == "" {
		return nil
	}
	return l.pkg(path)
}

func (l *library) namedType(t reflect.Type) types.Type {
	if n := l.named[t]; n != nil {
		return n
	}
	if inst := l.iterInstance(t); inst != nil {
		return inst
	}
	pkg := l.pkg(t.PkgPath())
	obj := types.NewTypeName(token.NoPos, pkg, t.Name(), nil)
	n := types.NewNamed(obj, nil, nil)
	l.named[t] = n // before the underlying type, which may refer to n
	n.SetUnderlying(l.literal(t))
	if t.Kind() != reflect.Interface {
		value := map[string]bool{}
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			value[m.Name] = true
			n.AddMethod(l.method(pkg, n, m, false))
		}
		pt := reflect.PointerTo(t)
		for i := 0; i < pt.NumMethod(); i++ {
			if m := pt.Method(i); !value[m.Name] {
				n.AddMethod(l.method(pkg, n, m, true))
			}
		}
	}
	return n
}

func (l *library) method(pkg *types.Package, n *types.Named, m reflect.Method, ptr bool) *types.Func {
	var recvType types.Type = n
	if ptr {
		recvType = types.NewPointer(n)
	}
	sig := l.signature(m.Type, true)
	recv := types.NewVar(token.NoPos, pkg, "", recvType)
	sig = types.NewSignatureType(recv, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
	return types.NewFunc(token.NoPos, pkg, m.Name, sig)
}

// signature converts a function type; skipRecv drops the receiver a
// method's reflect type has as its first parameter.
func (l *library) signature(t reflect.Type, skipRecv bool) *types.Signature {
	if !skipRecv {
		if s := l.funcs[t]; s != nil {
			return s
		}
	}
	first := 0
	if skipRecv {
		first = 1
	}
	var params, results []*types.Var
	for i := first; i < t.NumIn(); i++ {
		params = append(params, types.NewParam(token.NoPos, nil, "", l.typ(t.In(i))))
	}
	for i := 0; i < t.NumOut(); i++ {
		results = append(results, types.NewParam(token.NoPos, nil, "", l.typ(t.Out(i))))
	}
	s := types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
	if !skipRecv {
		l.funcs[t] = s
	}
	return s
}

// unlisted turns the type errors that the checks' errors do not list (the
// same message at the same line) into findings: what Go's compiler
// rejects and the interpreter would run, or list without, so that
// Automatic hands the program to the Go toolchain (Prepared.HandOver,
// Prepared.ErrorsComplete), which words them as go build does.
//
// Errors of labels and branches are left to branches.go: the compiler
// does not find them with its type checker but with its own pass, whose
// words and verdicts branches.go has (go/types calls a label that only
// an invalid break names unused; the compiler does not).
func unlisted(typeErrs, errs []Finding) []Finding {
	listed := map[string]bool{}
	for _, e := range errs {
		listed[fmt.Sprintf("%d %s", e.Line, e.Message)] = true
	}
	var out []Finding
	for _, e := range typeErrs {
		if listed[fmt.Sprintf("%d %s", e.Line, e.Message)] || isBranchError(e.Message) {
			continue
		}
		why := "Go's type checker rejects this, which the interpreter would not report: "
		if strings.Contains(e.Message, "(type io.Writer has no field or method ") {
			// The check's os is the interpreter's (symbols.OS), whose
			// Stdout and Stderr are io.Writer values: os.Stdout.WriteString
			// is Go's and not the interpreter's, w.WriteString of a w
			// io.Writer neither's. Said so, without a verdict.
			why = "the check, whose os.Stdout and os.Stderr are the interpreter's io.Writer values (not *os.File), rejects this: "
		}
		out = append(out, Finding{Line: e.Line, Col: e.Col, Construct: suspectConstruct, Message: why + e.Message})
	}
	return out
}

// Warm prepares a small program, so that the first program a reader runs
// does not wait for what only the first use of the check costs: in the
// page, V8 compiles the WebAssembly of go/types and the source pass as
// they are first called, and the library's types are made as programs
// first name them (library). The first check of a 50-line program took
// 0.3 to 0.8 s in Node on a loaded machine, the next ones 40 to 90 ms.
// The program names what the site's programs use most. The page's
// worker calls Warm once, before it takes requests.
func Warm() {
	Prepare(warmProgram)
}

const warmProgram = `package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) add(k string) { c.mu.Lock(); c.n[k]++; c.mu.Unlock() }

func first[T any](xs []T) (T, error) {
	var zero T
	if len(xs) == 0 {
		return zero, errors.New("empty")
	}
	return xs[0], nil
}

func main() {
	c := &counter{n: map[string]int{}}
	var wg sync.WaitGroup
	ch := make(chan int, 1)
	for i := range 3 {
		wg.Add(1)
		go func() { defer wg.Done(); c.add(strconv.Itoa(i)) }()
	}
	wg.Wait()
	ch <- len(c.n)
	keys := strings.Fields("b a")
	sort.Strings(keys)
	k, err := first(keys)
	fmt.Println(<-ch, k, err, time.Duration(0), fmt.Sprintf("%v", c.n))
}
`
