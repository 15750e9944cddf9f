package engine

import (
	"go/ast"
	"go/token"
)

// closureOrder reports a statement that reads a variable, and then calls
// a function that assigns it (assigners: a literal called where it
// stands, a function of the file, a variable holding a literal, a
// method of the file, which may assign its receiver): which comes first
// is the order of evaluation the spec leaves open (a read of a variable
// against a call, an index on the left of = against the value on the
// right), and Go's compiler and yaegi v0.16.1 choose differently. Blind
// passes' programs: arr[j] = func() int { j = 2; return 5 }() stores at
// arr[2] under go run and at arr[0] in the interpreter; p.v = f() where
// f moves p; a map literal {"a": x, "b": f()} where f sets x (a package's
// variable set by a named function too); s.v*100 + g() where g sets s.v
// printed 105 for 2005. The Go toolchain runs such a program as go run
// does. Left: a read the spec orders before the call (in a call before
// it, on the left of && or ||); a read in the call's own function or
// arguments, or after the call, which both read after (gc
// evaluates calls first, yaegi left to right: measured on reads in
// operands, literals, arguments and sends); a switch's case expressions,
// whose order is the spec's (and the tag's one read, switchTags).
func closureOrder(file *ast.File, add func(token.Pos, string, string)) {
	const msg = "the statement reads a variable that a function it calls assigns: the order of the two is left open by the spec, and the interpreter's differs from the Go compiler's"
	callAssigns := assigners(file)
	check := func(nodes ...ast.Node) {
		type litCall struct {
			call            *ast.CallExpr
			assigned, parts map[*ast.Object]bool
		}
		var lits []litCall
		var calls []*ast.CallExpr
		var ands []*ast.BinaryExpr // && and ||: X is evaluated before Y
		for _, n := range nodes {
			if n == nil {
				continue
			}
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					calls = append(calls, n)
					if a, p := callAssigns(n); len(a)+len(p) > 0 {
						lits = append(lits, litCall{n, a, p})
					}
				case *ast.BinaryExpr:
					if n.Op == token.LAND || n.Op == token.LOR {
						ands = append(ands, n)
					}
				}
				return true
			})
		}
		if len(lits) == 0 {
			return
		}
		within := func(n, outer ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }
		// ordered: the read r, before the call c, comes first in an
		// order the spec fixes: in a call that ends before c begins
		// (calls run in lexical order, each after its arguments), or on
		// the left of && or || with c on the right. (Reads in c's
		// function and arguments come after c.Pos: not before c.)
		ordered := func(r *ast.Ident, c *ast.CallExpr) bool {
			for _, d := range calls {
				if d.End() <= c.Pos() && within(r, d) {
					return true
				}
			}
			for _, b := range ands {
				if within(r, b.X) && within(c, b.Y) {
					return true
				}
			}
			return false
		}
		written := map[*ast.Ident]bool{} // x of x = ..., which is not read
		// x of x.f = ...: where x.f is does not depend on what a method
		// stores into x's fields (t.Left = t.Left.Insert(v) is ordered).
		fieldBase := map[*ast.Ident]bool{}
		for _, n := range nodes {
			if as, ok := n.(*ast.AssignStmt); ok && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) {
				for _, e := range as.Lhs {
					switch e := ast.Unparen(e).(type) {
					case *ast.Ident:
						written[e] = true
					case *ast.SelectorExpr:
						if id, ok := ast.Unparen(e.X).(*ast.Ident); ok {
							fieldBase[id] = true
						}
					}
				}
			}
		}
		for _, n := range nodes {
			if n == nil {
				continue
			}
			var at *ast.Ident
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // its reads are its own, at its call
				case *ast.Ident:
					if written[n] || n.Obj == nil {
						return true
					}
					for _, l := range lits {
						if at == nil && (l.assigned[n.Obj] || l.parts[n.Obj] && !fieldBase[n]) && n.End() <= l.call.Pos() && !ordered(n, l.call) {
							at = n
						}
					}
				}
				return at == nil
			})
			if at != nil {
				add(at.Pos(), "closure order", msg)
				return
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.ExprStmt, *ast.ReturnStmt, *ast.SendStmt, *ast.IncDecStmt, *ast.DeclStmt:
			check(n)
			return true
		case *ast.IfStmt:
			check(n.Cond)
		case *ast.ForStmt:
			check(n.Cond)
		}
		return true
	})
}

