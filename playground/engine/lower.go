package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// The lowering pass rewrites constructs the interpreter runs wrongly into
// equivalent Go that it runs right. It works on the text: each rewrite is
// an edit of the reader's source that never adds or removes a line break,
// so a line of the lowered program is the same line of the reader's, and
// columns map back through the edits (see posMap). Helper functions the
// rewrites call are appended after the reader's last line.
//
// The pass is a table of rewrites (rewrites, below), in the manner of
// cmd/fix's fixes: each has a name and its own file, lower_<name>.go,
// whose doc says what the interpreter gets wrong and what the rewrite
// does, and adds its edits; lower collects the nodes once and runs the
// table in its fixed order. Two edits that overlap are a clash, reported
// rather than dropped (see lower). The helpers are package lowerlib's.
// This file holds the table, the edits and what several rewrites share.
//
// What it lowers, each measured against yaegi v0.16.1:
//
//   - for i := range n, over an integer (Go 1.22), into a three-clause
//     loop over a copy of n;
//   - min and max (Go 1.21) into calls of generic helpers (constant
//     arguments are folded, as the compiler does);
//   - a loop variable captured by a closure: the body starts with a fresh
//     copy ("i := i"), Go 1.22's per-iteration variable, where the body
//     never assigns the variable (then the copy would change the loop);
//   - the arguments of a deferred call: the interpreter keeps a reference
//     to a variable, a field or an element instead of its value at the
//     defer statement, so they are first copied into fresh variables;
//   - a function literal deferred in a loop, defer func() { ... }(): the
//     interpreter runs it on the function's frame as it is at the return
//     (the last iteration's variables), and a closure made as a value and
//     deferred in the frame that made it hangs; it is made instead by a
//     function called where the defer stands, which copies the loop's
//     variables it uses (deferredClosure);
//   - a function literal handed to another package's function or method
//     in a loop (wg.Go(func() { ... })): in parentheses, the interpreter
//     makes it a closure over the iteration's variables rather than a
//     function reading the frame when it is called (libraryClosure);
//   - error in a type switch's case, which matches nothing in the
//     interpreter, into the library's copy of it (errorCases);
//   - a call of a generic function of the file gets the type arguments
//     Go infers, written out, when the syntax shows them;
//   - a break, continue or goto ending a select's case, and a plain break
//     in a select (selectBranches); a case receiving into variables that
//     exist already (selectAssigns);
//   - a label on a bare return gets an empty block for the return
//     (done: {}; return), as a goto to it never came back;
//   - the calls, receives and composite literals of an assignment of
//     several values, which the interpreter assigned alone (multiAssigns);
//   - an index on the left of an assignment of several values that reads
//     a variable the same left side assigns, read first, as Go reads it
//     before assigning anything (indexOperands);
//   - a shift by a count that is not a constant checks the count first,
//     to panic as Go does when it is negative (shiftCounts);
//   - main of a program with a go statement defers, first, a call that
//     ends the program's output as main returns, in main's own goroutine,
//     before another goroutine can print (mainEnd);
//   - an argument of fmt's printing functions whose type has the method
//     fmt calls for its verb (String, Error, Format, GoString) goes
//     through a helper whose parameter is that interface (fmtMethods);
//   - print and println of operands of basic types, which the
//     interpreter writes to standard output, into helpers writing to
//     standard error as Go's runtime formats them (builtinPrints);
//   - a %T whose argument's type go/types knows prints, as %s, the name
//     Go gives it (typeVerbs);
//   - a method value x.M with a value receiver, which must copy x (or
//     what x points to) when it is evaluated, and in a loop must give
//     each value its own copy, and method expressions (*T).M and T.M,
//     which the interpreter cannot call, into function literals.
//   - an interface written out with Unwrap in an assertion, where no
//     type of the program has the method, into the library's same
//     interface, which the library's errors match (libIfaces);
//   - v, ok := x.(I) for an interface I the program declares, where
//     go/types knows every type that implements it, into assertions to
//     each of those types (ownIfaces);
//   - a range over a string with a key, whose key the interpreter counted
//     in runes, or in U+FFFD's three bytes for an invalid byte, into a
//     loop over the bytes that decodes each rune as Go does (stringRanges);
//   - in a loop, a composite literal that is a variable's only value goes
//     in parentheses, and one whose address is taken into a function
//     literal called at once: the interpreter kept one storage for it,
//     which every iteration overwrote (literalVars).
//
// Everything else is left alone; Detect reports what is still wrong.
type lowering struct {
	src     string
	fset    *token.FileSet
	edits   []edit
	helpers map[string]bool
	temp    int
	imports map[string]bool   // paths the helpers need
	names   map[string]string // the file's imports, by local name
	loops   []ast.Node        // the bodies of the file's loops (gotoLoops too)
	// loopStmts are the file's loops, headers included.
	loopStmts []ast.Node
	methods   map[string][]*ast.FuncDecl // by method name
	fields    map[string]bool            // struct field names declared in the file
	// generics are the file's generic functions, by their objects.
	generics map[*ast.Object]*ast.FuncDecl
	// types are the file's types declared at its top, by name.
	types map[string]*ast.TypeSpec
	// byIndex are the ranges chanRange rewrote to range by index.
	byIndex map[*ast.RangeStmt]bool
	rule    string  // the rewrite running
	clashes []clash // edits apply could not make
	// structFields are the types of the file's struct fields, by name
	// (methodvars.go).
	structFields map[string][]ast.Expr
	// perIteration are the loops whose variables perIterationRewrite
	// gave the body.
	perIteration map[*ast.ForStmt]bool
	// ownCopies are the loops' variables the body got a copy of, one
	// for each iteration (perIteration, loopVars): a pointer to one in
	// the body is that iteration's (sharedLoopVar).
	ownCopies map[*ast.Object]bool
	// namedReturns are the returns namedResults wrote (returnRecv leaves
	// them).
	namedReturns map[*ast.ReturnStmt]bool
	// info is what go/types found in the reader's program, nil when it
	// could not check it (a rewrite that needs types then leaves it).
	info *types.Info
	// pkg is info's package, found once (mainPackage).
	pkg *types.Package
	// reassigned are the variables the file assigns after their
	// declaration, or takes the address of (reassigned).
	reassigned map[*ast.Object]bool
	// folded are the calls inside a constant min or max call, which
	// builtins writes whole (the constant ones in it folded too,
	// foldedText): their own rewrite would overlap it.
	folded map[*ast.CallExpr]bool
	// noBind are where boundMethodValue leaves method values
	// (unbindable).
	noBind []ast.Node
	// gotos: where the gotos naming each label are (syntax's, for
	// moveLabel).
	gotos map[string][]token.Pos
	// handOvers are what a rewrite found it cannot make run right,
	// which the Go toolchain must run (Findings, as detect's).
	handOvers []handOver
}

