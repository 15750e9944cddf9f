package engine

var _ = addCases("mainEnd",
	// main returns without blocking: with GOMAXPROCS 1, go run never runs
	// the goroutines (the interpreter in the browser printed their lines).
	rewriteCase{
		body: `runtime.GOMAXPROCS(1)
for i := 0; i < 3; i++ {
	go fmt.Println("never", i)
}
fmt.Println("main returns")`,
		lowered: `defer _lowerMainEnd(); runtime.GOMAXPROCS(1)
for i := 0; i < 3; i++ {
	{ _lowerG1 := i; _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); fmt.Println("never", _lowerG1) }() }
}
fmt.Println("main returns")`,
		out: "main returns\n",
	},
)
