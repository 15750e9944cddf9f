package engine

var _ = addCases("unnamedParams",
	// Callbacks that ignore their argument, a declared function and a
	// variadic one: each called twice, calling the library.
	rewriteCase{
		decls: `type hooks map[int][]func(int)

func ping(string, int) { fmt.Println("ping") }`,
		body: `h := hooks{}
h[1] = append(h[1], func(int) { fmt.Println("to 1") })
h[1] = append(h[1], func(from int) { fmt.Println("from", from) })
log := func(int, ...string) { fmt.Println("log") }
var show func(int) = func(x int) { fmt.Println("show", x) }
for i := 0; i < 2; i++ {
	for _, f := range h[1] {
		f(i)
	}
	ping("a", i)
	log(i, "x")
	show(i)
}`,
		lowered: `h := hooks{}
h[1] = append(h[1], func(_ int) { fmt.Println("to 1") })
h[1] = append(h[1], func(from int) { fmt.Println("from", from) })
log := func(_ int, _ ...string) { fmt.Println("log") }
var show func(int) = func(x int) { fmt.Println("show", x) }
for i := 0; i < 2; i++ {
	for _, f := range h[1] { f := f;
		f(i)
	}
	ping("a", i)
	log(i, []string{"x"}...)
	show(i)
}`,
		loweredDecls: `type hooks map[int][]func(int)

func ping(_ string, _ int) { fmt.Println("ping") }`,
		out: "to 1\nfrom 0\nping\nlog\nshow 0\nto 1\nfrom 1\nping\nlog\nshow 1\n",
	},
)
