package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"path"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/goexpert/gointernals/playground/internal/fmtverbs"
	"github.com/goexpert/gointernals/playground/symbols"
)

// Finding is a construct the interpreter would run differently from Go,
// in words a reader understands, at its place in the reader's code.
type Finding struct {
	Line, Col int
	Construct string // short name: "range over int"
	Message   string // the sentence shown to the reader
	// Unsupported: the interpreter cannot run the construct at all (it
	// fails, or crashes with an internal message), so Run refuses the
	// program. Otherwise it runs it with different semantics, which may or
	// may not change what the program prints.
	Unsupported bool
	// AtRunTime: whether it happens is known only while the program runs,
	// and the engine stops a run that reaches it when Options.HandOver is
	// set (Result.HandOver), so Automatic need not hand the program over
	// for it beforehand.
	AtRunTime bool
}

func (f Finding) String() string {
	if f.Line == 0 {
		return f.Message // go run names no line for it (mainpkg.go)
	}
	return fmt.Sprintf("%d:%d: %s", f.Line, f.Col, f.Message)
}

// Detect lists what yaegi v0.16.1 would get wrong in src: Go 1.21+
// constructs it lacks or runs with older semantics, and the part of the
// generic standard library (slices, maps, cmp) its own copy lacks. Each was
// measured (engine_test.go keeps measuring them, so an upgrade of the
// interpreter that fixes one shows up as a failing test).
//
// It works on the syntax tree with the parser's identifier resolution, not
// go/types: type-checking would add about 0.4 MB (gzipped) to the
// playground's WebAssembly, and the constructs at stake are recognisable
// from how a program spells them. A range over an integer that only type
// information reveals (the result of a call from another package) is not
// found; the build's validation still catches the different output.
//
// Detect looks at the program as the interpreter will run it, after the
// lowering pass of Prepare: what that pass rewrites is not reported.
func Detect(src string) []Finding {
	p, err := Prepare(src)
	if err != nil {
		return nil // the parser's own error is clearer
	}
	return p.Findings()
}

// valueOperand reports whether e, new's operand, is a value rather than a
// type, as far as the syntax and the parser's resolution tell: new(3),
// new(x), new(s.f) (Go 1.26) give in yaegi v0.16.1 a pointer to the zero
// value of the operand's type, nothing said (stranger3's 114). A selector
// of another package (new(pkg.T) or new(pkg.V)) is not known, and is left.
func valueOperand(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit, *ast.CompositeLit, *ast.BinaryExpr, *ast.UnaryExpr, *ast.CallExpr, *ast.FuncLit, *ast.SliceExpr, *ast.TypeAssertExpr:
		return true
	case *ast.Ident:
		if e.Obj == nil {
			return e.Name == "true" || e.Name == "false"
		}
		return e.Obj.Kind == ast.Var || e.Obj.Kind == ast.Con
	case *ast.SelectorExpr:
		return rootVariable(e.X)
	case *ast.StarExpr:
		return rootVariable(e.X)
	case *ast.IndexExpr:
		return rootVariable(e.X)
	}
	return false
}

// constantLike reports whether e is spelled as a constant: a literal, a
// predeclared or declared constant, a name of another package's (pkg.C),
// or operators on those. yaegi v0.16.1 evaluates such an expression in a
// case's list after the first; another (a call, an index, x == 1, a
// variable in a switch without an expression) it never evaluates, so it
// never matches, nothing said (stranger3's case lists: case f(1), f(3)
// called f(1) only).
func constantLike(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return e.Obj == nil || e.Obj.Kind == ast.Con
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && x.Obj == nil
	case *ast.UnaryExpr:
		return constantLike(e.X)
	case *ast.BinaryExpr:
		return constantLike(e.X) && constantLike(e.Y)
	}
	return false
}

// defaultFallthrough returns the first fallthrough of a switch whose
// default clause is not the last: yaegi v0.16.1 moves default to the end
// and follows a fallthrough by position in the moved list, so it goes to
// another clause than Go's (the one after the default, or the default
// itself) or out of the switch, nothing said (stranger3's
// ft_default_middle). With default last, fallthroughs are right.
func defaultFallthrough(clauses []ast.Stmt) ast.Stmt {
	moved := false
	for i, c := range clauses {
		moved = moved || c.(*ast.CaseClause).List == nil && i < len(clauses)-1
	}
	for _, c := range clauses {
		body := c.(*ast.CaseClause).Body
		for j := len(body) - 1; moved && j >= 0; j-- {
			if _, empty := body[j].(*ast.EmptyStmt); !empty {
				if b, ok := body[j].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
					return b
				}
				break
			}
		}
	}
	return nil
}

// rootVariable reports whether e (x, x.f, x[i], *x...) starts at a variable.
func rootVariable(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x.Obj != nil && x.Obj.Kind == ast.Var
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.CallExpr, *ast.CompositeLit:
			return true
		default:
			return false
		}
	}
}

const ownInterfaceMsg = "in the interpreter, matching an interface type the program declares does not follow Go's method sets: a T value may match although only *T has the methods, and a value of the standard library (the result of errors.Join, say) never matches"

// ownInterface reports whether t is an interface type with methods that
// the program declares (a literal or a type of the file).
func ownInterface(t ast.Expr) bool {
	switch t := ast.Unparen(t).(type) {
	case *ast.InterfaceType:
		return len(t.Methods.List) > 0
	case *ast.Ident:
		if t.Obj != nil {
			if ts, ok := t.Obj.Decl.(*ast.TypeSpec); ok {
				it, ok := ts.Type.(*ast.InterfaceType)
				return ok && len(it.Methods.List) > 0
			}
		}
	}
	return false
}

// mayDiffer are the constructs the interpreter runs, with semantics that
// may or may not change what the program prints.
var mayDiffer = map[string]bool{
	"loop variable capture":        true,
	"send order":                   true,
	"min/max of a named type":      true,
	"methods hidden":               true,
	"context key type":             true,
	"assertion to own interface":   true,
	"assertion to own type":        true,
	"nil in a library interface":   true,
	"type names":                   true,
	"embedded struct printed":      true,
	"recovered runtime error":      true,
	"host introspection":           true,
	"capacity after append":        true,
	"capacity":                     true,
	"shared array":                 true,
	"pointer receiver":             true,
	"errors.As":                    true,
	"closure to the library":       true,
	"interface inside a value":     true,
	"case of a library interface":  true,
	"interface upgrade":            true,
	"generic call in var":          true,
	"promoted method":              true,
	"multiple assignment":          true,
	"closure order":                true,
	"panic in a deferred call":     true,
	"address of a loop variable":   true,
	"builtin print":                true,
	"goexit outside a goroutine":   true,
	"interface holds a copy":       true,
	"interface comparison":         true,
	"package initialization order": true,
	"new of a value":               true,
	"range assigning":              true,
	"library variable assigned":    true,
	"switch with init":             true,
	"receive in a header":          true,
	"fallthrough and default":      true,
	"case list":                    true,
	"float conversion":             true,
	"predeclared name declared":    true,
}

