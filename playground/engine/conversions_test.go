package engine

import (
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"
)

// TestEachConversion lists, for each kind of place eachConversion walks,
// the value, its type and the type it goes to, as col from -> to on the
// line the case is about.
// Places whose types are alike are walked too (the checks filter); the
// wants name only the lines the case is about.
func TestEachConversion(t *testing.T) {
	const head = "package main\n\nimport \"iter\"\n\ntype T struct{ n int }\n\nfunc (T) M() {}\n\ntype I interface{ M() }\n\nvar _ iter.Seq[T]\n\n"
	cases := []struct {
		name, body string
		line       int      // the line of body the wants are about (1 is its first)
		want       []string // col from -> to [call] [spread]
	}{
		{"declaration", "var v I = T{}\n", 1, []string{"11 main.T -> main.I"}},
		{"assignment of results", "func g() (T, error) { return T{}, nil }\n\nfunc main() {\n\tvar i I\n\tvar err any\n\ti, err = g()\n\t_, _ = i, err\n}\n", 6,
			[]string{"11 main.T -> main.I", "11 error -> any"}},
		{"return", "func f() (I, any) {\n\treturn T{}, 1\n}\n\nfunc main() { f() }\n", 2,
			[]string{"9 main.T -> main.I", "14 int -> any"}},
		{"send", "func main() {\n\tc := make(chan I, 1)\n\tc <- T{}\n}\n", 3, []string{"7 main.T -> main.I"}},
		{"map index", "func main() {\n\tm := map[any]int{}\n\tm[T{}]++\n}\n", 3, []string{"4 main.T -> any"}},
		{"range over a slice", "func main() {\n\tvar k, v any\n\tfor k, v = range []T{{}} {\n\t}\n\t_, _ = k, v\n}\n", 3,
			[]string{"6 int -> any", "9 main.T -> any", "23 main.T -> main.T"}},
		{"range over an iterator", "func main() {\n\tvar v any\n\tvar seq iter.Seq[T]\n\tfor v = range seq {\n\t}\n\t_ = v\n}\n", 4,
			[]string{"6 main.T -> any"}},
		{"composite literals", "var s = []I{T{}}\nvar m = map[any]I{1: T{}}\nvar p = struct{ a, b any }{b: T{}}\n", 3,
			[]string{"9 struct{a any; b any} -> struct{a any; b any}", "31 main.T -> any"}},
		{"map literal", "var m = map[any]I{1: T{}}\n", 1, []string{"9 map[any]main.I -> map[any]main.I", "19 int -> any", "22 main.T -> main.I"}},
		{"conversion and append", "func main() {\n\ts := append([]any{}, I(T{}), T{})\n\t_ = s\n}\n", 2,
			[]string{"7 []any -> []any", "23 main.I -> any", "25 main.T -> main.I", "31 main.T -> any"}},
		{"arguments", "func f(a I, b ...any) {}\n\nfunc main() {\n\tf(T{}, 1, T{})\n\tf(nil, []any{}...)\n}\n", 4,
			[]string{"4 main.T -> main.I call", "9 int -> any call", "12 main.T -> any call"}},
		{"spread ellipsis", "func f(a I, b ...any) {}\n\nfunc main() {\n\tf(nil, []any{}...)\n}\n", 4,
			[]string{"4 untyped nil -> main.I call", "9 []any -> []any call"}},
		{"results passed on", "func g() (T, T) { return T{}, T{} }\n\nfunc f(a I, b ...any) {}\n\nfunc main() { f(g()) }\n", 5,
			[]string{"17 main.T -> main.I call spread", "17 main.T -> any call spread"}},
		{"panic", "func main() { panic(T{}) }\n", 1, []string{"21 main.T -> interface{} call"}},
		{"a name declared again", "func main() {\n\tvar v any\n\tn, v := 1, T{}\n\t_, _ = n, v\n}\n", 3,
			[]string{"13 main.T -> any", "10 int -> int"}},
		{"type parameters' core types", "func f[F ~func(any), C ~chan any, S ~[]any](f F, c C, s S) {\n\tf(T{}); c <- T{}; s = append(s, T{})\n}\n", 2,
			[]string{"4 main.T -> any call", "15 main.T -> any", "34 main.T -> any", "24 S -> S"}},
		{"elided pointer literals", "type S struct{ v any }\n\nvar ss = []*S{{T{}}}\n", 3,
			[]string{"10 []*main.S -> []*main.S", "15 *main.S -> *main.S", "16 main.T -> any"}},
		{"a send on channels of two directions", "func put[C interface{ ~chan any | ~chan<- any }](c C) {\n\tc <- T{}\n}\n", 2,
			[]string{"7 main.T -> any"}},
		{"range over a named integer", "type N int\n\nfunc main() {\n\tvar k any\n\tfor k = range N(3) {\n\t}\n\t_ = k\n}\n", 5,
			[]string{"6 main.N -> any", "18 main.N -> main.N"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := head + c.body
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, "main.go", src, 0)
			if err != nil {
				t.Fatal(err)
			}
			info := checkedInfo(fset, file)
			if info == nil {
				t.Fatalf("does not type-check:\n%s", src)
			}
			line := strings.Count(head, "\n") + c.line
			var got []string
			eachConversion(file, info, func(cv conversion) {
				p := fset.Position(cv.e.Pos())
				if p.Line != line {
					return
				}
				s := fmt.Sprintf("%d %s -> %s", p.Column, types.TypeString(cv.from, nil), types.TypeString(cv.to, nil))
				if cv.call != nil {
					s += " call"
				}
				if cv.spread {
					s += " spread"
				}
				got = append(got, s)
			})
			slices.Sort(got)
			slices.Sort(c.want)
			if !slices.Equal(got, c.want) {
				t.Errorf("line %d gives\n\t%s\nwant\n\t%s", c.line, strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}
