// Package snippet proves the Go code blocks of the content.
//
// The markdown stage extracts every fenced block whose language is "go" into
// a Snippet: its page, language, position in the source file, code, the
// attributes of its info string, and the expected output written in the
// "output" block that follows it, if any. The Snippet, its Attrs and its
// Kind are package block's (this package names them too): the markdown
// stage makes snippets with block alone, and links neither this package
// nor the interpreter it runs programs with. Validate then checks each snippet
// and reports every problem as a diag.Error at its position in the file,
// all of them in one run, sorted:
//
//	content/pt/canais.md:123:5: snippet 4: undefined: done
//
// A position in the code (line l, column c, both 1-based) is the file's
// line Snippet.Line+l-1, column Snippet.Col+c-1.
//
// # Kinds
//
// A snippet's Kind is read from its code, never written by the author:
//
//   - a program: "package main" with "func main". Checked, built and run.
//   - a package: any other package clause. Checked only: it may refer to
//     its own declarations and to what it imports, nothing else (a copy of
//     runtime's hchan must declare the types it uses).
//   - a fragment: no package clause. Declarations, or else statements,
//     checked inside a generated file ("package fragment", the statements
//     in a function).
//
// A fragment may begin with import declarations, which stay at file level,
// above the function:
//
//	import "sync"
//
//	var mu sync.Mutex
//	mu.Lock()
//
// Nothing is imported implicitly: a fragment that uses fmt without
// importing it fails with "undefined: fmt", as Go would. The wrapper puts
// the code one line below its top and never moves a column, so positions
// map back by subtracting one line.
//
// # Checks
//
// Every snippet must be gofmt-clean (the error shows gofmt's change as a
// unified diff; a fragment's imports and the rest are formatted apart, as
// go/format takes declarations or statements, not both) and must
// type-check with go/types, the standard library read from the toolchain's
// export data (faster than from source: see Validate). A string constant
// over 1 MiB is refused before the type check, which would make it whole
// in the build's own process (hugeConstants).
//
// A program, unless the author wrote {norun="why"}, is then run by the
// engines the page would run it with, and each run must agree with the
// ```output block (line-sorted with {output="unordered"}); its exit status
// must be the declared one ({exit=N}: 0 by default, 2 for a panic or a
// deadlock):
//
//   - always by the Go toolchain: a temporary module, go build (killed
//     past Options.BuildTimeout, 1 min by default), the binary run with the
//     time limit (Options.Timeout, 10 s by default) and killed past it.
//     The page's exact engine is this same compiler, in the browser.
//   - by playground/engine, the interpreter of the in-page playgrounds,
//     when the page would run it there: on "auto" the page hands a program
//     to the exact engine when engine.Prepare's findings say the
//     interpreter would run it differently, or the interpreter refuses to
//     compile it, and the build makes the same choice (Result.Engine). The
//     interpreter runs in a child process (engine.RunInChild: the current
//     executable started again, which the engine package's init turns into
//     a host). It cannot be preempted in a tight loop, and a panic in an
//     interpreted goroutine escapes it and ends its process: in a process
//     of its own both cost nothing but that process, killed at the time
//     limit, and the build goes on. As on Automatic, a program the
//     interpreter hands over during the run (a panic that ends it, a
//     deadlock, a recovered runtime error, the interpreter failing) is
//     the toolchain's in the page, and checked against go run alone.
//
// A disagreement between the interpreter and go run on a program the page
// would give the interpreter is one nothing announces: the build fails and
// says so.
//
// Both runs, and go build, are confined by Options.Sandbox
// (engine.Sandbox): none gets the build's environment, nothing they start
// outlives them, each process has a memory limit, and on Linux the
// programs have no network. go build gets the PATH and the go command's
// caches (toolchainEnv); a program gets nothing but a private HOME and
// TMPDIR.
//
// # Cache
//
// Results are cached by a hash of everything that decides them (code,
// attributes, expected output, Go and engine versions, and the validator's
// own version), one JSON file per key in Options.CacheDir, written through
// a temporary file and a rename. Only successes are cached: a failure is
// checked again on the next build. Identical snippets (twins often are) are
// proven once per run.
package snippet

import "github.com/goexpert/gointernals/generator/snippet/block"

// The model of a snippet is package block's, which the markdown stage uses
// without linking this package (and through it the interpreter). These
// names keep the validator's callers to one import.
type (
	// Snippet is one fenced go block of one page.
	Snippet = block.Snippet
	// Attrs are the attributes of a go block's info string.
	Attrs = block.Attrs
	// Kind says how a snippet is checked, derived from its code.
	Kind = block.Kind
)

// The kinds of snippets (see the package doc).
const (
	Program  = block.Program
	Package  = block.Package
	Fragment = block.Fragment
)

// KindOf is the kind of code, for renderers that must know whether a
// snippet can run before validation.
func KindOf(code string) Kind { return block.KindOf(code) }