// observedMethods are the methods packages fmt and errors look for.
var observedMethods = map[string]bool{"String": true, "Error": true, "Format": true, "GoString": true, "Unwrap": true, "Is": true, "As": true}

// hiddenMethods reports what no lowering repairs: a value of the
// program's own type that reaches compiled code (fmt.Println(v),
// fmt.Errorf("%w", v), errors.As(err, &v), context.WithValue(ctx, k, v))
// as a concrete value arrives as a bare struct or number, without its
// methods or its type. Through a variable of interface type it keeps them,
// which only type information tells apart; so a program that declares a
// method fmt or errors looks for, or a context key of its own type, is
// reported as one that may differ. With the program's types (typed), the
// source pass gives fmt the methods it calls and fmtMethodsLeft reports
// the rest instead.
func hiddenMethods(file *ast.File, imports map[string]string, typed bool, add func(token.Pos, string, string)) {
	uses := map[string]bool{}
	var withValue []*ast.CallExpr
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if path := imports[builtin(n.X)]; path != "" {
				uses[path] = true
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && len(n.Args) == 3 && imports[builtin(sel.X)] == "context" && sel.Sel.Name == "WithValue" {
				withValue = append(withValue, n)
			}
		}
		return true
	})
	ownTypes := false
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			ownTypes = true
		}
		fd, ok := d.(*ast.FuncDecl)
		if typed || !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || !observedMethods[fd.Name.Name] || !(uses["fmt"] || uses["errors"]) {
			continue
		}
		recv := fd.Recv.List[0].Type
		if star, ok := recv.(*ast.StarExpr); ok {
			recv = star.X
		}
		name := "its type"
		if id, ok := recv.(*ast.Ident); ok {
			name = id.Name
		}
		add(fd.Name.Pos(), "methods hidden", fmt.Sprintf("the interpreter's fmt and errors packages do not see the method %s of %s when they receive a value of it directly (they do through a variable of interface type)", fd.Name.Name, name))
	}
	// With the program's types, contextKeys wraps the keys it can and
	// contextKeysLeft reports the rest.
	if ownTypes && !typed {
		for _, c := range withValue {
			add(c.Args[1].Pos(), "context key type", "a context key of the program's own type is seen by the interpreter as its underlying value: it matches a key of another type with the same value, and prints without its type")
		}
	}
}

// printedTypes reports how fmt shows the program's own types in the
// interpreter, which builds them from reflect without names: %T and %#v
// print "struct { X int }" for main.Point, and %+v (so a struct embedding
// another too) prints an unexported field's name with an X before it, in
// a type the file declares, at the top or in a function, and in a struct
// type written out (struct{ name string }{"ann"}, whose %T has the X
// too); and a runtime error a program recovers reads in the interpreter's
// words ("reflect: call of reflect.Value.Interface on zero Value" for a
// nil dereference). A verb is found in any string literal, with whatever
// flags, width or argument index come between the % and it (%-+8v).
func printedTypes(file *ast.File, add func(token.Pos, string, string)) {
	structs := map[string]*ast.StructType{}
	ast.Inspect(file, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			st, _ := ts.Type.(*ast.StructType)
			structs[ts.Name.Name] = st
		}
		return true
	})
	// An embedded field is named after its type: base in struct{ base }.
	unexported := func(st *ast.StructType) bool {
		for _, f := range st.Fields.List {
			for _, n := range f.Names {
				if !ast.IsExported(n.Name) {
					return true
				}
			}
			t := f.Type
			if star, ok := t.(*ast.StarExpr); ok {
				t = star.X
			}
			if id, ok := t.(*ast.Ident); ok && len(f.Names) == 0 && !ast.IsExported(id.Name) {
				return true
			}
		}
		return false
	}
	anyUnexported := false
	plusV := false // a %+v, which prints fields' names
	// An interface type with methods written out ([]interface{ M() }) is
	// the interpreter's own wrapper to reflect: %T prints
	// []interp.valueInterface.
	declared := map[*ast.InterfaceType]bool{}
	ifaceLiteral := false
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSpec:
			if it, ok := n.Type.(*ast.InterfaceType); ok {
				declared[it] = true
			}
		case *ast.InterfaceType:
			for _, m := range n.Methods.List {
				ifaceLiteral = ifaceLiteral || !declared[n] && len(m.Names) > 0 // a method, not a type of a constraint
			}
		case *ast.StructType:
			anyUnexported = anyUnexported || unexported(n)
		case *ast.BasicLit:
			plusV = plusV || n.Kind == token.STRING && verbFlag(n.Value)
		}
		return true
	})
	for _, st := range structs {
		if st == nil || !plusV {
			continue
		}
		for _, f := range st.Fields.List {
			t := f.Type
			if star, ok := t.(*ast.StarExpr); ok {
				t = star.X
			}
			if id, ok := t.(*ast.Ident); ok && len(f.Names) == 0 && structs[id.Name] != nil && unexported(structs[id.Name]) {
				add(f.Pos(), "embedded struct printed", fmt.Sprintf("%%+v prints the unexported fields of the embedded %s with an X before their names in the interpreter", id.Name))
			}
		}
	}
	named := map[ast.Expr]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if (len(structs) > 0 || anyUnexported || ifaceLiteral) && n.Kind == token.STRING && typeVerb(n.Value) && !named[n] {
				add(n.Pos(), "type names", "the interpreter's types have no names: %T and %#v print the structure of the program's types (struct { X int }) instead of their names (main.Point)")
			} else if n.Kind == token.STRING && verbFlag(n.Value) && anyUnexported {
				add(n.Pos(), "embedded struct printed", "%+v prints the unexported fields of the program's structs with an X before their names in the interpreter (Xitems for items)")
			}
		case *ast.CallExpr:
			// Calls of the source pass's helpers, where the reader made the
			// library call they replace.
			id, _ := n.Fun.(*ast.Ident)
			switch {
			case id == nil:
			case id.Name == "_lowerRecovered":
				add(n.Pos(), "recovered runtime error", "a runtime error the program recovers (nil map, nil pointer, index out of range, failed conversion) reads in the interpreter's words, not Go's")
			case id.Name == "_lowerTypeVerbs":
				named[n.Args[0]] = true // its %T print Go's names (typeVerbs)
			}
		}
		return true
	})
}

// typeVerb reports whether a string literal's text holds a %T, or a %v
// with the # flag; verbFlag, a %v with the + flag (%+v, %-+8v, %+[1]v).
// A string that ends in the middle of one (a format put together from
// pieces) counts too: the literal's closing quote, or its end, takes the
// verb's place.
func typeVerb(lit string) bool {
	return fmtverbs.Any(lit, func(flags string, verb byte, end bool) bool {
		return verb == 'T' && !end || strings.Contains(flags, "#") && closesVerb(verb, end)
	})
}

