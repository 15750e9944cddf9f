package engine

import (
	"strings"
	"testing"
)

// A program with packages the interpreter lacks is told so once per
// package, with what the interpreter offers said once, and not also told
// that the type checker cannot check it (which it cannot, for those
// packages): the note a reader opens stays short.
func TestMissingPackagesToldOnce(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"html/template\"\n\t\"text/template\"\n)\n\ntype T struct{}\n\nfunc (T) String() string { return \"t\" }\n\nvar _ = template.New\n\nfunc main() { fmt.Println(T{}) }\n"
	src = strings.Replace(src, "\t\"html/template\"", "\th \"html/template\"", 1)
	src = strings.Replace(src, "var _ = template.New", "var _, _ = template.New, h.New", 1)
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	why := p.HandOver()
	for _, want := range []string{"5:4: package html/template is not available in the interpreter (it offers ", "6:2: package text/template is not available in the interpreter either"} {
		if !strings.Contains(why, want) {
			t.Errorf("HandOver lacks %q:\n%s", want, why)
		}
	}
	if n := strings.Count(why, "it offers"); n != 1 {
		t.Errorf("what the interpreter offers is said %d times:\n%s", n, why)
	}
	if strings.Contains(why, "type checker") {
		t.Errorf("the type checker's skip is said too:\n%s", why)
	}
}

// unsafe's layout functions, which the policy lets through, type-check:
// the program goes to Go for the package alone, not also as one Go's type
// checker rejects (a blind pass read "could not import unsafe" for a
// program go run runs).
func TestUnsafeLayoutTypeChecks(t *testing.T) {
	p, err := Prepare("package main\n\nimport (\n\t\"fmt\"\n\t\"unsafe\"\n)\n\ntype S struct {\n\ta bool\n\tb int64\n}\n\nfunc main() { fmt.Println(unsafe.Sizeof(S{}), unsafe.Offsetof(S{}.b)) }\n")
	if err != nil {
		t.Fatal(err)
	}
	why := p.HandOver()
	if !strings.Contains(why, "package unsafe is not available in the interpreter") || strings.Contains(why, "type checker") || len(p.Errors()) > 0 {
		t.Errorf("HandOver %q, errors %v", why, p.Errors())
	}
}

// A type error the note names is placed where go build places it, which
// the reader then sees under it: a send on a receive-only channel at the
// statement, not at its arrow (a blind pass saw 6:6 above 6:2).
func TestTypeErrorAtTheCompilersPosition(t *testing.T) {
	p, err := Prepare("package main\n\nimport \"fmt\"\n\nfunc producer(out <-chan int) {\n\tout <- 1\n}\n\nfunc main() {\n\tch := make(chan int, 1)\n\tgo producer(ch)\n\tfmt.Println(<-ch)\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	if why := p.HandOver(); !strings.Contains(why, "6:2: Go's type checker rejects this") {
		t.Errorf("HandOver %q; want the send at 6:2, as go build says", why)
	}
}

// A method of *os.File called on os.Stdout is the interpreter's limit
// (its os.Stdout is an io.Writer, symbols.OS), not an error of Go's: the
// note said "Go's type checker rejects this" of os.Stdout.WriteString,
// which go run runs (a blind pass's).
func TestStdoutMethodsAreTheInterpretersLimit(t *testing.T) {
	p, err := Prepare("package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Stdout.WriteString(\"x\\n\")\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	if why := p.HandOver(); !strings.Contains(why, "6:12: the check, whose os.Stdout and os.Stderr are the interpreter's io.Writer values (not *os.File), rejects this") || strings.Contains(why, "Go's type checker") {
		t.Errorf("HandOver %q; want the interpreter's os.Stdout named, not Go's type checker", why)
	}
}
