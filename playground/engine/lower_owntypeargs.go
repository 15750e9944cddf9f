package engine

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
)

// ownTypeArgRewrite, named ownTypeArgs: inside a generic function or a
// method of a generic type, a call of one of the program's generic
// functions whose type arguments are the enclosing type parameters, and
// which is given a value of one of the program's generic types made
// with them (height(n.Left) in height[T any](n *Node[T]), insert(t.root,
// v) in (t *Tree[T]).Add), gets them written out: height[T](n.Left).
//
// yaegi v0.16.1 cannot infer them there. Matching *Node[U] against
// *Node[T], it takes U for the whole instance: the call stops the
// compile ("cannot use type main.Box[...] as type
// main.Box[main.Box[...]]", or a panic in its CFG pass), and a recursive
// one never ends, making Node[Node[...]] without end; the page waited
// for its time limit before handing such a program (a tree's height, a
// list's length) to Go. Written out, the call runs right as long as
// every type argument the enclosing declaration is ever given is a
// predeclared type (int, string, float64, any and error measured); given
// one of the program's types, a struct type or a slice (Box[Point],
// Box[ID], Box[[]int]), the written call breaks too (the CFG panic).
//
// So the type arguments are written only where go/types' instances
// (Info.Instances) show that every type argument reaching the enclosing
// type parameters, followed through the type parameters of the other
// generic functions and types that pass theirs on (Twice[T] calling
// Dup[T], Tree[T] holding a *Node[T]), is predeclared. Where one is
// not, the call is handed to the Go toolchain at once, announced,
// rather than found out by a refused compile or a program that never
// ends. A call whose type arguments the reader wrote is left as written;
// so is one whose parameters hold no instance of a generic type to match
// (count(bs) for count[U any](xs []U), bs a []Box[T]: U is the whole
// Box[T], which the interpreter infers right), or whose type arguments
// hold more than a type parameter ([]T).
func ownTypeArgRewrite(l *lowering, s *syntax) {
	if l.info == nil || len(l.info.Instances) == 0 {
		return
	}
	main := l.mainPackage()
	if main == nil {
		return
	}
	callOf := map[*ast.Ident]*ast.CallExpr{}
	for _, c := range s.calls {
		if id := calleeName(instantiated(c.Fun)); id != nil {
			callOf[id] = c
		}
	}
	var ids []*ast.Ident
	for id, inst := range l.info.Instances {
		if _, ok := inst.Type.(*types.Signature); ok && callOf[id] != nil {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	var unsafe map[paramKey]bool // computed once, if a call needs it
	for _, id := range ids {
		c, inst := callOf[id], l.info.Instances[id]
		obj, _ := l.info.Uses[id].(*types.Func)
		if obj == nil || obj.Pkg() != main || instantiated(c.Fun) != ast.Expr(id) {
			continue
		}
		written := 0
		switch list := ast.Unparen(c.Fun).(type) {
		case *ast.IndexExpr:
			written = 1
		case *ast.IndexListExpr:
			written = len(list.Indices)
		}
		if written == inst.TypeArgs.Len() || l.editedWithin(c.Fun) || !passesOwnInstance(l.info, c, obj, main) {
			continue
		}
		// Each type argument: a type parameter in scope here by its
		// name, or a type the program can write here (typeWriter).
		scope := main.Scope().Innermost(id.Pos())
		write := l.typeWriter(id.Pos())
		var args []string
		var params []*types.TypeParam
		for i := range inst.TypeArgs.Len() {
			t := inst.TypeArgs.At(i)
			if tp, ok := t.(*types.TypeParam); ok {
				if scope == nil {
					break
				}
				if _, found := scope.LookupParent(tp.Obj().Name(), id.Pos()); found != tp.Obj() {
					break
				}
				params = append(params, tp)
				args = append(args, tp.Obj().Name())
				continue
			}
			text, ok := write(t)
			if !ok {
				break
			}
			args = append(args, text)
		}
		if len(args) != inst.TypeArgs.Len() || len(params) == 0 {
			continue
		}
		if unsafe == nil {
			unsafe = unsafeTypeParams(l.info)
		}
		leave := false
		for _, tp := range params {
			k, known := typeParamKey(l.info, tp)
			leave = leave || !known || unsafe[k]
		}
		if leave {
			l.handOvers = append(l.handOvers, handOver{c.Pos(), ownTypeArgsConstruct,
				"a generic function called inside a generic one with a value of the program's generic type made with its type parameter (height(n.Left) for n *Node[T]): the interpreter cannot infer its type arguments (it refuses the program, or never ends when the call is recursive), and written out they break its instance of a type argument that is not a predeclared type (Node[Point]): Go runs it"})
			continue
		}
		text := "[" + strings.Join(args, ", ") + "]"
		switch list := ast.Unparen(c.Fun).(type) {
		case *ast.IndexExpr:
			l.typeArgList(list.Lbrack, list.Rbrack, text)
		case *ast.IndexListExpr:
			l.typeArgList(list.Lbrack, list.Rbrack, text)
		default:
			l.insert(id.End(), text)
		}
	}
}

const ownTypeArgsConstruct = "generic call with an instance of a type parameter"

// passesOwnInstance: c, a call of f, gives a parameter whose type holds
// an instance of one of main's generic types made with f's type
// parameters (n *Node[U]) an argument whose type holds one made with
// type parameters in scope at the call (n.Left, a *Node[T]): the match
// the interpreter gets wrong.
func passesOwnInstance(info *types.Info, c *ast.CallExpr, f *types.Func, main *types.Package) bool {
	params := f.Origin().Type().(*types.Signature).Params()
	for i, a := range c.Args {
		if params.Len() == 0 {
			break
		}
		p := params.At(min(i, params.Len()-1)).Type()
		if holdsParamInstance(p, main, 0) && holdsParamInstance(info.TypeOf(a), main, 0) {
			return true
		}
	}
	return false
}

func holdsParamInstance(t types.Type, main *types.Package, depth int) bool {
	if t == nil || depth > 16 {
		return false
	}
	rec := func(t types.Type) bool { return holdsParamInstance(t, main, depth+1) }
	switch t := t.(type) {
	case *types.Pointer:
		return rec(t.Elem())
	case *types.Slice:
		return rec(t.Elem())
	case *types.Array:
		return rec(t.Elem())
	case *types.Map:
		return rec(t.Key()) || rec(t.Elem())
	case *types.Chan:
		return rec(t.Elem())
	case *types.Alias:
		return rec(types.Unalias(t))
	case *types.Named:
		args := t.TypeArgs()
		for i := range args.Len() {
			if t.Obj().Pkg() == main && mentionsTypeParam(args.At(i), 0) || rec(args.At(i)) {
				return true
			}
		}
	}
	return false
}

// mentionsTypeParam: t is or holds a type parameter.
func mentionsTypeParam(t types.Type, depth int) bool {
	if depth > 16 {
		return false
	}
	rec := func(t types.Type) bool { return mentionsTypeParam(t, depth+1) }
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return rec(t.Elem())
	case *types.Slice:
		return rec(t.Elem())
	case *types.Array:
		return rec(t.Elem())
	case *types.Map:
		return rec(t.Key()) || rec(t.Elem())
	case *types.Chan:
		return rec(t.Elem())
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				if rec(tup.At(i).Type()) {
					return true
				}
			}
		}
	case *types.Alias:
		return rec(types.Unalias(t))
	case *types.Named:
		args := t.TypeArgs()
		for i := range args.Len() {
			if rec(args.At(i)) {
				return true
			}
		}
	}
	return false
}

