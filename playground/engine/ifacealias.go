package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// aliasConversions reports, with the types go/types found (info, of the
// reader's program, which type-checked without an error), each place where
// a value of one of the program's types with methods, or a pointer to one,
// becomes an interface value: yaegi v0.16.1 makes such an interface value
// a wrapper over the storage the value came from (a variable, a field, an
// element, the slot of a call's result), not a copy, so what later changes
// that storage changes the interface's value too, where Go's interface
// holds a copy (c := C(1); var i I = c; c = 2: go run i.M() 1, the engine
// 2; shapes = append(shapes, &Sq{i}) in a loop: every shape the last one,
// nothing said). Whether the storage changes later is looked at only for a
// local variable (below). A place is not reported when the value is a
// composite literal (T{...}: fresh storage in the interpreter each time it
// is made, but for an interface of the library when a loop makes it
// again, loopedLiterals; &T{...} too, but for any interface when a loop
// makes it again, and for an empty one, measured; but see methods
// hidden, below), is
// handed to a function of another package that is not generic (the
// library gets a copy: a sync.Map kept each value of a loop), or is a
// range's variable the source pass copies (loopVars) going to an
// interface of the program or an empty one. The places are
// eachConversion's, but a call's results passed on as its arguments
// (f(g())). A program go/types cannot check does not
// come here (Prepare). A local variable that nothing changes after its
// declaration, made once per call, is not reported (unchangedLocals).
//
// At the same places, a value of a pointer, map, slice, function or
// channel type of the program's that may be nil, going to an interface
// of the library with methods (error), is reported apart: yaegi v0.16.1
// makes its wrapper of such an interface nil for a nil value
// (genInterfaceWrapper), so var err error = p with a nil p gave err ==
// nil, where Go's err holds the nil *E (a range's copied variable too).
//
// Also at the same places, the ways a value reaches an interface without
// its type's methods in the interpreter, reported as methods hidden: a
// composite literal of a type fmt calls methods of (String, Error,
// Format, GoString) put in an empty interface, or a local variable that
// holds one unchanged since; a value of a type without methods of its own
// that holds such a type (a struct with an exported field of one); a type
// parameter's value when a type argument is such a type (bareArgs). And a
// type parameter's value, or one built of it, when a type argument has
// methods of its own or is an interface, reported as type argument's
// methods (ownArgs, below).
func aliasConversions(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var out []Finding
	seen := map[ast.Expr]bool{}
	qualify := func(p *types.Package) string {
		if p.Name() == "main" {
			return ""
		}
		return p.Name()
	}
	// A range's variable (:=) that its body does not assign gets the
	// body's own copy when it may hold such a value (loopVars), fresh
	// each iteration and left alone; but not for an interface of the
	// library with methods (error, fmt.Stringer), whose wrapper is bound
	// to the copy's slot, the same every iteration: errs = append(errs,
	// p) in a range over ps gave the last p three times (a stranger's
	// probe).
	copied := map[types.Object]bool{}
	// So is a composite literal made in a loop of its own function, made
	// again each iteration in the same storage: errs = append(errs,
	// E{i}) in a loop gave the last E three times.
	looped := loopedLiterals(file)
	ast.Inspect(file, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && r.Tok == token.DEFINE {
			for _, v := range []ast.Expr{r.Key, r.Value} {
				if id, ok := v.(*ast.Ident); ok && id.Obj != nil && !assigns(r.Body, map[*ast.Object]string{id.Obj: id.Name}) {
					copied[info.Defs[id]] = true
				}
			}
		}
		return true
	})
	// A type parameter's value put in an interface holds, bare, what a
	// type argument holds (id[T any](x T) any { return x } of S{1}).
	bareArgs := false
	for _, inst := range info.Instances {
		for a := range inst.TypeArgs.Types() {
			bareArgs = bareArgs || !ownMethods(a) && holdsOwnMethods(a, true, 0)
		}
	}
	// A type parameter's value put in an interface is, in the
	// interpreter, bare of the methods of the type argument it stands
	// for: box[T any](x T) any { return x } of a C with String printed
	// 1 where go run prints C1, and a nil *E through [T error] made a nil
	// error (a stranger's review). So is a value built of one ([]T, &x,
	// Box[T]{x}, map[T]int).
	//
	// ownArgs says whether any instance of the program's own generic
	// functions and types (only their code puts a type parameter's value
	// anywhere) has a type argument with methods, one that holds such a
	// type, or an interface, which may hold a value of one when the
	// program declares methods (box[any](Sq{2}), box(s) of a Shape). It
	// is one answer for the whole program, not one per generic function.
	ownArgs := false
	methods := declaresAnyMethod(file)
	for id, inst := range info.Instances {
		if obj := info.Uses[id]; obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "main" {
			continue
		}
		for a := range inst.TypeArgs.Types() {
			ownArgs = ownArgs || ownMethods(a) || holdsOwnMethods(a, true, 0) || methods && types.IsInterface(a)
		}
	}
	fixed := unchangedLocals(file, info)
	// known gives the value an unchanged local holds: its declaration's.
	inits := map[types.Object]ast.Expr{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && info.Defs[id] != nil {
						inits[info.Defs[id]] = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					inits[info.Defs[id]] = n.Values[i]
				}
			}
		}
		return true
	})
	known := func(obj types.Object) ast.Expr {
		if !fixed[obj] {
			return nil
		}
		return inits[obj]
	}
	report := func(e ast.Expr, construct, message string) {
		p := fset.Position(e.Pos())
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: construct, Message: message})
	}
	var rewrapped func(e ast.Expr, from, to types.Type)
	// convert reports a value of type from, at e, going to type to.
	convert := func(e ast.Expr, from, to types.Type) {
		_, tp := types.Unalias(from).(*types.TypeParam)
		if _, toParam := types.Unalias(to).(*types.TypeParam); toParam {
			return // seen[x] of a map[T]bool: a T stays one, no interface is made
		}
		if e == nil || from == nil || to == nil || seen[e] || !types.IsInterface(to) {
			return
		}
		if types.IsInterface(from) && !tp {
			rewrapped(e, from, to)
			return
		}
		if ownArgs && (tp || typeHolds(from, isTypeParam)) {
			seen[e] = true
			report(e, "type argument's methods", typeArgMethods)
			return
		}
		if !ownMethods(from) {
			if tp && bareArgs || holdsOwnMethods(from, true, 0) {
				// Its type in the interpreter is bare: a field or element
				// of a type fmt would call String of is a bare number
				// there ({1} where go run prints {day}, nothing said).
				seen[e] = true
				report(e, "methods hidden", methodsHidden)
			}
			return
		}
		if libraryInterface(to) && mayBeNil(e, from, info, known) {
			report(e, "nil in a library interface", fmt.Sprintf(
				"a nil %s put in an interface of the library (error, fmt.Stringer) is, in the interpreter, a nil interface: err != nil is false where Go's holds the nil %s",
				types.TypeString(from, qualify), types.TypeString(from, qualify)))
		}
		// A literal put in an empty interface is, in the interpreter, a
		// value reflect made, bare of its type's methods: var a any =
		// Sq{1}; fmt.Println(a) printed {1}, and so did a func returning
		// it as an any, and s := Sq{1} passed to id(x any) any (a
		// stranger's review). fmt handed the literal itself sees them.
		lit := ast.Unparen(e)
		if id, ok := lit.(*ast.Ident); ok {
			lit = known(info.Uses[id])
		}
		if _, ok := lit.(*ast.CompositeLit); ok {
			if it, ok := under(to).(*types.Interface); ok && it.Empty() && fmtMethodsOf(from) != 0 {
				seen[e] = true
				report(e, "methods hidden", methodsHidden)
				return
			}
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && (copied[info.Uses[id]] && !libraryInterface(to) || fixed[info.Uses[id]]) {
			return
		}
		if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok && !(looped[lit] && libraryInterface(to)) {
			return
		}
		// A conversion of a local nothing changes after its declaration,
		// made once in its function's call: no storage it is bound to
		// changes (sort.Sort(sort.Reverse(byAge(staff))), a blind pass's,
		// went to the Go toolchain for nothing).
		if c, ok := ast.Unparen(e).(*ast.CallExpr); ok && !looped[c] && len(c.Args) == 1 && info.Types[c.Fun].IsType() {
			if id, ok := ast.Unparen(c.Args[0]).(*ast.Ident); ok && fixed[info.Uses[id]] {
				return
			}
		}
		// &T{...} made once per call of its function goes to an
		// interface with methods as a fresh pointer: return &E{n} from
		// a func returning error, called in a loop, gave each E (a
		// blind program took 6 s through Go for it); so does &c of a
		// variable (var b Bumper = &c, an attack's, was announced for
		// nothing). Made again by a loop of its own function it is bound
		// (every element the last, to any interface), and put in an
		// empty one its methods may be lost (var a any = &T{1} printed
		// a wrapper): both stay reported.
		if u := addressed(e); u != nil && !looped[u] {
			if it, ok := under(to).(*types.Interface); ok && !it.Empty() {
				return
			}
		}
		seen[e] = true
		report(e, "interface holds a copy", fmt.Sprintf(
			"this %s put in an interface is, in the interpreter, bound to the variable or result it came from: when that changes later (an assignment, the next iteration of a loop), the interface's value changes with it, where Go's interface holds a copy",
			types.TypeString(from, qualify)))
	}
	// rewrapped reports a value of an interface of the program, or of an
	// empty one, that goes to an interface of the library with methods
	// (a conversion, an assertion, a type switch's case): the
	// interpreter's wrapper of the library's interface is bound to the
	// storage the value came from, as for a value of one of the
	// program's types (for p := find(i) of a Problem in a loop, errs =
	// append(errs, p) made three errors of the last p; so did s.(
	// fmt.Stringer) of a range's variable).
	rewrapped = func(e ast.Expr, from, to types.Type) {
		if !methods || seen[e] || !libraryInterface(to) || libraryInterface(from) {
			return
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && fixed[info.Uses[id]] {
			return
		}
		seen[e] = true
		report(e, "interface holds a copy", fmt.Sprintf(
			"this %s put in an interface of the library is, in the interpreter, bound to the variable or result it came from: when that changes later (an assignment, the next iteration of a loop), the interface's value changes with it, where Go's interface holds a copy",
			types.TypeString(from, qualify)))
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if n.Type != nil {
				rewrapped(n.X, info.TypeOf(n.X), info.TypeOf(n.Type))
			}
		case *ast.TypeSwitchStmt:
			a, ok := n.Assign.(*ast.AssignStmt)
			if !ok || len(a.Rhs) != 1 {
				return true
			}
			x := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr).X
			for _, c := range n.Body.List {
				for _, t := range c.(*ast.CaseClause).List {
					rewrapped(x, info.TypeOf(x), info.TypeOf(t))
				}
			}
		}
		return true
	})
	eachConversion(file, info, func(c conversion) {
		if c.call == nil {
			convert(c.e, c.from, c.to)
			return
		}
		if c.spread {
			return // f(g()): a call's results passed on were never measured here
		}
		if !libraryCallee(c.call.Fun, info) {
			convert(c.e, c.from, c.to)
			return
		}
		it, empty := under(c.to).(*types.Interface)
		empty = empty && it.Empty()
		if retainer(c.call.Fun, info) {
			if !empty { // the library gets a copy of what goes to an any
				convert(c.e, c.from, c.to)
			}
			return
		}
		// Any other function of the library that is not fmt's, sort's or
		// errors' may keep a value it gets as an any and give it back
		// (list.PushBack, sync.Map's Store) as the interpreter made it:
		// bare, when holdsOwnMethods. A pointer (fmt.Sscan(&x),
		// errors.As) is left alone.
		sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr)
		if !ok || c.call.Ellipsis.IsValid() || !empty {
			return
		}
		if fn, ok := info.Uses[sel.Sel].(*types.Func); !ok || fn.Pkg() == nil || strings.Contains(" fmt sort errors ", " "+fn.Pkg().Path()+" ") {
			return
		}
		if _, ptr := under(c.from).(*types.Pointer); !ptr && !ownMethods(c.from) {
			convert(c.e, c.from, c.to)
		}
	})
	return out
}

