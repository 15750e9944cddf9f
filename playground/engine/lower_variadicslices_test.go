package engine

var _ = addCases("variadicSlices",
	// A slice of any passed to ...any, or appended, as one value: one
	// element (the interpreter took it for the whole slice); with ...,
	// a library function, or two values appended, left as it is.
	rewriteCase{
		decls: `func count(args ...any) string { return fmt.Sprint(len(args), args) }

func show(prefix string, args ...any) string { return fmt.Sprint(prefix, len(args)) }`,
		body: `xs := []any{1, "a"}
fmt.Println(count(xs), count(1, xs), count(xs, 2), count(xs...))
fmt.Println(show("p", xs), show("q"), fmt.Sprint(xs))
var s []any
s = append(s, xs)
s = append(s, xs...)
s = append(s, 3, xs)
defer func() { fmt.Println(len(s), count(s)) }()`,
		lowered: `xs := []any{1, "a"}
fmt.Println(count([]interface{}{xs}...), count([]interface{}{1, xs}...), count([]interface{}{xs, 2}...), count(xs...))
fmt.Println(show("p", []interface{}{xs}...), show("q"), fmt.Sprint(xs))
var s []any
s = append(s, interface{}(xs))
s = append(s, xs...)
s = append(s, 3, xs)
defer func() { fmt.Println(len(s), count([]interface{}{s}...)) }()`,
		out: "1 [[1 a]] 2 [1 [1 a]] 2 [[1 a] 2] 2 [1 a]\np1 q0 [1 a]\n5 1 [[[1 a] 1 a 3 [1 a]]]\n",
	},
	// append(s, x...) of []interface{} to []any, or the other way round:
	// x converted to s's spelling (the interpreter appended it as one
	// value); the same spelling, or a string to bytes, left.
	rewriteCase{
		body: `var a []any
more := []interface{}{1, 2}
a = append(a, more...)
var b []interface{}
b = append(b, []any{3}...)
b = append(b, more...)
bs := append([]byte("x"), "yz"...)
fmt.Println(len(a), len(b), string(bs))`,
		lowered: `var a []any
more := []interface{}{1, 2}
a = append(a, []any(more)...)
var b []interface{}
b = append(b, []interface{}([]any{3})...)
b = append(b, more...)
bs := append([]byte("x"), "yz"...)
fmt.Println(len(a), len(b), string(bs))`,
		out: "2 3 xyz\n",
	},
	// A type parameter's value whose types are slices of any, the same
	// (a stranger's review: silent before).
	rewriteCase{
		decls: `func count(args ...any) int { return len(args) }

func add[X ~[]any](s []any, xs X) []any { return append(s, xs) }

func wrap[X ~[]any](xs X) int { return count(xs) }

type Row []any`,
		body: `fmt.Println(len(add(nil, []any{1, 2, 3})), wrap(Row{1, 2, 3}))`,
		loweredDecls: `func count(args ...any) int { return len(args) }

func add[X ~[]any](s []any, xs X) []any { return append(s, interface{}(xs)) }

func wrap[X ~[]any](xs X) int { return count([]interface{}{xs}...) }

type Row []any`,
		lowered: `fmt.Println(len(add[[]any](nil, []any{1, 2, 3})), wrap[Row](Row{1, 2, 3}))`,
		out:     "1 1\n",
	},
	// The variadic arguments of the program's function, of a type that
	// is not an interface, written as a literal: Go gives the parameter
	// a capacity of its length, the interpreter's was 4 for three (a
	// probe's: an append to it wrote into the map's slice or not). A
	// call with ..., with none, with a call's results, and the
	// library's, are left.
	rewriteCase{
		decls: `func vals(xs ...int) []int { return xs }

func pair() (int, int) { return 1, 2 }

type P struct{ X int }

func pts(ps ...P) int { return cap(ps) }`,
		body: `m := map[int][]int{0: vals(1, 2, 3)}
s := m[0]
s = append(s, 4)
s[0] = 9
fmt.Println(m[0][0], cap(vals(7)), len(vals()), vals(pair()), pts(P{1}, P{2}), len(vals(s...)))
fmt.Println(max(1, 2, 3), fmt.Sprint(1, 2))`,
		lowered: `m := map[int][]int{0: vals([]int{1, 2, 3}...)}
s := m[0]
s = append(s, 4)
s[0] = 9
fmt.Println(m[0][0], cap(vals([]int{7}...)), len(vals()), vals(pair()), pts([]P{P{1}, P{2}}...), len(vals(s...)))
fmt.Println(int(3), fmt.Sprint(1, 2))`,
		out: "1 1 0 [1 2] 2 4\n3 1 2\n",
	},
)