// isPointerType: t is a pointer type.
func isPointerType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// reassigned returns the variables file assigns (=, op=, ++, --, := of
// one declared before, a range's, a named result), or a part of, or
// takes the address of (&x, or implicitly: implicitAddress).
func reassigned(file *ast.File, info *types.Info) map[*ast.Object]bool {
	out := map[*ast.Object]bool{}
	mark := func(e ast.Expr) bool {
		if id := rootIdent(e); id != nil && id.Obj != nil {
			out[id.Obj] = true
		}
		return true
	}
	eachAssigned(file, mark)
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, e := range n.Lhs {
					if id, ok := e.(*ast.Ident); ok && id.Obj != nil && id.Obj.Decl != n {
						out[id.Obj] = true
					}
				}
			}
		case *ast.RangeStmt:
			// A range's variables take a value each iteration (one slot
			// for all of them in the interpreter).
			mark(n.Key)
			mark(n.Value)
		case *ast.FuncType:
			// Named results: a return with values assigns them.
			if n.Results != nil {
				for _, f := range n.Results.List {
					for _, id := range f.Names {
						mark(id)
					}
				}
			}
		case *ast.SelectorExpr, *ast.SliceExpr:
			if x := implicitAddress(info, n); x != nil {
				mark(x)
			}
		}
		return true
	})
	return out
}

// implicitAddress returns the operand whose address n takes without &:
// x of x.M, a method taking a pointer, on a value, and x of x[i:j], an
// array sliced; or nil (always without the program's types).
func implicitAddress(info *types.Info, n ast.Node) ast.Expr {
	if info == nil {
		return nil
	}
	switch n := n.(type) {
	case *ast.SelectorExpr:
		if fn, ok := info.Uses[n.Sel].(*types.Func); ok {
			if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
				_, ptr := sig.Recv().Type().(*types.Pointer)
				if t := info.Types[n.X].Type; ptr && t != nil && !isPointerType(t) {
					return n.X
				}
			}
		}
	case *ast.SliceExpr:
		if t := info.Types[n.X].Type; t != nil {
			if _, ok := t.Underlying().(*types.Array); ok {
				return n.X
			}
		}
	}
	return nil
}

