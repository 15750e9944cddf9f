package engine

import (
	"strings"
)

// The engine reads the texts it is given (the interpreter's and go/types'
// messages, the stubs of typestubs.go, go/types' and reflect's names of
// types) with the small functions of this file rather than regular
// expressions: the interpreter's WebAssembly links no regexp package
// but the one expression yaegi compiles (generator/assets/oneregexp).
// regexp and regexp/syntax, with the tables of every Unicode category
// and script that syntax's \p classes bring, cost it 112 KB gzipped on
// 2026-12-06 (3,507,111 bytes with them, 3,395,091 without), room issue
// 14's 3.5 MB budget now gives to the checks. Each function's
// comment names the expression it stands for; textmatch_test.go holds
// each to it.

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte is \w: an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// spaces are \s's bytes (not \v's).
const spaces = " \t\n\f\r"

func isSpace(c byte) bool { return strings.IndexByte(spaces, c) >= 0 }

// digits returns the length of the run of digits that starts s.
func digits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// allWord reports whether s is \w+.
func allWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// lineCol reads "line:col" at the start of s (\d+:\d+), returning the
// two numbers' text and the length read, 0 when s does not start so.
func lineCol(s string) (line, col string, n int) {
	a := digits(s)
	if a == 0 || a == len(s) || s[a] != ':' {
		return "", "", 0
	}
	b := digits(s[a+1:])
	if b == 0 {
		return "", "", 0
	}
	return s[:a], s[a+1 : a+1+b], a + 1 + b
}

// leadingPosition reads the "line:col: " that starts s, as
// ^(\d+):(\d+): did, returning the rest of s.
func leadingPosition(s string) (line, col, rest string, ok bool) {
	line, col, n := lineCol(s)
	if n == 0 || !strings.HasPrefix(s[n:], ": ") {
		return "", "", "", false
	}
	return line, col, s[n+2:], true
}

