package engine

import (
	"strings"
	"testing"
)

// TestErrorsExact holds errorsExact to what it lets through: an errors.As
// or errors.Is that the interpreter would still get wrong is announced
// (the finding errors.As, or methods hidden for errors.Is), one it gets
// right through the engine's helpers is not. TestRewriteCases holds the
// lowered ones' output to go run's.
func TestErrorsExact(t *testing.T) {
	cases := []struct {
		decls, body string
		announced   bool
	}{
		// A pointer type of the program, a type of the library, error.
		{"type E struct{ s string }\n\nfunc (e *E) Error() string { return e.s }", "var e *E\nfmt.Println(errors.As(fmt.Errorf(\"%w\", &E{}), &e))", false},
		{"", "var e *strconv.NumError\n_, err := strconv.Atoi(\"x\")\nfmt.Println(errors.As(err, &e))", false},
		{"type E struct{ s string }\n\nfunc (e *E) Error() string { return e.s }", "var e error\nfmt.Println(errors.As(&E{}, &e))", false},
		// A struct implementing error with its value: the interpreter's
		// wrapper holds the last of its fields that is set, here the
		// *strconv.NumError, which errors.As would find, and the
		// sentinel, which errors.Is would.
		{"type E struct{ Err *strconv.NumError }\n\nfunc (e E) Error() string { return \"e\" }", "_, err := strconv.Atoi(\"x\")\nvar ne *strconv.NumError\nfmt.Println(errors.As(E{err.(*strconv.NumError)}, &ne))", true},
		{"type E struct{ Err error }\n\nfunc (e E) Error() string { return \"e\" }\n\nvar ErrX = errors.New(\"x\")", "fmt.Println(errors.Is(E{ErrX}, ErrX))", true},
		// Two types of one structure are one type to the interpreter.
		{"type A struct{ s string }\n\nfunc (e *A) Error() string { return e.s }\n\ntype B struct{ s string }\n\nfunc (e *B) Error() string { return e.s }", "var b *B\nfmt.Println(errors.As(&A{}, &b))", true},
		{"type A struct{ s string }\n\nfunc (e *A) Error() string { return e.s }\n\ntype B struct{ t string }\n\nfunc (e *B) Error() string { return e.t }", "var b *B\nfmt.Println(errors.As(&A{}, &b))", false},
		{"type A struct{ s string }\n\nfunc (e *A) Error() string { return e.s }\n\ntype B struct{ s string }\n\nfunc (e *B) Error() string { return e.s }\n\nvar ErrX = errors.New(\"x\")", "ErrX = &B{}\nfmt.Println(errors.Is(&A{}, ErrX))", true},
		// Unwrap, Is or As of the program's: the wrapper has Error alone.
		{"type E struct{ err error }\n\nfunc (e *E) Error() string { return \"e\" }\nfunc (e *E) Unwrap() error { return e.err }\n\nvar ErrX = errors.New(\"x\")", "fmt.Println(errors.Is(&E{ErrX}, ErrX))", true},
		// An interface of the program, or a literal.
		{"type T interface{ Timeout() bool }", "var t T\nfmt.Println(errors.As(errors.New(\"x\"), &t))", true},
		{"", "var t interface{ Timeout() bool }\nfmt.Println(errors.As(errors.New(\"x\"), &t))", true},
	}
	for _, c := range cases {
		src := "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"strconv\"\n)\n\nvar _ = errors.New\nvar _ = strconv.Itoa\n\n" + c.decls + "\n\nfunc main() {\n\t" + strings.ReplaceAll(c.body, "\n", "\n\t") + "\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		announced := false
		for _, f := range p.Findings() {
			announced = announced || f.Construct == "errors.As" || f.Construct == "methods hidden"
		}
		if announced != c.announced {
			t.Errorf("%s\n%s\nannounced %v, want %v; findings:\n%s\nlowered:\n%s", c.decls, c.body, announced, c.announced, joinFindings(p.Findings(), nil), p.Code)
		}
	}
}
