package engine

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"hash/fnv"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"text/template"

	"github.com/goexpert/gointernals/playground/corpus"
	"golang.org/x/tools/go/ast/astutil"
)

// The program generator of TestGenerate (generate_test.go). A program is
// made from one seed alone, so that "-gen.seed=N -gen.n=1" makes it
// again: a base (a corpus program, or a few templates of the site's
// topics put together), then one to three mutations, go/ast rewrites
// chosen among those the base offers a place for. A mutation is kept only
// if go/types accepts its result, so that most programs reach the
// toolchain compiling; the toolchain (go vet, go build) still has the
// last word.

// genProgram is one generated program.
type genProgram struct {
	seed     int64
	base     string   // the corpus file, or "gen(t1+t2)" for templates
	muts     []string // what each kept mutation did, in order
	rejected int      // mutations go/types rejected on the way
	src      string
}

// id names the program for a reader and for knownSilent.
func (p genProgram) id() string {
	m := "no mutation"
	if len(p.muts) > 0 {
		m = strings.Join(p.muts, "; ")
	}
	return fmt.Sprintf("seed %d: %s + %s", p.seed, p.base, m)
}

type genBase struct{ name, src string }

// timingDependent marks corpus programs whose output rests on sleeps,
// timers or the runtime's own counters: on a loaded machine they are not
// deterministic enough to be compared program by program.
var timingDependent = []string{
	"time.Sleep", "time.After", "time.Tick", "time.NewTimer", "time.NewTicker",
	"WithTimeout", "WithDeadline", "Gosched", "NumGoroutine", "MemStats",
	"SetGCPercent", "runtime.GC", "runtime.Caller",
}

// loadBases reads the corpus without its "// Output:" trailers.
func loadBases() ([]genBase, error) {
	ps, err := corpus.Load(filepath.Join("testdata", "corpus", "*.go"))
	if err != nil {
		return nil, err
	}
	var out []genBase
next:
	for _, p := range ps {
		for _, w := range timingDependent {
			if strings.Contains(p.Source, w) {
				continue next
			}
		}
		out = append(out, genBase{name: p.Name, src: p.Code})
	}
	return out, nil
}

// generator makes programs. Its importer is shared and not safe for
// concurrent use, hence the lock.
type generator struct {
	mu    sync.Mutex
	imp   types.Importer
	bases []genBase
}

func newGenerator() (*generator, error) {
	bases, err := loadBases()
	if err != nil {
		return nil, err
	}
	return &generator{imp: importer.Default(), bases: bases}, nil
}

// pickBase chooses the corpus program for a seed by rendezvous hashing:
// adding a program to the corpus changes the base of few seeds, so
// knownSilent's keys outlive it.
func (g *generator) pickBase(seed int64) genBase {
	var best genBase
	var bestH uint64
	for _, b := range g.bases {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d/%s", seed, b.name)
		if v := h.Sum64(); best.name == "" || v > bestH {
			best, bestH = b, v
		}
	}
	return best
}

// make builds the program of seed.
func (g *generator) make(seed int64) genProgram {
	g.mu.Lock()
	defer g.mu.Unlock()
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	p := genProgram{seed: seed}
	if r.IntN(100) < 60 {
		b := g.pickBase(seed)
		p.base, p.src = b.name, b.src
	} else {
		p.base, p.src = generateTemplates(r)
	}
	if _, err := g.check(p.src); err != nil {
		// A template that does not type-check is a bug of this file.
		p.src += "\n// generator: " + err.Error() + "\n"
		return p
	}
	want := 1 + r.IntN(3)
	for tries := 0; len(p.muts) < want && tries < 4*want; tries++ {
		m, err := g.check(p.src)
		if err != nil {
			break
		}
		m.r = r
		op := mutations[r.IntN(len(mutations))]
		desc, ok := op.apply(m)
		if !ok {
			continue
		}
		src, err := m.format()
		if err == nil {
			_, err = g.check(src)
		}
		if err != nil {
			p.rejected++
			continue
		}
		p.src = src
		p.muts = append(p.muts, op.name+" "+desc)
	}
	return p
}

// mutant is a program being mutated, with go/types' view of it.
type mutant struct {
	fset *token.FileSet
	file *ast.File
	info *types.Info
	pkg  *types.Package
	r    *rand.Rand
	// names declared by mutations so far, so that a second one of the
	// same kind gets a name of its own
	taken map[string]bool
}

func (g *generator) check(src string) (*mutant, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: g.imp}
	pkg, err := conf.Check("main", fset, []*ast.File{f}, info)
	if err != nil {
		return nil, err
	}
	return &mutant{fset: fset, file: f, info: info, pkg: pkg, taken: map[string]bool{}}, nil
}

func (m *mutant) format() (string, error) {
	var b bytes.Buffer
	if err := format.Node(&b, m.fset, m.file); err != nil {
		return "", err
	}
	return b.String(), nil
}

// fresh returns a package-level name not yet used in the program.
func (m *mutant) fresh(prefix string) string {
	for i := 0; ; i++ {
		n := prefix
		if i > 0 {
			n = fmt.Sprintf("%s%d", prefix, i)
		}
		if m.pkg.Scope().Lookup(n) == nil && !m.taken[n] && !m.usesName(n) {
			m.taken[n] = true
			return n
		}
	}
}

func (m *mutant) usesName(n string) bool {
	found := false
	ast.Inspect(m.file, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && id.Name == n {
			found = true
		}
		return !found
	})
	return found
}

func (m *mutant) addImport(path string) { astutil.AddImport(m.fset, m.file, path) }

// addDecls appends package-level declarations written as source.
func (m *mutant) addDecls(src string) {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+src, parser.SkipObjectResolution)
	if err != nil {
		panic(fmt.Sprintf("generator: %v\n%s", err, src))
	}
	for _, d := range f.Decls {
		clearPos(d)
		m.file.Decls = append(m.file.Decls, d)
	}
}

// stmts parses statements written as source, without positions, so the
// printer lays them out by itself.
func stmts(src string) []ast.Stmt {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main\nfunc _() {\n"+src+"\n}", parser.SkipObjectResolution)
	if err != nil {
		panic(fmt.Sprintf("generator: %v\n%s", err, src))
	}
	body := f.Decls[0].(*ast.FuncDecl).Body
	clearPos(body)
	return body.List
}

func expr(src string) ast.Expr {
	e, err := parser.ParseExpr(src)
	if err != nil {
		panic(fmt.Sprintf("generator: %v\n%s", err, src))
	}
	clearPos(e)
	return e
}

var posType = reflect.TypeFor[token.Pos]()

// clearPos zeroes every position in n.
func clearPos(n ast.Node) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Field(i)
				if f.Type() == posType {
					f.SetInt(0)
				} else if f.CanSet() && f.Type() != reflect.TypeFor[*ast.Object]() && f.Type() != reflect.TypeFor[*ast.Scope]() {
					walk(f)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(n))
}

func (m *mutant) src(n ast.Node) string {
	var b bytes.Buffer
	format.Node(&b, m.fset, n)
	return b.String()
}

// typeString spells t as the program does (Point, not main.Point).
func (m *mutant) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == m.pkg {
			return ""
		}
		return p.Name()
	})
}

// site is a node a mutation may act on, with the nodes around it, the
// outermost first.
type site struct {
	c     *astutil.Cursor
	stack []ast.Node
}

