package engine

import (
	"regexp"
	"strings"
	"testing"
)

// A range's variable used whole gets the body's own copy where it may
// hold a value of one of the program's types with methods (or a pointer
// to one), and only there: the copy costs the interpreter an allocation
// per iteration. testdata/loop_variables.go runs the copied shapes under
// both engines.
func TestRangeCopiesOnlyWhatMayHoldMethods(t *testing.T) {
	const decls = "type word string\n\nfunc (w word) Shout() string { return string(w) }\n\ntype plain struct{ n int }\n\ntype box struct {\n\titems []word\n\tns    []int\n}\n\ntype pair struct{ plain }\n\nfunc words() []word { return nil }\n\nfunc ints(xs []int, ws ...word) []int {\n\tfor _, w := range ws {\n\t\tprintln(w)\n\t}\n\treturn xs\n}\n\nfunc gen[T any](xs []T) {\n\tfor _, x := range xs {\n\t\tprintln(x)\n\t}\n}\n\n"
	for _, c := range []struct {
		body, copy string // the copy the body would start with
		copied     bool
	}{
		// What may hold a method's type: copied.
		{"ch := make(chan word)\n\tfor w := range ch {\n\t\tprintln(w)\n\t}", "w := w;", true},
		{"m := map[word]int{}\n\tfor k := range m {\n\t\tprintln(k)\n\t}", "k := k;", true},
		{"var ps []*word\n\tfor _, p := range ps {\n\t\tprintln(p)\n\t}", "p := p;", true},
		{"for _, w := range words() {\n\t\tprintln(w)\n\t}", "w := w;", true},
		{"var b box\n\tfor _, w := range b.items {\n\t\tprintln(w)\n\t}", "w := w;", true},
		{"var ps []pair\n\tfor _, p := range ps {\n\t\tprintln(p)\n\t}", "p := p;", true},
		{"var xs []any\n\tf := unknown\n\tfor i, x := range f(xs) {\n\t\tprintln(i, x)\n\t}", "i, x := i, x;", true},
		// What cannot: not copied.
		{"xs := []int{1}\n\tfor i, x := range xs {\n\t\tprintln(i, x)\n\t}", "", false},
		{"for i, r := range \"ab\" {\n\t\tprintln(i, r)\n\t}", "", false},
		{"var b box\n\tfor _, n := range b.ns {\n\t\tprintln(n)\n\t}", "", false},
		{"m := map[string][]plain{}\n\tfor k, v := range m {\n\t\tprintln(k, v)\n\t}", "", false},
		{"for _, n := range ints(nil) {\n\t\tprintln(n)\n\t}", "", false},
		{"var ws []word\n\tfor i := range ws {\n\t\tprintln(i)\n\t}", "", false},
		{"var ws []word\n\tfor _, w := range ws {\n\t\tprintln(w.Shout())\n\t}", "", false},
	} {
		src := "package main\n\n" + decls + "func unknown(xs []any) []any { return xs }\n\nfunc main() {\n\t" + c.body + "\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		main := p.Code[strings.Index(p.Code, "func main()"):]
		if c.copied && !strings.Contains(main, "{ "+c.copy) {
			t.Errorf("%s\nlowered to\n%s\nwant the copy %q", c.body, main, c.copy)
		}
		if !c.copied && hasLoopCopy(main) {
			t.Errorf("%s\nlowered to\n%s\nwant no copy", c.body, main)
		}
	}
	// A variadic parameter's elements, and a type parameter's.
	p, err := Prepare("package main\n\n" + decls + "func main() {}\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"for _, w := range ws { w := w;", "for _, x := range xs { x := x;"} {
		if !strings.Contains(p.Code, want) {
			t.Errorf("lowered to\n%s\nwant it to contain %q", p.Code, want)
		}
	}
}

// loopCopy matches a loop body's copy of its variables, v := v, or a
// declaration of them (stringRanges declares a string's key and rune:
// i := _lowerO2), which hasLoopCopy tells apart.
var loopCopy = regexp.MustCompile(`\{ (\w+)(, \w+)* := (\w+)(, \w+)*;`)

func hasLoopCopy(code string) bool {
	for _, m := range loopCopy.FindAllStringSubmatch(code, -1) {
		if m[1] == m[3] {
			return true
		}
	}
	return false
}
