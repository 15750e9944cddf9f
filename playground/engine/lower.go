package engine

import (
	"fmt"
	"go/ast"
	"go/token"
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
// cmd/fix's fixes: each has a name, says what the interpreter gets wrong
// and what it does, and adds its edits; lower collects the nodes once and
// runs the table in its fixed order.
//
// What it lowers, each measured against yaegi v0.16.1 (lower_test.go):
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
//     Go infers, written out, when the syntax shows them (lowergen.go);
//   - a break, continue or goto ending a select's case, and a plain break
//     in a select (selectBranches); a case receiving into variables that
//     exist already (selectAssigns);
//   - a label on a bare return gets an empty block for the return
//     (done: {}; return), as a goto to it never came back;
//   - the calls, receives and composite literals of an assignment of
//     several values, which the interpreter assigned alone (multiAssigns);
//   - a shift by a count that is not a constant checks the count first,
//     to panic as Go does when it is negative (shiftCounts);
//   - a method value x.M with a value receiver, which must copy x (or
//     what x points to) when it is evaluated, and in a loop must give
//     each value its own copy, and method expressions (*T).M and T.M,
//     which the interpreter cannot call, into function literals.
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
	loops   []*ast.BlockStmt  // the bodies of the file's loops
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
// cmd/fix's fixes: a name (what a clash between two rewrites names), what
// yaegi v0.16.1 gets wrong and what the rewrite does about it, and the
// function that makes its edits. A rewrite reads the tree and the nodes
// collected for it and adds edits; it never changes the tree.
type rewrite struct {
	name string
	doc  string
	run  func(l *lowering, s *syntax)
}

// rewrites is the table, run in this order: an edit made earlier goes
// first where two insert at one place, and a rewrite may look at what the
// earlier ones edited (editedWithin, rewritten) and leave a node alone.
// So the order matters, and it is fixed: the statements that are only
// marked or renamed first (a label's return, case error), then the loops
// and their variables, then calls (built-ins, the library, generic
// functions), deferred calls and closures, selects, assignments, shifts,
// named results, go statements, selectors (the library's functions,
// method values), comma-ok assertions and returns of a receive.
var rewrites = []rewrite{
	{"labeledReturn", "A goto to the label of a bare return that the statement before it falls into (done: return) loops for ever; the label goes on an empty block before the return (done: {}; return).", labeledReturnRewrite},
	{"errorCase", "case error in a type switch matches nothing when the switch is on an interface other than error or has no variable; it names the library's copy of the interface, and the switch gets a variable.", errorCaseRewrite},
	{"rangeInt", "for i := range n over an integer (Go 1.22) is not known; it becomes a three-clause loop over a copy of n.", rangeIntRewrite},
	{"chanRange", "for k, v := range over a slice, array or map of channels is taken for a range over a channel; it ranges by index.", chanRangeRewrite},
	{"loopVars", "A loop has one variable for every iteration, which closures and addresses share; the body starts with Go 1.22's per-iteration copy.", loopVarRewrite},
	{"builtins", "min and max (Go 1.21), recover's wrapped value, clear, and panic with nil or with a variable become helpers or the library's functions.", builtinRewrite},
	{"nestedCalls", "cmp.Or infers no type parameter from variadic arguments alone; it becomes nested calls of a two-value helper.", nestedCallRewrite},
	{"genericCalls", "Type arguments are inferred wrongly in a function literal or from a library function; a call of a generic function of the file gets the ones Go infers, written out (lowergen.go).", genericCallRewrite},
	{"deferArgs", "A deferred call's arguments and receiver are read when it runs, not at the defer; they are copied at the defer.", deferArgRewrite},
	{"deferredClosures", "A function literal deferred in a loop runs on the frame as the return finds it, and hangs when made in that frame; it is made by a call where the defer stands, over copies of the loop's variables.", deferredClosureRewrite},
	{"libraryClosures", "A function literal handed to another package in a loop reads the frame when it is called; in parentheses it is a closure over the iteration's variables.", libraryClosureRewrite},
	{"selectSends", "A composite literal sent in a select's case is evaluated wrongly; the values sent are taken before the select.", selectSendRewrite},
	{"selectBranches", "A case's last break, continue or goto is chained to the end of the select, and a plain break leaves the loop around it; they get a block of their own, and a plain break a label on the select.", selectBranchRewrite},
	{"selectAssigns", "A case receiving into variables that exist already crashes; it receives into fresh ones, assigned first thing in the case.", selectAssignRewrite},
	{"recvAssigns", "v = <-ch stores the value where a closure that captured v does not see it; the value goes through a fresh variable.", recvAssignRewrite},
	{"multiAssigns", "Of an assignment of several values with a call, a receive or a composite literal, only that value is assigned; those values are taken first into fresh variables.", multiAssignRewrite},
	{"shiftCounts", "A shift by a negative count does not panic; a count that is not a constant is checked first.", shiftCountRewrite},
	{"zeroResults", "A call ending in a recovered panic returns the named results of the previous call; a function with named results starts by zeroing them.", zeroResultRewrite},
	{"goPanic", "A panic at the top of a goroutine other than main's crashes the interpreter; the goroutine gets a deferred call that ends the program as Go does, and is counted.", goPanicRewrite},
	{"libCalls", "Library functions the interpreter lacks (generic ones) or runs wrongly (errors.As) become calls of helpers in plain Go (lowerlib.go).", libCallRewrite},
	{"methodValues", "A method value does not copy its receiver, and in a loop is bound to one slot; method expressions cannot be called. Both become function literals or copies.", methodValueRewrite},
	{"commaOK", "v, ok := x.(I) for an interface I crashes when x is nil; it goes through a helper.", commaOKRewrite},
	{"returnRecv", "return <-ch crashes; the value received goes through a variable.", returnRecvRewrite},
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
}

// collect walks the file once for the nodes the rewrites work on, and
// records the struct field names it declares.
func (l *lowering) collect(file *ast.File) *syntax {
	s := &syntax{file: file, called: map[*ast.SelectorExpr]bool{}, labels: map[ast.Stmt]*ast.LabeledStmt{}}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
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
func lower(fset *token.FileSet, file *ast.File, src string) (string, *posMap, []Finding) {
	l := &lowering{src: src, fset: fset, helpers: map[string]bool{}, imports: map[string]bool{}, methods: map[string][]*ast.FuncDecl{}, fields: map[string]bool{}}
	l.declarations(file)
	s := l.collect(file)
	for _, r := range s.ranges {
		l.loops = append(l.loops, r.Body)
		l.loopStmts = append(l.loopStmts, r)
	}
	for _, f := range s.fors {
		l.loops = append(l.loops, f.Body)
		l.loopStmts = append(l.loopStmts, f)
	}
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
	return code, pm, clashes
}

// The table's functions, each running one rewrite over the nodes it
// works on.

func labeledReturnRewrite(l *lowering, s *syntax) {
	for _, r := range s.labeledReturns {
		// yaegi v0.16.1 loops for ever on a goto to a label of a bare
		// return that the statement before it falls into (done:
		// return): the label goes on an empty block before it.
		l.insert(r.Pos(), "{}; ")
	}
}

func errorCaseRewrite(l *lowering, s *syntax) {
	for _, ts := range s.typeSwitches {
		l.errorCases(ts)
	}
}

func rangeIntRewrite(l *lowering, s *syntax) {
	for _, r := range s.ranges {
		if isIntExpr(r.X) && r.Tok != token.ASSIGN {
			l.rangeInt(r, s.labels[r])
		}
	}
}

func chanRangeRewrite(l *lowering, s *syntax) {
	l.byIndex = map[*ast.RangeStmt]bool{}
	for _, r := range s.ranges {
		if !(isIntExpr(r.X) && r.Tok != token.ASSIGN) && l.chanRange(r, s.labels[r]) {
			l.byIndex[r] = true
		}
	}
}

func loopVarRewrite(l *lowering, s *syntax) {
	l.structFields = structFields(s.file)
	for _, r := range s.ranges {
		switch {
		case isIntExpr(r.X) && r.Tok != token.ASSIGN:
			// rangeInt made its own copy.
		case l.byIndex[r]:
			// The value is declared in the body now, once per
			// iteration; the key is an index.
			l.loopCopies(r.Body, nil, nil, r.Key)
		case r.Tok == token.DEFINE:
			key, value := l.rangeTypes(r)
			whole := []bool{l.mayHoldMethods(key), l.mayHoldMethods(value)}
			l.loopCopies(r.Body, nil, whole, r.Key, r.Value)
		}
	}
	for _, f := range s.fors {
		if init, ok := f.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
			l.loopCopies(f.Body, f.Body, nil, init.Lhs...)
		}
	}
}

func builtinRewrite(l *lowering, s *syntax) {
	for _, c := range s.calls {
		l.builtinCall(c)
	}
}

func nestedCallRewrite(l *lowering, s *syntax) {
	for _, c := range s.calls {
		l.nestedCall(c, l.names)
	}
}

func genericCallRewrite(l *lowering, s *syntax) { l.genericCalls(s.file, s.calls) }

func deferArgRewrite(l *lowering, s *syntax) {
	for _, d := range s.defers {
		l.deferArgs(d)
	}
}

func deferredClosureRewrite(l *lowering, s *syntax) { l.deferredClosures(s.file) }

func libraryClosureRewrite(l *lowering, s *syntax) { l.libraryClosures(s.file) }

func selectSendRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selects {
		l.selectSends(sel, s.labels[sel])
	}
}

func selectBranchRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selects {
		l.selectBranches(sel, s.labels[sel])
	}
}

func selectAssignRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selects {
		l.selectAssigns(sel)
	}
}

func recvAssignRewrite(l *lowering, s *syntax) { l.recvAssigns(s.file) }

func multiAssignRewrite(l *lowering, s *syntax) { l.multiAssigns(s.file) }

func shiftCountRewrite(l *lowering, s *syntax) { l.shiftCounts(s.file) }

func zeroResultRewrite(l *lowering, s *syntax) {
	ast.Inspect(s.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			l.zeroResults(n.Type, n.Body)
		case *ast.FuncLit:
			l.zeroResults(n.Type, n.Body)
		}
		return true
	})
}

func goPanicRewrite(l *lowering, s *syntax) {
	for _, g := range s.gos {
		l.goPanic(g, l.names)
	}
}

func libCallRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selectors {
		l.libCall(sel, l.names)
	}
}

func methodValueRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selectors {
		if _, lib := libCalls[l.names[builtin(sel.X)]+"."+sel.Sel.Name]; !lib {
			l.methodValue(sel, s.called[sel])
		}
	}
}

func commaOKRewrite(l *lowering, s *syntax) {
	for _, ta := range s.commaOK {
		l.commaOK(ta, l.names)
	}
}

func returnRecvRewrite(l *lowering, s *syntax) {
	for _, r := range s.returns {
		l.returnRecv(r)
	}
}

// rangeInt: "for i := range n {" becomes "{ n_ := n; for i := n_ - n_; i <
// n_; i++ {" (the zero of n's type, so i has n's type, as in Go), and the
// loop's closing brace gets a second one. A label moves onto the for.
func (l *lowering) rangeInt(r *ast.RangeStmt, label *ast.LabeledStmt) {
	n := l.name("_lowerN")
	key := l.rangeKey(r, "_lowerI")
	head := l.moveLabel(label)
	// Edits around r.X, not of its text: a later rewrite may change it.
	l.add(edit{pos: l.off(r.For), end: l.off(r.X.Pos()), text: "{ " + n + " := "})
	l.add(edit{pos: l.off(r.X.End()), end: l.off(r.Body.Lbrace),
		text: "; " + head + "for " + key + " := " + n + " - " + n + "; " + key + " < " + n + "; " + key + "++ "})
	l.wrap(r, "", " }")
	// The body works on a copy: in Go each iteration has its own i, and
	// assigning to it does not change the iteration.
	if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" && refers(r.Body, id.Obj) {
		l.insert(r.Body.Lbrace+1, " "+id.Name+" := "+id.Name+";")
	}
}

// rangeKey is the name of r's key, a fresh one when r has none or "_".
func (l *lowering) rangeKey(r *ast.RangeStmt, prefix string) string {
	if r.Key != nil {
		if key := l.text(r.Key); key != "_" {
			return key
		}
	}
	return l.name(prefix)
}

// moveLabel takes label off from where it is (maybe a line of its own),
// the line breaks staying, and returns it to be written again onto the
// loop inside the block a rewrite opens: "break L" and "continue L" must
// still name the loop.
func (l *lowering) moveLabel(label *ast.LabeledStmt) string {
	if label == nil {
		return ""
	}
	l.add(edit{pos: l.off(label.Pos()), end: l.off(label.Colon) + 1})
	return label.Label.Name + ": "
}

func refers(body ast.Node, obj *ast.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj == obj {
			found = true
		}
		return !found
	})
	return found
}

// loopCopies starts the body with "v := v;" for each loop variable a
// closure in the body uses (and, in a range, that the body assigns or
// takes the address of, or uses whole where whole[i] says the variable
// vars[i] may hold a value of a type with methods: methodvars.go).
// assigned, when not nil, is where an assignment to the variable would
// make the copy wrong (a three-clause loop's body: its changes must reach
// the next iteration).
func (l *lowering) loopCopies(body, assigned *ast.BlockStmt, whole []bool, vars ...ast.Expr) {
	if body == nil {
		return
	}
	objs := objects(vars...)
	used := map[*ast.Object]string{}
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && objs[id.Obj] {
				used[id.Obj] = id.Name
			}
			return true
		})
		return false
	})
	if assigned == nil {
		// A range's variables: the interpreter iterates with the key
		// itself, so assigning it in the body changed the iteration
		// (for i := range xs { i++ } skipped elements, or never ended),
		// and takes the address of the one variable of the loop (&v is
		// the same for every element). The body gets its own copies, as
		// Go 1.22 gives each iteration its own variables: the range
		// does not read them back.
		for i, v := range vars {
			byValue := i < len(whole) && whole[i]
			if id, ok := v.(*ast.Ident); ok && id.Obj != nil && id.Name != "_" && (assigns(body, map[*ast.Object]string{id.Obj: id.Name}) || byValue && usedWhole(body, id.Obj)) {
				used[id.Obj] = id.Name
			}
		}
	}
	if len(used) == 0 || (assigned != nil && assigns(assigned, used)) {
		return
	}
	var names []string
	for _, name := range used {
		names = append(names, name)
	}
	sort.Strings(names)
	list := strings.Join(names, ", ")
	l.insert(body.Lbrace+1, " "+list+" := "+list+";")
}

