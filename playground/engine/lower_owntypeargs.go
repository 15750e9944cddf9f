package engine

import (
	"go/ast"
	"go/token"
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
// predeclared type (int, string, float64, bool, rune, uint8, complex128,
// any and error measured, with one and two type parameters); given one
// of the program's types, a pointer, a struct or a slice (Box[Point],
// Box[ID], Box[*int], Box[[]int]), the written call breaks too (the CFG
// panic). A generic type of two type parameters holding itself
// (next *Pair[K, V]), or one reaching itself through another generic
// type, overflows the interpreter's stack whatever is written:
// selfInstances hands it over.
//
// So the type arguments are written only where go/types' instances
// (Info.Instances) show that every type argument reaching the enclosing
// type parameters, followed through the type parameters of the other
// generic functions and types that pass theirs on (Twice[T] calling
// Dup[T], Tree[T] holding a *Node[T]), is predeclared. Where one may
// not be, where the type arguments cannot be written at the call (a
// receiver's Tree[_], a type built of a type parameter: []T), or where
// the argument is a call's several results (f(two(n)), which fails
// written out too), or where a method of a generic type passes an
// instance of that type (Box[T].Len calling count(b): written, its
// compile failed whenever count[int] was made first, a review's), the
// call is handed to the Go toolchain at once,
// announced, rather than found out by a refused compile or a program
// that never ends. A call whose type arguments the reader wrote is left
// as written, and so is one whose parameters hold no instance of a
// generic type to match (count(bs) for count[U any](xs []U), bs a
// []Box[T]: U is the whole Box[T], which the interpreter infers right).
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
	var keys map[*types.TypeParam]paramKey // computed once, if a call needs them
	var unsafeParams map[paramKey]bool
	for _, id := range ids {
		c, inst := callOf[id], l.info.Instances[id]
		obj, _ := l.info.Uses[id].(*types.Func)
		if obj == nil || obj.Pkg() != main || instantiated(c.Fun) != ast.Expr(id) {
			continue
		}
		written, lbrack, rbrack := writtenTypeArgs(c.Fun)
		if written == inst.TypeArgs.Len() || l.editedWithin(c.Fun) {
			continue
		}
		shape, tuple, argTypes := passesOwnInstance(l.info, c, obj, main)
		if !shape {
			continue
		}
		// Each type argument: a type parameter in scope here by its
		// name, or a type the program can write here (typeWriter, which
		// refuses a type built of a type parameter: []T).
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
					break // Tree[_]'s, or a name the call's scope gives something else
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
		if len(params) == 0 && len(args) == inst.TypeArgs.Len() {
			continue // no type parameter: inferredTypeArgs' to write
		}
		// Handed over: type arguments that cannot be written here, an
		// argument that is a call's several results (written out, the
		// interpreter still failed: a review's), and a type parameter
		// that a type other than a predeclared one may reach.
		leave := len(args) != inst.TypeArgs.Len() || tuple
		// In a method of a generic type R, a call given an instance of R
		// (Box[T].Len calling count[T](b)): written, the interpreter
		// failed to compile the method when it made R's instance for
		// the callee's (count[int] compiled first: a CFG panic).
		if r := l.receiverType(s.file, c.Pos()); r != nil {
			for _, t := range argTypes {
				leave = leave || holdsInstance(t, func(n *types.Named) bool { return n.Origin().Obj() == r }, 0)
			}
		}
		for _, tp := range params {
			if keys == nil {
				keys, unsafeParams = unsafeTypeParams(l.info)
			}
			k, known := keys[tp]
			leave = leave || !known || unsafeParams[k]
		}
		if leave {
			l.handOvers = append(l.handOvers, handOver{c.Pos(), ownTypeArgsConstruct,
				"a generic function called inside a generic one with a value of the program's generic type made with its type parameter (height(n.Left) for n *Node[T]): the interpreter cannot infer its type arguments (it refuses the program, or never ends when the call is recursive), and here they cannot be written out for it (a type other than a predeclared one, Point of a Node[Point], may reach the type parameter, which breaks the written call too): Go runs it"})
			continue
		}
		l.putTypeArgs(id, lbrack, rbrack, "["+strings.Join(args, ", ")+"]")
	}
}

const ownTypeArgsConstruct = "generic call with an instance of a type parameter"

