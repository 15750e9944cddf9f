package engine

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// capacities reports what a program may print differently because of a
// slice's capacity, where the capacity is the compiler's choice and not
// the language's. Since Go 1.26 a first append to a slice that does not
// escape gets a 32-byte array on the stack (cap 4 for []int, 32 for
// []byte, where an escaping one gets 1 and 8), and a conversion of a
// short string to []byte gets a buffer on the stack: the interpreter,
// which cannot know what escapes, grew the same slices 1, 2, 4...
// ([]byte("hello") had cap 5 under go run, 8 in the interpreter; a
// Filter returning what it appended 3 and 4; probes' programs and a
// review's). A capacity shows in three ways, each reported here:
//
//   - cap(x), unless what x holds was made with a capacity the language
//     fixes: make, a composite literal, a three-index slice, nil, a
//     library function's result, a part of one of those, or a variable
//     or a function of the program that only ever holds or returns such
//     slices and is never appended to;
//   - append to a slice another variable shares (t := s[:2]; t =
//     append(t, 9), or a := s; a = append(a, 3)), or an append to one of
//     two sharing slices while either is written through an index (a
//     slice a function of the program gives back of its parameter, h :=
//     head(s) of return s[:1], shares the argument's array):
//     whether append wrote into the shared array or a new one is the
//     capacity's doing;
//   - a function of the program that appends to its parameter (s =
//     append(s, 4); s[0] = 100 changed the caller's s[0] under go run,
//     not in the interpreter), and an append whose result goes to
//     another variable (b := append(a, 2)), when the slice passed or
//     appended to is not of a fixed capacity.
//
// A slice is known by how the program names it (s, p.items), a function
// by its name, whatever function or block it is in. A name two slices
// share mostly makes the check see more (an append to either counts for
// both), but "fixed" is one answer per name: a range variable, and a
// parameter of a function the program calls through a value, are taken
// as not fixed, so that a namesake made with a literal cannot make them
// so (a review's). Followed since that review's 23 silent programs: a
// struct copied whole, a value receiver or parameter holding a slice
// (func (b Bag) With), positional literals, conversions to named slice
// types, getters of a receiver's slice, appends into elements, literals
// and arguments, the library's Append functions and slices' functions
// seen lowered (_lowerSort). The source pass's own helpers (_lower...)
// are the library's, whose capacities are go run's. What is not
// followed: reslicing past the length (s[:4] of a slice of two, which
// panics or not by the capacity) without cap.
func capacities(file *ast.File, add func(token.Pos, string, string)) {
	imports := importNames(file)
	decls := map[string][]*ast.FuncDecl{} // the program's functions and methods by name
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && !strings.HasPrefix(fd.Name.Name, "_lower") {
			decls[fd.Name.Name] = append(decls[fd.Name.Name], fd)
		}
	}
	// callee is the name of the program's function or method c calls, or
	// "" (a library's, pkg.F, or a function value).
	callee := func(c *ast.CallExpr) string {
		switch f := instantiated(c.Fun).(type) {
		case *ast.Ident:
			if f.Obj != nil && len(decls[f.Name]) > 0 {
				return f.Name
			}
		case *ast.SelectorExpr:
			if x, ok := ast.Unparen(f.X).(*ast.Ident); (!ok || x.Obj != nil) && len(decls[f.Sel.Name]) > 0 {
				return f.Sel.Name
			}
		}
		return ""
	}
	// library: c calls a function of another package, or one of the
	// source pass's helpers that stand for one (_lowerGrow).
	library := func(c *ast.CallExpr) bool {
		switch f := instantiated(c.Fun).(type) {
		case *ast.Ident:
			return strings.HasPrefix(f.Name, "_lower")
		case *ast.SelectorExpr:
			x, ok := ast.Unparen(f.X).(*ast.Ident)
			return ok && x.Obj == nil && imports[x.Name] != ""
		}
		return false
	}

	// A flow is a slice passing on: into a variable or a field (key),
	// into a parameter (param), or out of a function (result: key is
	// the function's name).
	type flow struct {
		key           string
		e             ast.Expr
		param, result bool
		fd            *ast.FuncDecl // a parameter's function
	}
	var flows []flow
	appended := map[string]bool{} // the slices append's first argument names
	written := map[string]bool{}  // the slices written through an index, by copy or by a library's sort
	var caps, appends []*ast.CallExpr
	self := map[*ast.CallExpr]bool{} // s = append(s, ...), s = append(s[:i], ...)
	note := func(lhs, rhs []ast.Expr) {
		if len(lhs) != len(rhs) {
			if len(rhs) == 1 { // x, y := f()
				for _, l := range lhs {
					if k := exprKey(l); k != "" {
						flows = append(flows, flow{key: k, e: rhs[0]})
					}
				}
			}
			return
		}
		for i, r := range rhs {
			k := exprKey(lhs[i])
			if c, ok := ast.Unparen(r).(*ast.CallExpr); ok && len(c.Args) > 0 && exprString(sliced(c.Args[0])) == exprString(lhs[i]) {
				self[c] = true // m[k] = append(m[k], v) too
			}
			if k == "" {
				continue
			}
			flows = append(flows, flow{key: k, e: r})
			if u, ok := ast.Unparen(r).(*ast.UnaryExpr); ok && u.Op == token.AND {
				r = u.X
			}
			if cl, ok := ast.Unparen(r).(*ast.CompositeLit); ok {
				_, named := cl.Type.(*ast.Ident)
				for _, e := range cl.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							flows = append(flows, flow{key: k + "." + id.Name, e: kv.Value})
						}
					} else if named {
						flows = append(flows, flow{key: k, e: e}) // w := Wrapper{s}: w holds s
					}
				}
			}
		}
	}
	writes := func(e ast.Expr) {
		if ix, ok := ast.Unparen(e).(*ast.IndexExpr); ok {
			if k := exprKey(sliced(ix.X)); k != "" {
				written[k] = true
			}
		}
	}
	var calls []*ast.CallExpr
	var literals []*ast.FuncLit
	named := map[*ast.Ident]bool{} // the program's functions named (called, or taken as values)
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if strings.HasPrefix(n.Name.Name, "_lower") {
				return false
			}
		case *ast.CallExpr:
			switch builtin(n.Fun) {
			case "append":
				if len(n.Args) > 0 {
					appends = append(appends, n)
					if k := exprKey(n.Args[0]); k != "" {
						appended[k] = true
					}
				}
			case "cap":
				if len(n.Args) == 1 {
					caps = append(caps, n)
				}
			case "copy":
				if len(n.Args) == 2 {
					if k := exprKey(sliced(n.Args[0])); k != "" {
						written[k] = true
					}
				}
			default:
				calls = append(calls, n)
				if libraryAppend(n, imports) && len(n.Args) > 0 {
					// strconv.AppendInt(b, ...), utf8.AppendRune(nil, r):
					// an append the library makes, inlined where it is called.
					appends = append(appends, n)
					if k := exprKey(n.Args[0]); k != "" {
						appended[k] = true
					}
				}
				if inPlace(n, imports) {
					for _, a := range n.Args {
						if k := exprKey(sliced(a)); k != "" {
							written[k] = true
						}
					}
				}
			}
		case *ast.AssignStmt:
			note(n.Lhs, n.Rhs)
			for _, l := range n.Lhs {
				writes(l)
			}
		case *ast.IncDecStmt:
			writes(n.X)
		case *ast.RangeStmt:
			// An element of what is ranged over: not known to be fixed
			// (a namesake made with a literal must not make it so).
			if k := exprKey(n.Value); k != "" && n.Tok == token.DEFINE {
				flows = append(flows, flow{key: k, e: &ast.IndexExpr{X: n.X, Lbrack: n.X.End()}})
			}
		case *ast.FuncLit:
			literals = append(literals, n)
		case *ast.Ident:
			if fd, ok := objDecl(n).(*ast.FuncDecl); ok && fd.Name != n {
				named[n] = true
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
				if len(n.Values) == 0 && n.Type != nil {
					flows = append(flows, flow{key: id.Name, e: &ast.Ident{Name: "nil", NamePos: id.Pos()}}) // var s []int
				}
			}
			note(lhs, n.Values)
		}
		return true
	})
	// gives are the parameters (by index) whose slice, or a part of it,
	// a function of the program returns (return s[:1]): what a call of it
	// gives shares the argument's array.
	gives := map[string][]int{} // -1: the receiver (func (b Bag) Items() []int { return b.items })
	for name, fds := range decls {
		for _, fd := range fds {
			params := paramNames(fd)
			recv := ""
			if rf := recvFields(fd); len(rf) == 1 && len(rf[0].Names) == 1 {
				recv = rf[0].Names[0].Name
			}
			// locals: what a local variable of the function was given of
			// a parameter or the receiver (r := s; return r gives s too,
			// b := g.raw; return b g's: a probe's).
			locals := map[string]string{}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if a, ok := n.(*ast.AssignStmt); ok && len(a.Lhs) == len(a.Rhs) {
					for i, lhs := range a.Lhs {
						if id, ok := lhs.(*ast.Ident); ok {
							if k := exprKey(sliced(a.Rhs[i])); k != "" && (slices.Contains(params, k) || locals[k] != "" || recv != "" && (k == recv || strings.HasPrefix(k, recv+"."))) {
								locals[id.Name] = cmp.Or(locals[k], k)
							}
						}
					}
				}
				if r, ok := n.(*ast.ReturnStmt); ok {
					for _, e := range r.Results {
						flows = append(flows, flow{key: name, e: e, result: true})
						if _, call := ast.Unparen(e).(*ast.CallExpr); !call {
							k := exprKey(sliced(e))
							k = cmp.Or(locals[k], k)
							i := slices.Index(params, k)
							if recv != "" && (k == recv || strings.HasPrefix(k, recv+".")) {
								i = -1
							} else if i < 0 {
								continue // neither a parameter nor the receiver (a review's: return global)
							}
							if k != "" && !slices.Contains(gives[name], i) {
								gives[name] = append(gives[name], i)
							}
						}
					}
				}
				_, lit := n.(*ast.FuncLit)
				return !lit
			})
		}
	}
	for _, f := range flows {
		if c, ok := ast.Unparen(f.e).(*ast.CallExpr); ok && !f.result && !f.param {
			for _, i := range gives[callee(c)] {
				switch sel, method := instantiated(c.Fun).(*ast.SelectorExpr); {
				case i == -1 && method:
					flows = append(flows, flow{key: f.key, e: sel.X}) // x := bag.Items()
				case i >= 0 && i < len(c.Args):
					flows = append(flows, flow{key: f.key, e: c.Args[i]}) // h := head(s)
				}
			}
		}
	}
	for _, c := range calls {
		for _, fd := range decls[callee(c)] {
			params := paramNames(fd)
			for i, a := range c.Args {
				if i < len(params) && params[i] != "" {
					flows = append(flows, flow{key: params[i], e: a, param: true, fd: fd})
				}
			}
		}
	}

	// A function called through a value (f := add; f(s)), or a function
	// literal, has callers the check does not see: its parameters are not
	// known to be fixed, and one it appends to may be a caller's slice.
	for _, c := range calls {
		if id, ok := instantiated(c.Fun).(*ast.Ident); ok {
			delete(named, id)
		}
	}
	valued := map[string]bool{}
	for id := range named {
		if id.Name != "main" && id.Name != "init" {
			valued[id.Name] = true
		}
	}
	for name, fds := range decls {
		for _, fd := range fds {
			if valued[name] && fd.Recv == nil {
				for _, p := range paramNames(fd) {
					if p != "" {
						flows = append(flows, flow{key: p, e: &ast.IndexExpr{X: fd.Name, Lbrack: fd.Name.End()}})
					}
				}
			}
		}
	}

	// What each slice holds is of a fixed capacity until a flow into it
	// says otherwise (a variable or a function with no flow into it, a
	// range's variable, a parameter of a function called through a
	// value, is not known to be).
	fixed := map[string]bool{}   // variables, fields, parameters
	fixedFn := map[string]bool{} // the program's functions' results
	for _, f := range flows {
		switch {
		case f.result:
			fixedFn[f.key] = true
		case !appended[f.key]:
			fixed[f.key] = true
		}
	}
	var fixedCap func(e ast.Expr) bool
	fixedCap = func(e ast.Expr) bool {
		e = ast.Unparen(e)
		for {
			sl, ok := e.(*ast.SliceExpr)
			if !ok {
				break
			}
			if sl.Slice3 {
				return true // s[i:j:k] has capacity k-i
			}
			e = ast.Unparen(sl.X)
		}
		switch x := e.(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			switch {
			case builtin(x.Fun) == "make":
				return true
			case builtin(x.Fun) == "append", stringConversion(x):
				return false
			case sliceConversion(x) && len(x.Args) == 1:
				return fixedCap(x.Args[0]) // of a string: not a slice
			case callee(x) != "":
				return fixedFn[callee(x)]
			case libraryAppend(x, imports):
				return false
			case returnsItsSlice(x, imports) && len(x.Args) > 0:
				return fixedCap(x.Args[0])
			}
			return library(x)
		case *ast.Ident:
			if x.Name == "nil" && x.Obj == nil {
				return true
			}
			switch typ, _ := declared(x); t := typ.(type) {
			case *ast.ArrayType:
				if t.Len != nil {
					return true
				}
			case *ast.ChanType:
				return true
			}
		}
		k := exprKey(e)
		if i := strings.LastIndex(k, "."); i > 0 && !fixed[k[:i]] {
			return false // b = a, a.items appended: b.items is not fixed
		}
		return k != "" && fixed[k] && !keyOrField(appended, k)
	}
	for changed := true; changed; {
		changed = false
		for _, f := range flows {
			m := fixed
			if f.result {
				m = fixedFn
			}
			if m[f.key] && !fixedCap(f.e) {
				m[f.key], changed = false, true
			}
		}
	}

	for _, c := range caps {
		if !fixedCap(c.Args[0]) {
			add(c.Pos(), "capacity", "the capacity of this slice is not one the language fixes (made by append, or converted from a string, here or where it comes from): the compiler chooses it, and the interpreter's differs")
		}
	}
	for _, c := range appends {
		if !self[c] && !fixedCap(c.Args[0]) {
			add(c.Pos(), "capacity after append", "whether an append to a slice another keeps shares its array depends on the capacity the compiler chose: the interpreter's differs")
		}
	}
	// A value parameter or receiver holding a slice (a struct with a
	// slice field, a named slice type) is a copy of the caller's value
	// sharing its array: b.items = append(b.items, x) in func (b Bag)
	// With, return b, wrote into the array another copy kept under go run
	// (4 4), not in the interpreter (3 4; a review's). A plain slice
	// parameter is followed from its callers below.
	type function struct {
		fields [][]*ast.Field
		body   *ast.BlockStmt
		unseen bool // called where the check does not see its arguments
	}
	var funcs []function
	for name, fds := range decls {
		for _, fd := range fds {
			funcs = append(funcs, function{[][]*ast.Field{recvFields(fd), fd.Type.Params.List}, fd.Body, valued[name] && fd.Recv == nil})
		}
	}
	for _, lit := range literals {
		funcs = append(funcs, function{[][]*ast.Field{lit.Type.Params.List}, lit.Body, true})
	}
	for _, fn := range funcs {
		var copies []string
		for _, fl := range fn.fields {
			for _, f := range fl {
				if _, plain := f.Type.(*ast.ArrayType); (!plain || fn.unseen) && maySlice(f.Type, nil) {
					for _, id := range f.Names {
						copies = append(copies, id.Name)
					}
				}
			}
		}
		for _, name := range copies {
			ast.Inspect(fn.body, func(n ast.Node) bool {
				c, ok := n.(*ast.CallExpr)
				if ok && builtin(c.Fun) == "append" && len(c.Args) > 0 {
					if k := exprKey(c.Args[0]); k == name || strings.HasPrefix(k, name+".") {
						add(c.Pos(), "shared array", fmt.Sprintf("%s is a copy of the caller's value, sharing its array: whether this append writes into that array (where the caller or another copy sees it) depends on the capacity the compiler chose, and the interpreter's differs", name))
					}
				}
				return true
			})
		}
	}
	shared := map[token.Pos]bool{} // reported once where two flows meet
	for _, f := range flows {
		if f.result || shared[f.e.Pos()] {
			continue
		}
		if c, call := ast.Unparen(f.e).(*ast.CallExpr); call {
			switch {
			case len(c.Args) == 1 && sliceConversion(c) && !stringConversion(c):
				f.e = c.Args[0] // b := IntList(a) shares a's array
			case len(c.Args) > 0 && returnsItsSlice(c, imports):
				f.e = c.Args[0] // t := slices.Insert(s, 0, 9) may too
			default:
				continue // what a call returns is followed as a capacity, not as sharing
			}
		}
		sl, three := ast.Unparen(f.e).(*ast.SliceExpr)
		if three && sl.Slice3 {
			continue
		}
		r := exprKey(sliced(f.e))
		if r == "" || (r == f.key && !f.param) || strings.HasPrefix(f.key, "_lower") || fixedCap(f.e) {
			continue // the source pass's own copies (a range's) are only read
		}
		if id, ok := sliced(f.e).(*ast.Ident); ok && !maySlice(declared(id)) {
			continue
		}
		switch {
		case f.param && keyOrField(appendedIn(f.fd), f.key):
			shared[f.e.Pos()] = true
			add(f.e.Pos(), "shared array", fmt.Sprintf("the parameter %s shares this slice's array, and the function appends to it: whether that append writes into the caller's array depends on the capacity the compiler chose, and the interpreter's differs", f.key))
		case !f.param && (keyOrField(appended, f.key) || keyOrField(appended, r) && (written[f.key] || written[r])):
			shared[f.e.Pos()] = true
			add(f.e.Pos(), "shared array", fmt.Sprintf("%s and %s share an array, and one of them is appended to: whether append writes into that array or a new one depends on the capacity the compiler chose, and the interpreter's differs", f.key, r))
		}
	}
}