// A handOver is a Finding of a rewrite's, at pos.
type handOver struct {
	pos                token.Pos
	construct, message string
}

// mainPackage is the package go/types checked, or nil.
func (l *lowering) mainPackage() *types.Package {
	if l.pkg == nil && l.info != nil {
		for _, obj := range l.info.Defs {
			if obj != nil && obj.Pkg() != nil {
				l.pkg = obj.Pkg()
				break
			}
		}
	}
	return l.pkg
}

// edit replaces src[pos:end] with text. An insertion (pos == end) that
// opens or closes text wrapped around a node records the node's length in
// wraps, positive when it opens, negative when it closes: apply orders
// insertions at one offset by it, so wrappers nest whatever order the
// rewrites were made in.
type edit struct {
	pos, end int
	text     string
	wraps    int
	by       string // the name of the rewrite that made it
}

// add records e as an edit of the rewrite running.
func (l *lowering) add(e edit) {
	e.by = l.rule
	l.edits = append(l.edits, e)
}

func (l *lowering) off(p token.Pos) int { return l.fset.Position(p).Offset }

func (l *lowering) text(n ast.Node) string { return l.src[l.off(n.Pos()):l.off(n.End())] }

func (l *lowering) insert(p token.Pos, text string) {
	l.add(edit{pos: l.off(p), end: l.off(p), text: text})
}

// wrap puts before and after around n; either may be empty.
func (l *lowering) wrap(n ast.Node, before, after string) {
	size := l.off(n.End()) - l.off(n.Pos())
	l.add(edit{pos: l.off(n.Pos()), end: l.off(n.Pos()), text: before, wraps: size})
	l.add(edit{pos: l.off(n.End()), end: l.off(n.End()), text: after, wraps: -size})
}

func (l *lowering) replace(n ast.Node, text string) {
	l.add(edit{pos: l.off(n.Pos()), end: l.off(n.End()), text: text})
}

func (l *lowering) name(prefix string) string {
	l.temp++
	return prefix + strconv.Itoa(l.temp)
}

// rewrite is one entry of the source pass's table, in the manner of
// cmd/fix's fixes: a name (what a clash between two rewrites names) and
// the function that makes its edits. A rewrite reads the tree and the
// nodes collected for it and adds edits; it never changes the tree.
//
// Each function is in a file of its own, lower_<name>.go, and its doc
// comment says what yaegi v0.16.1 gets wrong and what the rewrite does (a
// comment, not a field: the playground's WebAssembly need not carry it);
// a test file, lower_<name>_test.go, holds its cases: a program, its
// lowered code, and what it prints under both engines
// (TestRewritesAreDocumented holds the table to that). The functions are
// declared, not function literals in variables: that made the
// WebAssembly 1.3 KB larger, gzipped.
type rewrite struct {
	name string
	run  func(l *lowering, s *syntax)
}