const typeArgMethods = "a value of a type parameter put in an interface is, in the interpreter, a value without the methods of the type argument it stands for (box[T any](x T) any { return x } of a C with a String method printed its number), where Go's interface holds the type argument's value, methods and all"

func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// compositeElems checks a slice's, an array's or a map's literal elements
// (and a map's keys) against the types they go to.
func compositeElems(lit *ast.CompositeLit, elem, key types.Type, check func(ast.Expr, types.Type)) {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if key != nil {
				check(kv.Key, key)
			}
			check(kv.Value, elem)
			continue
		}
		check(el, elem)
	}
}

// holdsOwnMethods reports whether a value of t, which has no methods of
// its own, holds where fmt looks (an exported field, an element, a map's
// key, what a pointer handed to fmt points to: top) a value of one of
// the program's types with methods, which the interpreter's reflect type
// for t has lost: fmt printing t through an interface calls none of them.
func holdsOwnMethods(t types.Type, top bool, depth int) bool {
	if t == nil || depth > 10 || types.IsInterface(t) {
		return false
	}
	if !top && ownMethods(t) && fmtMethodsOf(t) != 0 {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return top && holdsOwnMethods(u.Elem(), false, depth+1)
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); f.Exported() && holdsOwnMethods(f.Type(), false, depth+1) {
				return true
			}
		}
	case *types.Slice:
		return holdsOwnMethods(u.Elem(), false, depth+1)
	case *types.Array:
		return holdsOwnMethods(u.Elem(), false, depth+1)
	case *types.Map:
		return holdsOwnMethods(u.Key(), false, depth+1) || holdsOwnMethods(u.Elem(), false, depth+1)
	}
	return false
}

