// Package fmtverbs reads the verbs of a fmt format string as the
// playground's checks need them: a verb's flags and the byte after them.
//
// It takes the place of regular expressions such as
// %[-+# 0-9.*\[\]]*\+[-+# 0-9.*\[\]]*v, written out so that the
// interpreter's WebAssembly links no regexp package: regexp and
// regexp/syntax, with the tables of every Unicode category and script
// that syntax's \p classes bring, are a large part of that module, which
// issue 14 holds to 3.5 MB gzipped.
package fmtverbs

import "strings"

// flagByte reports whether c may stand between a % and its verb: a
// flag, a width or precision digit, '.', '*' or an argument index's
// brackets.
func flagByte(c byte) bool {
	return c >= '0' && c <= '9' || strings.IndexByte("-+# .*[]", c) >= 0
}

// Any reports whether s holds a % whose flags (the longest run of
// flagByte after it) and the byte after them (verb, with end true when
// the flags run to the end of s) satisfy ok. Every % is tried, a second
// one of "%%" too, as the expressions it replaces did.
func Any(s string, ok func(flags string, verb byte, end bool) bool) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && flagByte(s[j]) {
			j++
		}
		var verb byte
		if j < len(s) {
			verb = s[j]
		}
		if ok(s[i+1:j], verb, j == len(s)) {
			return true
		}
	}
	return false
}