// rewrites is the table, run in this order: an edit made earlier goes
// first where two insert at one place, and a rewrite may look at what the
// earlier ones edited (editedWithin, rewritten) and leave a node alone.
// So the order matters, and it is fixed: the statements that are only
// marked or renamed first (unnamed parameters, a label's return, case error), then the loops
// and their variables, then calls (built-ins, the library, generic
// functions), deferred calls and closures, selects, assignments, shifts,
// go statements, selectors (the library's functions, method values),
// comma-ok assertions, named results, and returns of a receive.
var rewrites = []rewrite{
	{"unnamedParams", unnamedParamRewrite},
	{"labeledReturn", labeledReturnRewrite},
	{"errorCase", errorCaseRewrite},
	{"rangeInt", rangeIntRewrite},
	{"chanRange", chanRangeRewrite},
	{"chanOnce", chanOnceRewrite},
	{"stringRanges", stringRangeRewrite},
	{"perIteration", perIterationRewrite},
	{"loopVars", loopVarRewrite},
	{"negZeroArgs", negZeroArgRewrite},
	{"builtins", builtinRewrite},
	{"nestedCalls", nestedCallRewrite},
	{"genericCalls", genericCallRewrite},
	{"inferredTypeArgs", inferredTypeArgRewrite},
	{"ownTypeArgs", ownTypeArgRewrite},
	{"variadicSlices", variadicSliceRewrite},
	{"deferArgs", deferArgRewrite},
	{"deferredClosures", deferredClosureRewrite},
	{"libraryClosures", libraryClosureRewrite},
	{"selectSends", selectSendRewrite},
	{"selectBranches", selectBranchRewrite},
	{"selectAssigns", selectAssignRewrite},
	{"recvAssigns", recvAssignRewrite},
	{"multiAssigns", multiAssignRewrite},
	{"indexOperands", indexOperandRewrite},
	{"shiftCounts", shiftCountRewrite},
	{"floatConversions", floatConversionRewrite},
	{"zeroResults", zeroResultRewrite},
	{"mainEnd", mainEndRewrite},
	{"goPanic", goPanicRewrite},
	{"libCalls", libCallRewrite},
	{"methodValues", methodValueRewrite},
	{"fmtMethods", fmtMethodRewrite},
	{"typeVerbs", typeVerbRewrite},
	{"contextKeys", contextKeyRewrite},
	{"libIfaces", libIfaceRewrite},
	{"ownIfaces", ownIfaceRewrite},
	{"commaOK", commaOKRewrite},
	{"runeConsts", runeConstRewrite},
	{"namedResults", namedResultRewrite},
	{"returnRecv", returnRecvRewrite},
	{"builtinPrints", builtinPrintRewrite},
	{"literalVars", literalVarRewrite},
	{"switchInits", switchInitRewrite},
	{"switchTags", switchTagRewrite},
	{"constCompares", constCompareRewrite},
	{"floatCases", floatCaseRewrite},
	{"constDivisions", constDivisionRewrite},
	{"genericVarInits", genericVarInitRewrite},
}

// syntax holds the nodes of the file the rewrites work on, collected once,
// in the order of a walk of the tree.
type syntax struct {
	file           *ast.File
	ranges         []*ast.RangeStmt
	fors           []*ast.ForStmt
	calls          []*ast.CallExpr
	defers         []*ast.DeferStmt
	gos            []*ast.GoStmt
	selects        []*ast.SelectStmt
	selectors      []*ast.SelectorExpr
	called         map[*ast.SelectorExpr]bool // selectors called: x.M(...)
	labels         map[ast.Stmt]*ast.LabeledStmt
	commaOK        []*ast.TypeAssertExpr
	returns        []*ast.ReturnStmt
	labeledReturns []*ast.ReturnStmt // bare returns with a label
	typeSwitches   []*ast.TypeSwitchStmt
	gotos          map[string][]token.Pos // the gotos naming each label
}

// collect walks the file once for the nodes the rewrites work on, and
// records the struct field names it declares.
func (l *lowering) collect(file *ast.File) *syntax {
	s := &syntax{file: file, called: map[*ast.SelectorExpr]bool{}, labels: map[ast.Stmt]*ast.LabeledStmt{}, gotos: map[string][]token.Pos{}}
	l.gotos = s.gotos
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BranchStmt:
			if n.Tok == token.GOTO && n.Label != nil {
				s.gotos[n.Label.Name] = append(s.gotos[n.Label.Name], n.Pos())
			}
		case *ast.StructType:
			for _, f := range n.Fields.List {
				for _, name := range f.Names {
					l.fields[name.Name] = true
				}
			}
		case *ast.ReturnStmt:
			s.returns = append(s.returns, n)
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				if ta, ok := ast.Unparen(n.Rhs[0]).(*ast.TypeAssertExpr); ok {
					s.commaOK = append(s.commaOK, ta)
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				if ta, ok := ast.Unparen(n.Values[0]).(*ast.TypeAssertExpr); ok {
					s.commaOK = append(s.commaOK, ta)
				}
			}
		case *ast.LabeledStmt:
			s.labels[n.Stmt] = n
			if r, ok := n.Stmt.(*ast.ReturnStmt); ok && len(r.Results) == 0 {
				s.labeledReturns = append(s.labeledReturns, r)
			}
		case *ast.RangeStmt:
			s.ranges = append(s.ranges, n)
		case *ast.ForStmt:
			s.fors = append(s.fors, n)
		case *ast.DeferStmt:
			s.defers = append(s.defers, n)
		case *ast.SelectStmt:
			s.selects = append(s.selects, n)
		case *ast.TypeSwitchStmt:
			s.typeSwitches = append(s.typeSwitches, n)
		case *ast.GoStmt:
			s.gos = append(s.gos, n)
		case *ast.CallExpr:
			s.calls = append(s.calls, n)
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				s.called[sel] = true
			}
		case *ast.SelectorExpr:
			s.selectors = append(s.selectors, n)
		}
		return true
	})
	return s
}

