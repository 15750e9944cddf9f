package engine

var _ = addCases("deferArgs",
	// An argument copied at the defer.
	rewriteCase{
		body: `n := 1
defer fmt.Println("n was", n)
n = 2
fmt.Println("n is", n)`,
		lowered: `n := 1
{ _lowerD1 := n; defer fmt.Println("n was", _lowerD1) }
n = 2
fmt.Println("n is", n)`,
		out: "n is 2\nn was 1\n",
	},
	// A pointer receiver copied at the defer.
	rewriteCase{
		decls: `type res struct{ name string }

func (r *res) Close() { fmt.Println("close", r.name) }`,
		body: `r := &res{"a"}
defer r.Close()
r = &res{"b"}
fmt.Println("opened", r.name)`,
		lowered: `r := &res{"a"}
{ _lowerR1 := r; defer _lowerR1.Close() }
r = &res{"b"}
fmt.Println("opened", r.name)`,
		out: "opened b\nclose a\n",
	},
)
