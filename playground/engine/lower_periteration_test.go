package engine

import (
	"strings"
	"testing"
)

// The loop counts with a variable of its own, the body's i is copied
// from it and back, on the loop's lines; a loop whose body only reads i
// keeps its variable.
func TestPerIterationRewrite(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"for i := 0; i < n; i++ {\n\t\tps = append(ps, &i)\n\t}",
			"for _lowerL1 := 0; _lowerL1 < n; _lowerL1++ { i := _lowerL1; {\n\t\tps = append(ps, &i)\n\t}; _lowerL1 = i }"},
		{"for i := 0; i < n; i++ {\n\t\tps = append(ps, &i)\n\t\tif i == 1 {\n\t\t\tcontinue\n\t\t}\n\t}",
			"\t\t\t_lowerL1 = i; continue\n"},
		{"for i, j := 0, n; i < j; i, j = i+1, j-1 {\n\t\tps = append(ps, &j)\n\t}",
			"for _lowerL1, _lowerL2 := 0, n; _lowerL1 < _lowerL2; _lowerL1, _lowerL2 = _lowerL1+1, _lowerL2-1 { i, j := _lowerL1, _lowerL2; {"},
		{"for i := 0; i < n; i++ {\n\t\t_ = i\n\t}", "for i := 0; i < n; i++ {\n\t\t_ = i\n\t}"},
	} {
		src := "package main\n\nfunc main() {\n\tn := 3\n\tvar ps []*int\n\t" + c.body + "\n\t_ = ps\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Code, c.want) {
			t.Errorf("%s\nlowered to\n%s\nwant it to contain\n%s", c.body, p.Code, c.want)
		}
		if why := p.HandOver(); why != "" {
			t.Errorf("%s\nhanded over: %s", c.body, why)
		}
	}
}

var _ = addCases("perIteration",
	// The address of the loop's variable, one per iteration.
	rewriteCase{
		body: `var ps []*int
for i := 0; i < 3; i++ {
	ps = append(ps, &i)
}
fmt.Println(*ps[0], *ps[1], *ps[2])`,
		lowered: `var ps []*int
for _lowerL1 := 0; _lowerL1 < 3; _lowerL1++ { i := _lowerL1; {
	ps = append(ps, &i)
}; _lowerL1 = i }
fmt.Println(*ps[0], *ps[1], *ps[2])`,
		out: "0 1 2\n",
	},
	// The variable assigned in the body and captured: the change reaches
	// the next iteration.
	rewriteCase{
		body: `var fs []func() int
for i := 0; i < 6; i++ {
	i++
	fs = append(fs, func() int { return i })
}
fmt.Println(fs[0](), fs[1](), fs[2]())`,
		lowered: `var fs []func() int
for _lowerL1 := 0; _lowerL1 < 6; _lowerL1++ { i := _lowerL1; {
	i++
	fs = append(fs, func() int { return i })
}; _lowerL1 = i }
fmt.Println(fs[0](), fs[1](), fs[2]())`,
		out: "1 3 5\n",
	},
)

var _ = addCases("perIteration",
	// The address of a part of a three-clause loop's variable, with &
	// or without (a method taking a pointer, a slice of an array): each
	// iteration's own (3 3 3 for Go's 0 1 2, a probe's).
	rewriteCase{
		decls: `type C struct{ n int }

func (c *C) Self() *C { return c }`,
		body: `var cs []*C
for c := (C{}); c.n < 3; c.n++ {
	cs = append(cs, c.Self())
}
var ns []*int
for c := (C{}); c.n < 3; c.n++ {
	ns = append(ns, &c.n)
}
var sl [][]int
for a := [1]int{0}; a[0] < 3; a[0]++ {
	sl = append(sl, a[:])
}
fmt.Println(cs[0].n, cs[1].n, cs[2].n, *ns[0], *ns[1], *ns[2], sl)`,
		lowered: `var cs []*C
for _lowerL1 := (C{}); _lowerL1.n < 3; _lowerL1.n++ { c := _lowerL1; {
	cs = append(cs, c.Self())
}; _lowerL1 = c }
var ns []*int
for _lowerL2 := (C{}); _lowerL2.n < 3; _lowerL2.n++ { c := _lowerL2; {
	ns = append(ns, &c.n)
}; _lowerL2 = c }
var sl [][]int
for _lowerL3 := [1]int{0}; _lowerL3[0] < 3; _lowerL3[0]++ { a := _lowerL3; {
	sl = append(sl, a[:])
}; _lowerL3 = a }
fmt.Println(cs[0].n, cs[1].n, cs[2].n, *ns[0], *ns[1], *ns[2], sl)`,
		out: "0 1 2 0 1 2 [[0] [1] [2]]\n",
	},
)