// assigners returns what a call assigns of the variables its caller may
// read: for a function literal called where it stands, a function the
// file declares, or a variable declared with a function literal, the
// variables its body assigns (assignedIn); for a method of the file
// (x.M(), every method M of the file), those, and, in parts, x's variable
// where a method M assigns a part of its receiver (c.n++ in Inc, for
// fmt.Println(c.n, c.Inc())), which cannot assign the caller's variable
// itself. One level: what the functions it calls assign is not followed.
func assigners(file *ast.File) func(*ast.CallExpr) (vars, parts map[*ast.Object]bool) {
	bodies := map[*ast.Object]*ast.BlockStmt{}
	signatures := map[*ast.Object]*ast.FuncType{}
	methods := map[string][]*ast.FuncDecl{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			if n.Recv == nil {
				bodies[n.Name.Obj], signatures[n.Name.Obj] = n.Body, n.Type
			} else {
				methods[n.Name.Name] = append(methods[n.Name.Name], n)
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, e := range n.Lhs {
					id, _ := e.(*ast.Ident)
					if lit, ok := n.Rhs[i].(*ast.FuncLit); ok && id != nil && id.Obj != nil {
						bodies[id.Obj], signatures[id.Obj] = lit.Body, lit.Type
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if lit, ok := n.Values[i].(*ast.FuncLit); ok && id.Obj != nil {
						bodies[id.Obj], signatures[id.Obj] = lit.Body, lit.Type
					}
				}
			}
		}
		return true
	})
	return func(c *ast.CallExpr) (vars, parts map[*ast.Object]bool) {
		switch f := ast.Unparen(c.Fun).(type) {
		case *ast.FuncLit:
			return byParameters(c, f.Body, f.Type)
		case *ast.Ident:
			if b := bodies[f.Obj]; b != nil && f.Obj != nil {
				return byParameters(c, b, signatures[f.Obj])
			}
		case *ast.SelectorExpr:
			if id, ok := f.X.(*ast.Ident); ok && id.Obj == nil {
				return nil, nil // a package's function
			}
			vars, parts = map[*ast.Object]bool{}, map[*ast.Object]bool{}
			for _, m := range methods[f.Sel.Name] {
				for obj := range assignedIn(m.Body) {
					if r := m.Recv.List[0]; len(r.Names) == 1 && r.Names[0].Obj == obj {
						if x := rootIdent(f.X); x != nil && x.Obj != nil {
							parts[x.Obj] = true
						}
						continue
					}
					vars[obj] = true
				}
			}
			return vars, parts
		}
		return nil, nil
	}
}

// byParameters is what call c of a function of the file, of body and
// signature typ, assigns: the variables of its caller's its body assigns
// (assignedIn), and, in parts, the variable at the root of an argument
// whose parameter the body assigns a part of (t.Left = ... in insert(t,
// k) may change what the caller reads through t). A parameter assigned
// itself is the callee's own: a recursive call's t.Left = insert(t.Left,
// k) assigns no variable of its caller, which has a t of its own.
func byParameters(c *ast.CallExpr, body *ast.BlockStmt, typ *ast.FuncType) (vars, parts map[*ast.Object]bool) {
	vars, parts = assignedIn(body), map[*ast.Object]bool{}
	if typ == nil || typ.Params == nil {
		return vars, parts
	}
	i := 0
	for _, field := range typ.Params.List {
		_, variadic := field.Type.(*ast.Ellipsis)
		for _, name := range field.Names {
			if vars[name.Obj] {
				delete(vars, name.Obj)
				args := c.Args[min(i, len(c.Args)):min(i+1, len(c.Args))]
				if variadic {
					args = c.Args[min(i, len(c.Args)):]
				}
				eachAssigned(body, func(e ast.Expr) bool {
					_, whole := ast.Unparen(e).(*ast.Ident)
					if root := rootIdent(e); !whole && root != nil && root.Obj == name.Obj {
						for _, a := range args {
							if x := rootIdent(a); x != nil && x.Obj != nil {
								parts[x.Obj] = true
							}
						}
					}
					return true
				})
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	return vars, parts
}

// rootIdent is the variable e selects, indexes, slices or dereferences a
// part of (s of s.items[0].n), or nil.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
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
		default:
			return nil
		}
	}
}

