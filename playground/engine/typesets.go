package engine

import "go/types"

// only says whether every type a value of type t can have satisfies ok:
// t itself, or, for a type parameter, every type of its constraint's type
// set (func drain[C ~chan T, T any](c C) ranges over a channel as surely
// as over a chan T). A constraint whose set holds other types, or every
// type (any, an interface of methods alone), does not.
func only(t types.Type, ok func(types.Type) bool) bool {
	if t == nil {
		return false
	}
	if tp, isParam := t.(*types.TypeParam); isParam {
		return setOnly(tp.Constraint(), ok)
	}
	return ok(t)
}

// setOnly says whether every type of constraint c's type set satisfies
// ok. An interface's set is the intersection of its elements' (so one
// element that satisfies ok is enough: interface{ Str; ~string } with Str
// ~string | ~int; interface{ fmt.Stringer; ~func() }), a union's the
// union of its terms' (each a type or an interface of types: Text | MyS);
// an interface of methods alone holds every type.
func setOnly(c types.Type, ok func(types.Type) bool) bool {
	iface, isIface := c.Underlying().(*types.Interface)
	if !isIface {
		return ok(c)
	}
	for e := range iface.EmbeddedTypes() {
		u, isUnion := e.(*types.Union)
		if !isUnion {
			if setOnly(e, ok) {
				return true
			}
			continue
		}
		all := true
		for term := range u.Terms() {
			all = all && setOnly(term.Type(), ok)
		}
		if all {
			return true
		}
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

func isSignature(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// coreType is t's underlying type or, for a type parameter, the one
// underlying type every type of its constraint's type set has (C ~chan
// any: chan any; what a call, a send, a range or an index of a value of
// type C works with), or nil when they differ or the set holds every
// type.
func coreType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); !ok {
		return t.Underlying()
	}
	var core types.Type
	if !only(types.Unalias(t), func(u types.Type) bool {
		if core == nil {
			core = u.Underlying()
		}
		return types.Identical(u.Underlying(), core)
	}) {
		return nil
	}
	return core
}

// setElem is the element type of t, a slice or a channel (K), or of the
// ones a type parameter's type set holds when they all have the same
// (S ~[]any; C interface{ ~chan any | ~chan<- any }, whatever the
// channels' directions: a send compiles), or nil.
func setElem[K interface {
	types.Type
	Elem() types.Type
}](t types.Type) types.Type {
	var elem types.Type
	if !only(t, func(u types.Type) bool {
		k, ok := u.Underlying().(K)
		if ok && elem == nil {
			elem = k.Elem()
		}
		return ok && types.Identical(k.Elem(), elem)
	}) {
		return nil
	}
	return elem
}