// usedWhole reports whether body uses the variable obj as a whole value
// (v, not v.f or v.M()): handed on, a range's variable of a type with
// methods stays bound to the interpreter's one slot for it (appended to
// an []any, every element was the last), where a variable declared in
// the body is copied.
func usedWhole(body *ast.BlockStmt, obj *ast.Object) bool {
	found := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && id.Obj == obj && len(stack) > 0 {
			if sel, ok := stack[len(stack)-1].(*ast.SelectorExpr); !ok || sel.X != id {
				found = true
			}
		}
		stack = append(stack, n)
		return !found
	})
	return found
}

// assigns reports whether body assigns, increments or takes the address of
// one of vars.
func assigns(body *ast.BlockStmt, vars map[*ast.Object]string) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && vars[id.Obj] != ""
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, e := range n.Lhs {
					found = found || is(e)
				}
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || (n.Op == token.AND && is(n.X))
		}
		return !found
	})
	return found
}

// minMax: constant arguments fold to the chosen one (min(1.5, 2) stays an
// untyped constant, as in Go); otherwise nested calls of a two-argument
// generic helper.
func (l *lowering) minMax(c *ast.CallExpr, fn string) {
	if pick := foldMinMax(c.Args, fn); pick != nil {
		l.replace(c, "("+l.text(pick)+")")
		return
	}
	if len(c.Args) == 1 {
		l.replace(c, "("+l.text(c.Args[0])+")")
		return
	}
	helper := "_lowerMin"
	if fn == "max" {
		helper = "_lowerMax"
	}
	l.use(helper)
	l.nest(c, helper)
}

// nest turns f(a, b, c) into helper(helper(a, b), c): the call's own
// closing parenthesis closes the outermost helper call.
func (l *lowering) nest(c *ast.CallExpr, helper string) {
	l.add(edit{pos: l.off(c.Fun.Pos()), end: l.off(c.Lparen) + 1, text: strings.Repeat(helper+"(", len(c.Args)-1)})
	for _, a := range c.Args[1 : len(c.Args)-1] {
		l.insert(a.End(), ")")
	}
}

// foldMinMax picks the argument min or max returns when all are literals
// of numbers (decimal) or all of strings. (go/constant would do this in
// general, at a cost in the playground's WebAssembly the cases do not
// repay.)
func foldMinMax(args []ast.Expr, fn string) ast.Expr {
	var best ast.Expr
	var bestNum float64
	var bestStr string
	kind := token.ILLEGAL
	for _, a := range args {
		k, num, str, ok := literalValue(a)
		if !ok || (kind != token.ILLEGAL && (k == token.STRING) != (kind == token.STRING)) {
			return nil
		}
		kind = k
		better := false
		if k == token.STRING {
			better = (fn == "min" && str < bestStr) || (fn == "max" && str > bestStr)
		} else {
			better = (fn == "min" && num < bestNum) || (fn == "max" && num > bestNum)
		}
		if best == nil || better {
			best, bestNum, bestStr = a, num, str
		}
	}
	return best
}

func literalValue(e ast.Expr) (kind token.Token, num float64, str string, ok bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT, token.FLOAT:
			n, err := strconv.ParseFloat(e.Value, 64)
			return e.Kind, n, "", err == nil && !strings.ContainsAny(e.Value, "xXoObB_")
		case token.STRING:
			s, err := strconv.Unquote(e.Value)
			return token.STRING, 0, s, err == nil
		}
	case *ast.UnaryExpr:
		if k, n, _, ok := literalValue(e.X); ok && k != token.STRING && e.Op == token.SUB {
			return k, -n, "", true
		}
	}
	return token.ILLEGAL, 0, "", false
}

// deferArgs copies a deferred call's arguments, and its receiver when the
// method has a value receiver, into fresh variables declared just before
// the defer statement, in a block of their own. Constants stay in place (a
// copy would give them their default type). An argument that spans lines
// stays too: moving it would move its line breaks.
func (l *lowering) deferArgs(d *ast.DeferStmt) {
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && l.inLoop(d) && !d.Call.Ellipsis.IsValid() {
		switch {
		case l.pointerMethod(sel):
			if l.deferMethodCall(d, sel, l.text(sel.X)) {
				return
			}
		case l.valueMethod(sel):
			if l.deferMethodCall(d, sel, "_lowerCopy("+l.text(sel.X)+")") {
				l.use("_lowerCopy")
				return
			}
		case len(l.methods[sel.Sel.Name]) > 0 && !l.fields[sel.Sel.Name] && l.loopVar(sel.X, d):
			// Receivers of either kind: a copy of the iteration's
			// variable, as Go 1.22 has one per iteration.
			if l.deferMethodCall(d, sel, l.text(sel.X)) {
				return
			}
		}
	}
	decls := l.hoistArgs(d.Call.Args, "_lowerD")
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && l.valueMethod(sel) && !strings.Contains(l.text(sel.X), "\n") {
		// What a pointer points to, when the receiver is one: a value
		// receiver is copied at the defer.
		v := l.name("_lowerR")
		l.use("_lowerCopy")
		decls = append(decls, v+" := _lowerCopy("+l.text(sel.X)+"); ")
		l.replace(sel.X, v)
	}
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok && l.pointerMethod(sel) {
		// A pointer receiver is read when the deferred call runs, not
		// at the defer ("r := &res{n}; defer r.Close()" closed the r
		// of the last assignment): the pointer is copied at the defer,
		// where Go evaluates it.
		v := l.name("_lowerR")
		decls = append(decls, v+" := "+l.text(sel.X)+"; ")
		l.replace(sel.X, v)
	}
	if len(decls) == 0 {
		return
	}
	l.wrap(d, "{ "+strings.Join(decls, ""), " }")
}

// deferMethodCall rewrites "defer p.M(a, b)" in a loop, whose receiver
// evaluates to recv (p for a pointer receiver, _lowerCopy(p) for a value
// one), into "{ _lowerF2 := func() func() { _lowerR1 := p; _lowerD3 :=
// a; return func() { _lowerR1.M(_lowerD3, b) } }(); defer _lowerF2() }"
// (one := a name: of "_lowerR1, _lowerD3 := p, T{i}" the interpreter
// assigns only the composite literal, multiAssigns' bug): a
// variable declared in the loop's body is one slot for every iteration in
// the interpreter, which the deferred calls would all read at the end;
// the function called at the defer copies into a frame of its own.
// Constant arguments stay; with another argument (one that spans lines,
// or that another rewrite changes) it returns false.
func (l *lowering) deferMethodCall(d *ast.DeferStmt, sel *ast.SelectorExpr, value string) bool {
	return l.methodCallAt(d, d.Call, "defer", sel, value)
}