// lower returns the lowered program and the map from its positions back
// to the reader's: the file's declarations and nodes are collected, then
// each rewrite of the table adds its edits, and apply makes the text.
//
// Two edits that overlap clash: apply makes the first and drops the
// other, so the program would run half-lowered. lower reports each clash
// as a Finding the interpreter cannot run (Prepare adds it to the
// program's), so Automatic hands the program to the Go toolchain, and the
// interpreter refuses it. A clash is the rewrites' bug, not the reader's:
// TestRewritesDoNotClash lowers every program of the tests and fails on
// any, naming the two rewrites, whose authors must make one leave the
// other's node alone or edit around it.
func lower(fset *token.FileSet, file *ast.File, src string, info *types.Info) (string, *posMap, []Finding) {
	l := &lowering{src: src, fset: fset, info: info, helpers: map[string]bool{}, imports: map[string]bool{}, methods: map[string][]*ast.FuncDecl{}, fields: map[string]bool{}, ownCopies: map[*ast.Object]bool{}, namedReturns: map[*ast.ReturnStmt]bool{}}
	l.declarations(file)
	l.reassigned = reassigned(file, info)
	s := l.collect(file)
	for _, r := range s.ranges {
		l.loops = append(l.loops, r.Body)
		l.loopStmts = append(l.loopStmts, r)
	}
	for _, f := range s.fors {
		l.loops = append(l.loops, f.Body)
		l.loopStmts = append(l.loopStmts, f)
	}
	gotos := gotoLoops(file)
	l.loops = append(l.loops, gotos...)
	// A variable declared in a stretch a goto runs again is one slot in
	// the interpreter, the same each time round, where Go makes a new
	// one: what a function literal, a defer or a go statement there keeps
	// of it is the last (defer t.Show() of t := T{i} showed 2 2 2 for go
	// run's 2 1 0; an attack's).
	ast.Inspect(file, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			for _, g := range gotos {
				if g.Pos() <= n.Pos() && n.End() <= g.End() {
					l.handOvers = append(l.handOvers, handOver{n.Pos(), "goto loop", "a function literal, defer or go statement in a stretch a goto runs again: each pass has new variables in Go, not in the interpreter"})
					return false
				}
			}
		}
		return true
	})
	l.names = importNames(file)
	for _, r := range rewrites {
		l.rule = r.name
		r.run(l, s)
	}
	l.rule = "imports"
	if clause := l.importClause(); clause != "" {
		l.insert(file.Name.End(), clause)
	}
	code, pm := l.apply()
	var clashes []Finding
	tf := fset.File(file.Pos())
	for _, c := range l.clashes {
		p := fset.Position(tf.Pos(c.dropped.pos))
		clashes = append(clashes, Finding{Line: p.Line, Col: p.Column, Construct: clashConstruct, Unsupported: true,
			Message: fmt.Sprintf("the playground's source pass cannot make this run right in the interpreter: its rewrites %s and %s both change the code here", c.made.by, c.dropped.by)})
	}
	for _, h := range l.handOvers {
		p := fset.Position(h.pos)
		clashes = append(clashes, Finding{Line: p.Line, Col: p.Column, Construct: h.construct, Message: h.message})
	}
	return code, pm, clashes
}

// The table's functions, each running one rewrite over the nodes it
// works on.

// loopVar: x is a variable declared in a loop (its header or its body)
// around n: Go 1.22 gives each iteration its own, the interpreter one
// slot for all of them.
func (l *lowering) loopVar(x ast.Expr, n ast.Node) bool {
	id, ok := x.(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
		return false
	}
	d, ok := id.Obj.Decl.(ast.Node)
	if !ok {
		return false
	}
	for _, lp := range l.loopStmts {
		if lp.Pos() <= n.Pos() && n.End() <= lp.End() && lp.Pos() <= d.Pos() && d.End() <= lp.End() {
			return true
		}
	}
	return false
}

