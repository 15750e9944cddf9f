package engine

import (
	"strings"
	"testing"
)

// What the source pass gives fmt is not announced; what it leaves is,
// at the argument: a value held in an interface whose wrapper lacks the
// method fmt calls, a format that is not a constant, errors' functions
// with the program's errors.
func TestFmtMethodsLeftAreAnnounced(t *testing.T) {
	decls := `type Temp int

func (t Temp) String() string { return "t" }

type Code int

func (c Code) Error() string  { return "e" }
func (c Code) String() string { return "s" }

type In struct {
	T Temp
	t Temp
}

type hidden struct{ t Temp }
`
	cases := []struct {
		body string
		line int // of the announcement in main's body, 0: none
	}{
		{"fmt.Println(Temp(1), Code(2))", 0},
		{`fmt.Printf("%d %s\n", Temp(1), Code(2))`, 0},
		{"fmt.Println(hidden{1})", 0},
		// Inside a slice, a map, a struct or behind a pointer fmt is
		// handed: Show calls the method (typeVerbs).
		{"fmt.Println([]Temp{1})", 0},
		{"fmt.Println(In{1, 2})", 0},
		{"fmt.Println(&In{1, 2})", 0},
		{"fmt.Println(map[string]Temp{})", 0},
		{"f := \"%v\\n\"\nfmt.Printf(f, []Temp{1})", 2},
		{"fmt.Println([]fmt.Stringer{Code(1)})", 1},
		{"var s fmt.Stringer = Code(1)\nfmt.Println(s)", 2},
		{"var e error = Code(1)\nfmt.Println(e)", 0},
		{"var e error = Code(1)\nfmt.Printf(\"%d\\n\", e)", 2},
		{"f := \"%v\\n\"\nfmt.Printf(f, Temp(1))", 2},
		// %#x and %#q call String as %x does (only %#v is Go's syntax):
		// lowered, not announced.
		{`fmt.Printf("%#x %#q\n", Temp(1), Temp(2))`, 0},
		// errors.Is through the engine's helper (errorsExact): Code is
		// the one type of the program with Error, and not a struct.
		{"var e error = Code(1)\nfmt.Println(errors.Is(e, Code(1)))", 0},
		// A pointer with a method fmt calls for the verb is printed as
		// its method says (misfits): %s of a *Temp, as %w of an *E.
		{"t := Temp(1)\nfmt.Printf(\"%s\\n\", &t)", 0},
		// Without, fmt names its type: %!s(*main.In=<nil>).
		{"var p *In\nfmt.Printf(\"%s\\n\", p)", 2},
	}
	for _, c := range cases {
		src := "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\nvar _ = errors.New\n\n" + decls + "\nfunc main() {\n\t" + strings.ReplaceAll(c.body, "\n", "\n\t") + "\n}\n"
		main := strings.Count(src[:strings.Index(src, "func main")], "\n") + 1
		p, err := Prepare(src)
		if err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		got := 0
		for _, f := range p.Findings() {
			if f.Construct == "methods hidden" {
				got = f.Line - main
			}
		}
		if got != c.line {
			t.Errorf("%q: announced at main's line %d, want %d (0: none); findings:\n%s", c.body, got, c.line, joinFindings(p.Findings(), nil))
		}
	}
}