// enclosingFunc is the innermost function around the site: its type and
// body.
func (s site) enclosingFunc() (*ast.FuncType, *ast.BlockStmt, ast.Node) {
	for i := len(s.stack) - 1; i >= 0; i-- {
		switch f := s.stack[i].(type) {
		case *ast.FuncDecl:
			return f.Type, f.Body, f
		case *ast.FuncLit:
			return f.Type, f.Body, f
		}
	}
	return nil, nil, nil
}

// inLoop says the site is in a loop body of its own function.
func (s site) inLoop() ast.Stmt {
	for i := len(s.stack) - 1; i >= 0; i-- {
		switch l := s.stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case *ast.ForStmt:
			if i+1 < len(s.stack) && s.stack[i+1] == l.Body {
				return l
			}
		case *ast.RangeStmt:
			if i+1 < len(s.stack) && s.stack[i+1] == l.Body {
				return l
			}
		}
	}
	return nil
}

// inGoroutine says the site runs in a goroutine the program starts with a
// function literal (go func() {...}(), wg.Go(func() {...})): what it
// prints has no order against other goroutines.
func (s site) inGoroutine() bool {
	for i := len(s.stack) - 1; i > 0; i-- {
		lit, ok := s.stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		if call, ok := s.stack[i-1].(*ast.CallExpr); ok {
			if call.Fun == lit && i > 1 {
				if _, ok := s.stack[i-2].(*ast.GoStmt); ok {
					return true
				}
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Go" {
				return true
			}
		}
	}
	return false
}

// inList says the cursor is at an element of a statement list, where
// statements may be inserted before and after it.
func inList(c *astutil.Cursor) bool {
	if c.Index() < 0 {
		return false
	}
	switch c.Parent().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return c.Name() == "List" || c.Name() == "Body"
	}
	return false
}

// pick finds the sites match accepts and acts on one of them at random.
// The first walk counts, the second acts: the tree is not changed while
// the first one walks it.
func (m *mutant) pick(match func(s site) bool, act func(s site) (string, bool)) (string, bool) {
	count := 0
	m.walk(func(s site) bool {
		if match(s) {
			count++
		}
		return true
	})
	if count == 0 {
		return "", false
	}
	k := m.r.IntN(count)
	desc, ok := "", false
	m.walk(func(s site) bool {
		if !match(s) {
			return true
		}
		if k == 0 {
			desc, ok = act(s)
			k--
			return false
		}
		k--
		return true
	})
	return desc, ok
}

// walk calls f on every node with its stack, until f returns false.
func (m *mutant) walk(f func(s site) bool) {
	var stack []ast.Node
	done := false
	astutil.Apply(m.file, func(c *astutil.Cursor) bool {
		if done {
			return false
		}
		n := c.Node()
		if n == nil {
			return false
		}
		if !f(site{c: c, stack: stack}) {
			done = true
			return false
		}
		stack = append(stack, n)
		return true
	}, func(c *astutil.Cursor) bool {
		if c.Node() != nil && len(stack) > 0 && stack[len(stack)-1] == c.Node() {
			stack = stack[:len(stack)-1]
		}
		return !done
	})
}

// mutation is one kind of rewrite. apply returns what it did, or false
// when the program offers it no place.
type mutation struct {
	name  string
	apply func(m *mutant) (string, bool)
}

var mutations = []mutation{
	{"recv", mutRecv},
	{"defer-loop", mutDeferLoop},
	{"named", mutNamed},
	{"method-value", mutMethodValue},
	{"method-expr", mutMethodExpr},
	{"paren-call", mutParenCall},
	{"go-wait", mutGoWait},
	{"panic", mutPanic},
	{"recover", mutRecover},
	{"print", mutPrint},
	{"print", mutPrint}, // twice the weight: fmt is where types show
	{"range", mutRange},
	{"closures", mutClosures},
	{"chan-buf", mutChanBuf},
	{"generic", mutGeneric},
	{"stringer", mutStringer},
	{"select", mutSelect},
	{"wrap-err", mutWrapErr},
	{"pointer", mutPointer},
	{"mutex", mutMutex},
	{"swap", mutSwap},
}

// mutRecv turns a value receiver into a pointer receiver, or back.
func mutRecv(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		fd, ok := s.c.Node().(*ast.FuncDecl)
		return ok && fd.Recv != nil && len(fd.Recv.List) == 1
	}, func(s site) (string, bool) {
		fd := s.c.Node().(*ast.FuncDecl)
		f := fd.Recv.List[0]
		t := m.src(f.Type)
		if star, ok := f.Type.(*ast.StarExpr); ok {
			f.Type = star.X
			return fmt.Sprintf("%s.%s: %s to %s", strings.TrimPrefix(t, "*"), fd.Name.Name, t, m.src(f.Type)), true
		}
		f.Type = &ast.StarExpr{X: f.Type}
		return fmt.Sprintf("%s.%s: %s to *%s", t, fd.Name.Name, t, t), true
	})
}

// mutDeferLoop moves a defer into a loop, runs it twice in a loop of its
// own, or defers a call a loop makes.
func mutDeferLoop(m *mutant) (string, bool) {
	switch m.r.IntN(3) {
	case 0: // into a loop of the same function
		return m.pick(func(s site) bool {
			_, ok := s.c.Node().(*ast.DeferStmt)
			if !ok || !inList(s.c) {
				return false
			}
			_, body, _ := s.enclosingFunc()
			return body != nil && len(loopsOf(body)) > 0
		}, func(s site) (string, bool) {
			d := s.c.Node().(*ast.DeferStmt)
			_, body, _ := s.enclosingFunc()
			loops := loopsOf(body)
			l := loops[m.r.IntN(len(loops))]
			var lb *ast.BlockStmt
			switch l := l.(type) {
			case *ast.ForStmt:
				lb = l.Body
			case *ast.RangeStmt:
				lb = l.Body
			}
			if containsNode(d, lb) || containsNode(lb, d) {
				return "", false
			}
			s.c.Delete()
			lb.List = append([]ast.Stmt{d}, lb.List...)
			return "defer " + m.src(d.Call.Fun) + " moved into a loop", true
		})
	case 1: // twice, in a loop of its own
		return m.pick(func(s site) bool {
			_, ok := s.c.Node().(*ast.DeferStmt)
			return ok && inList(s.c)
		}, func(s site) (string, bool) {
			d := s.c.Node().(*ast.DeferStmt)
			loop := stmts("for range 2 {}")[0]
			form := "for range 2"
			if m.r.IntN(2) == 0 {
				loop = stmts("for gi := 0; gi < 2; gi++ {}")[0]
				form = "for gi := 0; gi < 2; gi++"
			}
			switch l := loop.(type) {
			case *ast.ForStmt:
				l.Body.List = []ast.Stmt{d}
			case *ast.RangeStmt:
				l.Body.List = []ast.Stmt{d}
			}
			s.c.Replace(loop)
			return "defer " + m.src(d.Call.Fun) + " inside " + form, true
		})
	default: // a call in a loop body deferred
		return m.pick(func(s site) bool {
			return callStmt(s) && s.inLoop() != nil
		}, func(s site) (string, bool) {
			call := s.c.Node().(*ast.ExprStmt).X.(*ast.CallExpr)
			s.c.Replace(&ast.DeferStmt{Call: call})
			return "deferred the call " + m.src(call.Fun) + " in a loop", true
		})
	}
}

