package snippet

import (
	"go/scanner"
	"go/token"

	"github.com/goexpert/gointernals/generator/diag"
)

// TwinsAgree checks that a page's snippets and its translation's have the
// same code apart from comments: the same count, and token by token the
// same program. A difference is reported on both sides, at the first token
// that differs.
func TwinsAgree(pageA string, a []*Snippet, pageB string, b []*Snippet) diag.List {
	var errs diag.List
	if len(a) != len(b) {
		errs.Add(pageA, 0, 0, "has %d go blocks but its twin %s has %d: each block needs its translation", len(a), pageB, len(b))
		errs.Add(pageB, 0, 0, "has %d go blocks but its twin %s has %d: each block needs its translation", len(b), pageA, len(a))
		return errs
	}
	for i := range a {
		ta, tb := tokens(a[i].Code), tokens(b[i].Code)
		for k := 0; k < max(len(ta), len(tb)); k++ {
			var x, y tok
			if k < len(ta) {
				x = ta[k]
			}
			if k < len(tb) {
				y = tb[k]
			}
			if x.tok == y.tok && x.lit == y.lit {
				continue
			}
			la, ca := a[i].Line+x.line-1, a[i].Col+x.col-1
			lb, cb := b[i].Line+y.line-1, b[i].Col+y.col-1
			errs.Add(a[i].Page, la, ca, "snippet %d differs from its twin at %s:%d:%d (snippet %d) in more than comments: %s here, %s there",
				a[i].Index, b[i].Page, lb, cb, b[i].Index, x, y)
			errs.Add(b[i].Page, lb, cb, "snippet %d differs from its twin at %s:%d:%d (snippet %d) in more than comments: %s here, %s there",
				b[i].Index, a[i].Page, la, ca, a[i].Index, y, x)
			break
		}
	}
	return errs
}

type tok struct {
	tok       token.Token
	lit       string
	line, col int
}

func (t tok) String() string {
	switch {
	case t.tok == token.ILLEGAL && t.lit == "":
		return "the end of the block"
	case t.lit != "":
		return "`" + t.lit + "`"
	}
	return "`" + t.tok.String() + "`"
}

// tokens lists code's tokens without comments. Automatic semicolons are
// dropped: they follow line breaks, which comments may move.
func tokens(code string) []tok {
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	s.Init(f, []byte(code), nil, 0)
	var out []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			return out
		}
		if t == token.SEMICOLON && lit == "\n" {
			continue
		}
		p := fset.Position(pos)
		out = append(out, tok{tok: t, lit: lit, line: p.Line, col: p.Column})
	}
}
