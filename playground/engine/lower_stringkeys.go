package engine

import (
	"go/types"
)

// stringKeyRewrite, named stringKeys: a range over a string with only its
// key, for i := range s, gave the index of each rune (0 1 2 3 4 for
// "héllo") where Go gives its byte offset (0 1 3 4 5), nothing said
// (stranger3's range_string_key_only); with a value too it is right. So
// the key gets a blank value beside it, for i, _ := range s, when go/types
// says the range is over a string: a string type, an untyped string
// constant ("héllo"), or a type parameter whose every type is a string.
func stringKeyRewrite(l *lowering, s *syntax) {
	for _, r := range s.ranges {
		if r.Key != nil && r.Value == nil && l.info != nil && rangesOverString(l.info.TypeOf(r.X)) {
			l.insert(r.Key.End(), ", _")
		}
	}
}

func rangesOverString(t types.Type) bool {
	if tp, ok := t.(*types.TypeParam); ok {
		return stringsOnly(tp.Constraint())
	}
	return t != nil && isString(t)
}

// stringsOnly says whether every type of constraint c's type set is a
// string. An interface's set is the intersection of its elements' (so
// one element of strings alone is enough: interface{ Str; ~string } with
// Str ~string | ~int), a union's the union of its terms' (each a type or
// an interface of types: Text | MyS); an interface of methods alone
// holds every type.
func stringsOnly(c types.Type) bool {
	iface, ok := c.Underlying().(*types.Interface)
	if !ok {
		return isString(c)
	}
	for e := range iface.EmbeddedTypes() {
		u, ok := e.(*types.Union)
		if !ok {
			if stringsOnly(e) {
				return true
			}
			continue
		}
		all := true
		for term := range u.Terms() {
			all = all && stringsOnly(term.Type())
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
