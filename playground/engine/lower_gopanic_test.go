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
	// In a loop, a method's receiver and arguments as Go evaluates
	// them at the go statement: the element itself for a pointer method
	// (a blind pass's worker idiom printed [0 0 0 9]).
	rewriteCase{
		decls: `type worker struct{ id int }

func (w *worker) run(res []int, wg *sync.WaitGroup) {
	defer wg.Done()
	res[w.id] = w.id * w.id
}`,
		body: `ws := []worker{{0}, {1}, {2}, {3}}
res := make([]int, len(ws))
var wg sync.WaitGroup
for i := range ws {
	wg.Add(1)
	go ws[i].run(res, &wg)
}
wg.Wait()
fmt.Println(res)`,
		lowered: `defer _lowerMainEnd(); ws := []worker{{0}, {1}, {2}, {3}}
res := make([]int, len(ws))
var wg sync.WaitGroup
for i := range ws {
	wg.Add(1)
	{ _lowerF4 := func() func() { _lowerD2 := res; _lowerD3 := &wg; _lowerR1 := &(ws[i]); return func() { defer func() { _lowerGoPanic(recover()) }(); _lowerR1.run(_lowerD2, _lowerD3) } }(); _lowerRT.GoStart(); go _lowerF4() }
}
wg.Wait()
fmt.Println(res)`,
		out: "[0 1 4 9]\n",
	},
)

// Anywhere, a method's receiver is evaluated at the go statement, as its
// arguments are, and the goroutine is guarded and counted: the
// interpreter read the receiver when the goroutine ran, after the program
// had changed it ("go p.Run(&wg); p = q" ran q's; through an embedded
// pointer too).
var _ = addCases("goPanic",
	rewriteCase{
		decls: `type Logger struct{ name string }

func (l *Logger) Run(wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("run", l.name)
}

type Svc struct{ *Logger }`,
		body: `var wg sync.WaitGroup
s := Svc{&Logger{"x"}}
wg.Add(1)
go s.Run(&wg)
s.Logger = &Logger{"y"}
wg.Wait()
p := &Logger{"p"}
wg.Add(1)
go p.Run(&wg)
p = &Logger{"q"}
wg.Wait()`,
		lowered: `defer _lowerMainEnd(); var wg sync.WaitGroup
s := Svc{&Logger{"x"}}
wg.Add(1)
{ _lowerG1 := &wg; _lowerR2 := (s).Logger; _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); _lowerR2.Run(_lowerG1) }() }
s.Logger = &Logger{"y"}
wg.Wait()
p := &Logger{"p"}
wg.Add(1)
{ _lowerG3 := &wg; _lowerR4 := p; _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); _lowerR4.Run(_lowerG3) }() }
p = &Logger{"q"}
wg.Wait()`,
		out: "run x\nrun p\n",
	},
)

// In a loop too, a go'd method of the program's is guarded: its panic ends
// the program with status 2, as in Go (it escaped the interpreter).
var _ = addCases("goPanic",
	rewriteCase{
		decls: `type w struct{ id int }

func (x *w) boom() {
	if x.id == 1 {
		panic("boom")
	}
}`,
		body: `ws := []w{{0}, {1}}
for i := range ws {
	go ws[i].boom()
}
time.Sleep(5 * time.Second)
fmt.Println("not reached")`,
		lowered: `defer _lowerMainEnd(); ws := []w{{0}, {1}}
for i := range ws {
	{ _lowerF2 := func() func() { _lowerR1 := &(ws[i]); return func() { defer func() { _lowerGoPanic(recover()) }(); _lowerR1.boom() } }(); _lowerRT.GoStart(); go _lowerF2() }
}
time.Sleep(5 * time.Second)
fmt.Println("not reached")`,
		exit: 2,
	},
)

// The receiver and the arguments in gc's order: a receiver that calls
// nothing is read after the arguments' calls (arg moves w's embedded
// pointer: Go runs the new one; a stranger's review).
var _ = addCases("goPanic",
	rewriteCase{
		decls: `type L struct{ name string }

func (l *L) Run(wg *sync.WaitGroup, x int) {
	defer wg.Done()
	fmt.Println("run", l.name, x)
}

type W struct{ *L }

func arg(w *W) int {
	w.L = &L{"changed"}
	return 1
}`,
		body: `var wg sync.WaitGroup
w := &W{&L{"orig"}}
wg.Add(1)
go w.Run(&wg, arg(w))
wg.Wait()`,
		lowered: `defer _lowerMainEnd(); var wg sync.WaitGroup
w := &W{&L{"orig"}}
wg.Add(1)
{ _lowerG2 := arg(w); _lowerG1 := &wg; _lowerR3 := (w).L; _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); _lowerR3.Run(_lowerG1, _lowerG2) }() }
wg.Wait()`,
		out: "run changed 1\n",
	},
)

// A function variable's value is read at the go statement, and the
// goroutine guarded (a sixth blind pass: "go f(x); f = other" ran other).
var _ = addCases("goPanic",
	rewriteCase{
		body: `var wg sync.WaitGroup
f := func(n int) {
	defer wg.Done()
	fmt.Println("first", n)
}
wg.Add(1)
go f(1)
f = func(n int) {
	defer wg.Done()
	fmt.Println("second", n)
}
wg.Wait()`,
		lowered: `defer _lowerMainEnd(); var wg sync.WaitGroup
f := func(n int) {
	defer wg.Done()
	fmt.Println("first", n)
}
wg.Add(1)
{ _lowerR1 := f; _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); _lowerR1(1) }() }
f = func(n int) {
	defer wg.Done()
	fmt.Println("second", n)
}
wg.Wait()`,
		out: "first 1\n",
	},
)