func loopsOf(body *ast.BlockStmt) []ast.Stmt {
	var out []ast.Stmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			out = append(out, n)
		case *ast.RangeStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}

func containsNode(outer, inner ast.Node) bool {
	found := false
	ast.Inspect(outer, func(n ast.Node) bool {
		if n == inner {
			found = true
		}
		return !found
	})
	return found
}

// basicOf is the basic type of a defined variable, or nil.
func (m *mutant) basicOf(e ast.Expr) *types.Basic {
	t := m.info.TypeOf(e)
	if t == nil {
		return nil
	}
	b, ok := t.(*types.Basic)
	if !ok || b.Info()&types.IsUntyped != 0 {
		return nil
	}
	return b
}

// mutNamed gives a variable a named type of its own (type gN int),
// sometimes with a String method.
func mutNamed(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		as, ok := s.c.Node().(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
			return false
		}
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" && m.basicOf(id) != nil {
				return true
			}
		}
		return false
	}, func(s site) (string, bool) {
		as := s.c.Node().(*ast.AssignStmt)
		var idx []int
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" && m.basicOf(id) != nil {
				idx = append(idx, i)
			}
		}
		i := idx[m.r.IntN(len(idx))]
		b := m.basicOf(as.Lhs[i])
		name := m.fresh("gN")
		decl := fmt.Sprintf("type %s %s\n", name, b.Name())
		how := ""
		switch m.r.IntN(3) {
		case 1:
			decl += fmt.Sprintf("func (v %s) String() string { return fmt.Sprint(\"<\", %s(v), \">\") }\n", name, b.Name())
			how = " with a String method"
			m.addImport("fmt")
		case 2:
			decl += fmt.Sprintf("func (v %s) Twice() %s { return v + v }\n", name, name)
			if b.Info()&types.IsBoolean != 0 {
				decl = fmt.Sprintf("type %s %s\n", name, b.Name())
			} else {
				how = " with a method"
			}
		}
		m.addDecls(decl)
		as.Rhs[i] = &ast.CallExpr{Fun: ast.NewIdent(name), Args: []ast.Expr{as.Rhs[i]}}
		return fmt.Sprintf("%s given type %s %s%s", m.src(as.Lhs[i]), name, b.Name(), how), true
	})
}

// methodCall matches x.M(...) where M is a method (not a function of a
// package, not a field of func type).
func (m *mutant) methodCall(n ast.Node) (*ast.CallExpr, *ast.SelectorExpr, *types.Selection) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil, nil, nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, nil, nil
	}
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil, nil, nil
	}
	return call, sel, s
}

// stmtBefore finds the statement in a list that holds the site, so that
// a statement can be put before it.
func stmtBefore(s site) (list *[]ast.Stmt, at int, ok bool) {
	for i := len(s.stack) - 1; i >= 1; i-- {
		var l *[]ast.Stmt
		switch p := s.stack[i-1].(type) {
		case *ast.BlockStmt:
			l = &p.List
		case *ast.CaseClause:
			l = &p.Body
		case *ast.CommClause:
			l = &p.Body
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, 0, false
		}
		if l == nil {
			continue
		}
		for j, st := range *l {
			if st == s.stack[i] {
				return l, j, true
			}
		}
	}
	return nil, 0, false
}

func insertStmt(list *[]ast.Stmt, at int, st ...ast.Stmt) {
	*list = append((*list)[:at], append(st, (*list)[at:]...)...)
}

// mutMethodValue takes x.M as a method value before the statement that
// calls it, and calls the value.
func mutMethodValue(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		call, _, _ := m.methodCall(s.c.Node())
		if call == nil {
			return false
		}
		_, _, ok := stmtBefore(s)
		return ok
	}, func(s site) (string, bool) {
		call, sel, _ := m.methodCall(s.c.Node())
		list, at, _ := stmtBefore(s)
		v := m.fresh("gmv")
		text := m.src(sel)
		insertStmt(list, at, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(v)}, Tok: token.DEFINE, Rhs: []ast.Expr{sel}})
		call.Fun = ast.NewIdent(v)
		return "method value " + v + " := " + text, true
	})
}

// mutMethodExpr calls x.M(a) as T.M(x, a) or (*T).M(&x, a).
func mutMethodExpr(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		call, _, sel := m.methodCall(s.c.Node())
		if call == nil || len(sel.Index()) > 1 {
			return false
		}
		recv := sel.Recv()
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		named, ok := recv.(*types.Named)
		return ok && named.Obj().Pkg() == m.pkg && named.Obj().Parent() == m.pkg.Scope()
	}, func(s site) (string, bool) {
		call, sx, sel := m.methodCall(s.c.Node())
		recv := sel.Recv()
		ptr := false
		if p, ok := recv.(*types.Pointer); ok {
			recv, ptr = p.Elem(), true
		}
		tn := m.typeString(recv)
		fn := sel.Obj().(*types.Func)
		_, ptrMethod := fn.Signature().Recv().Type().(*types.Pointer)
		x := sx.X
		var fun string
		switch {
		case ptrMethod && ptr:
			fun = "(*" + tn + ")"
		case ptrMethod:
			fun = "(*" + tn + ")"
			x = &ast.UnaryExpr{Op: token.AND, X: x}
		case ptr && m.r.IntN(2) == 0:
			fun = "(*" + tn + ")"
		case ptr:
			fun = tn
			x = &ast.StarExpr{X: x}
		default:
			fun = tn
		}
		before := m.src(call)
		call.Fun = &ast.SelectorExpr{X: expr(fun), Sel: ast.NewIdent(sx.Sel.Name)}
		call.Args = append([]ast.Expr{x}, call.Args...)
		return before + " as " + m.src(call), true
	})
}

// mutParenCall parenthesises what a call calls: (x.M)(a), (f)(a).
func mutParenCall(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		call, ok := s.c.Node().(*ast.CallExpr)
		if !ok {
			return false
		}
		switch call.Fun.(type) {
		case *ast.SelectorExpr, *ast.Ident:
			tv := m.info.Types[call.Fun]
			return tv.IsValue()
		}
		return false
	}, func(s site) (string, bool) {
		call := s.c.Node().(*ast.CallExpr)
		call.Fun = &ast.ParenExpr{X: call.Fun}
		return m.src(call.Fun), true
	})
}

// callStmt says whether s is a call made as a statement of a statement
// list, the sites the mutations that move a call choose from.
func callStmt(s site) bool {
	es, ok := s.c.Node().(*ast.ExprStmt)
	if !ok || !inList(s.c) {
		return false
	}
	_, ok = es.X.(*ast.CallExpr)
	return ok
}