// methodCallAt is deferMethodCall for a defer or (kw "go") a go
// statement st of call.
func (l *lowering) methodCallAt(st ast.Stmt, call *ast.CallExpr, kw string, sel *ast.SelectorExpr, value string) bool {
	if l.editedWithin(st) || strings.Contains(l.text(sel.X), "\n") || call.Ellipsis.IsValid() {
		return false
	}
	recv := l.name("_lowerR")
	decls := recv + " := " + value + "; "
	var args []string
	for _, a := range call.Args {
		switch {
		case isConstantLike(a):
			args = append(args, l.text(a))
		case l.hoistable(a) && !l.editedWithin(a):
			v := l.name("_lowerD")
			decls += v + " := " + l.text(a) + "; "
			args = append(args, v)
		default:
			return false
		}
	}
	f := l.name("_lowerF")
	l.replace(st, "{ "+f+" := func() func() { "+decls+"return func() { "+recv+"."+sel.Sel.Name+"("+strings.Join(args, ", ")+") } }(); "+kw+" "+f+"() }")
	return true
}

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

// pointerMethod: sel is x.M on a pointer variable x (pointerVar), every
// method M of the file has a pointer receiver (one with a value receiver
// copies what x points to, valueMethod), and no field is named M.
func (l *lowering) pointerMethod(sel *ast.SelectorExpr) bool {
	ms := l.methods[sel.Sel.Name]
	if len(ms) == 0 || l.fields[sel.Sel.Name] || !pointerVar(sel.X) {
		return false
	}
	for _, m := range ms {
		if _, ptr := m.Recv.List[0].Type.(*ast.StarExpr); !ptr {
			return false
		}
	}
	return true
}

// pointerVar: x is a variable the syntax shows to be a pointer: declared
// with a type *T, or from &..., or from a call of a function of the file
// whose result there is a *T.
func pointerVar(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
		return false
	}
	isPtr := func(e ast.Expr) bool {
		_, ok := e.(*ast.StarExpr)
		return ok
	}
	fromValue := func(values []ast.Expr, names []*ast.Ident) bool {
		i := -1
		for j, n := range names {
			if n == id || n.Obj == id.Obj {
				i = j
			}
		}
		if i < 0 {
			return false
		}
		if len(values) == len(names) {
			if u, ok := ast.Unparen(values[i]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				return true
			}
		}
		var call *ast.CallExpr
		switch {
		case len(values) == len(names):
			call, _ = ast.Unparen(values[i]).(*ast.CallExpr)
		case len(values) == 1:
			call, _ = ast.Unparen(values[0]).(*ast.CallExpr) // its i-th result
		}
		if call == nil {
			return false
		}
		f, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok || f.Obj == nil {
			return false
		}
		fd, ok := f.Obj.Decl.(*ast.FuncDecl)
		if !ok || fd.Type.Results == nil {
			return false
		}
		var results []ast.Expr
		for _, r := range fd.Type.Results.List {
			for range max(1, len(r.Names)) {
				results = append(results, r.Type)
			}
		}
		if len(values) == len(names) {
			return len(results) == 1 && isPtr(results[0])
		}
		return len(results) == len(names) && isPtr(results[i])
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return isPtr(d.Type)
	case *ast.ValueSpec:
		return isPtr(d.Type) || (d.Type == nil && fromValue(d.Values, d.Names))
	case *ast.AssignStmt:
		var names []*ast.Ident
		for _, e := range d.Lhs {
			n, _ := e.(*ast.Ident)
			if n == nil {
				return false
			}
			names = append(names, n)
		}
		return d.Tok == token.DEFINE && fromValue(d.Rhs, names)
	}
	return false
}

// zeroResults starts a function with named results by setting them to
// their zero values: the interpreter keeps a call's named results in
// slots the next call reuses, so a call that ends in a recovered panic,
// without a return, returns what the previous call returned (measured
// on yaegi v0.16.1).
func (l *lowering) zeroResults(ft *ast.FuncType, body *ast.BlockStmt) {
	if body == nil || ft.Results == nil {
		return
	}
	var sets []string
	for _, f := range ft.Results.List {
		t := l.text(f.Type)
		if strings.Contains(t, "\n") {
			return
		}
		for _, n := range f.Names {
			if n.Name != "_" {
				sets = append(sets, n.Name+" = *new("+t+"); ")
			}
		}
	}
	if len(sets) > 0 {
		l.insert(body.Lbrace+1, " "+strings.Join(sets, ""))
	}
}

// recvAssigns rewrites a statement "v = <-ch", v a variable, into "{
// _lowerV1 := <-ch; v = _lowerV1 }": the interpreter stores the value
// where a closure that captured v does not see it (measured on yaegi
// v0.16.1; "v, ok = <-ch" and a receive through a fresh variable are
// right). Only statements of a list are rewritten, where a block may
// stand.
func (l *lowering) recvAssigns(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		for _, s := range stmtList(n) {
			as, ok := s.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			recv, ok := as.Rhs[0].(*ast.UnaryExpr)
			if id, isVar := as.Lhs[0].(*ast.Ident); !ok || recv.Op != token.ARROW || !isVar || id.Name == "_" || !l.hoistable(recv) {
				continue
			}
			v := l.name("_lowerV")
			l.wrap(as, "{ "+v+" := "+l.text(recv)+"; ", " }")
			l.replace(recv, v)
		}
		return true
	})
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

// selectSends evaluates the values a select's cases send before the
// select, into fresh variables: the interpreter evaluates a composite
// literal sent there wrongly ({3 0} for pair{j, j*j}). Go evaluates
// every case's value once, on entering the select, in source order, so
// evaluating them just before it changes nothing else. A value that
// cannot move stays (hoistable).
func (l *lowering) selectSends(s *ast.SelectStmt, label *ast.LabeledStmt) {
	var decls []string
	for _, c := range s.Body.List {
		send, ok := c.(*ast.CommClause).Comm.(*ast.SendStmt)
		if !ok || isConstantLike(send.Value) || !l.hoistable(send.Value) {
			continue
		}
		v := l.name("_lowerS")
		decls = append(decls, v+" := "+l.text(send.Value)+"; ")
		l.replace(send.Value, v)
	}
	if len(decls) == 0 {
		return
	}
	var at ast.Node = s
	if label != nil {
		at = label // the label stays on the select
	}
	l.insert(at.Pos(), strings.Join(decls, ""))
}

// selectBranches rewrites the branch statements of a select's cases that
// the interpreter runs wrongly (yaegi v0.16.1, interp/cfg.go):
//
//   - a case's last statement is chained to the end of the select, even
//     when it is a break, continue or goto: "case <-c: break loop" ended
//     the select and stayed in the loop, "continue" went on after the
//     select. Put in a block of its own, "{ break loop }", it keeps its
//     target: the block is what gets chained;
//   - a plain break in a select leaves the innermost for or switch around
//     the select (or, with none, nothing), where Go leaves the select: it
//     names the select instead, "break _lowerSel1", with that label put
//     on the select (or the select's own label when it has one).
//
// Branch statements inside a loop, a switch, a select or a function
// literal in a case are theirs, and left alone.
func (l *lowering) selectBranches(s *ast.SelectStmt, label *ast.LabeledStmt) {
	name := ""
	if label != nil {
		name = label.Label.Name
	}
	plain := false // a plain break names the select now
	for _, c := range s.Body.List {
		body := c.(*ast.CommClause).Body
		var last ast.Stmt
		if len(body) > 0 {
			last = body[len(body)-1]
		}
		for _, b := range selectBreaks(body) {
			if name == "" {
				name = l.name("_lowerSel")
			}
			plain = true
			if b == last {
				l.replace(b, "{ break "+name+" }")
			} else {
				l.replace(b, "break "+name)
			}
		}
		if b, ok := last.(*ast.BranchStmt); ok && (b.Tok != token.BREAK || b.Label != nil) {
			l.replace(b, "{ "+l.text(b)+" }")
		}
	}
	if plain && label == nil {
		// In a block of its own: the interpreter knows a label only
		// among a block's statements, not a case's.
		l.wrap(s, "{ "+name+": ", " }")
	}
}

