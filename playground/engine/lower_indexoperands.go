package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// indexOperandRewrite, named indexOperands: in an assignment of several
// values, yaegi assigns a variable before it reads it as a map's index on
// the same left side, where Go reads every index first (k, m[k] = "b", 5
// sets m["a"] in go run, m["b"] in the engine); such an index is read
// first into a fresh variable.
func indexOperandRewrite(l *lowering, s *syntax) { l.indexOperands(s.file) }

// indexOperands rewrites "k, m[k] = v, w" into "{ _lowerK1 := k; k,
// m[_lowerK1] = v, w }" where an index of the left side (of a map, or a
// slice or an array, which yaegi v0.16.1 gets right: the same either way)
// reads a variable the same left side assigns (or a field, an element of
// it, or what it points to): Go evaluates the index
// expressions' operands before assigning anything (the spec's two
// phases). An index that calls or receives is left alone (taken first,
// it would run before the values' calls, which Go may run before it), and
// so is one with a shift (1<<s takes its type from the map's key, and in
// a variable of its own would be an int); only statements of a list are
// rewritten, where a block may stand.
//
// Of "c.n, errs[c.i] = fmt.Sscan(s, &c.i)", one call's values, yaegi
// reads the left side's operands (c.i) before the call, where Go's
// compiler reads them after it (go run indexes errs with what Sscan
// stored), and it drops a value stored into a map's element (n, m[k] =
// f() left m empty, silently; m[k], ok = x.(int), src[k] or <-ch too):
// the call, or the comma-ok form beside a map's element, is taken first into fresh
// variables, "{ _lowerV1, _lowerV2 := fmt.Sscan(s, &c.i); c.n, errs[c.i]
// = _lowerV1, _lowerV2 }", where a left side is more than a variable and
// calls nothing (conversions and built-ins aside: Go runs a call of the
// left side's, xs[k()], before the value's); a map's key gc copies
// before the call (keyCopiedFirst) is read first, before it
// (valuesFirst, which says what it leaves and hands over).
func (l *lowering) indexOperands(file *ast.File) {
	captured := assignedInLiterals(file)
	ast.Inspect(file, func(n ast.Node) bool {
		// An if's, a switch's or a for's header holds no block: such a
		// statement storing one call's values into a map is handed over.
		for _, h := range headers(n) {
			if as, ok := h.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN && len(as.Lhs) >= 2 && len(as.Rhs) == 1 && slices.ContainsFunc(as.Lhs, l.isMapIndex) {
				l.handOverMapStore(as)
			}
		}
		for _, s := range stmtList(n) {
			as, ok := unlabeled(s).(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) < 2 {
				continue
			}
			first, done := l.valuesFirst(as, captured)
			first += l.indexesFirst(as, done)
			if first != "" {
				l.wrap(as, "{ "+first, " }")
			}
		}
		return true
	})
}

// valuesFirst takes as's one call's values, or its comma-ok form's
// beside a map's element, into fresh variables, a map's key that gc
// copies before the call before them; it returns the declarations and
// the indexes it read. A statement whose value or key cannot be moved,
// whose left side gc evaluates in part before the call (a call, a type
// assertion, && or ||), or whose key a function literal assigns (read
// before or after the call as gc's inliner decides: order.go's addrTemp
// copies a local kept in registers, not one a closure shares) stays, and
// is handed over when it stores into a map.
func (l *lowering) valuesFirst(as *ast.AssignStmt, captured map[*ast.Object]bool) (string, map[ast.Expr]bool) {
	if len(as.Rhs) != 1 {
		return "", nil
	}
	value := ast.Unparen(as.Rhs[0])
	_, call := value.(*ast.CallExpr)
	commaOK := len(as.Lhs) == 2 && l.commaOKForm(value)
	if !call && !commaOK {
		return "", nil
	}
	more, maps, unmovable := false, false, !l.hoistable(value)
	for _, e := range as.Lhs {
		_, variable := ast.Unparen(e).(*ast.Ident)
		more = more || !variable
		unmovable = unmovable || callsWhere(e, l.notACall) || evaluatedFirst(e)
		if ix, m := l.mapIndex(e); m != nil {
			maps = true
			root := rootIdent(ix.Index)
			unmovable = unmovable || l.keyCopiedFirst(ix, m) && !l.hoistable(ix.Index) || root != nil && root.Obj != nil && captured[root.Obj]
		}
	}
	switch {
	case !more, commaOK && !maps:
		return "", nil
	case unmovable:
		if maps {
			l.handOverMapStore(as)
		}
		return "", nil
	}
	var first string
	done := map[ast.Expr]bool{}
	for _, e := range as.Lhs {
		if ix, m := l.mapIndex(e); m != nil && l.keyCopiedFirst(ix, m) {
			first += l.readFirst(ix.Index)
			done[ix.Index] = true
		}
	}
	names := make([]string, len(as.Lhs))
	for i := range names {
		names[i] = l.name("_lowerV")
	}
	l.replace(as.Rhs[0], strings.Join(names, ", "))
	return first + strings.Join(names, ", ") + " := " + l.text(value) + "; ", done
}

