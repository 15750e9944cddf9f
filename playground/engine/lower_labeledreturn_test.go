package engine

var _ = addCases("labeledReturn",
	// A goto to a label on a bare return.
	rewriteCase{
		decls: `func f(n int) {
	if n > 0 {
		goto done
	}
	fmt.Println("n is", n)
done:
	return
}`,
		body: `f(0)
f(1)
fmt.Println("end")`,
		lowered: `f(0)
f(1)
fmt.Println("end")`,
		loweredDecls: `func f(n int) {
	if n > 0 {
		goto done
	}
	fmt.Println("n is", n)
done:
	{}; return
}`,
		out: "n is 0\nend\n",
	},
)