func verbFlag(lit string) bool {
	return fmtverbs.Any(lit, func(flags string, verb byte, end bool) bool {
		return strings.Contains(flags, "+") && closesVerb(verb, end)
	})
}

func closesVerb(verb byte, end bool) bool { return end || verb == 'v' || verb == '"' || verb == '`' }

// typed: go/types judged the program, and fmtMethodsLeft reports what
// fmt does not see of the program's methods, from the types.
func detect(fset *token.FileSet, file *ast.File, typed bool) []Finding {
	var out []Finding
	add := func(pos token.Pos, construct, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: construct, Message: msg, Unsupported: !mayDiffer[construct], AtRunTime: construct == "recovered runtime error" || construct == "embedded struct printed"})
	}
	imports := importNames(file)
	missing := 0
	for _, imp := range file.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		if pos, msg := refusedSpec(file, imp); msg != "" {
			add(pos, refusedConstruct, msg)
		} else if !available(path) && path != symbols.LowerPath {
			// What the interpreter offers is said once, not for each
			// package it lacks.
			if missing++; missing == 1 {
				add(imp.Path.Pos(), "package", fmt.Sprintf("package %s is not available in the interpreter (it offers %s)", path, offered()))
			} else {
				add(imp.Path.Pos(), "package", fmt.Sprintf("package %s is not available in the interpreter either", path))
			}
		}
	}
	var loops []ast.Node
	printed := map[ast.Expr]bool{} // arguments of fmt's functions
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			loops = loops[:len(loops)-1]
			return true
		}
		defer func() { loops = append(loops, n) }()
		switch n := n.(type) {
		case *ast.DeferStmt:
			if _, ok := n.Call.Fun.(*ast.FuncLit); ok && inLoop(loops) {
				add(n.Pos(), "deferred closure in a loop", "a function literal deferred inside a loop is not run correctly by the interpreter (it sees the last iteration's variables, or hangs)")
			}
		case *ast.RangeStmt:
			switch {
			case isIntExpr(n.X):
				add(n.X.Pos(), "range over int", "range over an integer (Go 1.22) is not supported by the interpreter")
			case !typed && isFuncExpr(n.X, imports):
				// With types, rangeOverFuncs has named every one.
				add(n.X.Pos(), "range over func", rangeFuncMsg)
			}
			if n.Tok == token.ASSIGN && n.Key != nil && !(builtin(n.Key) == "_" && (n.Value == nil || builtin(n.Value) == "_")) {
				add(n.Key.Pos(), "range assigning", "a range that assigns to variables declared before it (for i = range s) leaves them, in the interpreter, as they were before the loop: after it they hold their old values, not the last ones")
			}
			checkLoopCapture(n.Body, objects(n.Key, n.Value), add)
			checkRecvOKCapture(n.Body, add)
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && imports[builtin(sel.X)] != "" {
					add(lhs.Pos(), "library variable assigned", fmt.Sprintf("the interpreter's %s is its own copy: assigning it (as to any variable of the standard library) does not change what the program reads", exprString(sel)))
				}
			}
		case *ast.ForStmt:
			checkRecvOKCapture(n.Body, add)
			if init, ok := n.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
				checkLoopCapture(n.Body, objects(init.Lhs...), add)
				loopAddress(n.Body, objects(init.Lhs...), add)
				// The header too: the source pass gives the body its
				// copy, yaegi keeps one variable for the condition and
				// the post statement, where a closure or &i printed 2 2 2
				// for go run's 0 1 2 (a probe's programs).
				header := &ast.BlockStmt{}
				if n.Cond != nil {
					header.List = append(header.List, &ast.ExprStmt{X: n.Cond})
				}
				if n.Post != nil {
					header.List = append(header.List, n.Post)
				}
				checkLoopCapture(header, objects(init.Lhs...), add)
				loopAddress(header, objects(init.Lhs...), add)
			}
		case *ast.SwitchStmt:
			// yaegi v0.16.1 evaluates such a tag before the init statement
			// runs: switch n := len(s); n % 2 compares 0 % 2, and takes
			// another case or none, nothing said (stranger3's 169). A tag
			// that is a name or a literal is right.
			switch ast.Unparen(n.Tag).(type) {
			case nil, *ast.Ident, *ast.BasicLit:
			default:
				if n.Init != nil {
					add(n.Tag.Pos(), "switch with init", "a switch's expression that is not a name is evaluated by the interpreter before the switch's init statement (switch n := f(); n % 2 sees n before f's result is in it)")
				}
			}
			for _, c := range n.Body.List {
				for i, e := range c.(*ast.CaseClause).List {
					if _, id := ast.Unparen(e).(*ast.Ident); i > 0 && !constantLike(e) && !(id && n.Tag != nil) {
						add(e.Pos(), "case list", "the interpreter never evaluates this expression of a case list (not the first, not a constant): it never matches")
						break
					}
				}
			}
			if ft := defaultFallthrough(n.Body.List); ft != nil {
				add(ft.Pos(), "fallthrough and default", "the interpreter runs a default that is not last as if it were: this fallthrough goes elsewhere")
			}
		case *ast.TypeAssertExpr:
			if n.Type != nil && ownInterface(n.Type) {
				add(n.Type.Pos(), "assertion to own interface", ownInterfaceMsg)
			}
		case *ast.TypeSwitchStmt:
			for _, c := range n.Body.List {
				for _, t := range c.(*ast.CaseClause).List {
					if ownInterface(t) {
						add(t.Pos(), "assertion to own interface", ownInterfaceMsg)
					} else if sel, ok := t.(*ast.SelectorExpr); ok && builtin(sel.X) == "_lowerRT" && sel.Sel.Name == "Error" {
						// error, which the source pass replaced: it matches
						// what went through a variable of an interface type,
						// not a value of the program's own type held in an any.
						if declaresMethod(file, "Error") {
							add(t.Pos(), "case of a library interface", "in the interpreter, a type switch's case error may not match a value of the program's own error type")
						}
					} else if builtin(t) != "any" && isInterfaceName(t, imports) {
						add(t.Pos(), "case of a library interface", fmt.Sprintf("in the interpreter, a type switch's case %s may not match a value that implements it (an error from errors.New falls to default)", exprString(t)))
					}
				}
			}
		case *ast.SelectorExpr:
			if imports[builtin(n.X)] == "errors" && n.Sel.Name == "As" {
				// What the source pass left (errorsExact).
				add(n.Pos(), "errors.As", "errors.As in the interpreter does not see the program's own error types in the chain as Go does (a value of one is the interpreter's wrapper of error, and two types with the same fields are one type to it)")
			}
			if path := imports[builtin(n.X)]; hostIntrospection[path+"."+n.Sel.Name] {
				add(n.Pos(), "host introspection", fmt.Sprintf("%s.%s sees the interpreter's own Go code, not the program's: stacks, callers, finalizers and memory statistics come out differently", path, n.Sel.Name))
			}
			if path := imports[builtin(n.X)]; path == "unicode" && !symbols.Symbols["unicode/unicode"][n.Sel.Name].IsValid() {
				add(n.Pos(), "partial library", fmt.Sprintf("unicode.%s is not available in the interpreter: it offers unicode's functions of runes (IsUpper, ToLower...) and case constants only", n.Sel.Name))
			}
			if path := imports[builtin(n.X)]; path == "slices" || path == "maps" || path == "cmp" {
				if !genericSupported[path+"."+n.Sel.Name] {
					add(n.Pos(), "generic library", fmt.Sprintf("%s.%s is not available in the interpreter: its copy of package %s is partial", path, n.Sel.Name, path))
				}
			}
		case *ast.CallExpr:
			checkLibraryClosure(n, loops, add)
			// min or max handed to fmt: %T of it is written (typeVerbs),
			// and what has a method fmt calls goes through fmtMethods'
			// literal, so nothing else of its type is lost.
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && imports[builtin(sel.X)] == "fmt" || exprString(n.Fun) == "_lowerTypeName" {
				for _, a := range n.Args {
					printed[a] = true
				}
			}
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && (id.Name == "_lowerMin" || id.Name == "_lowerMax") {
				for _, a := range n.Args {
					if t := namedType(a); t != "" && !printed[n] {
						add(a.Pos(), "min/max of a named type", fmt.Sprintf("min and max of a value of type %s give, in the interpreter, a value of its underlying type: its methods and %%T are lost", t))
						break
					}
				}
			}
			switch name := builtin(n.Fun); name {
			case "min", "max", "clear":
				add(ast.Unparen(n.Fun).Pos(), "builtin "+name, fmt.Sprintf("the built-in function %s (Go 1.21) is not supported by the interpreter", name))
			case "new":
				if len(n.Args) == 1 && valueOperand(n.Args[0]) {
					add(ast.Unparen(n.Fun).Pos(), "new of a value", "new of a value (Go 1.26) gives, in the interpreter, a pointer to a zero value instead of to a copy of the value")
				}
			}
		}
		return true
	})
	hiddenMethods(file, imports, typed, add)
	capacities(file, add)
	builtinPrint(file, add)
	goexitOutsideGoroutine(file, imports, add)
	duplicateCases(file, add)
	gotoIntoBlock(file, add)
	if !typed {
		// With the program's types, go/types rejected what the compiler
		// would: a program it accepted uses no T value as *T.
		pointerMethods(file, add)
	}
	printedTypes(file, add)
	interfaceFields(file, imports, add)
	genericInits(file, imports, add)
	selectGotos(file, add)
	multiValues(file, add)
	headerReceives(file, add)
	heldCycles(file, add)
	sharedTypeNames(file, add)
	deferredPanics(file, add)
	closureOrder(file, add)
	sendOrder(file, add)
	deferredClosures(file, add)
	sortFindings(out)
	return out
}

