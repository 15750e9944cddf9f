package engine

import "testing"

var _ = addCases("indexOperands",
	// Go reads k before assigning it: m["a"] is set.
	rewriteCase{
		body: `k := "a"
m := map[string]int{}
k, m[k] = "b", 5
fmt.Println(k, m)`,
		lowered: `k := "a"
m := map[string]int{}
{ _lowerK1 := k; k, m[_lowerK1] = "b", 5 }
fmt.Println(k, m)`,
		out: "b map[a:5]\n",
	},
	// A field assigned, read as an index on the same left side.
	rewriteCase{
		decls: `type cursor struct{ key string }`,
		body: `c := cursor{"a"}
seen := map[string]int{}
c.key, seen[c.key] = "b", 1
fmt.Println(c, seen)`,
		lowered: `c := cursor{"a"}
seen := map[string]int{}
{ _lowerK1 := c.key; c.key, seen[_lowerK1] = "b", 1 }
fmt.Println(c, seen)`,
		out: "{b} map[a:1]\n",
	},
	// An index that only reads other variables, or a slice's, the same.
	rewriteCase{
		body: `i, j := 0, 1
xs := []int{0, 0}
m := map[int]int{}
i, xs[i], m[i+j] = 1, 9, 7
fmt.Println(i, xs, m)`,
		lowered: `i, j := 0, 1
xs := []int{0, 0}
m := map[int]int{}
{ _lowerK1 := i; _lowerK2 := i+j; i, xs[_lowerK1], m[_lowerK2] = 1, 9, 7 }
fmt.Println(i, xs, m)`,
		out: "1 [9 0] map[1:7]\n",
	},
	// One call's values: go run reads c.i after Sscan stored 2 in it.
	rewriteCase{
		decls: `type cell struct{ n, i int }`,
		body: `var c cell
errs := make([]error, 3)
c.n, errs[c.i] = fmt.Sscan("2", &c.i, &c.n)
fmt.Println(c, errs)`,
		lowered: `var c cell
errs := make([]error, 3)
{ _lowerV1, _lowerV2 := fmt.Sscan("2", &c.i, &c.n); _lowerK3 := c.i; c.n, errs[_lowerK3] = _lowerV1, _lowerV2 }
fmt.Println(c, errs)`,
		out: "{1 2} [<nil> <nil> EOF]\n",
	},
	// What a pointer points to, and the map index yaegi reads late too.
	rewriteCase{
		decls: `var a, b int

func swap(p **int) (int, string, int) { *p = &b; return 5, "b", 9 }`,
		body: `p := &a
k := "a"
m := map[string]int{}
*p, k, m[k] = swap(&p)
fmt.Println(a, b, k, m)`,
		lowered: `p := &a
k := "a"
m := map[string]int{}
{ _lowerV1, _lowerV2, _lowerV3 := swap(&p); _lowerK4 := k; *p, k, m[_lowerK4] = _lowerV1, _lowerV2, _lowerV3 }
fmt.Println(a, b, k, m)`,
		out: "0 5 b map[a:9]\n",
	},
	// A left side that calls stays: Go runs at() before next(), as written.
	rewriteCase{
		decls: `var order []string

func at() int { order = append(order, "at"); return 0 }

func next() (int, int) { order = append(order, "next"); return 1, 2 }`,
		body: `xs := []int{0}
var y int
xs[at()], y = next()
k := "a"
m := map[string]int{}
k, m[k] = "b", 1
fmt.Println(xs, y, order, m)`,
		lowered: `xs := []int{0}
var y int
xs[at()], y = next()
k := "a"
m := map[string]int{}
{ _lowerK1 := k; k, m[_lowerK1] = "b", 1 }
fmt.Println(xs, y, order, m)`,
		out: "[1] 2 [at next] map[a:1]\n",
	},
	// Keys gc copies before the call (a struct's literal, a float
	// computed, an int8 converted, an int put in an interface) and keys
	// it reads after (a float field, a string computed); and the value
	// stored into the map, which the interpreter dropped (n, m[c.i] =
	// f(c) left m empty).
	rewriteCase{
		decls: `type C struct {
	n, i int
	s    string
	f    float64
}

type K struct{ a int }

func f(c *C) (int, int) { c.i, c.s, c.f = 2, "new", 2.5; return 7, 9 }

func fresh() *C { return &C{s: "old", f: 1.5} }`,
		body: `mk := map[K]int{}
mf := map[float64]int{}
m8 := map[int8]int{}
ma := map[any]int{}
ms := map[string]int{}
m := map[int]int{}
c := fresh()
c.n, mk[K{c.i}] = f(c)
c = fresh()
c.n, mf[c.f*2] = f(c)
c = fresh()
c.n, mf[c.f] = f(c)
c = fresh()
c.n, m8[int8(c.i)] = f(c)
c = fresh()
c.n, ma[c.i] = f(c)
c = fresh()
c.n, ms[c.s+"!"] = f(c)
var n int
n, m[c.i] = f(c)
fmt.Println(mk, mf, m8, ma[0], ms, n, m)`,
		lowered: `mk := map[K]int{}
mf := map[float64]int{}
m8 := map[int8]int{}
ma := map[any]int{}
ms := map[string]int{}
m := map[int]int{}
c := fresh()
{ _lowerK1 := K{c.i}; _lowerV2, _lowerV3 := f(c); c.n, mk[_lowerK1] = _lowerV2, _lowerV3 }
c = fresh()
{ _lowerK4 := c.f*2; _lowerV5, _lowerV6 := f(c); c.n, mf[_lowerK4] = _lowerV5, _lowerV6 }
c = fresh()
{ _lowerV7, _lowerV8 := f(c); _lowerK9 := c.f; c.n, mf[_lowerK9] = _lowerV7, _lowerV8 }
c = fresh()
{ _lowerK10 := int8(c.i); _lowerV11, _lowerV12 := f(c); c.n, m8[_lowerK10] = _lowerV11, _lowerV12 }
c = fresh()
{ _lowerK13 := c.i; _lowerV14, _lowerV15 := f(c); c.n, ma[_lowerK13] = _lowerV14, _lowerV15 }
c = fresh()
{ _lowerV16, _lowerV17 := f(c); _lowerK18 := c.s+"!"; c.n, ms[_lowerK18] = _lowerV16, _lowerV17 }
var n int
{ _lowerV19, _lowerV20 := f(c); n, m[c.i] = _lowerV19, _lowerV20 }
fmt.Println(mk, mf, m8, ma[0], ms, n, m)`,
		out: "map[{0}:9] map[2.5:9 3:9] map[0:9] 9 map[new!:9] 7 map[2:9]\n",
	},
	// A key of 4 or 8 bytes of plain memory that is not an integer or a
	// pointer goes to the fast map functions through a copy gc makes
	// before the call, addressable or not (K{a int}, [8]byte, [4]bool); a
	// struct of a float goes to the slow ones by its address, read after.
	rewriteCase{
		decls: `type K struct{ a int }

type F struct{ x float64 }

type C struct {
	n int
	k K
	f F
	b [8]byte
}

func f(c *C) (int, int) { c.k.a, c.f.x, c.b[0] = 2, 2.5, 9; return 7, 9 }`,
		body: `c := &C{}
mk := map[K]int{}
mf := map[F]int{}
mb := map[[8]byte]int{}
c.n, mk[c.k] = f(c)
c = &C{}
c.n, mf[c.f] = f(c)
c = &C{}
c.n, mb[c.b] = f(c)
fmt.Println(mk, mf, mb)`,
		lowered: `c := &C{}
mk := map[K]int{}
mf := map[F]int{}
mb := map[[8]byte]int{}
{ _lowerK1 := c.k; _lowerV2, _lowerV3 := f(c); c.n, mk[_lowerK1] = _lowerV2, _lowerV3 }
c = &C{}
{ _lowerV4, _lowerV5 := f(c); _lowerK6 := c.f; c.n, mf[_lowerK6] = _lowerV4, _lowerV5 }
c = &C{}
{ _lowerK7 := c.b; _lowerV8, _lowerV9 := f(c); c.n, mb[_lowerK7] = _lowerV8, _lowerV9 }
fmt.Println(mk, mf, mb)`,
		out: "map[{0}:9] map[{2.5}:9] map[[0 0 0 0 0 0 0 0]:9]\n",
	},
	// A struct of one string goes to the fast string functions through a
	// copy made before the call; a nil key stays.
	rewriteCase{
		decls: `type S struct{ s string }

var sv = S{"a"}

func set() (int, int) { sv.s = "b"; return 3, 4 }`,
		body: `ms := map[S]int{}
ma := map[any]int{}
var n int
n, ms[sv] = set()
n, ma[nil] = set()
fmt.Println(ms, ma, n)`,
		lowered: `ms := map[S]int{}
ma := map[any]int{}
var n int
{ _lowerK1 := sv; _lowerV2, _lowerV3 := set(); n, ms[_lowerK1] = _lowerV2, _lowerV3 }
{ _lowerV4, _lowerV5 := set(); n, ma[nil] = _lowerV4, _lowerV5 }
fmt.Println(ms, ma, n)`,
		out: "map[{a}:4] map[<nil>:4] 3\n",
	},
	// A comma-ok form's value into a map's element: the interpreter
	// dropped it (a stranger's review's).
	rewriteCase{
		body: `m := map[string]int{}
src := map[string]int{"k": 7}
var ok bool
var x any = 5
ch := make(chan int, 1)
ch <- 9
m["a"], ok = x.(int)
m["b"], ok = src["k"]
m["c"], ok = <-ch
fmt.Println(m, ok)`,
		lowered: `m := map[string]int{}
src := map[string]int{"k": 7}
var ok bool
var x any = 5
ch := make(chan int, 1)
ch <- 9
{ _lowerV1, _lowerV2 := x.(int); m["a"], ok = _lowerV1, _lowerV2 }
{ _lowerV3, _lowerV4 := src["k"]; m["b"], ok = _lowerV3, _lowerV4 }
{ _lowerV5, _lowerV6 := <-ch; m["c"], ok = _lowerV5, _lowerV6 }
fmt.Println(m, ok)`,
		out: "map[a:5 b:7 c:9] true\n",
	},
)