// selectAssigns: a case that receives into variables that exist already,
// "case v = <-ch:", crashes yaegi v0.16.1 (reflect: Value.Set using
// unaddressable value). It receives into fresh ones instead, assigned
// first thing in the case, "case _lowerC1 := <-ch: v = _lowerC1;", which
// is when Go evaluates and assigns the left-hand side too.
func (l *lowering) selectAssigns(s *ast.SelectStmt) {
	for _, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		as, ok := cc.Comm.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || l.editedWithin(as) {
			continue
		}
		var fresh, dest, got []string
		for _, e := range as.Lhs {
			if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
				fresh = append(fresh, "_")
				continue
			}
			v := l.name("_lowerC")
			fresh = append(fresh, v)
			got = append(got, v)
			dest = append(dest, l.text(e))
		}
		if len(got) == 0 || strings.Contains(strings.Join(dest, ""), "\n") {
			continue
		}
		l.add(edit{pos: l.off(as.Pos()), end: l.off(as.TokPos) + 1, text: strings.Join(fresh, ", ") + " :="})
		l.insert(cc.Colon+1, " "+strings.Join(dest, ", ")+" = "+strings.Join(got, ", ")+";")
	}
}

// selectBreaks returns the plain break statements of a select case's body
// that leave the select.
func selectBreaks(body []ast.Stmt) []*ast.BranchStmt {
	var out []*ast.BranchStmt
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if n.Tok == token.BREAK && n.Label == nil {
					out = append(out, n)
				}
			}
			return true
		})
	}
	return out
}

// multiAssigns: in an assignment of several values, "a, b = f(), 0",
// yaegi v0.16.1 lets a call, a receive or a composite literal write
// straight into its variable and then skips the whole statement's
// assignment (interp/cfg.go sets the statement's action to nop for one
// pair): b keeps its old value. With := and var the same happens for a
// receive or a composite literal ("v, w := <-ch, 3" leaves w 0). The
// values that hold a call, a receive or a composite literal are taken
// first into fresh variables, in their order, as Go's compiler evaluates
// them before the rest: "{ _lowerA1 := f(); a, b = _lowerA1, 0 }". A
// statement that is not in a list of statements (an if's or a for's),
// or a value another rewrite changes, stays, and Detect announces it. So
// does one whose left side calls or receives (xs[k()], b = f(), 2): Go
// runs k() before f(), and the values' calls taken first would run f()
// first. (A variable the left side reads, xs[i], Go's compiler reads
// after the right side's calls, as it is read after the calls taken
// first.)
func (l *lowering) multiAssigns(file *ast.File) {
	hoist := func(at ast.Node, lhs, values []ast.Expr, tok token.Token) {
		if !multiValueBug(values, tok) {
			return
		}
		var moved []ast.Expr
		for _, v := range values {
			if hasEffects(v) && !foldedConstant(v) {
				if !l.hoistable(v) || l.editedWithin(v) {
					return
				}
				moved = append(moved, v)
			}
		}
		for _, e := range lhs {
			if callsOrReceives(e) {
				return
			}
		}
		var decls []string
		for _, v := range moved {
			name := l.name("_lowerA")
			if tok == token.DEFINE {
				decls = append(decls, name+" := "+l.text(v)+"; ")
			} else {
				decls = append(decls, "var "+name+" = "+l.text(v)+"; ")
			}
			l.replace(v, name)
		}
		if tok == token.ASSIGN {
			l.wrap(at, "{ "+strings.Join(decls, ""), " }")
		} else {
			// A declaration: its names stay in the scope they were in.
			l.insert(at.Pos(), strings.Join(decls, ""))
		}
	}
	spec := func(d *ast.GenDecl) (*ast.ValueSpec, bool) {
		if d.Tok != token.VAR || d.Lparen.IsValid() || len(d.Specs) != 1 {
			return nil, false
		}
		vs := d.Specs[0].(*ast.ValueSpec)
		return vs, len(vs.Names) > 1 && len(vs.Names) == len(vs.Values)
	}
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok {
			if vs, ok := spec(gd); ok {
				hoist(gd, nil, vs.Values, token.VAR)
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		for _, st := range stmtList(n) {
			if ls, ok := st.(*ast.LabeledStmt); ok {
				st = ls.Stmt
			}
			switch st := st.(type) {
			case *ast.AssignStmt:
				if len(st.Lhs) > 1 && len(st.Lhs) == len(st.Rhs) && (st.Tok == token.ASSIGN || st.Tok == token.DEFINE) {
					hoist(st, st.Lhs, st.Rhs, st.Tok)
				}
			case *ast.DeclStmt:
				if vs, ok := spec(st.Decl.(*ast.GenDecl)); ok {
					hoist(st, nil, vs.Values, token.VAR)
				}
			}
		}
		return true
	})
}

// shiftCounts checks a shift count that is not a constant with
// _lowerShift, which panics as Go does when it is negative: the
// interpreter shifts by it (1 << -1 gave 0). A count that may be a
// constant is left (constantCount): wrapped, a constant shift would
// become a variable one, which is another expression in Go (the untyped
// 1 of float64(1 << (strconv.IntSize - 1)) would take float64's type).
// So are counts in a constant declaration or an array's length, which
// are constants, and len or cap of something (never negative).
func (l *lowering) shiftCounts(file *ast.File) {
	check := func(count ast.Expr) {
		if l.constantCount(count) || unsignedCount(count) {
			return
		}
		if c, ok := ast.Unparen(count).(*ast.CallExpr); ok && (builtin(c.Fun) == "len" || builtin(c.Fun) == "cap") {
			return
		}
		l.use("_lowerShift")
		l.wrap(count, "_lowerShift(", ")")
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			return n.Tok != token.CONST
		case *ast.ArrayType:
			ast.Inspect(n.Elt, visit)
			return false
		case *ast.BinaryExpr:
			if n.Op == token.SHL || n.Op == token.SHR {
				check(n.Y)
			}
		case *ast.AssignStmt:
			if n.Tok == token.SHL_ASSIGN || n.Tok == token.SHR_ASSIGN {
				check(n.Rhs[0])
			}
		}
		return true
	}
	ast.Inspect(file, visit)
}

// unsignedCount: e is never negative, as the syntax shows its type
// unsigned: a conversion to one (x << uint(n)), or a variable declared
// with one (var k uint, a parameter k uint8) or from such a conversion
// (k := uint(3)). The check is a call, which costs the interpreter more
// than the shift: a loop of 300,000 iterations with three shifts by a
// variable ran in 1.5 to 3 s checked, 40 to 70 ms not.
func unsignedCount(e ast.Expr) bool {
	unsigned := func(t ast.Expr) bool {
		switch builtin(t) {
		case "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte":
			return true
		}
		return false
	}
	conversion := func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && len(c.Args) == 1 && !c.Ellipsis.IsValid() && unsigned(c.Fun)
	}
	if conversion(e) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
		return false
	}
	typ, value := declared(id)
	if typ != nil {
		return unsigned(typ)
	}
	return value != nil && conversion(value)
}