// indexesFirst reads first each index of as's left side that reads a
// variable the same left side assigns (by the variable at its root: a
// field's, c.key, m[c.key] = "b", 1, or a pointer's), but those in done;
// it returns the declarations.
func (l *lowering) indexesFirst(as *ast.AssignStmt, done map[ast.Expr]bool) string {
	assigned := map[*ast.Object]string{}
	for _, e := range as.Lhs {
		if id := rootIdent(e); id != nil && id.Obj != nil {
			assigned[id.Obj] = id.Name
		}
	}
	var first string
	for _, e := range as.Lhs {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		if !ok || done[ix.Index] || callsOrReceives(ix.Index) || shifts(ix.Index) || !reads(ix.Index, assigned) || !l.hoistable(ix.Index) {
			continue
		}
		first += l.readFirst(ix.Index)
	}
	return first
}

// readFirst replaces e by a fresh variable and returns its declaration.
func (l *lowering) readFirst(e ast.Expr) string {
	v := l.name("_lowerK")
	l.replace(e, v)
	return v + " := " + l.text(e) + "; "
}

// handOverMapStore hands as over: the interpreter drops a call's value
// stored into a map's element beside other targets, and the pass cannot
// take the values first in gc's order.
func (l *lowering) handOverMapStore(as *ast.AssignStmt) {
	l.handOvers = append(l.handOvers, handOver{as.Pos(), "map store from a call", "a call's values stored into a map's element beside other targets: the interpreter drops the element's value, or reads the targets out of order"})
}

// commaOKForm: e is a type assertion, a map's element or a receive, whose
// value and ok two targets take (v, ok = x.(T)).
func (l *lowering) commaOKForm(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.TypeAssertExpr:
		return e.Type != nil
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	case *ast.IndexExpr:
		return l.isMapIndex(e)
	}
	return false
}

// evaluatedFirst: e holds what gc evaluates into a temporary before the
// values' call, as it does a call (order.go): a type assertion, && or ||.
func evaluatedFirst(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.TypeAssertExpr:
			found = true
		case *ast.BinaryExpr:
			found = found || n.Op == token.LAND || n.Op == token.LOR
		}
		return !found
	})
	return found
}

// assignedInLiterals is the variables of file a function literal
// assigns, declared outside it.
func assignedInLiterals(file *ast.File) map[*ast.Object]bool {
	out := map[*ast.Object]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			for obj := range assignedIn(lit.Body) {
				out[obj] = true
			}
		}
		return true
	})
	return out
}

// notACall: c converts or calls a built-in, which the left side of an
// assignment evaluates with its other operands, not before the values'
// calls.
func (l *lowering) notACall(c *ast.CallExpr) bool {
	if l.info == nil {
		return false
	}
	tv := l.info.Types[c.Fun]
	return tv.IsType() || tv.IsBuiltin()
}

// mapIndex is e as a map's element (m[k]) and that map, or nils.
func (l *lowering) mapIndex(e ast.Expr) (*ast.IndexExpr, *types.Map) {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok || l.info == nil {
		return nil, nil
	}
	m, _ := under(l.info.TypeOf(ix.X)).(*types.Map)
	if m == nil {
		return nil, nil
	}
	return ix, m
}