// mutGoWait runs a call in a goroutine and waits for it at once.
func mutGoWait(m *mutant) (string, bool) {
	return m.pick(callStmt, func(s site) (string, bool) {
		call := s.c.Node().(*ast.ExprStmt).X.(*ast.CallExpr)
		text := m.src(call)
		var tmpl, how string
		switch m.r.IntN(3) {
		case 0:
			tmpl, how = "var gwg sync.WaitGroup\ngwg.Add(1)\ngo func() {\ndefer gwg.Done()\nCALL\n}()\ngwg.Wait()", "go func + WaitGroup"
			m.addImport("sync")
		case 1:
			tmpl, how = "var gwg sync.WaitGroup\ngwg.Go(func() {\nCALL\n})\ngwg.Wait()", "wg.Go"
			m.addImport("sync")
		default:
			tmpl, how = "gdone := make(chan struct{})\ngo func() {\ndefer close(gdone)\nCALL\n}()\n<-gdone", "go func + done channel"
		}
		list := stmts(strings.Replace(tmpl, "CALL", "_ = 0", 1))
		// The call keeps its own nodes: put it where the placeholder is,
		// found in the template alone (the call's own "_ = x" statements
		// are not placeholders: replacing one made the call contain
		// itself, and seed 7187 walked that cycle until its stack ran out).
		var at *ast.BlockStmt
		place := -1
		ast.Inspect(&ast.BlockStmt{List: list}, func(n ast.Node) bool {
			if b, ok := n.(*ast.BlockStmt); ok && place < 0 {
				for i, st := range b.List {
					if as, ok := st.(*ast.AssignStmt); ok && len(as.Lhs) == 1 {
						if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
							at, place = b, i
						}
					}
				}
			}
			return place < 0
		})
		at.List[place] = &ast.ExprStmt{X: call}
		s.c.Replace(&ast.BlockStmt{List: list})
		return text + " in a goroutine, waited for (" + how + ")", true
	})
}

// mutPanic panics where a function returns.
func mutPanic(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		r, ok := s.c.Node().(*ast.ReturnStmt)
		if !ok || len(r.Results) == 0 {
			return false
		}
		_, _, fn := s.enclosingFunc()
		if fd, ok := fn.(*ast.FuncDecl); ok && fd.Name.Name == "main" {
			return false
		}
		return true
	}, func(s site) (string, bool) {
		r := s.c.Node().(*ast.ReturnStmt)
		before := m.src(r)
		var arg ast.Expr
		if len(r.Results) == 1 {
			if tv := m.info.Types[r.Results[0]]; tv.Type != nil {
				if _, tuple := tv.Type.(*types.Tuple); !tuple {
					arg = r.Results[0]
				}
			}
		}
		if arg == nil {
			arg = &ast.CallExpr{Fun: expr("fmt.Sprint"), Args: r.Results}
			m.addImport("fmt")
		}
		s.c.Replace(&ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("panic"), Args: []ast.Expr{arg}}})
		return before + " turned into a panic", true
	})
}

// mutRecover recovers, and prints, a panic at the top of a function.
func mutRecover(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		switch n := s.c.Node().(type) {
		case *ast.FuncDecl:
			return n.Body != nil
		case *ast.FuncLit:
			return true
		}
		return false
	}, func(s site) (string, bool) {
		var body *ast.BlockStmt
		name := "a function literal"
		switch n := s.c.Node().(type) {
		case *ast.FuncDecl:
			body, name = n.Body, n.Name.Name
		case *ast.FuncLit:
			body = n.Body
		}
		forms := []string{
			`defer func() { if r := recover(); r != nil { fmt.Println("recovered:", r) } }()`,
			`defer func() { fmt.Printf("recover: %v\n", recover()) }()`,
			`defer func() {
				switch r := recover().(type) {
				case nil:
				case error:
					fmt.Println("recovered error:", r.Error())
				case string:
					fmt.Println("recovered string:", r)
				default:
					fmt.Printf("recovered %v\n", r)
				}
			}()`,
		}
		k := m.r.IntN(len(forms))
		body.List = append(stmts(forms[k]), body.List...)
		m.addImport("fmt")
		return fmt.Sprintf("recover (form %d) at the top of %s", k, name), true
	})
}

// printable says what fmt verbs suit a value of t; none for a type whose
// printing shows an address.
func (m *mutant) printable(t types.Type) []string {
	if showsAddress(t, true, map[types.Type]bool{}) || containsLock(t, map[types.Type]bool{}) {
		return nil
	}
	generic := []string{"%v", "%+v", "%#v", "%T"}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsInteger != 0:
			return append(generic, "%d", "%x", "%5d", "%b")
		case u.Info()&types.IsFloat != 0:
			return append(generic, "%.2f", "%g", "%e", "%8.3f")
		case u.Info()&types.IsString != 0:
			return append(generic, "%s", "%q", "%x", "%10s")
		case u.Info()&types.IsBoolean != 0:
			return append(generic, "%t")
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			return append(generic, "%d", "%x")
		}
	}
	if types.Implements(t, errorType) {
		return append(generic, "%s")
	}
	return generic
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// containsLock: a copy of a value of t copies a lock of package sync or
// sync/atomic, which go vet rejects.
func containsLock(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		if p := n.Obj().Pkg().Path(); p == "sync" || p == "sync/atomic" {
			return true
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := range u.NumFields() {
			if containsLock(u.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Array:
		return containsLock(u.Elem(), seen)
	}
	return false
}

// showsAddress: fmt prints an address for a pointer below the top level,
// a channel, a function or an unsafe pointer.
func showsAddress(t types.Type, top bool, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		if !top {
			return true
		}
		if _, ok := u.Elem().Underlying().(*types.Struct); !ok {
			return true
		}
		return showsAddress(u.Elem(), false, seen)
	case *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := range u.NumFields() {
			if showsAddress(u.Field(i).Type(), false, seen) {
				return true
			}
		}
	case *types.Slice:
		return showsAddress(u.Elem(), false, seen)
	case *types.Array:
		return showsAddress(u.Elem(), false, seen)
	case *types.Map:
		return showsAddress(u.Key(), false, seen) || showsAddress(u.Elem(), false, seen)
	case *types.Interface:
		// What it holds is known only at run time; the output check of
		// generate_test.go catches an address.
		return false
	}
	return false
}

// mutPrint prints a variable just assigned, with a verb that suits its
// type.
func mutPrint(m *mutant) (string, bool) {
	vars := func(s site) []*ast.Ident {
		var out []*ast.Ident
		switch n := s.c.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				return nil
			}
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					out = append(out, id)
				}
			}
		case *ast.DeclStmt:
			if gd, ok := n.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, sp := range gd.Specs {
					out = append(out, sp.(*ast.ValueSpec).Names...)
				}
			}
		}
		var keep []*ast.Ident
		for _, id := range out {
			if t := m.info.TypeOf(id); t != nil && len(m.printable(t)) > 0 {
				keep = append(keep, id)
			}
		}
		return keep
	}
	return m.pick(func(s site) bool {
		return inList(s.c) && !s.inGoroutine() && len(vars(s)) > 0
	}, func(s site) (string, bool) {
		vs := vars(s)
		id := vs[m.r.IntN(len(vs))]
		verbs := m.printable(m.info.TypeOf(id))
		verb := verbs[m.r.IntN(len(verbs))]
		var st ast.Stmt
		if m.r.IntN(4) == 0 {
			st = stmts(fmt.Sprintf("fmt.Println(%q, %s)", id.Name+":", id.Name))[0]
			verb = "Println"
		} else {
			st = stmts(fmt.Sprintf("fmt.Printf(%q, %s)", id.Name+": "+verb+"\n", id.Name))[0]
		}
		m.addImport("fmt")
		s.c.InsertAfter(st)
		return fmt.Sprintf("%s printed with %s", id.Name, verb), true
	})
}

// assigned says the body assigns v or takes its address.
func (m *mutant) assigned(body ast.Node, v types.Object) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && m.info.Uses[id] == v
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || is(l)
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		case *ast.RangeStmt:
			found = found || n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)
		}
		return !found
	})
	return found
}