// sharedLoopVar: x is a variable a loop around n declares, or a field or
// an array's element of one in place, whose storage is one for every
// iteration in the interpreter, so &x in one iteration is &x in every
// other: a variable of the loop's header (a range's key or value, a
// three-clause loop's) that the body got no copy of, or one the body
// declares otherwise than freshDecl says (r, ok := m[i] and case r :=
// <-ch reused theirs: a review's probes, close 201 twice for Go's close
// 201, close 200). A variable declared in the body with var or := of
// one value, or of one call's values, is a new one in each iteration
// there, as in Go.
func (l *lowering) sharedLoopVar(x ast.Expr, n ast.Node) bool {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			if t := l.info.Types[e.X].Type; t == nil || isPointerType(t) {
				return false
			}
			x = e.X
		case *ast.IndexExpr:
			if t := l.info.Types[e.X].Type; t == nil {
				return false
			} else if _, array := t.Underlying().(*types.Array); !array {
				return false
			}
			x = e.X
		case *ast.Ident:
			if e.Obj == nil || e.Obj.Kind != ast.Var || l.ownCopies[e.Obj] {
				return false
			}
			d, ok := e.Obj.Decl.(ast.Node)
			if !ok {
				return false
			}
			for _, lp := range l.loopStmts {
				body := loopBody(lp)
				inBody := body != nil && body.Pos() <= d.Pos() && d.End() <= body.End()
				if lp.Pos() <= n.Pos() && n.End() <= lp.End() && lp.Pos() <= d.Pos() && d.End() <= lp.End() && (!inBody || !freshDecl(e.Obj)) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// freshDecl: obj is declared by a var or a := whose value for it is one
// value that is not a receive (yaegi v0.16.1 gave r := <-ch no address),
// or one call's values; not by a comma-ok form (a map's element, a type
// assertion, a receive), a select's case, or anything else.
func freshDecl(obj *ast.Object) bool {
	var lhs int
	var values []ast.Expr
	switch d := obj.Decl.(type) {
	case *ast.AssignStmt:
		if d.Tok != token.DEFINE {
			return false
		}
		lhs, values = len(d.Lhs), d.Rhs
	case *ast.ValueSpec:
		if len(d.Values) == 0 {
			return true
		}
		lhs, values = len(d.Names), d.Values
	default:
		return false
	}
	if len(values) == 1 && lhs > 1 {
		_, call := ast.Unparen(values[0]).(*ast.CallExpr)
		return call
	}
	for _, v := range values {
		if u, ok := ast.Unparen(v).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			return false
		}
	}
	return len(values) == lhs
}

// headers is the statements in n's header, where no block may stand: an
// if's, a switch's or a type switch's init, a for's init and post (some
// nil).
func headers(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.IfStmt:
		return []ast.Stmt{n.Init}
	case *ast.SwitchStmt:
		return []ast.Stmt{n.Init}
	case *ast.TypeSwitchStmt:
		return []ast.Stmt{n.Init}
	case *ast.ForStmt:
		return []ast.Stmt{n.Init, n.Post}
	}
	return nil
}

// unlabeled is the statement s labels (L: x = f()), through every label,
// or s.
func unlabeled(s ast.Stmt) ast.Stmt {
	for ls, ok := s.(*ast.LabeledStmt); ok; ls, ok = s.(*ast.LabeledStmt) {
		s = ls.Stmt
	}
	return s
}

// stmtList returns the statements n holds in a list (a block's, a case's),
// or nil.
func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// editedWithin: an earlier rewrite changes the text of n, which then
// cannot move whole.
func (l *lowering) editedWithin(n ast.Node) bool {
	pos, end := l.off(n.Pos()), l.off(n.End())
	for _, e := range l.edits {
		if e.pos >= pos && e.end <= end {
			return true
		}
	}
	return false
}

// hoistArgs moves each argument of a call that is not a constant into a
// fresh variable named after prefix, so that it is evaluated where the
// returned declarations ("_lowerD1 := x; ") are put; an argument that
// cannot be moved (hoistable) stays where it is. The declarations are in
// gc's order (inGcOrder).
func (l *lowering) hoistArgs(args []ast.Expr, prefix string) []string {
	var decls []string
	var calls []bool
	for _, a := range args {
		if isConstantLike(a) || !l.hoistable(a) {
			continue
		}
		v := l.name(prefix)
		decls = append(decls, v+" := "+l.fresh(a)+"; ")
		calls = append(calls, l.callsIn(a))
		l.replace(a, v)
	}
	return inGcOrder(decls, calls)
}

// inGcOrder orders the declarations of a call's arguments as gc evaluates
// them: those that call something (or receive; calls[i]) first, in
// lexical order, then those that only read, which gc loads last (defer
// t.Show(y, set()), where set changes y, shows set's y, as go run does;
// the interpreter showed the y before it).
func inGcOrder(decls []string, calls []bool) []string {
	var first, last []string
	for i, d := range decls {
		if calls[i] {
			first = append(first, d)
		} else {
			last = append(last, d)
		}
	}
	return append(first, last...)
}