// One call's values stored into a map's element beside another target,
// where the call cannot be taken first (a function literal's, or after a
// call of the left side's), is handed over: the interpreter dropped the
// element's value (a stranger's review's); one taken first runs right.
func TestMapStoresFromACallAreHandedOver(t *testing.T) {
	cases := []announcedCase{
		{"m := map[string]int{}\n\tvar c struct{ i int }\n\tm[\"a\"], c.i = func() (int, int) { return 1, 2 }()\n\tfmt.Println(m, c)", true},
		{"m := map[string]int{}\n\tkeys := []string{\"x\"}\n\tvar i int\n\tm[keys[at()]], i = two()\n\tfmt.Println(m, i)", true},
		{"m := map[string]int{}\n\tkeys := []string{\"x\"}\n\tvar i int\n\tm[keys[0]], i = two()\n\tfmt.Println(m, i)", false},
		{"m := map[int8]int{}\n\tvar i int\n\tm[int8(len(m))], i = two()\n\tfmt.Println(m, i)", false},
		// What gc evaluates before the call, as a call (a type assertion,
		// &&), a statement in a header, and a key a function literal
		// assigns (read before or after the call as gc's inliner decides):
		// a stranger's review's.
		{"m := map[int]int{}\n\tvar x any = 1\n\tvar i int\n\tm[x.(int)], i = two()\n\tfmt.Println(m, i)", true},
		{"m := map[bool]int{}\n\ta, b := true, false\n\tvar i int\n\tm[a && b], i = two()\n\tfmt.Println(m, i)", true},
		{"m := map[string]int{}\n\tvar i int\n\tif i, m[\"a\"] = two(); i > 0 {\n\t\tfmt.Println(m)\n\t}", true},
		{"k := struct{ a, b int8 }{1, 1}\n\tm := map[struct{ a, b int8 }]int{}\n\tnext := func() (int, int) { k.a++; return 5, 6 }\n\tvar i int\n\tm[k], i = next()\n\tfmt.Println(m, i)", true},
	}
	handedOverOrRight(t, cases, func(body string) string {
		return "package main\n\nimport \"fmt\"\n\nfunc at() int { return 0 }\n\nfunc two() (int, int) { return 5, 6 }\n\nfunc main() {\n\t" + body + "\n}\n"
	}, "stored into a map's element")
}
