package engine

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
)