// constantCount: e may be a constant as a shift count: what
// isConstantLike says, a name of an imported package (strconv.IntSize,
// math.MaxInt8; a package's variable would be a count that is not
// negative in any package a program here imports), unsafe's Sizeof,
// Alignof and Offsetof, and a conversion (a call of a type's name) of
// such, in any operation of such.
func (l *lowering) constantCount(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return l.names[builtin(e.X)] != ""
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && l.names[builtin(sel.X)] == "unsafe" {
			return true
		}
		return len(e.Args) == 1 && typeName(e.Fun) && l.constantCount(e.Args[0])
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && l.constantCount(e.X)
	case *ast.BinaryExpr:
		return l.constantCount(e.X) && l.constantCount(e.Y)
	}
	return isConstantLike(e)
}

// typeName: e names a type, predeclared (uint) or the file's.
func typeName(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Obj != nil {
		return id.Obj.Kind == ast.Typ
	}
	switch id.Name {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune":
		return true
	}
	return false
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

// multiValueBug reports whether yaegi v0.16.1 drops some of the values of
// an assignment of several (tok: =, := or var; see multiAssigns): one is
// a receive or a composite literal (&T{} too), or, with =, a call.
func multiValueBug(values []ast.Expr, tok token.Token) bool {
	if len(values) < 2 {
		return false
	}
	for _, v := range values {
		switch v := ast.Unparen(v).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			if tok == token.ASSIGN && !foldedConstant(v) {
				return true
			}
		case *ast.UnaryExpr:
			if v.Op == token.ARROW {
				return true
			}
			if _, ok := ast.Unparen(v.X).(*ast.CompositeLit); ok && v.Op == token.AND {
				return true
			}
		}
	}
	return false
}

// foldedConstant: e is a constant whose calls are of complex, real or
// imag. Such a call the interpreter folds into a constant, which an
// assignment of several values assigns right (c, b = complex(1, 2), 3),
// and it may be an untyped constant, which a fresh variable would give
// its default type (var _lowerA1 = complex(1, 2) is a complex128, which
// a complex64 c cannot take): multiAssigns leaves it in place.
func foldedConstant(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		switch builtin(e.Fun) {
		case "complex", "real", "imag":
			for _, a := range e.Args {
				if !foldedConstant(a) {
					return false
				}
			}
			return !e.Ellipsis.IsValid()
		}
		return false
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && foldedConstant(e.X)
	case *ast.BinaryExpr:
		return foldedConstant(e.X) && foldedConstant(e.Y)
	}
	return isConstantLike(e)
}

// hasEffects: e holds a call, a receive or a composite literal (outside
// a function literal, which only makes a value).
func hasEffects(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr, *ast.CompositeLit:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

// callsOrReceives: e holds a call (a conversion too, which is harmless
// but looks the same) or a receive, outside a function literal.
func callsOrReceives(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

// goPanic gives a goroutine a deferred call that ends the program when a
// panic reaches the goroutine's top, as Go does; the interpreter would
// crash instead. "go func() { ... }()" gets it first in the literal's body
// (so it runs after the goroutine's own deferred calls, which may
// recover), and a call before the go statement that counts it (goStart). "go f(a, b)", for a function the file declares or a
// package's, becomes "{ _lowerG1 := a; go func() { defer
// func() { _lowerGoPanic(recover()) }(); f(_lowerG1, b) }() }": the arguments are still
// evaluated at the go statement. Any other go statement is left alone.
func (l *lowering) goPanic(g *ast.GoStmt, imports map[string]string) {
	// go x.M(a) on a variable of the loop around it: the receiver and the
	// arguments are evaluated at the go statement, from the iteration's
	// own variable (the interpreter reads its one slot when the goroutine
	// runs). Such a goroutine is not guarded, as before.
	if sel, ok := ast.Unparen(g.Call.Fun).(*ast.SelectorExpr); ok && len(l.methods[sel.Sel.Name]) > 0 && !l.fields[sel.Sel.Name] && l.loopVar(sel.X, g) {
		l.methodCallAt(g, g.Call, "go", sel, l.text(sel.X))
		return
	}
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		l.use("_lowerGoPanic")
		l.insert(g.Pos(), goStart)
		l.insert(lit.Body.Lbrace+1, " "+goDefer)
		return
	}
	switch f := ast.Unparen(g.Call.Fun).(type) {
	case *ast.Ident:
		if f.Obj == nil || f.Obj.Kind != ast.Fun {
			return
		}
	case *ast.SelectorExpr:
		if imports[builtin(f.X)] == "" {
			return
		}
	default:
		return
	}
	for _, a := range g.Call.Args {
		if !isConstantLike(a) && !l.hoistable(a) {
			return // evaluated later, it could see another value
		}
	}
	decls := l.hoistArgs(g.Call.Args, "_lowerG")
	l.use("_lowerGoPanic")
	l.wrap(g, "{ "+strings.Join(decls, "")+goStart, " }")
	l.wrap(g.Call, "func() { "+goDefer+" ", " }()")
}

// goDefer is the deferred call goPanic adds. recover must be called by
// the deferred function literal itself: the interpreter does not stop a
// panic for a recover in a named function deferred directly.
const goDefer = "defer func() { _lowerGoPanic(recover()) }();"

// goStart, before a go statement goPanic guards, counts the goroutine
// from its go statement, as Go does; the deferred call counts it out
// (runtime.NumGoroutine, see Prepared.counted).
const goStart = "_lowerRT.GoStart(); "

// hoistArgs moves each argument of a call that is not a constant into a
// fresh variable named after prefix, so that it is evaluated where the
// returned declarations ("_lowerD1 := x; ") are put; an argument that
// cannot be moved (hoistable) stays where it is.
func (l *lowering) hoistArgs(args []ast.Expr, prefix string) []string {
	var decls []string
	for _, a := range args {
		if isConstantLike(a) || !l.hoistable(a) {
			continue
		}
		v := l.name(prefix)
		decls = append(decls, v+" := "+l.text(a)+"; ")
		l.replace(a, v)
	}
	return decls
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
// value or expression or a library function with a helper): moving its
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

// valueMethod: sel is x.M on a variable x (or an element or a field of
// one), every method named M of the file has a value receiver, and no
// struct of the file has a field M.
// Methods of other packages (wg.Done, mu.Unlock) are never touched.
func (l *lowering) valueMethod(sel *ast.SelectorExpr) bool {
	if !isVarChain(sel.X) || l.fields[sel.Sel.Name] || declaredInterface(sel.X) {
		return false
	}
	ms := l.methods[sel.Sel.Name]
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if _, ptr := m.Recv.List[0].Type.(*ast.StarExpr); ptr {
			return false
		}
	}
	return true
}

// isVarChain: a variable, or an element or a field of one (v, a[i],
// s.f, s.items[0].p), which a receiver copy may evaluate early.
func isVarChain(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Obj != nil && e.Obj.Kind == ast.Var
	case *ast.IndexExpr:
		return isVarChain(e.X)
	case *ast.SelectorExpr:
		return isVarChain(e.X)
	}
	return false
}