// ownMethods reports whether t is one of the program's named types with
// methods (declared or promoted), or a pointer to one.
func ownMethods(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return hasOwnMethods(t, 0)
}

// hasOwnMethods: t declares methods, or is a struct embedding a type of
// the program that has some (not types.NewMethodSet, which the engine's
// WebAssembly would carry for this one question).
func hasOwnMethods(t types.Type, depth int) bool {
	n, ok := t.(*types.Named)
	if !ok || depth > 10 || n.Obj().Pkg() == nil || n.Obj().Pkg().Name() != "main" {
		return false
	}
	if n.NumMethods() > 0 {
		return true
	}
	s, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range s.NumFields() {
		if f := s.Field(i); f.Embedded() {
			e := f.Type()
			if p, ok := e.(*types.Pointer); ok {
				e = p.Elem()
			}
			if hasOwnMethods(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// libraryCallee reports whether fun is a function or method of another
// package that is not generic: it gets a copy of what the interpreter
// hands it.
// retainers are the library's functions whose result keeps an argument
// of an interface type with methods. The library gets a copy of a value
// passed as an any, but a value passed as an interface with methods is
// the interpreter's wrapper over the value's storage, as in the program:
// u := upper{...}; r := io.LimitReader(u, 2); u = upper{...} read the
// second reader through r (go run the first); b := byLen{...}; r :=
// sort.Reverse(b); b = byLen{"x"} gave r.Len() 1 (go run 3). A function
// that uses its argument only during the call (sort.Sort, io.Copy) keeps
// nothing, and a value receiver cannot change the storage it is called on.
var retainers = map[string]bool{
	"sort.Reverse":   true,
	"io.LimitReader": true, "io.MultiReader": true, "io.MultiWriter": true, "io.NewOffsetWriter": true,
	"io.NewSectionReader": true, "io.NopCloser": true, "io.TeeReader": true,
	"errors.Join":       true,
	"context.AfterFunc": true, "context.WithCancel": true, "context.WithCancelCause": true,
	"context.WithDeadline": true, "context.WithDeadlineCause": true, "context.WithTimeout": true,
	"context.WithTimeoutCause": true, "context.WithValue": true, "context.WithoutCancel": true,
}

// retainer reports whether fun is one of retainers.
func retainer(fun ast.Expr, info *types.Info) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj, ok := info.Uses[sel.Sel].(*types.Func)
	return ok && obj.Pkg() != nil && retainers[obj.Pkg().Path()+"."+obj.Name()]
}

func libraryCallee(fun ast.Expr, info *types.Info) bool {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	obj, ok := info.Uses[id].(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Name() == "main" {
		return false
	}
	sig, ok := obj.Type().(*types.Signature)
	return ok && sig.TypeParams() == nil && sig.RecvTypeParams() == nil
}

// declaresAnyMethod reports whether the file declares a method.
func declaresAnyMethod(file *ast.File) bool {
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			return true
		}
	}
	return false
}

// mayBeNil: e, of type t, may be nil: t is a pointer, map, slice,
// function or channel, and e is not &T{...}, new(T), make(...), a
// composite literal or a function literal, nor a conversion of one, nor
// a variable that known gives such a value for (words := byLen{...},
// never changed, in sort.Reverse(words)).
func mayBeNil(e ast.Expr, t types.Type, info *types.Info, known func(types.Object) ast.Expr) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Signature, *types.Chan:
	default:
		return false
	}
	for range 8 { // a chain of variables and conversions, not a cycle
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit, *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			return x.Op != token.AND
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Obj == nil && (id.Name == "new" || id.Name == "make") {
				return false
			}
			if len(x.Args) != 1 || !info.Types[x.Fun].IsType() {
				return true
			}
			e = x.Args[0]
		case *ast.Ident:
			if e = known(info.Uses[x]); e == nil {
				return true
			}
		default:
			return true
		}
	}
	return true
}