// sortFindings orders findings by position, keeping the order of those at
// one place.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		return fs[i].Line < fs[j].Line || fs[i].Line == fs[j].Line && fs[i].Col < fs[j].Col
	})
}

var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "rune": true, "byte": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
}

// duplicateCases reports a switch whose cases repeat a literal, which
// Go's compiler rejects and the interpreter ran, taking the first
// (measured on yaegi v0.16.1). It is not a compile error of Prepared:
// Go's words name the constant's type, which takes type information.
func duplicateCases(file *ast.File, add func(token.Pos, string, string)) {
	ast.Inspect(file, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Tag == nil {
			return true
		}
		seen := map[string]bool{}
		for _, c := range sw.Body.List {
			for _, e := range c.(*ast.CaseClause).List {
				lit, ok := ast.Unparen(e).(*ast.BasicLit)
				if !ok {
					continue
				}
				key := lit.Value
				switch lit.Kind {
				case token.INT:
					if v, err := strconv.ParseInt(strings.ReplaceAll(lit.Value, "_", ""), 0, 64); err == nil {
						key = strconv.FormatInt(v, 10)
					}
				case token.STRING:
					if v, err := strconv.Unquote(lit.Value); err == nil {
						key = strconv.Quote(v)
					}
				}
				key = lit.Kind.String() + key
				if seen[key] {
					add(lit.Pos(), "duplicate case", fmt.Sprintf("duplicate case %s in expression switch: Go's compiler rejects it, the interpreter would take the first", lit.Value))
				}
				seen[key] = true
			}
		}
		return true
	})
}

// pointerMethods reports a value of a type of the file, T{...}, when a
// method of the file's interfaces is declared on *T only: Go's compiler
// rejects using such a value as the interface ("method Area has pointer
// receiver"), and the interpreter ran it (measured on yaegi v0.16.1).
// Where the value goes takes type information, so any T{...} not under &
// is reported; Automatic then lets the compiler decide.
func pointerMethods(file *ast.File, add func(token.Pos, string, string)) {
	wanted := map[string]bool{} // method names of the file's interfaces
	ast.Inspect(file, func(n ast.Node) bool {
		if it, ok := n.(*ast.InterfaceType); ok {
			for _, m := range it.Methods.List {
				for _, name := range m.Names {
					wanted[name.Name] = true
				}
			}
		}
		return true
	})
	ptrOnly := map[string]string{} // type name → a method it has on *T only
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || !wanted[fd.Name.Name] {
			continue
		}
		if star, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok {
			if id, ok := star.X.(*ast.Ident); ok {
				ptrOnly[id.Name] = fd.Name.Name
			}
		}
	}
	if len(ptrOnly) == 0 {
		return
	}
	addressed := map[*ast.CompositeLit]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if cl, ok := ast.Unparen(n.X).(*ast.CompositeLit); ok && n.Op == token.AND {
				addressed[cl] = true
			}
		case *ast.CompositeLit:
			id, ok := n.Type.(*ast.Ident)
			if ok && ptrOnly[id.Name] != "" && !addressed[n] {
				add(n.Pos(), "pointer receiver", fmt.Sprintf("a %s value lacks the methods of *%s (%s has a pointer receiver): Go's compiler rejects it where an interface needs them, the interpreter does not", id.Name, id.Name, ptrOnly[id.Name]))
			}
		}
		return true
	})
}

// hostIntrospection are the functions that look at the goroutines and
// objects of the process running the interpreter: they report its frames
// (runtime.Caller gives a line of yaegi's source), and a finalizer runs on
// its schedule. Measured on yaegi v0.16.1: runtime.Caller, runtime.Stack,
// runtime.SetFinalizer and debug.Stack each printed something else than
// go run, and the check said nothing; the others read the same frames.
var hostIntrospection = map[string]bool{
	"runtime.Caller": true, "runtime.Callers": true, "runtime.CallersFrames": true, "runtime.FuncForPC": true,
	"runtime.Stack": true, "runtime.SetFinalizer": true, "runtime.AddCleanup": true,
	"runtime.ReadMemStats": true,
	"runtime/debug.Stack":  true, "runtime/debug.PrintStack": true,
}