// mutRange turns a counting loop into a range over an integer and back,
// and a range over a slice into a range over its length.
func mutRange(m *mutant) (string, bool) {
	type cand struct {
		to   func() ast.Stmt
		desc string
	}
	cands := func(s site) []cand {
		var out []cand
		switch l := s.c.Node().(type) {
		case *ast.ForStmt:
			init, ok1 := l.Init.(*ast.AssignStmt)
			cond, ok2 := l.Cond.(*ast.BinaryExpr)
			post, ok3 := l.Post.(*ast.IncDecStmt)
			if !ok1 || !ok2 || !ok3 || init.Tok != token.DEFINE || len(init.Lhs) != 1 || post.Tok != token.INC || cond.Op != token.LSS {
				return nil
			}
			id, ok := init.Lhs[0].(*ast.Ident)
			lit, ok4 := init.Rhs[0].(*ast.BasicLit)
			cid, ok5 := cond.X.(*ast.Ident)
			pid, ok6 := post.X.(*ast.Ident)
			if !ok || !ok4 || !ok5 || !ok6 || lit.Value != "0" || cid.Name != id.Name || pid.Name != id.Name {
				return nil
			}
			v := m.info.Defs[id]
			if v == nil || m.assigned(l.Body, v) {
				return nil
			}
			out = append(out, cand{func() ast.Stmt {
				return &ast.RangeStmt{Key: id, Tok: token.DEFINE, X: cond.Y, Body: l.Body}
			}, fmt.Sprintf("for %s := 0; %s < %s; %s++ as for %s := range %s", id.Name, id.Name, m.src(cond.Y), id.Name, id.Name, m.src(cond.Y))})
		case *ast.RangeStmt:
			t := m.info.TypeOf(l.X)
			if t == nil || l.Tok == token.ASSIGN {
				return nil
			}
			switch u := t.Underlying().(type) {
			case *types.Basic:
				if u.Info()&types.IsInteger == 0 || l.Value != nil {
					return nil
				}
				key := "gi"
				if l.Key != nil {
					key = m.src(l.Key)
					if v := m.info.Defs[l.Key.(*ast.Ident)]; v == nil || m.assigned(l.Body, v) {
						return nil
					}
				}
				out = append(out, cand{func() ast.Stmt {
					f := stmts(fmt.Sprintf("for %s := 0; %s < %s; %s++ {}", key, key, m.src(l.X), key))[0].(*ast.ForStmt)
					f.Body = l.Body
					return f
				}, fmt.Sprintf("range over %s as a counting loop", m.src(l.X))})
			case *types.Slice, *types.Array:
				key := ""
				if l.Key != nil && l.Key.(*ast.Ident).Name != "_" {
					key = l.Key.(*ast.Ident).Name
				}
				hasValue := l.Value != nil && l.Value.(*ast.Ident).Name != "_"
				if key == "" && hasValue {
					key = "gi"
				}
				out = append(out, cand{func() ast.Stmt {
					r := &ast.RangeStmt{X: &ast.CallExpr{Fun: ast.NewIdent("len"), Args: []ast.Expr{l.X}}, Body: l.Body}
					if key != "" {
						r.Key, r.Tok = ast.NewIdent(key), token.DEFINE
					}
					if hasValue {
						get := &ast.AssignStmt{Lhs: []ast.Expr{l.Value}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.IndexExpr{X: l.X, Index: ast.NewIdent(key)}}}
						r.Body = &ast.BlockStmt{List: append([]ast.Stmt{get}, l.Body.List...)}
					}
					return r
				}, fmt.Sprintf("range over %s as range over len(%s)", m.src(l.X), m.src(l.X))})
			}
		}
		return out
	}
	return m.pick(func(s site) bool {
		return len(cands(s)) > 0
	}, func(s site) (string, bool) {
		cs := cands(s)
		c := cs[m.r.IntN(len(cs))]
		s.c.Replace(c.to())
		return c.desc, true
	})
}

// mutClosures delays a call a loop makes: each iteration appends a
// closure that makes it, run after the loop; or defers a closure.
func mutClosures(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		l, ok := s.c.Node().(ast.Stmt)
		if !ok || !inList(s.c) || s.inGoroutine() {
			return false
		}
		return len(loopCalls(l)) > 0
	}, func(s site) (string, bool) {
		loop := s.c.Node().(ast.Stmt)
		calls := loopCalls(loop)
		es := calls[m.r.IntN(len(calls))]
		text := m.src(es)
		lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: es.X}}}}
		if m.r.IntN(3) == 0 {
			replaceStmt(loop, es, &ast.DeferStmt{Call: &ast.CallExpr{Fun: lit}})
			return "deferred closure in a loop: " + text, true
		}
		fs := m.fresh("gfs")
		replaceStmt(loop, es, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(fs)}, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.CallExpr{Fun: ast.NewIdent("append"), Args: []ast.Expr{ast.NewIdent(fs), lit}}}})
		s.c.InsertBefore(stmts("var " + fs + " []func()")[0])
		s.c.InsertAfter(stmts("for _, f := range " + fs + " {\nf()\n}")[0])
		return "closures collected in a loop, called after it: " + text, true
	})
}

// loopCalls are the call statements directly in a loop's body.
func loopCalls(l ast.Stmt) []*ast.ExprStmt {
	var body *ast.BlockStmt
	switch l := l.(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	default:
		return nil
	}
	var out []*ast.ExprStmt
	for _, st := range body.List {
		if es, ok := st.(*ast.ExprStmt); ok {
			if _, ok := es.X.(*ast.CallExpr); ok {
				out = append(out, es)
			}
		}
	}
	return out
}

func replaceStmt(loop ast.Stmt, old, new ast.Stmt) {
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	for i, st := range body.List {
		if st == old {
			body.List[i] = new
		}
	}
}

// mutChanBuf gives an unbuffered channel a buffer, or takes it away.
func mutChanBuf(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		call, ok := s.c.Node().(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return false
		}
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "make" {
			return false
		}
		t := m.info.TypeOf(call.Args[0])
		if t == nil {
			return false
		}
		_, ok = t.Underlying().(*types.Chan)
		return ok
	}, func(s site) (string, bool) {
		call := s.c.Node().(*ast.CallExpr)
		before := m.src(call)
		if len(call.Args) == 2 {
			call.Args = call.Args[:1]
		} else {
			call.Args = append(call.Args, &ast.BasicLit{Kind: token.INT, Value: fmt.Sprint(1 + m.r.IntN(3))})
		}
		return before + " as " + m.src(call), true
	})
}