// hoistable: an expression on one line whose text no other rewrite
// changes (rewritten: a later one; editedInside: an earlier one), so it
// can move whole.
func (l *lowering) hoistable(e ast.Expr) bool {
	return !strings.Contains(l.text(e), "\n") && !l.rewritten(e) && !l.editedInside(e)
}

// editedInside: an earlier rewrite changes the text of n itself, not only
// what is put around it, so that moving n's text would lose the change
// (and the two rewrites would clash).
func (l *lowering) editedInside(n ast.Node) bool {
	pos, end := l.off(n.Pos()), l.off(n.End())
	for _, e := range l.edits {
		if e.pos >= pos && e.end <= end && (e.end > e.pos || pos < e.pos && e.pos < end) {
			return true
		}
	}
	return false
}

// rewritten reports whether e holds something another rewrite changes (a
// call of min or max, a function literal, a selector that may be a method
// value or expression or a library function with a helper, errors.As
// and errors.Is among them): moving its
// text would lose that rewrite, so it stays where it is. A field (p.x)
// moves.
func (l *lowering) rewritten(e ast.Expr) bool {
	// A method called on a value (b.get()) is no method value: nothing
	// rewrites it, unless b names a type (T.M(b), a method expression).
	called := map[*ast.SelectorExpr]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
				id, isIdent := ast.Unparen(sel.X).(*ast.Ident)
				called[sel] = !isIdent || id.Obj == nil || id.Obj.Kind != ast.Typ
			}
		}
		return true
	})
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			found = true
		case *ast.SelectorExpr:
			qualified := l.names[builtin(n.X)] + "." + n.Sel.Name
			_, lib := libCalls[qualified]
			_, nested := nestedCalls[qualified]
			// errors.As and errors.Is, which libCalls may make the
			// engine's (errorsCalls).
			lib = lib || l.names[builtin(n.X)] == "errors" && errorsCalls[n.Sel.Name] != ""
			switch ast.Unparen(n.X).(type) {
			case *ast.StarExpr:
				found = true // (*T).M
			}
			found = found || lib || nested || (len(l.methods[n.Sel.Name]) > 0 && !called[n])
		case *ast.CallExpr:
			if name := builtin(n.Fun); name == "min" || name == "max" {
				found = true
			}
		}
		return !found
	})
	return found
}

// isConstantLike: a literal, a predeclared constant or nil, a declared
// constant, or an operation on those.
func isConstantLike(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		switch builtin(e) {
		case "nil", "true", "false", "iota":
			return true
		}
		return e.Obj != nil && e.Obj.Kind == ast.Con
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && isConstantLike(e.X)
	case *ast.BinaryExpr:
		return isConstantLike(e.X) && isConstantLike(e.Y)
	}
	return false
}

// span is a stretch of the source, as a node.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// gotoLoops are the stretches a goto back to a label may run more than
// once: from the label to the goto, and the labeled statement whole. A
// literal there is a loop's to literalVars (and deferArgs, methodValues
// likewise): the interpreter kept one array for a := [2]int{i}; ps =
// append(ps, &a) in L: if i < 3 {...; goto L}, and every pointer saw the
// last ([2 0] [2 0] where go run prints [0 0] [2 0]; testdata/silent).
func gotoLoops(file *ast.File) []ast.Node {
	var out []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO && b.Label != nil && b.Label.Obj != nil {
			if lab, ok := b.Label.Obj.Decl.(*ast.LabeledStmt); ok && lab.Pos() < b.Pos() {
				out = append(out, span{lab.Pos(), max(b.End(), lab.End())})
			}
		}
		return true
	})
	return out
}

// inLoop says n is in the body of a for or range statement, or where a
// goto back may run it again (gotoLoops).
func (l *lowering) inLoop(n ast.Node) bool {
	for _, b := range l.loops {
		if b.Pos() <= n.Pos() && n.End() <= b.End() {
			return true
		}
	}
	return false
}