// genericSupported is what the interpreter's copies of the generic
// packages run correctly, as measured on yaegi v0.16.1: the rest of its
// copies fails to compile ("undefined type for E", at a line of the copy),
// and what is newer than Go 1.22 (slices.Sort, maps.Keys...) is missing.
var genericSupported = map[string]bool{
	"slices.Contains":     true,
	"slices.ContainsFunc": true,
	"slices.Index":        true,
	"slices.IndexFunc":    true,
	"slices.EqualFunc":    true,
	"slices.CompareFunc":  true,
	"maps.DeleteFunc":     true,
	"cmp.Less":            true,
	"cmp.Compare":         true,
	"cmp.Ordered":         true,
}

// isIntExpr reports whether e is plainly an integer: a literal, len or cap,
// a conversion to an integer type, arithmetic on those, or a variable
// declared as one.
func isIntExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT || e.Kind == token.CHAR
	case *ast.BinaryExpr:
		return isIntExpr(e.X) || isIntExpr(e.Y)
	case *ast.UnaryExpr:
		return isIntExpr(e.X)
	case *ast.CallExpr:
		name := builtin(e.Fun)
		return name == "len" || name == "cap" || intTypes[name]
	case *ast.Ident: // n := 10; var n int; const n = 3; a parameter n int
		typ, value := declared(e)
		if t, ok := typ.(*ast.Ident); ok {
			return intTypes[t.Name]
		}
		return value != nil && isIntExpr(value)
	}
	return false
}

// declared is what the parser's resolution tells of the variable id: the
// type it was declared with (a parameter, var v T) and the value that
// initialised it (var v = x, v := x). Either or both may be nil.
func declared(id *ast.Ident) (typ, value ast.Expr) {
	if id.Obj == nil {
		return nil, nil
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return d.Type, nil
	case *ast.ValueSpec:
		for i, name := range d.Names {
			if name.Name == id.Name && i < len(d.Values) {
				value = d.Values[i]
			}
		}
		return d.Type, value
	case *ast.AssignStmt:
		if len(d.Lhs) != len(d.Rhs) {
			return nil, nil
		}
		for i, l := range d.Lhs {
			if n, ok := l.(*ast.Ident); ok && n.Name == id.Name {
				return nil, d.Rhs[i]
			}
		}
	}
	return nil, nil
}

const rangeFuncMsg = "range over a function (Go 1.23 iterators) is not supported by the interpreter"

// isFuncExpr reports whether e is plainly a function value: a literal, a
// function declared in the file, a variable holding a literal, or a call to
// a function of the file or of the library (strings.Lines) that returns a
// function or an iter.Seq. It serves programs go/types could not judge;
// rangeOverFuncs sees every function value in the others.
func isFuncExpr(e ast.Expr, imports map[string]string) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		if e.Obj == nil {
			return false
		}
		switch d := e.Obj.Decl.(type) {
		case *ast.FuncDecl:
			return true
		case *ast.AssignStmt:
			for i, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == e.Name && len(d.Rhs) == len(d.Lhs) {
					return isFuncExpr(d.Rhs[i], imports)
				}
			}
		case *ast.Field:
			_, ok := d.Type.(*ast.FuncType)
			return ok || isIterType(d.Type)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Obj != nil {
			if fd, ok := id.Obj.Decl.(*ast.FuncDecl); ok && fd.Type.Results != nil && len(fd.Type.Results.List) == 1 {
				t := fd.Type.Results.List[0].Type
				_, isFunc := t.(*ast.FuncType)
				return isFunc || isIterType(t)
			}
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			return returnsFunc(imports[builtin(sel.X)], sel.Sel.Name)
		}
	}
	return false
}

// returnsFunc reports whether the library's function pkg.name (pkg an
// import path) returns one value, a function: the symbol tables' reflect
// type says, and the generic packages' stubs (typestubs.go) spell it.
func returnsFunc(pkg, name string) bool {
	if pkg == "" {
		return false
	}
	if stub, ok := typeStubs[pkg]; ok {
		return slices.Contains(funcResultNames(stub), name)
	}
	v := symbols.Symbols[pkg+"/"+path.Base(pkg)][name]
	if !v.IsValid() || v.Kind() != reflect.Func {
		return false
	}
	t := v.Type()
	return t.NumOut() == 1 && t.Out(0).Kind() == reflect.Func
}

// isIterType matches iter.Seq[...] and iter.Seq2[...].
func isIterType(t ast.Expr) bool {
	sel, ok := instantiated(t).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "iter" && (sel.Sel.Name == "Seq" || sel.Sel.Name == "Seq2")
}

func objects(exprs ...ast.Expr) map[*ast.Object]bool {
	vars := map[*ast.Object]bool{}
	for _, e := range exprs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" && id.Obj != nil {
			vars[id.Obj] = true
		}
	}
	return vars
}

// checkLoopCapture flags a function literal in a loop body that uses a
// variable declared by the loop: since Go 1.22 each iteration has its own
// copy, while the interpreter shares one, so goroutines and deferred
// closures see its last value.
func checkLoopCapture(body *ast.BlockStmt, vars map[*ast.Object]bool, add func(token.Pos, string, string)) {
	if len(vars) == 0 || body == nil {
		return
	}
	// A literal called where it stands, with no literal inside it, is run
	// and done within its iteration (the source pass makes one of each
	// method value): the variable it reads is that iteration's. One that
	// go or defer calls is not.
	later := map[*ast.CallExpr]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			later[n.Call] = true
		case *ast.DeferStmt:
			later[n.Call] = true
		case *ast.CallExpr:
			if lit, ok := n.Fun.(*ast.FuncLit); ok && !later[n] && !hasFuncLit(lit.Body) {
				for _, a := range n.Args {
					checkLoopCapture(&ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: a}}}, vars, add)
				}
				return false
			}
		}
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && vars[id.Obj] {
				add(id.Pos(), "loop variable capture",
					fmt.Sprintf("this closure uses the loop variable %s: since Go 1.22 each iteration has its own %s, but the interpreter shares one across iterations", id.Name, id.Name))
				delete(vars, id.Obj) // once per variable is enough
			}
			return true
		})
		return false
	})
}

// checkRecvOKCapture flags "v, ok := <-ch" in a loop body whose v or ok
// a function literal of the body uses: the interpreter gives that form one
// pair of variables for every iteration (measured on yaegi v0.16.1;
// "v := <-ch" gets one per iteration, as in Go).
func checkRecvOKCapture(body *ast.BlockStmt, add func(token.Pos, string, string)) {
	if body == nil {
		return
	}
	vars := map[*ast.Object]bool{}
	for _, s := range body.List {
		as, ok := s.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			continue
		}
		if u, ok := as.Rhs[0].(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			for o := range objects(as.Lhs...) {
				vars[o] = true
			}
		}
	}
	if len(vars) > 0 {
		checkLoopCapture(body, vars, add)
	}
}

