package engine

import (
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"testing"
)

// The positions of go/types' errors, which Automatic's hand-over note
// names, are the compiler's where the two differ: a call with too few
// arguments (go/types: its closing parenthesis; the compiler: its last
// argument, or the call when it has none; a blind pass's find).
func TestTypeErrorsAtTheCompilersPositions(t *testing.T) {
	const src = `package main

import "fmt"

func add(a, b int) int { return a + b }

func three(a, b, c int) int { return a + b + c }

func main() {
	fmt.Println(add())
	fmt.Println(add(1))
	fmt.Println(three(1,
		2))
	fmt.Println(add((1)))
	fmt.Println(add(1, 2, 3))
}
`
	want := goBuildErrors(t, src)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	errs, skip := typeCheck(fset, file)
	if skip != "" {
		t.Fatal(skip)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.String()[:strings.Index(e.String(), ": ")]+": "+strings.SplitN(e.Message, "\n", 2)[0])
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) != 5 {
		t.Errorf("go/types' errors, placed:\n%s\ngo build's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