// mutGeneric passes a value through a generic function or type.
func mutGeneric(m *mutant) (string, bool) {
	ok := func(s site) bool {
		e, isExpr := s.c.Node().(ast.Expr)
		if !isExpr {
			return false
		}
		if _, isCall := s.c.Parent().(*ast.CallExpr); !isCall || s.c.Name() != "Args" {
			return false
		}
		call := s.c.Parent().(*ast.CallExpr)
		if id, ok := call.Fun.(*ast.Ident); ok {
			if _, builtin := m.info.Uses[id].(*types.Builtin); builtin {
				return false
			}
		}
		if call.Ellipsis.IsValid() {
			return false
		}
		tv := m.info.Types[e]
		if !tv.IsValue() || tv.Type == nil {
			return false
		}
		if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			return false
		}
		_, tuple := tv.Type.(*types.Tuple)
		return !tuple && !containsLock(tv.Type, map[types.Type]bool{})
	}
	return m.pick(ok, func(s site) (string, bool) {
		e := s.c.Node().(ast.Expr)
		text := m.src(e)
		switch m.r.IntN(3) {
		case 0:
			f := m.fresh("gid")
			m.addDecls(fmt.Sprintf("func %s[T any](v T) T { return v }", f))
			s.c.Replace(&ast.CallExpr{Fun: ast.NewIdent(f), Args: []ast.Expr{e}})
			return text + " through " + f + "[T any]", true
		case 1:
			f := m.fresh("gid")
			m.addDecls(fmt.Sprintf("func %s[T any](v T) T { return v }", f))
			tn := m.typeString(m.info.TypeOf(e))
			s.c.Replace(&ast.CallExpr{Fun: &ast.IndexExpr{X: ast.NewIdent(f), Index: expr(tn)}, Args: []ast.Expr{e}})
			return text + " through " + f + "[" + tn + "]", true
		default:
			b := m.fresh("gbox")
			m.addDecls(fmt.Sprintf("type %s[T any] struct{ v T }\nfunc (b %s[T]) get() T { return b.v }", b, b))
			s.c.Replace(&ast.CallExpr{Fun: &ast.SelectorExpr{X: &ast.CompositeLit{Type: &ast.IndexExpr{X: ast.NewIdent(b), Index: expr(m.typeString(m.info.TypeOf(e)))}, Elts: []ast.Expr{e}}, Sel: ast.NewIdent("get")}})
			return text + " through a generic " + b + "[T].get()", true
		}
	})
}

// mutStringer gives a type of the file a String or Error method.
func mutStringer(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		ts, ok := s.c.Node().(*ast.TypeSpec)
		if !ok || ts.TypeParams != nil || len(s.stack) != 2 {
			return false
		}
		obj := m.pkg.Scope().Lookup(ts.Name.Name)
		if obj == nil {
			return false
		}
		if _, iface := obj.Type().Underlying().(*types.Interface); iface {
			return false
		}
		ms := types.NewMethodSet(types.NewPointer(obj.Type()))
		return ms.Lookup(m.pkg, "String") == nil && ms.Lookup(m.pkg, "Error") == nil
	}, func(s site) (string, bool) {
		ts := s.c.Node().(*ast.TypeSpec)
		name := "String"
		if m.r.IntN(3) == 0 {
			name = "Error"
		}
		recv := "v " + ts.Name.Name
		if m.r.IntN(2) == 0 {
			recv = "v *" + ts.Name.Name
		}
		m.addDecls(fmt.Sprintf("func (%s) %s() string { return %q }", recv, name, "<"+ts.Name.Name+">"))
		return fmt.Sprintf("func (%s) %s() added", recv, name), true
	})
}

// mutSelect receives and sends through a select of one case.
func mutSelect(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		if !inList(s.c) {
			return false
		}
		switch n := s.c.Node().(type) {
		case *ast.SendStmt:
			return true
		case *ast.ExprStmt:
			u, ok := n.X.(*ast.UnaryExpr)
			return ok && u.Op == token.ARROW
		case *ast.AssignStmt:
			if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				return false
			}
			u, ok := n.Rhs[0].(*ast.UnaryExpr)
			id, ok2 := n.Lhs[0].(*ast.Ident)
			return ok && ok2 && u.Op == token.ARROW && id.Name != "_"
		}
		return false
	}, func(s site) (string, bool) {
		before := m.src(s.c.Node())
		sel := &ast.SelectStmt{Body: &ast.BlockStmt{}}
		switch n := s.c.Node().(type) {
		case *ast.SendStmt, *ast.ExprStmt:
			sel.Body.List = []ast.Stmt{&ast.CommClause{Comm: n.(ast.Stmt)}}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				id := n.Lhs[0].(*ast.Ident)
				t := m.info.TypeOf(id)
				if t == nil {
					return "", false
				}
				s.c.InsertBefore(stmts("var " + id.Name + " " + m.typeString(t))[0])
				n.Tok = token.ASSIGN
			}
			sel.Body.List = []ast.Stmt{&ast.CommClause{Comm: n}}
		}
		s.c.Replace(sel)
		return before + " in a select", true
	})
}

// mutWrapErr wraps a returned error with fmt.Errorf and %w.
func mutWrapErr(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		r, ok := s.c.Node().(*ast.ReturnStmt)
		if !ok {
			return false
		}
		for _, e := range r.Results {
			tv := m.info.Types[e]
			if tv.Type != nil && !tv.IsNil() && types.Identical(tv.Type, types.Universe.Lookup("error").Type()) {
				return true
			}
		}
		return false
	}, func(s site) (string, bool) {
		r := s.c.Node().(*ast.ReturnStmt)
		for i, e := range r.Results {
			tv := m.info.Types[e]
			if tv.Type != nil && !tv.IsNil() && types.Identical(tv.Type, types.Universe.Lookup("error").Type()) {
				text := m.src(e)
				r.Results[i] = &ast.CallExpr{Fun: expr("fmt.Errorf"), Args: []ast.Expr{&ast.BasicLit{Kind: token.STRING, Value: `"wrapped: %w"`}, e}}
				m.addImport("fmt")
				return "return " + text + " wrapped with %w", true
			}
		}
		return "", false
	})
}

// mutPointer makes a variable of a struct type a pointer to it.
func mutPointer(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		as, ok := s.c.Node().(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 || len(as.Lhs) != 1 {
			return false
		}
		cl, ok := as.Rhs[0].(*ast.CompositeLit)
		if !ok || cl.Type == nil {
			return false
		}
		t := m.info.TypeOf(cl)
		_, st := t.Underlying().(*types.Struct)
		return st
	}, func(s site) (string, bool) {
		as := s.c.Node().(*ast.AssignStmt)
		as.Rhs[0] = &ast.UnaryExpr{Op: token.AND, X: as.Rhs[0]}
		return m.src(as.Lhs[0]) + " made a pointer", true
	})
}

// mutMutex makes a call under a package-level mutex.
func mutMutex(m *mutant) (string, bool) {
	return m.pick(callStmt, func(s site) (string, bool) {
		es := s.c.Node().(*ast.ExprStmt)
		text := m.src(es)
		mu := m.fresh("gmu")
		kind := "sync.Mutex"
		lock, unlock := "Lock", "Unlock"
		if m.r.IntN(2) == 0 {
			kind, lock, unlock = "sync.RWMutex", "RLock", "RUnlock"
		}
		m.addDecls("var " + mu + " " + kind)
		m.addImport("sync")
		lit := stmts("func() {\n" + mu + "." + lock + "()\ndefer " + mu + "." + unlock + "()\n_ = 0\n}()")[0].(*ast.ExprStmt)
		body := lit.X.(*ast.CallExpr).Fun.(*ast.FuncLit).Body
		body.List[2] = &ast.ExprStmt{X: es.X}
		s.c.Replace(lit)
		return text + " under " + kind + "." + lock, true
	})
}

// mutSwap swaps two statements that follow each other.
func mutSwap(m *mutant) (string, bool) {
	return m.pick(func(s site) bool {
		b, ok := s.c.Node().(*ast.BlockStmt)
		return ok && len(b.List) >= 2
	}, func(s site) (string, bool) {
		b := s.c.Node().(*ast.BlockStmt)
		i := m.r.IntN(len(b.List) - 1)
		text := m.src(b.List[i])
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			text = text[:j] + " ..."
		}
		b.List[i], b.List[i+1] = b.List[i+1], b.List[i]
		return "swapped " + text + " with the next statement", true
	})
}

