package engine

var _ = addCases("returnRecv",
	// Return of a receive.
	rewriteCase{
		body: `ch := make(chan int, 1)
ch <- 4
f := func() int { return <-ch }
fmt.Println(f())`,
		lowered: `ch := make(chan int, 1)
ch <- 4
f := func() int { { _lowerR1 := <-ch; return _lowerR1 } }
fmt.Println(f())`,
		out: "4\n",
	},
	// A field's function among several results, directly or through a
	// pointer, at any place.
	rewriteCase{
		decls: `type rule struct {
	name  string
	check func(string) bool
}

func run(r rule, s string) (string, bool) { return r.name, r.check(s) }

func first(r *rule) (bool, int) { return r.check("x"), 2 }`,
		body: `r := rule{"nonempty", func(s string) bool { return s != "" }}
fmt.Println(run(r, "x"))
fmt.Println(first(&r))`,
		loweredDecls: `type rule struct {
	name  string
	check func(string) bool
}

func run(r rule, s string) (string, bool) { { _lowerR1 := r.name; _lowerR2 := r.check(s); return _lowerR1, _lowerR2 } }

func first(r *rule) (bool, int) { { _lowerR3 := r.check("x"); _lowerR4 := 2; return _lowerR3, _lowerR4 } }`,
		lowered: `r := rule{"nonempty", func(s string) bool { return s != "" }}
fmt.Println(run(r, "x"))
fmt.Println(first(&r))`,
		out: "nonempty true\ntrue 2\n",
	},
)
