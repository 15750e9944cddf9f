// Package regexp is, in the interpreter's WebAssembly only, the standard
// library's regexp reduced to the one expression the module compiles:
// yaegi's interp reads a method's signature with
// func\(((.*?(, |\)))(.*)) (run.go's receiverStripperRxp), and nothing
// else in the module uses regular expressions (the engine reads its texts
// with playground/engine/textmatch.go). BuildWasm's overlay puts this
// file in place of regexp.go and leaves regexp's other files out
// (generator/assets/oneregexp.go), so the module links neither regexp's
// machines nor regexp/syntax, whose \p classes bring the tables of every
// Unicode category and script.
//
// Compile refuses every other expression, naming this file: a new use
// of regexp in the module (the interpreter compiles yaegi's at start-up)
// fails every run of the playground at once, not one program in many.
// regexp_test.go holds FindStringSubmatch to the standard library's.
package regexp

import (
	"errors"
	"strings"
)

// Receiver is the one expression Compile accepts: yaegi's.
const Receiver = `func\(((.*?(, |\)))(.*))`

// Regexp is a compiled Receiver.
type Regexp struct{}

// Compile returns a Regexp for Receiver and an error for any other
// expression.
func Compile(expr string) (*Regexp, error) {
	if expr != Receiver {
		return nil, errors.New("regexp: the playground's interpreter compiles only yaegi's " + Receiver + " (generator/assets/oneregexp), not " + expr)
	}
	return &Regexp{}, nil
}

// String returns the expression.
func (re *Regexp) String() string { return Receiver }

// FindStringSubmatch returns the leftmost match of Receiver in s and its
// four groups, as the standard library's does: from the first "func("
// that a ", " or ")" follows on its line, the text up to the first of
// them (group 2, which ends with it, group 3), then the rest of the line
// (group 4).
func (re *Regexp) FindStringSubmatch(s string) []string {
	for from := 0; ; {
		k := strings.Index(s[from:], "func(")
		if k < 0 {
			return nil
		}
		start := from + k
		body := start + len("func(")
		for j := body; j < len(s) && s[j] != '\n'; j++ {
			var stop string
			switch {
			case s[j] == ')':
				stop = ")"
			case strings.HasPrefix(s[j:], ", "):
				stop = ", "
			default:
				continue
			}
			rest := j + len(stop)
			end := len(s)
			if nl := strings.IndexByte(s[rest:], '\n'); nl >= 0 {
				end = rest + nl
			}
			return []string{s[start:end], s[body:end], s[body:rest], stop, s[rest:end]}
		}
		from = start + 1
	}
}