// passesOwnInstance: c, a call of f, gives a parameter whose type holds
// an instance of one of main's generic types made with f's type
// parameters (n *Node[U]) an argument whose type holds one made with
// type parameters in scope at the call (n.Left, a *Node[T]): the match
// the interpreter gets wrong. tuple: the arguments are one call's
// several results (f(two(n))). args: the arguments' types, a tuple's
// spread.
func passesOwnInstance(info *types.Info, c *ast.CallExpr, f *types.Func, main *types.Package) (shape, tuple bool, args []types.Type) {
	params := f.Origin().Type().(*types.Signature).Params()
	for _, a := range c.Args {
		if tup, ok := info.TypeOf(a).(*types.Tuple); ok {
			tuple = true
			for i := range tup.Len() {
				args = append(args, tup.At(i).Type())
			}
			continue
		}
		args = append(args, info.TypeOf(a))
	}
	for i, a := range args {
		if params.Len() == 0 {
			break
		}
		p := params.At(min(i, params.Len()-1)).Type()
		if holdsParamInstance(p, main) && holdsParamInstance(a, main) {
			return true, tuple, args
		}
	}
	return false, false, nil
}

func holdsParamInstance(t types.Type, main *types.Package) bool {
	return holdsInstance(t, func(n *types.Named) bool {
		if n.Obj().Pkg() != main {
			return false
		}
		for i := range n.TypeArgs().Len() {
			if holdsTypeParam(n.TypeArgs().At(i), nil) {
				return true
			}
		}
		return false
	}, 0)
}

// holdsInstance: t is, or is built of, an instance of a generic type that
// match accepts.
func holdsInstance(t types.Type, match func(*types.Named) bool, depth int) bool {
	if t == nil || depth > 16 {
		return false
	}
	rec := func(t types.Type) bool { return holdsInstance(t, match, depth+1) }
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
		if args.Len() > 0 && match(t) {
			return true
		}
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

// receiverType is the generic type whose method's declaration in file
// holds pos, or nil.
func (l *lowering) receiverType(file *ast.File, pos token.Pos) types.Object {
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || pos < fd.Pos() || fd.End() <= pos {
			continue
		}
		if f, ok := l.info.Defs[fd.Name].(*types.Func); ok && f.Type().(*types.Signature).RecvTypeParams().Len() > 0 {
			decl, _ := declOf(f)
			return decl
		}
	}
	return nil
}

// declOf is the declaration a type parameter list of obj's belongs to
// for paramKey: a method's receiver type parameters are its type's.
func declOf(obj types.Object) (types.Object, []*types.TypeParamList) {
	switch o := obj.(type) {
	case *types.Func:
		sig := o.Type().(*types.Signature)
		if r := sig.RecvTypeParams(); r.Len() > 0 {
			t := sig.Recv().Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok {
				return n.Origin().Obj(), []*types.TypeParamList{r}
			}
			return nil, nil
		}
		return o, []*types.TypeParamList{sig.TypeParams()}
	case *types.TypeName:
		switch t := o.Type().(type) {
		case *types.Named:
			return o, []*types.TypeParamList{t.TypeParams()}
		case *types.Alias:
			return o, []*types.TypeParamList{t.TypeParams()}
		}
	}
	return nil, nil
}

// unsafeTypeParams keys each type parameter the program declares, and
// returns those that may be given a type argument other than a
// predeclared type: one some instance gives such a type, or a type
// parameter it does not know, or one given an unsafe type parameter.
func unsafeTypeParams(info *types.Info) (map[*types.TypeParam]paramKey, map[paramKey]bool) {
	keys := map[*types.TypeParam]paramKey{}
	for _, obj := range info.Defs {
		if obj == nil {
			continue
		}
		decl, lists := declOf(obj)
		for _, list := range lists {
			for i := range list.Len() {
				keys[list.At(i)] = paramKey{decl, list.At(i).Index()}
			}
		}
	}
	unsafeParams := map[paramKey]bool{}
	// passes: a type parameter given as a type argument to another's
	// place; unsafe spreads along them until nothing changes.
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
				if k, ok := keys[t]; ok {
					passes = append(passes, pass{k, to})
				} else {
					unsafeParams[to] = true
				}
			default:
				if !predeclaredType(t) {
					unsafeParams[to] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, p := range passes {
			if unsafeParams[p.from] && !unsafeParams[p.to] {
				unsafeParams[p.to], changed = true, true
			}
		}
	}
	return keys, unsafeParams
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
	return types.Unalias(t) == types.Universe.Lookup("error").Type()
}
