package engine

var _ = addCases("methodValues",
	// A method value copies its receiver.
	rewriteCase{
		decls: `type counter struct{ n int }

func (c counter) get() int { return c.n }`,
		body: `c := counter{1}
get := c.get
c.n = 2
f := counter.get
fmt.Println(get(), c.get(), f(counter{5}))`,
		lowered: `c := counter{1}
get := _lowerCopy(c).get
c.n = 2
f := func(_lowerRecv counter) int { return _lowerRecv.get() }
fmt.Println(get(), c.get(), f(counter{5}))`,
		out: "1 2 5\n",
	},
	// Method values taken in a loop.
	rewriteCase{
		decls: `type counter struct{ n int }

func (c counter) get() int { return c.n }`,
		body: `var fs []func() int
for _, c := range []counter{{1}, {2}} {
	fs = append(fs, c.get)
}
fmt.Println(fs[0](), fs[1]())`,
		lowered: `var fs []func() int
for _, c := range []counter{{1}, {2}} {
	fs = append(fs, func() func() int { return _lowerCopy(c).get }())
}
fmt.Println(fs[0](), fs[1]())`,
		out: "1 2\n",
	},
)
