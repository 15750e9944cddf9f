package engine

var _ = addCases("goPanic",
	// A goroutine counted and guarded.
	rewriteCase{
		body: `done := make(chan bool)
go func() {
	defer close(done)
	fmt.Println("in goroutine")
}()
<-done`,
		lowered: `defer _lowerMainEnd(); done := make(chan bool)
_lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }();
	{ _lowerD1 := done; defer close(_lowerD1) }
	fmt.Println("in goroutine")
}()
<-done`,
		out: "in goroutine\n",
	},
	// Go of a function of the file: its arguments evaluated at the go statement.
	rewriteCase{
		decls: `func show(n int, done chan bool) {
	fmt.Println("n is", n)
	close(done)
}`,
		body: `n := 3
done := make(chan bool)
go show(n, done)
n = 4
<-done
fmt.Println(n)`,
		lowered: `defer _lowerMainEnd(); n := 3
done := make(chan bool)
{ _lowerG1 := n; _lowerG2 := done; _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); show(_lowerG1, _lowerG2) }() }
n = 4
<-done
fmt.Println(n)`,
		out: "n is 3\n4\n",
	},
	// A panic at a goroutine's top ends the program.
	rewriteCase{
		body: `go func() {
	panic("boom")
}()
select {}`,
		lowered: `defer _lowerMainEnd(); _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }();
	panic("boom")
}()
select {}`,
		out:  "",
		exit: 2,
	},
)
