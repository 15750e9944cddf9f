package symbols

import (
	"go/constant"
	"go/token"
	"unicode"
)

// unicode's functions of runes and its constants, written by hand: the
// whole package (its range tables and their maps as symbols) costs the
// WebAssembly about 60 KB gzipped (doc.go), these the tables its
// functions already link. Left out too are the untyped rune constants
// (MaxRune, ReplacementChar, MaxASCII, MaxLatin1), which a table can only
// give the interpreter as untyped integers (x := unicode.MaxRune would be
// an int, not a rune). Detect names a program's use of what is left out
// (unicode.Han, unicode.Is), which the toolchain then runs.
func init() {
	symTable("unicode/unicode", []symEntry{
		{"IsControl", unicode.IsControl, false},
		{"IsDigit", unicode.IsDigit, false},
		{"IsGraphic", unicode.IsGraphic, false},
		{"IsLetter", unicode.IsLetter, false},
		{"IsLower", unicode.IsLower, false},
		{"IsMark", unicode.IsMark, false},
		{"IsNumber", unicode.IsNumber, false},
		{"IsPrint", unicode.IsPrint, false},
		{"IsPunct", unicode.IsPunct, false},
		{"IsSpace", unicode.IsSpace, false},
		{"IsSymbol", unicode.IsSymbol, false},
		{"IsTitle", unicode.IsTitle, false},
		{"IsUpper", unicode.IsUpper, false},
		{"LowerCase", constant.MakeFromLiteral("1", token.INT, 0), false},
		{"MaxCase", constant.MakeFromLiteral("3", token.INT, 0), false},
		{"SimpleFold", unicode.SimpleFold, false},
		{"TitleCase", constant.MakeFromLiteral("2", token.INT, 0), false},
		{"To", unicode.To, false},
		{"ToLower", unicode.ToLower, false},
		{"ToTitle", unicode.ToTitle, false},
		{"ToUpper", unicode.ToUpper, false},
		{"UpperCase", constant.MakeFromLiteral("0", token.INT, 0), false},
	})
}
