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
		out:       "main returns\n",
		preempted: "TestBrowserSchedulerPrograms (generator) holds it in the browser",
	},
	// main called by main: each return is not the program's end (the
	// first closed the output, and go run's last two lines were lost).
	rewriteCase{
		decls: `var depth int`,
		body: `depth++
if depth < 3 {
	main()
}
done := make(chan bool)
go func() { done <- true }()
<-done
fmt.Println("main at depth", depth)
depth--`,
		lowered: `depth++
if depth < 3 {
	main()
}
done := make(chan bool)
_lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); done <- true }()
<-done
fmt.Println("main at depth", depth)
depth--`,
		out: "main at depth 3\nmain at depth 2\nmain at depth 1\n",
	},
)