// assignedIn are the variables body assigns (=, op=, ++, --), a part of
// (s.v = 1, m[k]++), or takes the address of, declared outside it.
func assignedIn(body *ast.BlockStmt) map[*ast.Object]bool {
	out := map[*ast.Object]bool{}
	eachAssigned(body, func(e ast.Expr) bool {
		id := rootIdent(e)
		if id == nil || id.Obj == nil || id.Obj.Kind != ast.Var {
			return true
		}
		if d, ok := id.Obj.Decl.(ast.Node); ok && body.Pos() <= d.Pos() && d.End() <= body.End() {
			return true // declared in body
		}
		out[id.Obj] = true
		return true
	})
	return out
}

// sendOrder reports a send statement whose channel and value both call
// something: Go calls the channel's first; yaegi v0.16.1 called the
// value's first ("target() <- payload()" logged payload's line first,
// a sixth blind pass's find; in a select, selectSends puts them in Go's
// order).
func sendOrder(file *ast.File, add func(token.Pos, string, string)) {
	ast.Inspect(file, func(n ast.Node) bool {
		if send, ok := n.(*ast.SendStmt); ok && callsOrReceives(send.Chan) && callsOrReceives(send.Value) {
			add(send.Pos(), "send order", "a send whose channel and value both call functions: Go calls the channel's first, the interpreter the value's")
		}
		return true
	})
}

// deferredClosures reports a deferred call that calls, or passes on, a
// function value made by a literal in the function that defers it:
// yaegi v0.16.1 runs a function's deferred calls holding its frame's
// lock, which such a value takes again when it returns, and the
// function never returns ("f := func() {...}; defer f()", a common
// cleanup, hung, and was handed over after a wait as a deadlock: a sixth
// blind pass). A value made in another function's frame does not hang.
func deferredClosures(file *ast.File, add func(token.Pos, string, string)) {
	body := func(b *ast.BlockStmt) {
		made := map[*ast.Object]bool{}
		var defers []*ast.DeferStmt
		ast.Inspect(b, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // a frame of its own
			case *ast.AssignStmt:
				for i, e := range n.Lhs {
					if id, ok := e.(*ast.Ident); ok && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) && id.Obj != nil {
						// A literal, or a copy of a value one made (the
						// source pass copies a deferred call's arguments).
						_, lit := ast.Unparen(n.Rhs[i]).(*ast.FuncLit)
						if v, ok := n.Rhs[i].(*ast.Ident); lit || ok && v.Obj != nil && made[v.Obj] {
							made[id.Obj] = true
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) && len(n.Names) == len(n.Values) && id.Obj != nil {
						if _, lit := ast.Unparen(n.Values[i]).(*ast.FuncLit); lit {
							made[id.Obj] = true
						}
					}
				}
			case *ast.DeferStmt:
				defers = append(defers, n)
			}
			return true
		})
		for _, d := range defers {
			ast.Inspect(d, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && made[id.Obj] && id.Obj != nil {
					add(d.Pos(), "deferred closure", "a deferred call that calls a function value made by a literal in the same function: the interpreter never returns from such a function (its deferred calls hold the frame's lock, which the value takes again)")
					return false
				}
				return true
			})
		}
	}
	eachFunc(file, func(_ *ast.FuncType, b *ast.BlockStmt) { body(b) })
}