// apply makes the lowered text. At one offset the edits go: text closing
// wrappers, the innermost first; plain insertions, in the order they were
// made; text opening wrappers, the outermost first; then a replacement,
// so that no insertion is lost under a replacement that starts there.
func (l *lowering) apply() (string, *posMap) {
	if len(l.edits) == 0 && len(l.helpers) == 0 {
		return l.src, &posMap{orig: l.src, lowered: l.src}
	}
	rank := func(e edit) (int, int) {
		switch {
		case e.end != e.pos:
			return 3, 0
		case e.wraps < 0:
			return 0, -e.wraps // a shorter node closes first
		case e.wraps > 0:
			return 2, -e.wraps // a longer node opens first
		}
		return 1, 0
	}
	// Edits tied at one place keep the order they were made in, but for
	// closers of nodes of one length, which go in the other: two rewrites
	// wrapping one node then nest (variadicSlices' []func() int{ and
	// libraryClosures' ( around one function literal closed as }...)
	// before, which did not parse). That takes the openers at one place
	// to be made in the same order: a rewrite that opens with a
	// replacement (ranked last, innermost) and closes with an insertion
	// (returnRecv, rangeInt, chanOnce, stringRanges, chanRange) nests
	// inside another wrapper of its node only when it runs later in the
	// table; TestRewritesDoNotClash parses every lowered test program
	// to say when one does not.
	idx := make([]int, len(l.edits))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := l.edits[idx[i]], l.edits[idx[j]]
		if a.pos != b.pos {
			return a.pos < b.pos
		}
		ra, ka := rank(a)
		rb, kb := rank(b)
		if ra != rb {
			return ra < rb
		}
		if ka != kb {
			return ka < kb
		}
		return ra == 0 && idx[i] > idx[j]
	})
	sorted := make([]edit, len(idx))
	for i, k := range idx {
		sorted[i] = l.edits[k]
	}
	l.edits = sorted
	var b strings.Builder
	last := 0
	m := &posMap{orig: l.src}
	var prev edit
	for _, e := range l.edits {
		if e.pos < last {
			// Overlaps the edit made last (the edits made do not
			// overlap, and it ends furthest): a clash (see lower). One
			// that starts where the last ends does not: min(max(v, lo),
			// hi) replaces "min(" and then "max(", side by side.
			l.clashes = append(l.clashes, clash{prev, e})
			continue
		}
		prev = e
		b.WriteString(l.src[last:e.pos])
		m.shifts = append(m.shifts, shift{lowered: b.Len(), orig: e.pos, insertedLen: len(e.text), deletedLen: e.end - e.pos})
		b.WriteString(e.text)
		last = e.end
	}
	b.WriteString(l.src[last:])
	if len(l.helpers) > 0 {
		b.WriteString("\n" + l.helperDecls())
	}
	m.lowered = b.String()
	return m.lowered, m
}

// clash is an edit apply could not make, as it overlaps one it made.
type clash struct{ made, dropped edit }

// clashConstruct names the Finding of a clash.
const clashConstruct = "source pass clash"

// unparsedConstruct names the Finding of lowered code that does not
// parse (Prepare).
const unparsedConstruct = "source pass syntax"

// posMap maps positions of the lowered program back to the reader's.
type posMap struct {
	orig, lowered string
	shifts        []shift
}

type shift struct {
	lowered, orig           int // where the edit starts in each text
	insertedLen, deletedLen int
}

// origOffset maps an offset of the lowered text to the reader's text. An
// offset inside inserted text maps to where the insertion is.
func (m *posMap) origOffset(off int) int {
	delta := 0
	for _, s := range m.shifts {
		if off < s.lowered {
			break
		}
		if off < s.lowered+s.insertedLen {
			return s.orig
		}
		delta = s.orig + s.deletedLen - (s.lowered + s.insertedLen)
	}
	return off + delta
}

// position maps line:col of the lowered program to the reader's. Lines
// past the reader's (the helpers) are returned as they are.
func (m *posMap) position(line, col int) (int, int) {
	start, ok := lineStart(m.lowered, line)
	if !ok || line > strings.Count(m.orig, "\n")+1 {
		return line, col
	}
	o := m.origOffset(start + col - 1)
	ostart, _ := lineStart(m.orig, line)
	if o < ostart {
		return line, 1
	}
	return line, o - ostart + 1
}

// lineStart is the offset where line (1-based) starts in s.
func lineStart(s string, line int) (int, bool) {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	return off, true
}

func loopBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}

// declarations records the file's methods and top-level types.
func (l *lowering) declarations(file *ast.File) {
	l.types = map[string]*ast.TypeSpec{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			l.methods[fd.Name.Name] = append(l.methods[fd.Name.Name], fd)
		}
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				l.types[ts.Name.Name] = ts
			}
		}
	}
}