// objDecl is what declares id, as the parser resolved it, or nil.
func objDecl(id *ast.Ident) any {
	if id.Obj == nil {
		return nil
	}
	return id.Obj.Decl
}

// keyOrField: a key of m is k or a field of it (b.items of b).
func keyOrField(m map[string]bool, k string) bool {
	if m[k] {
		return true
	}
	for key := range m {
		if strings.HasPrefix(key, k+".") {
			return true
		}
	}
	return false
}

// appendedIn are the slices (and fields) fd's body appends to.
func appendedIn(fd *ast.FuncDecl) map[string]bool {
	m := map[string]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && builtin(c.Fun) == "append" && len(c.Args) > 0 {
			if k := exprKey(c.Args[0]); k != "" {
				m[k] = true
			}
		}
		return true
	})
	return m
}

func recvFields(fd *ast.FuncDecl) []*ast.Field {
	if fd.Recv == nil {
		return nil
	}
	return fd.Recv.List
}

// libraryAppend: c calls a library function that appends to the slice it
// is given first (strconv.AppendInt, utf8.AppendRune): inlined where it
// is called, its first growth may get the caller's stack array, as an
// append of the program's does (cap(utf8.AppendRune(nil, 'a')) was 32
// under go run, 8 in the interpreter; a review's).
func libraryAppend(c *ast.CallExpr, imports map[string]string) bool {
	sel, ok := instantiated(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && x.Obj == nil && imports[x.Name] != "" && strings.HasPrefix(sel.Sel.Name, "Append")
}

// returnsItsSlice: c calls one of slices' functions that return the
// slice they are given, or a part of it, when it has room (Insert,
// Delete, Compact, Replace, Grow, Clip...), or the source pass's helper
// that stands for one (_lowerInsert), or one of bytes' that return a
// part of it (TrimSpace, TrimPrefix..., Cut: an append to
// bytes.TrimSpace(b), or to Cut's after, wrote into b under go run, not
// in the interpreter, a probe's).
func returnsItsSlice(c *ast.CallExpr, imports map[string]string) bool {
	name := ""
	switch f := instantiated(c.Fun).(type) {
	case *ast.Ident:
		if n, ok := strings.CutPrefix(f.Name, "_lower"); ok {
			name = n // the program's own Insert is not slices'
		}
	case *ast.SelectorExpr:
		if x, ok := ast.Unparen(f.X).(*ast.Ident); ok && x.Obj == nil && imports[x.Name] == "bytes" {
			return strings.Contains(" TrimSpace TrimPrefix TrimSuffix Trim TrimLeft TrimRight TrimFunc TrimLeftFunc TrimRightFunc Cut CutPrefix CutSuffix ", " "+f.Sel.Name+" ")
		}
		if x, ok := ast.Unparen(f.X).(*ast.Ident); ok && x.Obj == nil && imports[x.Name] == "slices" {
			name = f.Sel.Name
		}
	}
	return name != "" && strings.Contains(" Insert Delete DeleteFunc Compact CompactFunc Replace Grow Clip ", " "+name+" ")
}

// paramNames are fd's parameters' names, in order, with "" for one that
// cannot hold a slice (s []int may share its caller's array, n int not).
func paramNames(fd *ast.FuncDecl) []string {
	var params []string
	for _, f := range fd.Type.Params.List {
		for _, id := range f.Names {
			name := id.Name
			if !maySlice(f.Type, nil) {
				name = ""
			}
			params = append(params, name)
		}
	}
	return params
}

// inPlace: c calls a function of package sort or slices, which may write
// into the slices it is given (sort.Ints(s), slices.Reverse(s)), or one
// of the source pass's helpers, which stand for slices' functions.
func inPlace(c *ast.CallExpr, imports map[string]string) bool {
	switch f := instantiated(c.Fun).(type) {
	case *ast.Ident:
		// The source pass's helpers stand for slices' functions
		// (_lowerSort for slices.Sort): Detect sees them.
		return strings.HasPrefix(f.Name, "_lower")
	case *ast.SelectorExpr:
		x, ok := ast.Unparen(f.X).(*ast.Ident)
		return ok && x.Obj == nil && (imports[x.Name] == "sort" || imports[x.Name] == "slices")
	}
	return false
}

// maySlice: a variable declared with the type typ, or given value, may
// hold a slice, as far as the file says: not one of a predeclared type
// (int, string), a map, channel, function, pointer, struct or interface
// type, nor one given a number, a string or a function literal. Names
// two variables share make the check see more; this keeps an int from
// being taken for a slice another function appends to under its name.
func maySlice(typ, value ast.Expr) bool {
	switch t := typ.(type) {
	case nil:
	case *ast.ArrayType:
		return t.Len == nil
	case *ast.Ellipsis:
		return true
	case *ast.Ident:
		return t.Obj != nil // a type of the file, or a type parameter
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.ParenExpr:
		return true // another package's type, a generic type's instance
	default:
		return false
	}
	switch ast.Unparen(value).(type) {
	case *ast.BasicLit, *ast.BinaryExpr, *ast.FuncLit:
		return false
	}
	return true
}

// sliced is the slice e is a part of (s of s[1:3]), or e.
func sliced(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	for {
		sl, ok := e.(*ast.SliceExpr)
		if !ok {
			return e
		}
		e = ast.Unparen(sl.X)
	}
}

// sliceConversion: c converts to a type the file declares or a slice type
// written out ([]byte(s), Bytes(s)).
func sliceConversion(c *ast.CallExpr) bool {
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.ArrayType:
		return f.Len == nil
	case *ast.Ident:
		return f.Obj != nil && f.Obj.Kind == ast.Typ
	}
	return false
}

// stringConversion: e converts to []byte or []rune (from a string, or
// from a slice of the same type, which Go's compiler would take as is).
func stringConversion(e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return false
	}
	at, ok := ast.Unparen(c.Fun).(*ast.ArrayType)
	if !ok || at.Len != nil {
		return false
	}
	switch builtin(at.Elt) {
	case "byte", "rune", "uint8", "int32":
		return true
	}
	return false
}

// exprKey names a variable or a field chain (s, p.items), or is "".
func exprKey(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x := exprKey(e.X); x != "" {
			return x + "." + e.Sel.Name
		}
	}
	return ""
}
