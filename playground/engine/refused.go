package engine

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/goexpert/gointernals/playground/policy"
)

// refusedConstruct is the Construct of a refused import's Finding.
const refusedConstruct = "refused import"

// refusedImport is what the playground says of an import that both engines
// refuse, in the words of the page's exact engine, or "" for another:
// what policy.Importable refuses (reflect, syscall/js, internal packages:
// the compiler's importcfg names none of them, and playground.js words
// what the compiler then says), and a package outside the standard
// library (its path's first element has a dot; the playground has no
// modules). unsafe is refusedSpec's. detect finds them and Prepare makes
// them compile errors, not findings: Automatic would otherwise hand the
// program to the Go toolchain, under a note that it needs the Go
// compiler, only for the toolchain to refuse it.
//
// path is read as detect reads it, its escapes left as written: decoding
// them (strconv.Unquote) cost the interpreter's WebAssembly more than its
// budget had left. A path spelled with escapes ("\u0075nsafe") is held to
// unsafe's rule as well (refusedSpec), and then handed over to the exact
// engine, whose guard decodes it.
func refusedImport(path string) string {
	first, _, _ := strings.Cut(path, "/")
	if !policy.Importable(path) || strings.Contains(first, ".") {
		return "package " + path + " is not available in the playground"
	}
	return ""
}

// refusedSpec is where and what the playground refuses of the import
// spec in file, or "" for nothing: refusedImport at its path, but unsafe
// only where the program uses more of it than policy.UnsafeLayout, at
// that use (guard.js refuses it there too), and so a path with escapes,
// which may spell unsafe. A program that uses no more is the exact
// engine's: the interpreter offers no unsafe.
func refusedSpec(file *ast.File, spec *ast.ImportSpec) (token.Pos, string) {
	path := strings.Trim(spec.Path.Value, "`\"")
	if path != "unsafe" && !strings.Contains(path, `\`) {
		return spec.Path.Pos(), refusedImport(path)
	}
	return policy.UnsafeMisuse(file, spec)
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