// checkLibraryClosure reports a function literal handed to a function or
// method of another package (wg.Go(func() {...}), sort.Slice(s, func...))
// inside a loop, that uses a variable of that loop. The interpreter turns
// it into a compiled function value that reads the loop's variables when
// it is called, not as they were when it was made: called later (wg.Go
// runs it in a goroutine), it sees the last iteration's values, though Go
// gives each iteration its own. Without types, any call through a
// selector counts; a method of the program's own is reported too, and
// merely runs in the toolchain.
func checkLibraryClosure(call *ast.CallExpr, stack []ast.Node, add func(token.Pos, string, string)) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	var loop ast.Node
	for i := len(stack) - 1; i >= 0 && loop == nil; i-- {
		switch stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return
		case *ast.ForStmt, *ast.RangeStmt:
			loop = stack[i]
		}
	}
	if loop == nil {
		return
	}
	for _, arg := range call.Args {
		lit, ok := arg.(*ast.FuncLit)
		if !ok {
			continue
		}
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			id, ok := m.(*ast.Ident)
			if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
				return true
			}
			decl, ok := id.Obj.Decl.(ast.Node)
			if !ok || decl.Pos() < loop.Pos() || decl.Pos() >= loop.End() || (decl.Pos() >= lit.Pos() && decl.Pos() < lit.End()) {
				return true
			}
			add(id.Pos(), "closure to the library", fmt.Sprintf("this function literal, handed to %s inside a loop, uses %s: the interpreter shows it the last iteration's %s when it is called later, where Go gives each iteration its own", sel.Sel.Name, id.Name, id.Name))
			return false
		})
	}
}

// inLoop reports whether the innermost function around the node at the
// top of the stack runs it inside a for or range body.
func inLoop(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// available reports whether a program may import path here: a package of
// the symbol tables, os (the engine's own small table), or one of the
// generic packages the interpreter carries its own copy of.
func available(path string) bool {
	switch path {
	case "os", "slices", "maps", "cmp":
		return true
	}
	return packages()[path]
}

var packages = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for k := range symbols.Symbols {
		m[path.Dir(k)] = true
	}
	return m
})

// offered lists the packages a program may import, for the message.
func offered() string {
	var list []string
	for p := range packages() {
		list = append(list, p)
	}
	list = append(list, "os", "slices", "maps", "cmp")
	sort.Strings(list)
	return strings.Join(list, ", ")
}

// namedType returns the name of the type declared in the file that e
// plainly has: a variable declared with it, converted to it, or a
// composite literal of it.
func namedType(e ast.Expr) string {
	fileType := func(t ast.Expr) string {
		if id, ok := t.(*ast.Ident); ok && id.Obj != nil && id.Obj.Kind == ast.Typ {
			return id.Name
		}
		return ""
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return fileType(ast.Unparen(e.Fun))
	case *ast.CompositeLit:
		return fileType(e.Type)
	case *ast.Ident:
		switch typ, value := declared(e); {
		case typ != nil:
			return fileType(typ)
		case value != nil:
			return namedType(value)
		}
	}
	return ""
}

// interfaceFields reports, in a program that prints with fmt, a struct,
// array, slice or map type that holds a value of one of the program's
// interface types (a field, an element, a key), or a struct that embeds
// any interface. The interpreter keeps such a value in a wrapper of its
// own, and fmt prints the wrapper ({0xc000... {0xc000... 409}}) where Go
// prints the value it holds; an embedded interface makes fmt fail
// ("StructOf does not support methods of embedded interfaces"). Measured
// on yaegi v0.16.1. Whether such a value is printed takes type
// information, so the type is reported where it is written.
func interfaceFields(file *ast.File, imports map[string]string, add func(token.Pos, string, string)) {
	printing := false
	for _, path := range imports {
		printing = printing || path == "fmt"
	}
	if !printing {
		return
	}
	own := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			if _, ok := ts.Type.(*ast.InterfaceType); ok {
				own[ts.Name.Name] = true
			}
		}
		return true
	})
	isOwn := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && own[id.Name]
	}
	reported := false
	report := func(pos token.Pos, what string) {
		if !reported {
			add(pos, "interface inside a value", what+": fmt prints such a value in the interpreter as the interpreter's own wrapper, or fails, where Go prints the value it holds")
			reported = true
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StructType:
			for _, f := range n.Fields.List {
				if t := promotesFmtMethod(f, imports); t != "" {
					add(f.Type.Pos(), "promoted method", "this struct embeds "+t+", whose method fmt looks for (String, Error, Format or GoString) Go's fmt calls on the struct itself; the interpreter's structs have no promoted methods of the library's types")
				}
				switch {
				case len(f.Names) == 0 && (isOwn(f.Type) || isInterfaceName(f.Type, imports)):
					report(f.Type.Pos(), "this struct embeds the interface "+exprString(f.Type))
				case isOwn(f.Type):
					report(f.Type.Pos(), "this struct holds a value of the interface type "+exprString(f.Type))
				}
			}
		case *ast.ArrayType:
			if isOwn(n.Elt) {
				report(n.Elt.Pos(), "this slice or array holds values of the interface type "+exprString(n.Elt))
			}
		case *ast.MapType:
			if isOwn(n.Key) || isOwn(n.Value) {
				report(n.Pos(), "this map holds values of an interface type of the program")
			}
		}
		return !reported
	})
}

// isInterfaceName reports whether e names an interface of the standard
// library that a struct may embed: error, or pkg.Name where the package's
// symbol is an interface type.
func isInterfaceName(e ast.Expr, imports map[string]string) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name == "error" || e.Name == "any"
	case *ast.SelectorExpr:
		v, ok := libSymbol(imports[builtin(e.X)], e.Sel.Name)
		return ok && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Interface
	}
	return false
}

func exprString(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return builtin(e.X) + "." + e.Sel.Name
	}
	return "it holds"
}

