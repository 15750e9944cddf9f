package engine

import (
	"go/ast"
	"go/token"
)

// stringRangeRewrite, named stringRanges: the interpreter ranges over a
// string as over []rune(s), and gives as the key the length of the runes
// before it converted back to a string. Each byte that starts no valid
// UTF-8 encoding is a U+FFFD there, three bytes long, so the key moves 3
// where Go's moves 1 ("a\xffb": 0 1 4, Go 0 1 2; stranger4's S5), and the
// key alone was the rune's count (0 1 2 3 4 for "héllo", Go 0 1 3 4 5;
// stranger3's range_string_key_only). The values are right: a U+FFFD for
// each such byte, as in Go. So a range over a string, a string type, an
// untyped string constant or a type parameter of strings alone (go/types
// says) whose key is not blank becomes a loop over the bytes that decodes
// each rune itself, as Go does:
//
//	{ s_ := string(x); for o_ := 0; s_[o_:] != ""; o_ = _lowerRuneEnd(s_, o_) { k := o_; v := _lowerRuneAt(s_, o_); { body } } }
//
// (s_[o_:] != "", not o_ < len(s_): the program may declare a len of its
// own where the range is, len := func(string) int {...}, and the loop then
// called it, nothing said; testdata/silent.)
// (= for a range that assigns; k alone when v is absent or blank). The
// variables are declared in a block of their own around the body, so
// that the body may declare them again, as in Go. A label moves onto the
// for.
func stringRangeRewrite(l *lowering, s *syntax) {
	for _, r := range s.ranges {
		if !l.stringRange(r) {
			continue
		}
		str := l.name("_lowerS")
		off := l.name("_lowerO")
		l.use("_lowerRuneEnd")
		tok := " := "
		if r.Tok == token.ASSIGN {
			tok = " = "
		}
		// Two statements: the interpreter drops the second value of an
		// assignment of two when one is a call (multiAssigns).
		vars := l.text(r.Key) + tok + off + ";"
		if r.Value != nil && l.text(r.Value) != "_" {
			l.use("_lowerRuneAt")
			vars += " " + l.text(r.Value) + tok + "_lowerRuneAt(" + str + ", " + off + ");"
		}
		head := l.moveLabel(s.labels[r])
		// Edits around r.X, not of its text: a later rewrite may change it.
		l.add(edit{pos: l.off(r.For), end: l.off(r.X.Pos()), text: "{ " + str + " := string("})
		l.add(edit{pos: l.off(r.X.End()), end: l.off(r.Body.Lbrace),
			text: "); " + head + "for " + off + " := 0; " + str + "[" + off + ":] != \"\"; " + off + " = _lowerRuneEnd(" + str + ", " + off + ") "})
		l.insert(r.Body.Lbrace+1, " "+vars+" {")
		l.insert(r.Body.Rbrace, "} ")
		l.wrap(r, "", " }")
	}
}

// stringRange says whether stringRanges rewrites r: a range over a string
// with a key. Its variables are then declared in the body, once per
// iteration (loopVars leaves them).
func (l *lowering) stringRange(r *ast.RangeStmt) bool {
	key, ok := r.Key.(*ast.Ident)
	return r.Key != nil && !(ok && key.Name == "_") && l.info != nil && only(l.info.TypeOf(r.X), isString)
}