// methodValue lowers x.M, not called, with a value receiver, to a method
// value on a copy of x; and (*T).M or T.M, for a method of the file, to a
// function literal calling it.
func (l *lowering) methodValue(sel *ast.SelectorExpr, called bool) {
	if fd := l.methodExpr(sel); fd != nil {
		l.methodExprLit(sel, fd)
		return
	}
	if called {
		return
	}
	if !l.valueMethod(sel) {
		l.loopMethodValue(sel)
		return
	}
	l.use("_lowerCopy")
	l.wrap(sel.X, "_lowerCopy(", ")")
	// The interpreter binds a method value to the slot that holds its
	// receiver's copy, one per expression: taken again in a loop, every
	// value sees the last receiver. A function literal called at once
	// gives each its own. Only in a loop: elsewhere the literal is not
	// needed, and yaegi v0.16.1 fails to compile some functions that hold
	// two of them and a deferred method call.
	if sig := l.methodSig(sel.Sel.Name); sig != "" && l.inLoop(sel) {
		l.wrap(sel, "func() func"+sig+" { return ", " }()")
	}
}

// declaredInterface: x is a variable or a parameter declared with an
// interface type (one of the file's, a literal, error, any, or another
// package's type, never one with the file's methods). Go's method value
// of an interface keeps the interface's value, which the interpreter does
// too; copying it through _lowerCopy would copy what a pointer in it
// points to, and the interpreter cannot assert the copy back to the
// program's interface (it panicked).
func declaredInterface(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || id.Obj == nil {
		return false
	}
	var t ast.Expr
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		t = d.Type
	case *ast.Field:
		t = d.Type
	}
	switch t := t.(type) {
	case nil:
		return false
	case *ast.InterfaceType, *ast.SelectorExpr:
		return true
	case *ast.Ident:
		switch builtin(t) {
		case "error", "any":
			return true
		}
		if t.Obj == nil {
			return false
		}
		if ts, ok := t.Obj.Decl.(*ast.TypeSpec); ok {
			_, isInterface := ts.Type.(*ast.InterfaceType)
			return isInterface
		}
	}
	return false
}

// loopMethodValue: a method value x.M taken in a loop, x a variable of
// the loop (of any type, an interface's too) or, for a method with a
// pointer receiver, an element a[i]: the interpreter binds every such
// value to x's one slot, and all of them called the last iteration's.
// Made by a function literal called at once, over a copy of x (Go 1.22's
// iteration's own x) or &a[i], as Go binds them when the value is
// taken: "func() func(int) { _lowerR1 := x; return _lowerR1.M }()".
func (l *lowering) loopMethodValue(sel *ast.SelectorExpr) {
	name := sel.Sel.Name
	ms := l.methods[name]
	if len(ms) == 0 || l.fields[name] || !l.inLoop(sel) || strings.Contains(l.text(sel.X), "\n") || l.editedWithin(sel) {
		return
	}
	sig := l.methodSig(name)
	if sig == "" {
		return
	}
	value := ""
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.Ident:
		if l.loopVar(x, sel) {
			value = l.text(sel.X)
		}
	case *ast.IndexExpr:
		pointers := isVarChain(sel.X)
		for _, m := range ms {
			_, ptr := m.Recv.List[0].Type.(*ast.StarExpr)
			pointers = pointers && ptr
		}
		if pointers {
			value = "&" + l.text(sel.X)
		}
	}
	if value == "" {
		return
	}
	v := l.name("_lowerR")
	l.wrap(sel, "func() func"+sig+" { "+v+" := "+value+"; return ", " }()")
	l.replace(sel.X, v)
}

// inLoop says n is in the body of a for or range statement.
func (l *lowering) inLoop(n ast.Node) bool {
	for _, b := range l.loops {
		if b.Pos() <= n.Pos() && n.End() <= b.End() {
			return true
		}
	}
	return false
}

// methodSig returns the type of the method value x.name (its parameters
// and results, without "func"), when every method of that name in the
// file has the same one on one line and mentions no type parameter of
// its receiver; otherwise "".
func (l *lowering) methodSig(name string) string {
	sig := ""
	for _, m := range l.methods[name] {
		rt := m.Recv.List[0].Type
		if star, ok := rt.(*ast.StarExpr); ok {
			rt = star.X
		}
		switch rt.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr: // a generic receiver
			return ""
		}
		t := "(" + l.fieldTypes(m.Type.Params) + ")"
		if r := m.Type.Results; r != nil {
			if len(r.List) == 1 && len(r.List[0].Names) <= 1 {
				t += " " + l.fieldTypes(r)
			} else {
				t += " (" + l.fieldTypes(r) + ")"
			}
		}
		if strings.Contains(t, "\n") || (sig != "" && t != sig) {
			return ""
		}
		sig = t
	}
	return sig
}

// fieldTypes lists the types of a parameter or result list without their
// names (the interpreter trips over a named one in a literal's result).
func (l *lowering) fieldTypes(fl *ast.FieldList) string {
	var types []string
	for _, f := range fl.List {
		for range max(1, len(f.Names)) {
			types = append(types, l.text(f.Type))
		}
	}
	return strings.Join(types, ", ")
}

