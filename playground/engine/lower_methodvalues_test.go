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
	fs = append(fs, func() func() int { _lowerR1 := c; return _lowerR1.get }())
}
fmt.Println(fs[0](), fs[1]())`,
		out: "1 2\n",
	},
)

// A method value whose method takes a pointer, or is promoted from an
// embedded field, binds the receiver Go binds when the value is taken:
// the interpreter bound the variable, and read it at the call ("f :=
// p.Get; p = q; f()" got q's; a method promoted from an embedded *T read
// the field at the call).
var _ = addCases("methodValues",
	rewriteCase{
		decls: `type T struct{ n int }

func (t *T) Get() int { return t.n }

func (t T) Val() int { return t.n }

type H struct{ *T }`,
		body: `p := &T{1}
f := p.Get
p = &T{2}
h := H{&T{3}}
g, v := h.Get, h.Val
h.T = &T{4}
var t T
m := t.Get
t = T{5}
fmt.Println(f(), g(), v(), m())`,
		lowered: `p := &T{1}
f := func() func() int { _lowerR1 := p; return _lowerR1.Get }()
p = &T{2}
h := H{&T{3}}
g, v := func() func() int { _lowerR2 := (h).T; return _lowerR2.Get }(), func() func() int { _lowerR3 := _lowerCopy((h).T); return _lowerR3.Val }()
h.T = &T{4}
var t T
m := t.Get
t = (T{5})
fmt.Println(f(), g(), v(), m())`,
		out: "1 3 3 5\n",
	},
)

// Another package's method, and in a loop a generic type's value method:
// the receiver bound when the value is taken (a sixth blind pass: "show
// := d.String; d = time.Minute" showed 1m0s; Box[T]'s Get in a loop gave
// y y).
var _ = addCases("methodValues",
	rewriteCase{
		decls: `type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }`,
		body: `d := time.Second
show := d.String
d = time.Minute
var fs []func() string
for _, b := range []Box[string]{{"x"}, {"y"}} {
	fs = append(fs, b.Get)
}
fmt.Println(show(), d, fs[0](), fs[1]())`,
		lowered: `d := time.Second
show := func() func() string { _lowerR1 := d; return _lowerR1.String }()
d = time.Minute
var fs []func() string
for _, b := range []Box[string]{{"x"}, {"y"}} {
	fs = append(fs, func() func() string { _lowerR2 := b; return _lowerR2.Get }())
}
fmt.Println(show(), _lowerRT.Stringer(d), fs[0](), fs[1]())`,
		out: "1s 1m0s x y\n",
	},
)

var _ = addCases("methodValues",
	// A method value of a pointer method on a variable the loop's body
	// declares binds its address (f := c.Inc; f() left c at 0 for Go's
	// 1, a probe's).
	rewriteCase{
		decls: `type C struct{ n int }

func (c *C) Inc() { c.n++ }`,
		body: `var fs []func()
var cs []*C
for i := 0; i < 2; i++ {
	var c C
	f := c.Inc
	f()
	fs = append(fs, f)
	cs = append(cs, &c)
}
fs[0]()
fmt.Println(cs[0].n, cs[1].n)`,
		lowered: `var fs []func()
var cs []*C
for i := 0; i < 2; i++ {
	var c C
	f := func() func() { _lowerR1 := &(c); return _lowerR1.Inc }()
	f()
	fs = append(fs, f)
	cs = append(cs, &c)
}
fs[0]()
fmt.Println(cs[0].n, cs[1].n)`,
		out: "2 1\n",
	},
)
