// Package policy says what a reader's program may do in the playground,
// whichever engine runs it: what it may import (the exact engine's rule:
// generator/assets lists the standard packages it offers by it, and the
// interpreter's source pass applies it too, playground/engine, so that
// Automatic refuses at once what the Go toolchain in the page would
// refuse, instead of handing it over), and how much it may print.
package policy

import "strings"

// Importable reports whether a reader's program may import the standard
// package path: not an internal or vendored package (go build refuses
// those outside the standard library), not unsafe (its pointers reach
// past the memory safety the sandbox relies on; a program that uses only
// its layout's functions may import it, UnsafeMisuse), not reflect (which
// hands out the same pointers without naming unsafe:
// Value.UnsafePointer, NewAt, an unsafe.Pointer field's type; an attack
// forged a function value with them and called into JavaScript) and not
// syscall/js (which reaches the JavaScript that runs the program).
// Packages that use reflect inside may still hand out its values
// (encoding/json's UnsupportedValueError.Value, go/ast's filters), and
// with them an unsafe.Pointer a program need not name: the exact engine's
// compiler refuses a reader's conversion of one (generator/assets/unsafeconv.go).
func Importable(path string) bool {
	switch {
	case path == "unsafe", path == "reflect", path == "syscall/js":
		return false
	case path == "vendor", strings.HasPrefix(path, "vendor/"), path == "cmd", strings.HasPrefix(path, "cmd/"):
		return false
	}
	return !strings.Contains("/"+path+"/", "/internal/")
}

// OutputLimit is how much output a run may write, in bytes, before the
// page stops it (the interpreter's worker, playground/wasm, counts the
// bytes the program writes). The page's scripts hold the same figure, for
// the exact engine's runner and for what the page shows (counted there in
// UTF-16 units, as JavaScript strings are), as OUTPUT_LIMIT in
// playground/web/output.js, which TestOutputLimit in playground/web holds
// to this.
const OutputLimit = 1 << 20