// methodExpr finds the declaration of M for (*T).M or T.M.
func (l *lowering) methodExpr(sel *ast.SelectorExpr) *ast.FuncDecl {
	x := ast.Unparen(sel.X)
	ptr := false
	if star, ok := x.(*ast.StarExpr); ok {
		x, ptr = star.X, true
	}
	id, ok := x.(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Typ {
		return nil
	}
	for _, m := range l.methods[sel.Sel.Name] {
		rt := m.Recv.List[0].Type
		_, recvPtr := rt.(*ast.StarExpr)
		if star, ok := rt.(*ast.StarExpr); ok {
			rt = star.X
		}
		if rid, ok := rt.(*ast.Ident); ok && rid.Name == id.Name && (ptr || !recvPtr) && m.Type.TypeParams == nil {
			return m
		}
	}
	return nil
}

func (l *lowering) methodExprLit(sel *ast.SelectorExpr, fd *ast.FuncDecl) {
	if strings.Contains(l.text(fd.Type), "\n") {
		return
	}
	recvType := l.text(sel.X)
	if p, ok := sel.X.(*ast.ParenExpr); ok {
		recvType = l.text(p.X)
	}
	params := []string{"_lowerRecv " + recvType}
	var args []string
	variadic := false
	for _, f := range fd.Type.Params.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		for range n {
			p := l.name("_lowerP")
			params = append(params, p+" "+l.text(f.Type))
			args = append(args, p)
			_, variadic = f.Type.(*ast.Ellipsis)
		}
	}
	call := "_lowerRecv." + sel.Sel.Name + "(" + strings.Join(args, ", ")
	if variadic {
		call += "..."
	}
	call += ")"
	results := ""
	if fd.Type.Results != nil {
		results = " " + l.text(fd.Type.Results)
		call = "return " + call
	}
	l.replace(sel, "func("+strings.Join(params, ", ")+")"+results+" { "+call+" }")
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
	sort.SliceStable(l.edits, func(i, j int) bool {
		a, b := l.edits[i], l.edits[j]
		if a.pos != b.pos {
			return a.pos < b.pos
		}
		ra, ka := rank(a)
		rb, kb := rank(b)
		if ra != rb {
			return ra < rb
		}
		return ka < kb
	})
	var b strings.Builder
	last := 0
	replaced := false
	m := &posMap{orig: l.src}
	var prev edit
	for _, e := range l.edits {
		if e.pos < last || (e.pos == last && e.end > e.pos && replaced) {
			// Overlaps the edit made last (the edits made do not
			// overlap, and it ends furthest): a clash (see lower).
			l.clashes = append(l.clashes, clash{prev, e})
			continue
		}
		prev = e
		replaced = e.end > e.pos
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

// deferredClosures finds the function literals deferred in a loop of the
// function around them, and lowers each (deferredClosure).
func (l *lowering) deferredClosures(file *ast.File) {
	var stack []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if d, ok := n.(*ast.DeferStmt); ok {
			for i := len(stack) - 1; i >= 0; i-- {
				if _, ok := stack[i].(*ast.FuncLit); ok {
					break
				}
				if _, ok := stack[i].(*ast.FuncDecl); ok {
					break
				}
				if body := loopBody(stack[i]); body != nil {
					l.deferredClosure(d, stack[i], body)
					break
				}
			}
		}
		stack = append(stack, n)
		return true
	})
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

// deferredClosure rewrites "defer func(p T) { ... }(a)" in a loop into
//
//	{ f := func() func(p T) { v := v; return func(p T) { ... } }(); defer f(a) }
//
// on the same lines: the closure is made when the defer runs, in a frame
// of its own (the interpreter would hang calling a closure deferred in
// the frame that made it), over copies of the variables of the loop it
// uses, taken at the defer, which are what Go's per-iteration variables
// hold when the function returns as long as nothing changes them after
// the defer. The call's arguments are evaluated at the defer, as before
// (deferArgs copies them first). A variable of the loop that the loop's
// body assigns, increments, takes the address of, changes a field or an
// element of, or calls a method with a pointer receiver on leaves the
// literal as it is, and so do a literal that calls recover (the
// interpreter's recover sees no panic from a closure made so), one whose
// type spans lines, and one whose variables of the loop the parser could
// not resolve; Detect reports what is left.
func (l *lowering) deferredClosure(d *ast.DeferStmt, loop ast.Node, body *ast.BlockStmt) {
	lit, ok := d.Call.Fun.(*ast.FuncLit)
	if !ok || strings.Contains(l.text(lit.Type), "\n") {
		return
	}
	vars := map[*ast.Object]string{}
	bad := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return !bad
		}
		if id.Name == "recover" && id.Obj == nil {
			bad = true
		}
		if id.Obj == nil || id.Obj.Kind != ast.Var {
			return !bad
		}
		decl, ok := id.Obj.Decl.(ast.Node)
		if !ok {
			bad = true
			return false
		}
		if decl.Pos() >= loop.Pos() && decl.Pos() < loop.End() && (decl.Pos() < lit.Pos() || decl.Pos() >= lit.End()) {
			vars[id.Obj] = id.Name
		}
		return !bad
	})
	if bad || l.mutated(body, vars) {
		return
	}
	var names []string
	for _, name := range vars {
		names = append(names, name)
	}
	sort.Strings(names)
	copies := ""
	if len(names) > 0 {
		list := strings.Join(names, ", ")
		copies = list + " := " + list + "; "
	}
	f := l.name("_lowerF")
	l.replace(&ast.BadStmt{From: d.Defer, To: lit.Pos()}, "{ "+f+" := func() "+l.text(lit.Type)+" { "+copies+"return ")
	l.insert(lit.End(), " }(); defer "+f)
	l.insert(d.End(), " }")
}

// mutated reports whether body may change one of vars after its
// declaration: an assignment to it or to a field or element of it (a
// redeclaration by := included), ++ or --, its address or a field's
// taken, or a method of the program with a pointer receiver called on
// it, which takes its address.
func (l *lowering) mutated(body ast.Node, vars map[*ast.Object]string) bool {
	if len(vars) == 0 {
		return false
	}
	root := func(e ast.Expr) *ast.Ident {
		for {
			switch x := e.(type) {
			case *ast.ParenExpr:
				e = x.X
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.IndexListExpr:
				e = x.X
			case *ast.SliceExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			case *ast.Ident:
				return x
			default:
				return nil
			}
		}
	}
	is := func(e ast.Expr) bool {
		id := root(e)
		return id != nil && vars[id.Obj] != ""
	}
	pointerMethod := func(name string) bool {
		for _, m := range l.methods[name] {
			if _, ptr := m.Recv.List[0].Type.(*ast.StarExpr); ptr {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, e := range n.Lhs {
				if n.Tok != token.DEFINE {
					found = found || is(e)
				} else if id, ok := e.(*ast.Ident); ok && vars[id.Obj] != "" && id.Obj.Decl != n {
					found = true
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				found = found || (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value))
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || (n.Op == token.AND && is(n.X))
		case *ast.SelectorExpr:
			found = found || (is(n.X) && pointerMethod(n.Sel.Name))
		}
		return !found
	})
	return found
}

// libraryClosures puts in parentheses a function literal handed, in a
// loop, to a function or method called through a selector (wg.Go(func()
// { ... }), sort.Slice(s, func(i, j int) bool { ... })) that uses a
// variable of the loop. Handed over as it stands, the interpreter turns
// it into a function that reads the frame of the function around it when
// it is called: called later (wg.Go runs it in a goroutine), it sees the
// last iteration's variables. In parentheses it is first made a closure,
// over the variables as they are when it is made, as Go's closures are.
// Such a closure takes its maker's frame again when it returns, which
// the interpreter holds while it runs that function's deferred calls: a
// function that defers anything, or a call that is itself deferred, is
// left as it is (Detect reports it).
func (l *lowering) libraryClosures(file *ast.File) {
	var stack []ast.Node
	defers := map[ast.Node]bool{} // functions with a defer of their own
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.DeferStmt); ok {
			for i := len(stack) - 1; i >= 0; i-- {
				if isFunc(stack[i]) {
					defers[stack[i]] = true
					break
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		defer func() { stack = append(stack, n) }()
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if _, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok {
			return true
		}
		if len(stack) > 0 {
			switch p := stack[len(stack)-1].(type) {
			case *ast.DeferStmt:
				if p.Call == call {
					return true
				}
			case *ast.GoStmt:
				if p.Call == call {
					return true
				}
			}
		}
		var loop ast.Node
		for i := len(stack) - 1; i >= 0; i-- {
			if isFunc(stack[i]) {
				if loop != nil && defers[stack[i]] {
					return true
				}
				break
			}
			if loop == nil && loopBody(stack[i]) != nil {
				loop = stack[i]
			}
		}
		if loop == nil {
			return true
		}
		for _, arg := range call.Args {
			if lit, ok := arg.(*ast.FuncLit); ok && usesVarOf(lit, loop) {
				l.wrap(lit, "(", ")")
			}
		}
		return true
	})
}

func isFunc(n ast.Node) bool {
	switch n.(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		return true
	}
	return false
}

// usesVarOf reports whether lit uses a variable declared in n, outside lit.
func usesVarOf(lit *ast.FuncLit, n ast.Node) bool {
	found := false
	ast.Inspect(lit.Body, func(m ast.Node) bool {
		id, ok := m.(*ast.Ident)
		if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
			return !found
		}
		if decl, ok := id.Obj.Decl.(ast.Node); ok && decl.Pos() >= n.Pos() && decl.Pos() < n.End() && (decl.Pos() < lit.Pos() || decl.Pos() >= lit.End()) {
			found = true
		}
		return !found
	})
	return found
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
