package engine

import (
	"go/types"
)

// stringKeyRewrite, named stringKeys: a range over a string with only its
// key, for i := range s, gave the index of each rune (0 1 2 3 4 for
// "héllo") where Go gives its byte offset (0 1 3 4 5), nothing said
// (stranger3's range_string_key_only); with a value too it is right. So
// the key gets a blank value beside it, for i, _ := range s, when go/types
// says the range is over a string.
func stringKeyRewrite(l *lowering, s *syntax) {
	for _, r := range s.ranges {
		if r.Key != nil && r.Value == nil && l.info != nil && types.Identical(l.info.TypeOf(r.X).Underlying(), types.Typ[types.String]) {
			l.insert(r.Key.End(), ", _")
		}
	}
}
