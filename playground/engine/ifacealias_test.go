package engine

import (
	"strings"
	"testing"
)

// A program that declares a type with methods and keeps a value in, or
// converts one to, an interface one of its types may implement is
// announced: the interpreter's interface value follows the storage it
// came from (a variable assigned later, a loop's next iteration). One
// whose interfaces none of its types implements, or that mentions an
// interface only as a constraint, in an assertion or a type switch's
// case, is not.
func TestInterfaceAliasesAreAnnounced(t *testing.T) {
	const celsius = "type Celsius int\n\nfunc (c Celsius) Deg() int { return int(c) }\n\n"
	for _, c := range []struct {
		decls, body string
		announced   bool
	}{
		// go run: 1 2; the interpreter: 2 2.
		{celsius + "type Degreer interface{ Deg() int }\n\n", "c := Celsius(1)\n\tvar d Degreer = c\n\tc = 2\n\tfmt.Println(d.Deg(), c)", true},
		{celsius, "var held []any\n\tfor i := 0; i < 2; i++ {\n\t\theld = append(held, Celsius(i))\n\t}\n\tfmt.Println(len(held))", true},
		{celsius, "f := func(x interface{ Deg() int }) int { return x.Deg() }\n\tfmt.Println(f(Celsius(1)))", true},
		{celsius + "type Stack[T any] struct{ items []T }\n\ntype Degreer interface{ Deg() int }\n\n", "var s Stack[Degreer]\n\tfmt.Println(len(s.items))", true},
		{"type up struct{}\n\nfunc (up) Read(p []byte) (int, error) { return 0, nil }\n\n", "var r io.Reader\n\tfmt.Println(r == nil)", true},
		// No interface one of the types implements.
		{celsius + "type Namer interface{ Name() string }\n\n", "var n Namer\n\tfmt.Println(n == nil, Celsius(1).Deg())", false},
		{celsius, "var r io.Reader\n\tfmt.Println(r == nil, Celsius(1).Deg())", false},
		// Not a place where a value is kept.
		{celsius + "type Degreer interface{ Deg() int }\n\nfunc twice[T Degreer](x T) int { return 2 * x.Deg() }\n\n", "fmt.Println(twice(Celsius(2)))", false},
		// No type with methods.
		{"type Degreer interface{ Deg() int }\n\n", "var held []any\n\tvar d Degreer\n\tfmt.Println(len(held), d == nil)", false},
	} {
		src := "package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n)\n\nvar _ io.Reader\n\n" + c.decls + "func main() {\n\t" + c.body + "\n}\n"
		src = strings.Replace(src, "var _ io.Reader\n\n", "var _ = io.EOF\n\n", 1)
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range p.Findings() {
			got = got || f.Construct == "interface holds a copy"
		}
		if got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, p.HandOver(), src)
		}
	}
}