// genericInits reports a variable declared with var whose value calls a
// generic function: of the file (the program's, and the source pass's
// helpers), or of the interpreter's copies of slices, maps and cmp. The
// interpreter gives such a variable its zero value unless that instance
// ran before (var s = strings.ToUpper(id("hello")) prints "", var i =
// slices.Index(xs, 6) 0; measured on yaegi v0.16.1), at the package's
// level and in a function alike; the same call declared with := or
// assigned is right, and so is one in a function literal the value
// holds, which the declaration does not run. It runs on the lowered
// code, after genericVarInits made the declarations it could short
// ones: what is left (the package's level, a group, one call's several
// results, blank names, a program go/types could not check) is named.
func genericInits(file *ast.File, imports map[string]string, add func(token.Pos, string, string)) {
	generic := map[string]bool{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Type.TypeParams != nil {
			generic[fd.Name.Name] = true
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		gd, ok := n.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return true
		}
		for _, sp := range gd.Specs {
			for _, v := range sp.(*ast.ValueSpec).Values {
				ast.Inspect(v, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncLit:
						return false
					case *ast.CallExpr:
						switch f := instantiated(n.Fun).(type) {
						case *ast.Ident:
							if generic[f.Name] {
								what := "calls the generic function " + f.Name
								if f.Name == "_lowerShift" {
									what = "shifts by a count that is not a constant (which the interpreter checks with a generic function)"
								}
								add(n.Pos(), "generic call in var", "a variable declared with var whose value "+what+": the interpreter may give it its zero value")
								return false
							}
						case *ast.SelectorExpr:
							if p := imports[builtin(f.X)]; p == "slices" || p == "maps" || p == "cmp" {
								add(n.Pos(), "generic call in var", fmt.Sprintf("a variable declared with var whose value calls the generic function %s.%s: the interpreter may give it its zero value", p, f.Sel.Name))
								return false
							}
						}
					}
					return true
				})
			}
		}
		return true
	})
}

// declaresMethod reports whether the file declares a method of that name.
func declaresMethod(file *ast.File, name string) bool {
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == name {
			return true
		}
	}
	return false
}

// promotesFmtMethod returns, for an embedded field of a library's type
// (not an interface) with a method fmt looks for, the type as written;
// otherwise "".
func promotesFmtMethod(f *ast.Field, imports map[string]string) string {
	if len(f.Names) > 0 {
		return ""
	}
	t := f.Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	sel, ok := t.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	v, ok := libSymbol(imports[builtin(sel.X)], sel.Sel.Name)
	if !ok || v.Kind() != reflect.Pointer || v.Type().Elem().Kind() == reflect.Interface {
		return ""
	}
	for _, typ := range []reflect.Type{v.Type().Elem(), v.Type()} {
		for _, m := range []string{"String", "Error", "Format", "GoString"} {
			if _, ok := typ.MethodByName(m); ok {
				return exprString(t)
			}
		}
	}
	return ""
}

// selectGotos reports a goto in a select's case back to a label before
// the select: yaegi v0.16.1 builds the case's code anew each time the
// select runs, and following that goto round to the select again it
// recurses until its stack is exhausted (the program hangs, then the
// interpreter dies). A goto forward, past the select, runs right.
// gotoIntoBlock reports a goto to a label in a block the goto is not in,
// which Go rejects and so only the source pass makes: a rewrite that puts
// a labeled statement in a block of its own (switchInits, stringRanges,
// rangeInt, chanRange: goto L; { n := 3; L: for ... }). The interpreter
// ran such a program as an end of the function, nothing said
// (testdata/silent).
func gotoIntoBlock(file *ast.File, add func(token.Pos, string, string)) {
	var stack []ast.Node
	block := map[ast.Stmt]ast.Node{} // a label's statement: its innermost block
	type jump struct {
		b    *ast.BranchStmt
		path []ast.Node
	}
	var gotos []jump
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.LabeledStmt:
			for i := len(stack) - 1; i >= 0; i-- {
				switch stack[i].(type) {
				case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
					block[n] = stack[i]
					i = 0
				}
			}
		case *ast.BranchStmt:
			if n.Tok == token.GOTO && n.Label != nil && n.Label.Obj != nil {
				gotos = append(gotos, jump{n, slices.Clone(stack)})
			}
		}
		stack = append(stack, n)
		return true
	})
	for _, g := range gotos {
		if l, ok := g.b.Label.Obj.Decl.(*ast.LabeledStmt); ok && !slices.Contains(g.path, block[l]) {
			add(g.b.Pos(), "goto into a block", "a goto to a label inside a block it is not in (as the source pass wrote it for the interpreter) ends the function there")
		}
	}
}

func selectGotos(file *ast.File, add func(token.Pos, string, string)) {
	ast.Inspect(file, func(n ast.Node) bool {
		s, ok := n.(*ast.SelectStmt)
		if !ok {
			return true
		}
		ast.Inspect(s.Body, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if m.Tok == token.GOTO && m.Label.Obj != nil && m.Label.Obj.Pos() < s.Pos() {
					add(m.Pos(), "goto out of a select", "a goto from a select's case back to a label before the select makes the interpreter recurse until it fails")
				}
			}
			return true
		})
		return true
	})
}

// headerReceives reports x = <-ch in an if's, a switch's or a for's
// header, where recvAssigns, which rewrites such statements where a block
// may stand, cannot: yaegi v0.16.1 stores the value where a closure that
// captured x does not see it, and not at all in an element, a field or
// *p (if res[0] = <-ch; res[0] > 0 took the else branch; an attack's).
func headerReceives(file *ast.File, add func(token.Pos, string, string)) {
	check := func(s ast.Stmt) {
		as, ok := s.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return
		}
		if u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			if id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); !ok || id.Name != "_" {
				add(as.Pos(), "receive in a header", "a value received into a variable, an element or a field in an if's, a switch's or a for's header is stored by the interpreter where the program may not see it")
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		for _, h := range headers(n) {
			check(h)
		}
		return true
	})
}

// multiValues reports an assignment of several values whose values the
// interpreter drops (multiValueBug) and the source pass left as it is
// (multiAssigns: one in an if's or a for's header, say).
func multiValues(file *ast.File, add func(token.Pos, string, string)) {
	const msg = "in an assignment of several values, the interpreter drops the others when one is a call, a receive or a composite literal (a, b = f(), 0 leaves b as it was)"
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) && multiValueBug(n.Rhs, n.Tok) {
				add(n.Pos(), "multiple assignment", msg)
			}
		case *ast.GenDecl:
			for _, sp := range n.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok && n.Tok == token.VAR && len(vs.Names) == len(vs.Values) && multiValueBug(vs.Values, token.VAR) {
					add(vs.Pos(), "multiple assignment", msg)
				}
			}
		}
		return true
	})
}

// deferredPanics reports a deferred call that may panic (a panic, a
// run-time error, a function of the file that may do either) when the
// function has deferred another call before it (which runs after it, and
// may recover), or defers it in a loop: yaegi v0.16.1 lets a panic raised by a deferred call
// leave the function without running the calls deferred before it; a
// caller's recover gets it, or it ends the program, where Go runs them
// and lets them recover it (a deferred write to a nil map under a
// deferred recover printed the caller's "main saw: assignment to entry
// in nil map", exit 0). What cannot panic is told by its syntax alone
// (panicFree): a library function or method, recover, a function of
// the file or a literal that calls only such; a field through a nil
// pointer is missed.
func deferredPanics(file *ast.File, add func(token.Pos, string, string)) {
	pf := newPanicFree(file)
	body := func(b *ast.BlockStmt) {
		// A defer in a loop defers a call before its next iteration's.
		looped := map[*ast.DeferStmt]bool{}
		var mark func(n ast.Node, in bool) bool
		mark = func(n ast.Node, in bool) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				if !in {
					ast.Inspect(n, func(m ast.Node) bool { return m == n || mark(m, true) })
					return false
				}
			case *ast.DeferStmt:
				looped[n] = in
			}
			return true
		}
		ast.Inspect(b, func(n ast.Node) bool { return mark(n, false) })
		defers := 0
		ast.Inspect(b, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				if goPanicDefer(n) {
					return false // the source pass's, ending the program
				}
				defers++
				if (defers > 1 || looped[n]) && !pf.call(n.Call) {
					add(n.Call.Pos(), "panic in a deferred call", "a panic in a deferred call (a run-time error too) leaves the function in the interpreter, without running the calls deferred before it, where Go runs them and lets them recover it")
				}
				return false
			}
			return true
		})
	}
	eachFunc(file, func(_ *ast.FuncType, b *ast.BlockStmt) { body(b) })
}