// A paramKey names a type parameter by its declaration and place: a
// method's receiver type parameters are their type's, so that Tree[T]'s
// methods' T is Tree's.
type paramKey struct {
	decl types.Object
	i    int
}

// typeParamKey finds tp's declaration: a generic function, a generic
// type (or alias), or a method of a generic type.
func typeParamKey(info *types.Info, tp *types.TypeParam) (paramKey, bool) {
	for _, obj := range info.Defs {
		if k, ok := declaresParam(obj, tp); ok {
			return k, true
		}
	}
	return paramKey{}, false
}

func declaresParam(obj types.Object, tp *types.TypeParam) (paramKey, bool) {
	var list *types.TypeParamList
	decl := obj
	switch o := obj.(type) {
	case *types.Func:
		sig := o.Type().(*types.Signature)
		list = sig.TypeParams()
		if r := sig.RecvTypeParams(); r.Len() > 0 {
			list = r
			t := sig.Recv().Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			n, ok := types.Unalias(t).(*types.Named)
			if !ok {
				return paramKey{}, false
			}
			decl = n.Origin().Obj()
		}
	case *types.TypeName:
		switch t := o.Type().(type) {
		case *types.Named:
			list = t.TypeParams()
		case *types.Alias:
			list = t.TypeParams()
		}
	}
	for i := range list.Len() {
		if list.At(i) == tp {
			return paramKey{decl, i}, true
		}
	}
	return paramKey{}, false
}

// unsafeTypeParams are the type parameters of the program's generic
// declarations that may be given a type argument other than a
// predeclared type: one some instance gives such a type, one of an
// unknown declaration, or one given an unsafe type parameter.
func unsafeTypeParams(info *types.Info) map[paramKey]bool {
	keys := map[*types.TypeParam]paramKey{}
	known := map[*types.TypeParam]bool{}
	for _, obj := range info.Defs {
		if obj == nil {
			continue
		}
		var lists []*types.TypeParamList
		switch o := obj.(type) {
		case *types.Func:
			sig := o.Type().(*types.Signature)
			lists = append(lists, sig.TypeParams(), sig.RecvTypeParams())
		case *types.TypeName:
			switch t := o.Type().(type) {
			case *types.Named:
				lists = append(lists, t.TypeParams())
			case *types.Alias:
				lists = append(lists, t.TypeParams())
			}
		}
		for _, list := range lists {
			for i := range list.Len() {
				if k, ok := declaresParam(obj, list.At(i)); ok {
					keys[list.At(i)], known[list.At(i)] = k, true
				}
			}
		}
	}
	unsafe := map[paramKey]bool{}
	// passes: a type parameter given as a type argument to another's
	// place; unsafe spreads along it until nothing changes.
	type pass struct{ from, to paramKey }
	var passes []pass
	for id, inst := range info.Instances {
		obj := info.Uses[id]
		if f, ok := obj.(*types.Func); ok {
			obj = f.Origin()
		}
		if obj == nil {
			continue
		}
		for i := range inst.TypeArgs.Len() {
			to := paramKey{obj, i}
			switch t := inst.TypeArgs.At(i).(type) {
			case *types.TypeParam:
				if !known[t] {
					unsafe[to] = true
				} else {
					passes = append(passes, pass{keys[t], to})
				}
			default:
				if !predeclaredType(t) {
					unsafe[to] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, p := range passes {
			if unsafe[p.from] && !unsafe[p.to] {
				unsafe[p.to], changed = true, true
			}
		}
	}
	return unsafe
}

// predeclaredType: a typed basic type (not unsafe.Pointer), error, or
// the empty interface (any).
func predeclaredType(t types.Type) bool {
	switch u := types.Unalias(t).(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer && u.Info()&types.IsUntyped == 0
	case *types.Interface:
		return u.Empty()
	}
	return t == types.Universe.Lookup("error").Type()
}