// isMapIndex: e is a map's element.
func (l *lowering) isMapIndex(e ast.Expr) bool {
	_, m := l.mapIndex(e)
	return m != nil
}

// keyCopiedFirst: gc copies ix's key, of map m, before the call of an
// assignment's values (walk/order.go's mapKeyTemp). The runtime's fast
// map functions (an element of at most 128 bytes, a key of a string or
// of 4 or 8 bytes of plain memory) take a string, a pointer or an
// integer as it is, read after the call, and any other key (K{a int},
// [8]byte) through a copy made before it; the slow ones take the key's
// address: an addressable key (a variable, a field, an element of a
// slice) is read after the call, any other (c.f*2, an int put in an
// interface) copied before.
func (l *lowering) keyCopiedFirst(ix *ast.IndexExpr, m *types.Map) bool {
	if l.info.Types[ix.Index].Value != nil {
		return false // a constant: the same either way
	}
	if l.info.Types[ix.Index].IsNil() {
		return false
	}
	sizes := types.SizesFor("gc", "amd64")
	key := m.Key().Underlying()
	if b, ok := key.(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return false
	}
	if b, ok := alone(key).Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 && sizes.Sizeof(m.Elem()) <= 128 {
		return true // struct{ s string }: the fast string functions, through a copy
	}
	if size := sizes.Sizeof(key); sizes.Sizeof(m.Elem()) <= 128 && (size == 4 || size == 8) && plainMemory(key, sizes) {
		switch k := key.(type) {
		case *types.Pointer, *types.Chan:
			return false
		case *types.Basic:
			return k.Info()&types.IsInteger == 0 && k.Kind() != types.UnsafePointer
		}
		return true
	}
	return !types.Identical(l.info.TypeOf(ix.Index), m.Key()) || !addressable(l.info, ix.Index)
}

// alone is the type of t's one field or element, of that one's, and so
// on (struct{ s string } is a string to the runtime's map functions), or
// t.
func alone(t types.Type) types.Type {
	for {
		switch u := t.Underlying().(type) {
		case *types.Struct:
			if u.NumFields() != 1 {
				return t
			}
			t = u.Field(0).Type()
		case *types.Array:
			if u.Len() != 1 {
				return t
			}
			t = u.Elem()
		default:
			return t
		}
	}
}

// plainMemory: t's values compare as their bytes (reflectdata's AMEM
// kinds): integers, booleans, pointers, channels, and arrays and structs
// of them without padding; not floats, strings or interfaces.
func plainMemory(t types.Type, sizes types.Sizes) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Info()&(types.IsInteger|types.IsBoolean) != 0 || t.Kind() == types.UnsafePointer
	case *types.Pointer, *types.Chan:
		return true
	case *types.Array:
		return plainMemory(t.Elem(), sizes)
	case *types.Struct:
		var sum int64
		for i := range t.NumFields() {
			if !plainMemory(t.Field(i).Type(), sizes) {
				return false
			}
			sum += sizes.Sizeof(t.Field(i).Type())
		}
		return sum == sizes.Sizeof(t)
	}
	return false
}

// addressable: e is a variable, or a part of one &e may take.
func addressable(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		return sel.Indirect() || isPointerType(info.TypeOf(e.X)) || addressable(info, e.X)
	case *ast.IndexExpr:
		switch t := under(info.TypeOf(e.X)).(type) {
		case *types.Slice:
			return true
		case *types.Array:
			return addressable(info, e.X)
		case *types.Pointer:
			_, ok := under(t.Elem()).(*types.Array)
			return ok
		}
	case *ast.StarExpr:
		return true
	}
	return false
}

// reads: e reads one of the variables.
func reads(e ast.Expr, vars map[*ast.Object]string) bool {
	return identIn(e, true, func(id *ast.Ident) bool { return id.Obj != nil && vars[id.Obj] != "" })
}

// shifts: e holds a shift.
func shifts(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.SHL || b.Op == token.SHR) {
			found = true
		}
		return !found
	})
	return found
}