// goPanicDefer: d is the source pass's "defer func() {
// _lowerGoPanic(recover()) }()" (goDefer), not the reader's.
func goPanicDefer(d *ast.DeferStmt) bool {
	lit, ok := d.Call.Fun.(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return false
	}
	es, ok := lit.Body.List[0].(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := es.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == "_lowerGoPanic"
}

// panicFree tells a deferred call that cannot panic when it runs by its
// syntax: a call of an imported package's function, of a method no type
// of the file declares (mu.Unlock, wg.Done), of a variable an imported
// package's function gave (cancel of context.WithCancel), of recover,
// len, a conversion to a predeclared type or the source pass's helpers
// that never panic; and a function literal, a function of the file or
// every method of the file of that name, or a variable that a function
// literal's call gave a function literal (the source pass's deferred
// closures), whose body calls only such, with no index, slice,
// dereference, division, send or type assertion that may fail.
type panicFree struct {
	imports   map[string]string
	methods   map[string][]*ast.FuncDecl // the file's methods, by name
	fields    map[string]bool            // the file's struct fields
	okAsserts map[*ast.TypeAssertExpr]bool
	seen      map[*ast.FuncDecl]bool // in a recursion, free until shown not
}

func newPanicFree(file *ast.File) *panicFree {
	pf := &panicFree{imports: importNames(file), methods: map[string][]*ast.FuncDecl{}, fields: map[string]bool{}, okAsserts: map[*ast.TypeAssertExpr]bool{}, seen: map[*ast.FuncDecl]bool{}}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Recv != nil {
				pf.methods[n.Name.Name] = append(pf.methods[n.Name.Name], n)
			}
		case *ast.StructType:
			for _, f := range n.Fields.List {
				for _, name := range f.Names {
					pf.fields[name.Name] = true
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				if ta, ok := ast.Unparen(n.Rhs[0]).(*ast.TypeAssertExpr); ok {
					pf.okAsserts[ta] = true
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				if ta, ok := ast.Unparen(n.Values[0]).(*ast.TypeAssertExpr); ok {
					pf.okAsserts[ta] = true
				}
			}
		}
		return true
	})
	return pf
}

// call: c, run, cannot panic (its arguments, evaluated where it is
// deferred, are not its run).
func (pf *panicFree) call(c *ast.CallExpr) bool {
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.FuncLit:
		return pf.body(f.Body)
	case *ast.SelectorExpr:
		if pf.imports[builtin(f.X)] != "" {
			return true
		}
		if pf.fields[f.Sel.Name] {
			return false // perhaps a field of a function type
		}
		for _, m := range pf.methods[f.Sel.Name] {
			if !pf.decl(m) {
				return false
			}
		}
		return true
	case *ast.Ident:
		switch builtin(f) {
		case "recover", "len", "cap", "append", "copy", "delete", "new", "make", "complex", "real", "imag",
			"string", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
			"byte", "rune", "float32", "float64", "complex64", "complex128", "any", "error":
			return true
		}
		if f.Obj == nil {
			return false
		}
		switch f.Obj.Kind {
		case ast.Fun:
			switch f.Name {
			case "_lowerRecovered", "_lowerCopy", "_lowerMin", "_lowerMax":
				return true
			}
			if d, ok := f.Obj.Decl.(*ast.FuncDecl); ok && !strings.HasPrefix(f.Name, "_lower") {
				return pf.decl(d)
			}
		case ast.Var:
			// cancel of ctx, cancel := context.WithCancel(ctx)
			if as, ok := f.Obj.Decl.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
				if c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
					if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && pf.imports[builtin(sel.X)] != "" {
						return true
					}
					// _lowerF1 := func() func() { ...; return func() { ... } }()
					// (deferMethodCall): the outer literal runs at the defer,
					// where its receiver and arguments are evaluated; the
					// deferred run is the inner one's.
					if lit, ok := ast.Unparen(c.Fun).(*ast.FuncLit); ok && len(as.Lhs) == 1 && len(lit.Body.List) > 0 {
						ret, ok := lit.Body.List[len(lit.Body.List)-1].(*ast.ReturnStmt)
						if !ok || len(ret.Results) != 1 {
							return false
						}
						inner, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit)
						return ok && pf.body(inner.Body)
					}
				}
			}
		}
	}
	return false
}

// decl: a function of the file that cannot panic.
func (pf *panicFree) decl(d *ast.FuncDecl) bool {
	if d.Body == nil {
		return false
	}
	if free, ok := pf.seen[d]; ok {
		return free
	}
	pf.seen[d] = true
	free := pf.body(d.Body)
	pf.seen[d] = free
	return free
}

// body: a function's body that cannot panic.
func (pf *panicFree) body(b *ast.BlockStmt) bool {
	free := true
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a value; a call of it is a call
		case *ast.CallExpr:
			free = free && pf.call(n)
		case *ast.IndexExpr, *ast.IndexListExpr, *ast.SliceExpr, *ast.StarExpr, *ast.SendStmt:
			free = false
		case *ast.TypeAssertExpr:
			free = free && (n.Type == nil || pf.okAsserts[n])
		case *ast.BinaryExpr:
			free = free && n.Op != token.QUO && n.Op != token.REM
		case *ast.AssignStmt:
			free = free && n.Tok != token.QUO_ASSIGN && n.Tok != token.REM_ASSIGN
		}
		return free
	})
	return free
}

// loopAddress reports &i of a three-clause loop's variable in its body:
// Go 1.22 gives each iteration its own i, the interpreter one for the
// whole loop (ps = append(ps, &i) gave three pointers to 3). The source
// pass gives the body its own i where it can (perIterationRewrite); what
// is left here is a loop it left as it is (a goto in the body, another
// variable of i's name declared in it).
func loopAddress(body *ast.BlockStmt, vars map[*ast.Object]bool, add func(token.Pos, string, string)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && vars[id.Obj] {
				add(u.Pos(), "address of a loop variable", fmt.Sprintf("the interpreter has one %s for the whole loop, where Go 1.22 gives each iteration its own: &%s is the same pointer in every iteration", id.Name, id.Name))
			}
		}
		return true
	})
}
