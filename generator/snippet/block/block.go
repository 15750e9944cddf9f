// Package block is a Go code block of the content as the markdown stage
// finds it: a Snippet (its page, position in the file, code, the
// attributes of its info string, the output the author expects) and its
// Kind, read from the code. It is the model alone, with nothing that
// proves a snippet: package snippet validates snippets (and links the
// interpreter to run them), the markdown stage makes them (and links
// neither).
//
// A position in the code (line l, column c, both 1-based) is the file's
// line Snippet.Line+l-1, column Snippet.Col+c-1.
//
// # Kinds
//
//   - a program: "package main" with "func main";
//   - a package: any other package clause;
//   - a fragment: no package clause. Declarations, or else statements,
//     parsed inside a generated file ("package fragment", the statements
//     in a function), which puts the code one line below its top and never
//     moves a column (Parsed.Offset). A fragment may begin with import
//     declarations, which stay at file level, above the function.
//
// How each kind is checked is package snippet's.
package block

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
// ```go {norun="why" output="unordered" exit=2} or
// ```go {engine="exact" output="pattern"}.
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
	// Exact fixes the page's engine to the Go toolchain ({engine="exact"}):
	// the build runs the program with go run alone, and the playground
	// never gives it to the interpreter, whatever the reader's choice.
	Exact bool
	// Pattern reads the output block as a pattern ({output="pattern"},
	// with engine="exact" only): literal lines in which {{n}},
	// {{n MIN..MAX}} and {{*}} stand for what varies between runs
	// (package snippet's MatchPattern). The page shows the output of the
	// build's run as a sample instead.
	Pattern bool
	// GoDebug is the GODEBUG the program runs with ({godebug="gctrace=1"},
	// with engine="exact" only), in the build's run and in the page. A
	// program cannot set what the runtime reads once at start, such as
	// gctrace: //go:debug refuses it and os.Setenv comes too late. The
	// output is then what the program writes to stdout and stderr, in the
	// order written, as the page shows it.
	GoDebug string
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
	ExpectedCol  int // file column where the output block's lines start
}

// String describes the snippet for logs and test output.
func (s *Snippet) String() string {
	exp := "none"
	if s.Expected != nil {
		exp = fmt.Sprintf("%q@%d:%d", *s.Expected, s.ExpectedLine, s.ExpectedCol)
	}
	return fmt.Sprintf("%s %s:%d:%d attrs=%+v expected=%s code=%q", s.ID, s.Page, s.Line, s.Col, s.Attrs, exp, s.Code)
}