// The templates: small programs over the site's topics, each a function
// P_run with its declarations, P_ replaced by a prefix of its own so that
// several go into one program. Their knobs are drawn from the seed.
type genTemplate struct {
	name    string
	imports []string
	text    string
}

// generateTemplates puts one to three templates together.
func generateTemplates(r *rand.Rand) (string, string) {
	n := 1 + r.IntN(3)
	var names []string
	imports := map[string]bool{"fmt": true}
	var decls, calls strings.Builder
	for i := range n {
		t := genTemplates[r.IntN(len(genTemplates))]
		names = append(names, t.name)
		for _, imp := range t.imports {
			imports[imp] = true
		}
		prefix := fmt.Sprintf("t%d", i+1)
		decls.WriteString(strings.ReplaceAll(execTemplate(t, r), "P_", prefix))
		decls.WriteString("\n")
		fmt.Fprintf(&calls, "\t%srun()\n", prefix)
	}
	var paths []string
	for p := range imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n")
	for _, p := range paths {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	b.WriteString(")\n\n")
	b.WriteString(decls.String())
	b.WriteString("func main() {\n" + calls.String() + "}\n")
	src := b.String()
	if out, err := format.Source([]byte(src)); err == nil {
		src = string(out)
	}
	return "gen(" + strings.Join(names, "+") + ")", src
}

func execTemplate(t genTemplate, r *rand.Rand) string {
	funcs := template.FuncMap{
		"int":  func(lo, hi int) int { return lo + r.IntN(hi-lo+1) },
		"coin": func() bool { return r.IntN(2) == 0 },
		"pick": func(s ...string) string { return s[r.IntN(len(s))] },
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i
			}
			return out
		},
	}
	tt := template.Must(template.New(t.name).Funcs(funcs).Parse(t.text))
	var b bytes.Buffer
	if err := tt.Execute(&b, nil); err != nil {
		panic(err)
	}
	return b.String()
}