// replacePositions replaces each "line:col:" of s that starts a word
// (\b(\d+):(\d+):, the leftmost first, none overlapping) with what
// repl makes of it.
func replacePositions(s string, repl func(line, col string) string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		line, col, n := lineCol(s[i:])
		if n == 0 || i+n == len(s) || s[i+n] != ':' {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl(line, col))
		last = i + n + 1
		i = last - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// redeclaredMiddle is what stands between the name and the earlier
// position in the interpreter's report of a name declared twice.
const redeclaredMiddle = " redeclared in this block\n\tprevious declaration at _.go:"

// redeclaredAsGo rewrites each report of a name declared twice in the
// interpreter's words ("5:6: x redeclared in this block\n\tprevious
// declaration at _.go:3:6") into the compiler's ("5:6: x redeclared in
// this block\n\t3:6: other declaration of x"), as the expression
// (\d+:\d+: (\S+) redeclared in this block)\n\tprevious declaration at
// _\.go:(\d+:\d+) with "$1\n\t$3: other declaration of $2" did.
func redeclaredAsGo(s string) string {
	var b strings.Builder
	last, from := 0, 0
	for {
		k := strings.Index(s[from:], redeclaredMiddle)
		if k < 0 {
			break
		}
		k += from
		from = k + 1
		// Back from the middle: the name, ": ", then line:col.
		name := k
		for name > last && !isSpace(s[name-1]) {
			name--
		}
		if name == k || name-2 < last || s[name-2:name] != ": " {
			continue
		}
		colStart := name - 2
		for colStart > last && isDigit(s[colStart-1]) {
			colStart--
		}
		if colStart == name-2 || colStart-1 < last || s[colStart-1] != ':' {
			continue
		}
		start := colStart - 1
		for start > last && isDigit(s[start-1]) {
			start--
		}
		if start == colStart-1 {
			continue
		}
		after := k + len(redeclaredMiddle)
		_, _, n := lineCol(s[after:])
		if n == 0 {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(s[start:k] + " redeclared in this block\n\t" + s[after:after+n] + ": other declaration of " + s[name:k])
		last = after + n
		from = last
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// yaegiAssertionParts reads yaegi's words for a failed assertion from
// an empty interface (run.go's typeAssert), which are Go's but for the
// position, as ^(\d+):(\d+): interface conversion: interface \{\} is
// (\w+), not (\w+)$ did.
func yaegiAssertionParts(msg string) (line, col, concrete, asserted string, ok bool) {
	line, col, rest, ok := leadingPosition(msg)
	rest, found := strings.CutPrefix(rest, "interface conversion: interface {} is ")
	if !ok || !found {
		return "", "", "", "", false
	}
	concrete, asserted, found = strings.Cut(rest, ", not ")
	if !found || !allWord(concrete) || !allWord(asserted) {
		return "", "", "", "", false
	}
	return line, col, concrete, asserted, true
}

// typeWordsParts reads Go's runtime's words for == on, or a map key of,
// a type without ==, which name the value's dynamic type: compiled
// code's, and (with a colon) those of a key checked apart from hashing
// (an access to an empty map, internal/runtime/maps'
// unhashableTypeError), as ^(?:runtime error: )?(?:comparing
// uncomparable type|hash of unhashable type(:?)) (.*)$ did.
func typeWordsParts(s string) (colon bool, typ string, ok bool) {
	s = strings.TrimPrefix(s, "runtime error: ")
	if rest, found := strings.CutPrefix(s, "comparing uncomparable type "); found {
		typ, ok = rest, true
	} else if rest, found := strings.CutPrefix(s, "hash of unhashable type"); found {
		colon = strings.HasPrefix(rest, ":")
		if colon {
			rest = rest[1:]
		}
		typ, ok = strings.CutPrefix(rest, " ")
	}
	if !ok || strings.Contains(typ, "\n") {
		return false, "", false
	}
	return colon, typ, true
}

// traceLineNumber reads the line of a panic's frame as the interpreter
// writes it, one line "line:col: panic: ...\n", as ^(\d+):\d+: panic:
// [^\n]*\n$ did.
func traceLineNumber(s string) (line string, ok bool) {
	line, _, rest, ok := leadingPosition(s)
	rest, found := strings.CutPrefix(rest, "panic: ")
	if !ok || !found || rest == "" || strings.IndexByte(rest, '\n') != len(rest)-1 {
		return "", false
	}
	return line, true
}

// isBranchError reports whether msg is one of go/types' errors of
// labels and branches, as ^(goto \S+ jumps |invalid (break|continue)
// label |label \S+ (declared and not used|not declared|already
// declared)|(break|continue) not in |fallthrough statement out of
// place|cannot fallthrough) did.
func isBranchError(msg string) bool {
	word := func(s string) (string, bool) { // \S+ then a space
		i := strings.IndexAny(s, spaces)
		if i <= 0 || s[i] != ' ' {
			return "", false
		}
		return s[i+1:], true
	}
	if rest, ok := strings.CutPrefix(msg, "goto "); ok {
		if rest, ok = word(rest); ok && strings.HasPrefix(rest, "jumps ") {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(msg, "label "); ok {
		if rest, ok = word(rest); ok && (strings.HasPrefix(rest, "declared and not used") || strings.HasPrefix(rest, "not declared") || strings.HasPrefix(rest, "already declared")) {
			return true
		}
	}
	for _, p := range []string{"invalid break label ", "invalid continue label ", "break not in ", "continue not in ", "fallthrough statement out of place", "cannot fallthrough"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// funcResultNames returns, from a stub of typestubs.go, the name of
// each generic function whose one result is a function (an iter.Seq or a
// func type): each line "func Name[... ) iter.Seq..." or "...) func...",
// as (?m)^func (\w+)\[.*\) (?:iter\.Seq|func) did.
func funcResultNames(stub string) []string {
	var names []string
	for line := range strings.Lines(stub) {
		line = strings.TrimSuffix(line, "\n")
		rest, ok := strings.CutPrefix(line, "func ")
		n := 0
		for n < len(rest) && isWordByte(rest[n]) {
			n++
		}
		if !ok || n == 0 || n == len(rest) || rest[n] != '[' {
			continue
		}
		if after := rest[n+1:]; strings.Contains(after, ") iter.Seq") || strings.Contains(after, ") func") {
			names = append(names, rest[:n])
		}
	}
	return names
}

// hasUnexportedName reports whether a reflect name of a type names an
// unexported one (\.[a-z_]).
func hasUnexportedName(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && (s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] == '_') {
			return true
		}
	}
	return false
}

// hasMethodsLiteral reports whether go/types' text of a type writes out
// an interface type with methods or types, not interface{}
// (interface\{[^}]).
func hasMethodsLiteral(s string) bool {
	for {
		i := strings.Index(s, "interface{")
		if i < 0 {
			return false
		}
		s = s[i+len("interface{"):]
		if s != "" && s[0] != '}' {
			return true
		}
	}
}

// hasLeadingPosition reports whether s starts "line:col: ".
func hasLeadingPosition(s string) bool {
	_, _, _, ok := leadingPosition(s)
	return ok
}
