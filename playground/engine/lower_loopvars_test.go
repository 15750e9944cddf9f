package engine

var _ = addCases("loopVars",
	// A body that declares the variable's name again, after taking its
	// address: the copy is in a block of its own around the body.
	rewriteCase{
		decls: `type point struct{ x, y int }

func (p *point) ref() *point { return p }`,
		body: `var refs []*point
for _, p := range []point{{1, 2}, {3, 4}} {
	refs = append(refs, p.ref())
	p := p.x * 10
	fmt.Println(p)
}
fmt.Println(*refs[0], *refs[1])`,
		lowered: `var refs []*point
for _, p := range []point{{1, 2}, {3, 4}} { p := p; {
	refs = append(refs, p.ref())
	p := p.x * 10
	fmt.Println(p)
}}
fmt.Println(*refs[0], *refs[1])`,
		out: "10\n30\n{1 2} {3 4}\n",
	},
	// A range's variable whose address a pointer method or a slice of
	// its array takes, without &.
	rewriteCase{
		decls: `type point struct{ x, y int }

func (p *point) ref() *point { return p }`,
		body: `var refs []*point
for _, p := range []point{{1, 2}, {3, 4}} {
	refs = append(refs, p.ref())
}
var ss [][]int
for _, a := range [][2]int{{1, 2}, {3, 4}} {
	ss = append(ss, a[:])
}
fmt.Println(*refs[0], *refs[1], ss)`,
		lowered: `var refs []*point
for _, p := range []point{{1, 2}, {3, 4}} { p := p;
	refs = append(refs, p.ref())
}
var ss [][]int
for _, a := range [][2]int{{1, 2}, {3, 4}} { a := a;
	ss = append(ss, a[:])
}
fmt.Println(*refs[0], *refs[1], ss)`,
		out: "{1 2} {3 4} [[1 2] [3 4]]\n",
	},
	// A three-clause loop's variable captured.
	rewriteCase{
		body: `var fs []func()
for i := 0; i < 3; i++ {
	fs = append(fs, func() { fmt.Print(i) })
}
for _, f := range fs {
	f()
}
fmt.Println()`,
		lowered: `var fs []func()
for i := 0; i < 3; i++ { i := i;
	fs = append(fs, func() { fmt.Print(i) })
}
for _, f := range fs {
	f()
}
fmt.Println()`,
		out: "012\n",
	},
	// A range's key assigned in the body.
	rewriteCase{
		body: `xs := []int{1, 2, 3, 4}
for i := range xs {
	if i%2 == 0 {
		i++
	}
	fmt.Print(i)
}
fmt.Println()`,
		lowered: `xs := []int{1, 2, 3, 4}
for i := range xs { i := i;
	if i%2 == 0 {
		i++
	}
	fmt.Print(i)
}
fmt.Println()`,
		out: "1133\n",
	},
)

var _ = addCases("loopVars",
	// The address of a part of a range's variable (&u.Name, &a[0] of an
	// array): each iteration's own (b b for Go's a b, a probe's).
	rewriteCase{
		decls: `type U struct{ Name string }`,
		body: `var ps []*string
for _, u := range []U{{"a"}, {"b"}} {
	ps = append(ps, &u.Name)
}
var qs []*int
for _, a := range [][2]int{{1, 2}, {3, 4}} {
	qs = append(qs, &a[0])
}
fmt.Println(*ps[0], *ps[1], *qs[0], *qs[1])`,
		lowered: `var ps []*string
for _, u := range []U{{"a"}, {"b"}} { u := u;
	ps = append(ps, &u.Name)
}
var qs []*int
for _, a := range [][2]int{{1, 2}, {3, 4}} { a := a;
	qs = append(qs, &a[0])
}
fmt.Println(*ps[0], *ps[1], *qs[0], *qs[1])`,
		out: "a b 1 3\n",
	},
)