var genTemplates = []genTemplate{
	{"workers", []string{"sync"}, `
{{$n := int 1 8}}{{$w := int 1 4}}
func P_run() {
	jobs := make(chan int{{if coin}}, {{int 1 4}}{{end}})
	out := make([]int, {{$n}})
	var wg sync.WaitGroup
	{{if coin}}for range {{$w}} {{else}}for w := 0; w < {{$w}}; w++ {{end}}{
		{{if coin}}wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out[j] = j * {{int 2 9}}
			}
		}(){{else}}wg.Go(func() {
			for j := range jobs {
				out[j] = j * j
			}
		}){{end}}
	}
	for j := {{if coin}}range {{$n}}{{else}}0; j < {{$n}}; j++{{end}} {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	fmt.Println("results:", out)
}
`},
	{"pipeline", nil, `
{{$b := pick "" ", 1" ", 3"}}
func P_gen(n int) <-chan int {
	ch := make(chan int{{$b}})
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			ch <- i
		}
	}()
	return ch
}

func P_stage(in <-chan int, f func(int) int) <-chan int {
	out := make(chan int{{$b}})
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func P_run() {
	sum := 0
	{{if coin}}sq := func(v int) int { return v * v }
	for v := range P_stage(P_gen({{int 1 6}}), sq) {{else}}for v := range P_stage(P_stage(P_gen({{int 1 6}}), func(v int) int { return v + {{int 1 3}} }), func(v int) int { return v * {{int 2 4}} }) {{end}}{
		fmt.Println("got", v)
		sum += v
	}
	fmt.Println("sum", sum)
}
`},
	{"select", nil, `
{{$c := int 1 4}}
func P_run() {
	ch := make(chan int, {{$c}})
	for i := range {{int 1 6}} {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full at", i)
		}
	}
	{{if coin}}close(ch){{end}}
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				fmt.Println("closed")
				goto nilch
			}
			fmt.Println("recv", v)
		default:
			fmt.Println("empty")
			goto nilch
		}
	}
nilch:
	var never chan int
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	default:
		fmt.Println("a nil channel is never ready")
	}
}
`},
	{"mutex", []string{"sync"}, `
{{$ptr := coin}}
type P_counter struct {
	mu {{pick "sync.Mutex" "sync.RWMutex"}}
	n  map[string]int
}

func (c *P_counter) inc(k string) {
	c.mu.Lock()
	{{if coin}}defer c.mu.Unlock()
	c.n[k]++{{else}}c.n[k]++
	c.mu.Unlock(){{end}}
}

func P_run() {
	c := {{if $ptr}}&{{end}}P_counter{n: map[string]int{}}
	keys := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	for i := range {{int 1 5}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range {{int 1 40}} {
				c.inc(keys[(i+j)%len(keys)])
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n["a"], c.n["b"], c.n["c"], len(c.n))
	fmt.Println(c.n)
}
`},
	{"atomic", []string{"sync", "sync/atomic"}, `
func P_run() {
	var total atomic.Int64
	var hits {{pick "atomic.Int32" "atomic.Uint64"}}
	var wg sync.WaitGroup
	for i := 1; i <= {{int 1 6}}; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total.Add(int64(i))
			hits.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("total", total.Load(), "hits", hits.Load())
	var flag atomic.Bool
	fmt.Println(flag.CompareAndSwap(false, true), flag.CompareAndSwap(false, true), flag.Load())
}
`},
	{"recover", []string{"errors"}, `
{{$custom := coin}}{{$ptr := coin}}
{{if $custom}}type P_err struct{ code int }

func (e {{if $ptr}}*{{end}}P_err) Error() string { return fmt.Sprintf("code %d", e.code) }
{{end}}
func P_do(k int) (res string, err error) {
	defer func() {
		if r := recover(); r != nil {
			{{if coin}}err = fmt.Errorf("recovered: %v", r){{else}}switch v := r.(type) {
			case error:
				err = v
			case string:
				res = "string panic: " + v
			default:
				res = fmt.Sprint("other panic: ", v)
			}{{end}}
		}
	}()
	defer fmt.Println("deferred", k)
	switch k {
	case 0:
		panic("boom")
	case 1:
		panic(errors.New("plain error"))
	case 2:
		panic(k * {{int 2 9}})
	{{if $custom}}case 3:
		panic({{if $ptr}}&{{end}}P_err{k})
	case 4:
		panic(fmt.Errorf("wrapped: %w", {{if $ptr}}&{{end}}P_err{k})){{end}}
	{{if coin}}case 5:
		var m map[string]int
		m["x"] = k{{end}}
	{{if coin}}case 6:
		s := []int{1}
		_ = s[k]{{end}}
	}
	return "ok", nil
}

func P_run() {
	for k := range {{int 1 8}} {
		res, err := P_do(k)
		fmt.Println(k, res, err)
	}
	{{if coin}}defer fmt.Println("P_run done")
	func() {
		defer func() {
			r := recover()
			fmt.Println("outer recovered:", r)
			{{if coin}}panic(fmt.Sprint("again: ", r)){{end}}
		}()
		panic("first")
	}(){{end}}
}
`},
	{"closures", nil, `
{{$n := int 1 5}}
func P_run() {
	var fs []func() int
	{{if coin}}for i := 0; i < {{$n}}; i++ {{else}}for i := range {{$n}} {{end}}{
		{{if coin}}fs = append(fs, func() int { return i * {{int 1 9}} }){{else}}v := i * i
		fs = append(fs, func() int { return v + i }){{end}}
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	words := []string{"a", "bb", "ccc"}
	var gs []func() string
	for i, w := range words {
		gs = append(gs, func() string { return fmt.Sprint(i, w) })
	}
	for _, g := range gs {
		fmt.Print(g(), ";")
	}
	fmt.Println()
	next := func() func() int {
		c := {{int 0 3}}
		return func() int { c++; return c }
	}()
	fmt.Println(next(), next(), next())
}
`},
	{"shapes", []string{"math"}, `
{{$ptr := coin}}{{$embed := coin}}
type P_shape interface {
	area() float64
	name() string
}

type P_rect struct{ w, h float64 }

func (r {{if $ptr}}*{{end}}P_rect) area() float64 { return r.w * r.h }
func (r {{if $ptr}}*{{end}}P_rect) name() string  { return "rect" }

type P_circle struct{ r float64 }

func (c P_circle) area() float64 { return math.Pi * c.r * c.r }
func (c P_circle) name() string  { return "circle" }
{{if $embed}}
type P_square struct {
	P_rect
	label string
}

func (s {{if $ptr}}*{{end}}P_square) name() string { return "square " + s.label }
{{end}}
func P_run() {
	shapes := []P_shape{ {{if $ptr}}&{{end}}P_rect{ {{int 1 4}}, {{int 1 4}} }, P_circle{ {{int 1 3}} }{{if $embed}}, {{if $ptr}}&{{end}}P_square{P_rect{2, 2}, "s"}{{end}} }
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%s %.2f\n", s.name(), s.area())
		total += s.area()
	}
	for _, s := range shapes {
		switch v := s.(type) {
		case {{if $ptr}}*{{end}}P_rect:
			fmt.Println("a rect of width", v.w)
		case P_circle:
			fmt.Println("a circle of radius", v.r)
		default:
			fmt.Println("something else:", v.name())
		}
	}
	fmt.Printf("total %.3f\n", total)
}
`},
	{"stringer", nil, `
type P_temp float64

func (t P_temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type P_level int

const (
	P_low P_level = iota
	P_mid
	P_high
)

{{if coin}}func (l *P_level) String() string { return [...]string{"low", "mid", "high"}[*l] }{{else}}func (l P_level) String() string { return [...]string{"low", "mid", "high"}[l] }{{end}}

func P_run() {
	t := P_temp({{int 0 40}}.5)
	var s fmt.Stringer = t
	fmt.Println(s)
	fmt.Println(t)
	fmt.Printf("%v %s %.2f\n", t, t, float64(t))
	l := P_mid
	fmt.Println(l, P_high)
}
`},
	{"maps", []string{"sort", "strings"}, `
func P_run() {
	words := strings.Fields("{{pick "the quick brown fox jumps over the lazy dog the end" "a b a c b a" "go is fun and go is fast"}}")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	{{if coin}}sort.Strings(keys){{else}}sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	}){{end}}
	for _, k := range keys {
		fmt.Println(k, counts[k])
	}
	delete(counts, words[0])
	v, ok := counts[words[0]]
	fmt.Println(len(counts), v, ok, counts)
	var nilmap map[string]int
	fmt.Println(nilmap["x"], len(nilmap))
}
`},
	{"slices", []string{"slices"}, `
{{$l := int 0 3}}
func P_run() {
	s := make([]int, {{$l}}, {{$l}}+{{int 0 2}})
	t := append(s, 1)
	u := append(s, 2)
	fmt.Println(s, t, u, t[{{$l}}] == u[{{$l}}])
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3{{if coin}}:3{{end}}]
	b = append(b, 99)
	fmt.Println(a, b, len(b))
	c := make([]int, {{int 1 4}})
	n := copy(c, a)
	fmt.Println(n, c)
	fmt.Println(slices.Contains(a, 99), slices.Index(a, 3))
	var grid [2][3]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i*3 + j
		}
	}
	fmt.Println(grid, len(grid[0]))
}
`},
	{"generics", []string{"cmp", "strings"}, `
type P_number interface{ ~int | ~float64 }

type P_myint int

func P_sum[T P_number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func P_map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func P_max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type P_pair[K comparable, V any] struct {
	Key K
	Val V
}

func P_run() {
	fmt.Println(P_sum([]int{1, 2, {{int 3 9}}}), P_sum([]float64{1.5, 2.25}), P_sum([]P_myint{4, 5}))
	fmt.Println(P_map([]int{1, 2, 3}, func(i int) string { return strings.Repeat("*", i) }))
	p := P_pair[string, int]{"a", {{int 1 9}}}
	fmt.Printf("%v %+v\n", p, p)
	fmt.Println(P_max({{int 1 9}}, {{int 1 9}}), P_max("x", "y"), P_max[float64](2, 1.5))
}
`},
	{"pingpong", nil, `
func P_run() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range ping {
			fmt.Println("ping", v)
			pong <- v + 1
		}
	}()
	v := 0
	for range {{int 1 4}} {
		ping <- v
		v = <-pong
		fmt.Println("pong", v)
	}
	close(ping)
	<-done
}
`},
	{"embed", []string{"sync"}, `
{{$exp := coin}}
type P_base struct{ {{if $exp}}ID{{else}}id{{end}} int }

func (b P_base) describe() string { return fmt.Sprint("base ", b.{{if $exp}}ID{{else}}id{{end}}) }

type P_derived struct {
	P_base
	Name string
}
{{if coin}}
func (d P_derived) describe() string { return "derived " + d.Name + " / " + d.P_base.describe() }
{{end}}
func P_run() {
	d := P_derived{P_base{ {{int 1 9}} }, "x"}
	fmt.Println(d.describe(), d.{{if $exp}}ID{{else}}id{{end}})
	var once sync.Once
	for i := range 3 {
		once.Do(func() { fmt.Println("once, at", i) })
	}
	fmt.Printf("%+v\n", d)
}
`},
	{"context", []string{"context"}, `
func P_run() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results := make(chan int)
	go func() {
		defer close(results)
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case results <- i:
			}
		}
	}()
	for v := range results {
		if v == {{int 1 5}} {
			cancel()
			break
		}
		fmt.Println("value", v)
	}
	<-ctx.Done()
	fmt.Println(ctx.Err())
}
`},
	{"errors", []string{"errors"}, `
var P_errNotFound = errors.New("not found")

func P_find(k string) error {
	if k == "" {
		return fmt.Errorf("find %q: %w", k, P_errNotFound)
	}
	return nil
}

func P_run() {
	err := P_find("")
	fmt.Println(err, errors.Is(err, P_errNotFound), errors.Unwrap(err) == P_errNotFound)
	fmt.Println(P_find("x"))
	joined := errors.Join(err, errors.New("second"))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, P_errNotFound))
}
`},
	{"defers", nil, `
func P_count() (n int) {
	defer func() { n *= {{int 2 5}} }()
	for i := range {{int 1 4}} {
		defer fmt.Println("deferred in loop", i)
		n += i
	}
	return n
}

func P_run() {
	x := {{int 1 9}}
	defer fmt.Println("x at the defer:", x)
	x = {{int 10 20}}
	fmt.Println("count", P_count())
	{{if coin}}for i := 0; i < {{int 1 3}}; i++ {
		defer func(v int) { fmt.Println("closure arg", v, "loop var", i) }(i * 10)
	}{{end}}
}
`},
}