// libraryInterface: t is an interface with methods that the program does
// not declare (error, fmt.Stringer), which the interpreter holds in a
// wrapper of its own.
func libraryInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.Empty() {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main")
}

// hasGoto says n holds a goto statement, which may loop anywhere.
func hasGoto(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if b, ok := m.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	return found
}

// addressed returns &T{...} or &v of a variable v (parentheses
// allowed), or nil when e is anything else.
func addressed(e ast.Expr) *ast.UnaryExpr {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	switch ast.Unparen(u.X).(type) {
	case *ast.CompositeLit, *ast.Ident:
		return u
	}
	return nil
}

// loopedLiterals returns the composite literals, the & expressions and
// the calls (conversions among them) of file that a loop of their own
// function makes again each iteration (in
// a function literal in a loop, one is made once per call), or all of
// them when the file has a goto, which may loop anywhere.
func loopedLiterals(file *ast.File) map[ast.Expr]bool {
	looped := map[ast.Expr]bool{}
	gotos := hasGoto(file)
	var walk func(root ast.Node, loop bool)
	walk = func(root ast.Node, loop bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				walk(n.Body, gotos)
				return false
			case *ast.ForStmt:
				if !loop {
					// Its init runs once, the rest each iteration.
					for i, part := range []ast.Node{n.Init, n.Cond, n.Post, n.Body} {
						if part != nil { // an absent part is a nil interface
							walk(part, i > 0)
						}
					}
					return false
				}
			case *ast.RangeStmt:
				if !loop {
					walk(n.X, false) // evaluated once
					walk(n.Body, true)
					return false
				}
			case *ast.CompositeLit:
				if loop {
					looped[n] = true
				}
			case *ast.UnaryExpr:
				if loop && n.Op == token.AND {
					looped[n] = true
				}
			case *ast.CallExpr:
				if loop {
					looped[n] = true
				}
			}
			return true
		})
	}
	walk(file, gotos)
	return looped
}

