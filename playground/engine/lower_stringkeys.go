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
		n, ok := stringTerms(tp.Constraint())
		return ok && n > 0
	}
	return t != nil && isString(t)
}

// stringTerms counts the types of constraint c's type set, and says
// whether each is a string; an interface of methods alone has none.
func stringTerms(c types.Type) (int, bool) {
	iface, _ := c.Underlying().(*types.Interface)
	if iface == nil {
		return 1, isString(c)
	}
	n := 0
	for e := range iface.EmbeddedTypes() {
		if u, ok := e.(*types.Union); ok {
			for term := range u.Terms() {
				if !isString(term.Type()) {
					return 0, false
				}
				n++
			}
			continue
		}
		m, ok := stringTerms(e)
		if !ok {
			return 0, false
		}
		n += m
	}
	return n, true
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
