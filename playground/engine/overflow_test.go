package engine

import (
	"testing"
)

// TestCheckOverflows: constants at the ends of their type's range, and a
// type the program redeclares, give no error; one past the end gives the
// compiler's words (testdata/compileerrs/overflow_typeswitch.go holds
// them to go build itself).
func TestCheckOverflows(t *testing.T) {
	for _, c := range []struct{ decl, want string }{
		{"var a int8 = -128\nvar b int8 = 127\nvar c uint8 = 255\nvar d = byte(0xff)\nvar e uint64 = 1<<64 - 1", ""},
		{"type int8 int64\n\nvar a int8 = 300", ""},
		{"var a uint = 18446744073709551615", ""},
		{"func f(b byte, xs ...int8) int8 { return -128 }\n\nfunc g() { var x uint8; x = 255; x += 255; x <<= 300; f(255, 1); _ = x }", ""},
		{"func f() (int, uint8) { return 1 << 62, 256 }", "3:41: cannot use 256 (untyped int constant) as uint8 value in return statement (overflows)"},
		{"var a int8 = -129", "3:14: cannot use -129 (untyped int constant) as int8 value in variable declaration (overflows)"},
		{"const a uint32 = 0x1_0000_0000", "3:18: cannot use 0x1_0000_0000 (untyped int constant 4294967296) as uint32 value in constant declaration (overflows)"},
		{"var a = uint(-1)", "3:14: constant -1 overflows uint"},
	} {
		src := "package main\n\n" + c.decl + "\n"
		got := runCheck(t, src, overflows)
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.decl, got, c.want)
		}
	}
}