// unchangedLocals returns the local variables of file that nothing
// changes after their declaration, which runs once per call of its
// function (no loop around it, no goto in the file; not a parameter or
// a result, which a return sets): an interface value
// bound to one holds what Go's copy would (b22: c := Code(404); var err
// error = c). A variable is changed by an assignment to it or into it
// (c.f = , c[i] = , c++, a range assigning it), by an address of it or
// of a part of it (&c, c[:], a method of *T called on it).
func unchangedLocals(file *ast.File, info *types.Info) map[types.Object]bool {
	fixed := map[types.Object]bool{}
	if hasGoto(file) {
		return fixed
	}
	var loops []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncType:
			// A parameter, or a result that a return sets, too.
			loops = append(loops, n)
		}
		return true
	})
	for id, obj := range info.Defs {
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			continue
		}
		inLoop := false
		for _, l := range loops {
			inLoop = inLoop || l.Pos() <= id.Pos() && id.Pos() < l.End()
		}
		fixed[v] = !inLoop
	}
	// root is the variable e is, or is a part of.
	var root func(e ast.Expr) types.Object
	root = func(e ast.Expr) types.Object {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.Uses[e]
		case *ast.SelectorExpr:
			if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
				return root(e.X)
			}
		case *ast.IndexExpr:
			return root(e.X)
		case *ast.StarExpr:
			return root(e.X)
		case *ast.SliceExpr:
			return root(e.X)
		}
		return nil
	}
	changed := func(e ast.Expr) {
		if o := root(e); o != nil {
			delete(fixed, o)
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				changed(l)
			}
		case *ast.IncDecStmt:
			changed(n.X)
		case *ast.RangeStmt:
			changed(n.Key)
			changed(n.Value)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				changed(n.X)
			}
		case *ast.SliceExpr:
			changed(n.X)
		case *ast.SelectorExpr:
			if sel := info.Selections[n]; sel != nil && sel.Kind() != types.FieldVal {
				if _, ptr := sel.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptr {
					changed(n.X)
				}
			}
		}
		return true
	})
	return fixed
}
