package engine

import (
	"strings"

	"github.com/goexpert/gointernals/playground/policy"
)

// refusedConstruct is the Construct of a refused import's Finding.
const refusedConstruct = "refused import"

// refusedImport is what the playground says of an import that both engines
// refuse, in the words of the page's exact engine, or "" for another:
// import "unsafe" (guard.js refuses it before compiling), what else
// policy.Importable refuses (reflect, syscall/js, internal packages: the
// compiler's importcfg names none of them, and playground.js words what
// the compiler then says), and a package outside the standard library
// (its path's first element has a dot; the playground has no modules).
// detect finds them and Prepare makes them compile errors, not findings:
// Automatic would otherwise hand the program to the Go toolchain, under a
// note that it needs the Go compiler, only for the toolchain to refuse it.
//
// path is read as detect reads it, its escapes left as written: decoding
// them (strconv.Unquote) cost the interpreter's WebAssembly more than its
// budget had left. A path spelled with escapes ("\u0075nsafe") is
// handed over as before, and the exact engine's guard, which decodes
// them, refuses it there.
func refusedImport(path string) string {
	first, _, _ := strings.Cut(path, "/")
	switch {
	case path == "unsafe":
		return `import "unsafe" is not allowed in the playground`
	case !policy.Importable(path), strings.Contains(first, "."):
		return "package " + path + " is not available in the playground"
	}
	return ""
}

// refused reports whether the program imports what the playground
// refuses.
func (p *Prepared) refused() bool {
	for _, f := range p.errs {
		if f.Construct == refusedConstruct {
			return true
		}
	}
	return false
}
