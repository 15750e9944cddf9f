// Package snippet models the Go code blocks of the content and proves them.
//
// The markdown stage extracts every fenced block whose language is "go" into
// a Snippet: its page, language, position in the source file, code, the
// attributes of its info string, and the expected output written in the
// "output" block that follows it, if any. Validate then checks each snippet
// and reports every problem as a diag.Error at its position in the file:
//
//   - its Kind is read from the code: a program (package main with func
//     main), a package (another package clause: type-checked only), or a
//     fragment (no package clause: declarations, or else statements,
//     type-checked inside a generated wrapper; a fragment cannot import, so
//     it may use only the predeclared identifiers and its own);
//   - it must be gofmt-clean; the error shows the diff;
//   - it must type-check (go/types, the standard library read from source);
//   - a program, unless the author wrote {norun="why"}, is built and run
//     by the real toolchain (a temporary module, go build, the binary run
//     with a time limit) and interpreted by playground/engine, the engine
//     of the in-page playgrounds. Both outputs must equal the ```output
//     block (line-sorted with {output="unordered"}), and the exit status
//     must be the declared one ({exit=N}; 0 by default, 2 for a panic).
//
// Results are cached by a hash of everything that decides them (code,
// attributes, expected output, Go and engine versions), so a build with
// unchanged snippets spends a few file reads on them. Only successes are
// cached: a failure is checked again on the next build.
package snippet

import "fmt"

// Kind says how a snippet is checked. It is derived from the code, never
// written by the author.
type Kind string

const (
	// Program is a file with "package main" and "func main": compiled and run.
	Program Kind = "program"
	// Package is a file whose package clause is not main: type-checked only.
	Package Kind = "package"
	// Fragment has no package clause: declarations or statements, type-checked
	// inside a generated wrapper.
	Fragment Kind = "fragment"
)

// Attrs are the attributes of a go block's info string, written as
// ```go {norun="why" output="unordered" exit=2}.
type Attrs struct {
	// NoRun, when set, is the author's reason why a program cannot be run
	// (it is still gofmt-checked and type-checked).
	NoRun string
	// Unordered compares output line-sorted, for output whose order
	// legitimately varies (like Go's "// Unordered output:").
	Unordered bool
	// Exit is the exit status the program is declared to end with; a
	// non-zero status (or a panic, which exits 2) fails unless declared.
	Exit int
}

// Snippet is one fenced go block of one page.
type Snippet struct {
	ID    string // unique on the site, usable as an HTML id: "pt-canais-4"
	Page  string // source path as the author sees it: "content/pt/canais.md"
	Lang  string // "pt" or "en"
	Index int    // 1-based position among the page's go blocks ("snippet 4")
	Line  int    // file line of the first line of code (the line after the fence)
	Col   int    // file column where code lines start (after list indentation)
	Code  string // the code, dedented as goldmark hands it over, ending in "\n"
	Attrs Attrs

	// Expected is the body of the ```output block that follows the snippet,
	// nil when there is none. ExpectedLine is its first line in the file.
	Expected     *string
	ExpectedLine int
}

// String describes the snippet for logs and test output.
func (s *Snippet) String() string {
	exp := "none"
	if s.Expected != nil {
		exp = fmt.Sprintf("%q@%d", *s.Expected, s.ExpectedLine)
	}
	return fmt.Sprintf("%s %s:%d:%d attrs=%+v expected=%s code=%q", s.ID, s.Page, s.Line, s.Col, s.Attrs, exp, s.Code)
}
