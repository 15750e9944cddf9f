package engine

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// An argument of a deferred call that the pass cannot copy at the defer
// (another rewrite changes it) is handed over beside what the pass copies,
// a method's receiver included, and in a loop: left in place, the
// interpreter evaluates it after the copies, out of gc's order (defer
// fmt.Println(errors.As(err, &pe), pe): go run true e1, the interpreter
// true <nil>; moved, deferArgs and libCalls clashed), and in a loop with
// the last iteration's variables (max(i, 1): 2 2 2 for 2 1 1). Alone, or
// beside constants and function literals, out of a loop, it is not, and
// the interpreter prints what go run prints.
func TestDeferredArgumentLeftInPlaceIsHandedOver(t *testing.T) {
	const decls = "type E struct{ n int }\n\nfunc (e *E) Error() string { return fmt.Sprint(\"e\", e.n) }\n\nfunc (e *E) Report(ok bool) { fmt.Println(ok, e != nil) }\n\ntype T struct{ n int }\n\nfunc (t T) Show(k int) { fmt.Println(t.n, k) }\n\nvar errEnd = errors.New(\"end\")\n\n"
	cases := []announcedCase{
		{"defer fmt.Println(err, errors.As(err, &pe), pe)", true},
		{"defer fmt.Println(slices.Max(xs), xs)", true},
		{"defer pe.Report(errors.As(err, &pe))", true},
		{"tv := T{1}\n\tdefer tv.Show(func() int { tv.n = 5; return 1 }())\n\ttv.n = 9", true},
		{"for i := 0; i < 3; i++ {\n\t\tdefer fmt.Println(max(i, 1))\n\t}", true},
		{"for _, e := range []error{errEnd, nil} {\n\t\tdefer fmt.Println(errors.Is(e, errEnd))\n\t}", true},
		{"defer fmt.Println(\"max\", max(xs[0], 2))", false},
		{"defer fmt.Println(err, pe, xs)", false},
		{"defer fmt.Println(errors.As(err, &pe))\n\tfmt.Println(pe != nil)", false},
		{"defer func(f func() int) { fmt.Println(f()) }(func() int { return len(xs) })", false},
	}
	handedOverOrRight(t, cases, func(body string) string {
		imports := "\t\"errors\"\n\t\"fmt\"\n"
		if strings.Contains(body, "slices.") {
			imports += "\t\"slices\"\n"
		}
		return "package main\n\nimport (\n" + imports + ")\n\n" + decls + "func main() {\n\terr := fmt.Errorf(\"w: %w\", &E{1})\n\tvar pe *E\n\txs := []int{3, 1}\n\t_, _, _ = err, pe, xs\n\t" + body + "\n\txs[0] = 9\n}\n"
	}, "deferred call that the source pass cannot copy")
}

// announcedCase is main's body of a program, and whether a hand-over is
// announced for it.
type announcedCase struct {
	body      string
	announced bool
}

// handedOverOrRight checks each program (program of a case's body) for
// its HandOver: it says one of the phrases when the case is announced,
// and otherwise nothing hands the program over before the run, and the
// run, as Automatic makes it, either
// hands it over (Result.HandedOver: a deadlock the interpreter made of
// a function literal passed to a deferred one) or prints what go run
// prints.
func handedOverOrRight(t *testing.T, cases []announcedCase, program func(body string) string, phrases ...string) {
	t.Helper()
	var srcs []string
	var announced []bool
	for _, c := range cases {
		srcs = append(srcs, program(c.body))
		announced = append(announced, c.announced)
	}
	goRes := goRunAll(t, srcs)
	for k, src := range srcs {
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		why := p.HandOver()
		got := false
		for _, ph := range phrases {
			got = got || strings.Contains(why, ph)
		}
		if got != announced[k] {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, announced[k], why, src)
		}
		if announced[k] {
			continue
		}
		var out bytes.Buffer
		res := Run(context.Background(), src, Options{Stdout: &out, Timeout: 10 * time.Second, HandOver: true})
		if why != "" || res.HandedOver() == "" && (res.Err != nil || out.String() != goRes[k].Stdout) {
			t.Errorf("not announced, handed over for %q, or the interpreter printed (%v)\n%s\nwhere go run printed\n%s\n%s", why, res.Err, out.String(), goRes[k].Stdout, src)
		}
	}
}

// A deferred or go'd function value that the interpreter would read when
// the call runs (a variable assigned again, or deferred in a loop; a
// field's; an element's), a deferred argument or receiver that spans
// lines, and a go statement's argument the pass cannot evaluate at the
// statement are handed over (an attack's programs: each printed the
// later value); a function value nothing assigns again is not, and runs
// as go run runs it.
func TestLateFunctionValuesAreHandedOver(t *testing.T) {
	const decls = "type H struct{ f func() }\n\nfunc first() { fmt.Println(\"first\") }\n\nfunc second() { fmt.Println(\"second\") }\n\n"
	cases := []announcedCase{
		{"fn := first\n\tdefer fn()\n\tfn = second", true},
		{"for _, fn := range []func(){first, second} {\n\t\tg := fn\n\t\tdefer g()\n\t}", true},
		{"h := H{first}\n\tdefer h.f()\n\th.f = second", true},
		{"fns := []func(){first}\n\tdefer fns[0]()\n\tfns[0] = second", true},
		{"x := 1\n\tdefer fmt.Println((\n\t\tx))\n\tx = 5", true},
		{"h := H{first}\n\tgo h.f()\n\th.f = second\n\ttime.Sleep(50 * time.Millisecond)", true},
		{"x := 1\n\tgo fmt.Println(x, max(x, 0))\n\tx = 5\n\ttime.Sleep(50 * time.Millisecond)", true},
		{"cleanup := first\n\tdefer cleanup()\n\tsecond()", false},
		// One slot for t, the same each time a goto runs the stretch
		// again (a third attack's: 2 2 2 for go run's 2 1 0).
		{"i := 0\nloop:\n\tt := i\n\tdefer fmt.Println(t)\n\ti++\n\tif i < 3 {\n\t\tgoto loop\n\t}", true},
	}
	handedOverOrRight(t, cases, func(body string) string {
		return "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n" + decls + "func main() {\n\t_ = time.Second\n\t" + body + "\n}\n"
	}, "function value deferred", "a go statement's function value or argument", "deferred call that the source pass cannot copy", "a goto runs again")
}

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
	// In a loop, a method's receiver as Go evaluates it at the defer,
	// whatever its form (the types say which): the element itself for a
	// pointer method (&ts[i]), a copy of what a pointer points to for a
	// value method, a call's result, a map's element.
	rewriteCase{
		decls: `type T struct{ n int }

func (t *T) Show() { fmt.Println("show", t.n) }

func (t T) Val() { fmt.Println("val", t.n) }

func open(n int) *T { return &T{n} }`,
		body: `ts := []T{{1}, {2}}
for i := range ts {
	defer ts[i].Show()
}
ps := []*T{{3}, {4}}
for j := range ps {
	defer ps[j].Val()
}
for k := 5; k < 7; k++ {
	defer open(k).Show()
}
m := map[string]T{"a": {7}, "b": {8}}
for _, key := range []string{"a", "b"} {
	defer m[key].Val()
}
ts[0].n, ps[0].n = 10, 30`,
		lowered: `ts := []T{{1}, {2}}
for i := range ts {
	{ _lowerF2 := func() func() { _lowerR1 := &(ts[i]); return func() { _lowerR1.Show() } }(); defer _lowerF2() }
}
ps := []*T{{3}, {4}}
for j := range ps {
	{ _lowerF4 := func() func() { _lowerR3 := _lowerCopy(ps[j]); return func() { _lowerR3.Val() } }(); defer _lowerF4() }
}
for k := 5; k < 7; k++ {
	{ _lowerF6 := func() func() { _lowerR5 := open(k); return func() { _lowerR5.Show() } }(); defer _lowerF6() }
}
m := map[string]T{"a": {7}, "b": {8}}
for _, key := range []string{"a", "b"} {
	{ _lowerF8 := func() func() { _lowerR7 := m[key]; return func() { _lowerR7.Val() } }(); defer _lowerF8() }
}
ts[0].n, ps[0].n = 10, 30`,
		out: "val 8\nval 7\nshow 6\nshow 5\nval 4\nval 3\nshow 2\nshow 10\n",
	},
	// A method on a range's variable, which loopVars copies for each
	// iteration: a pointer method binds this iteration's &t, and sees
	// what the iteration does to it after the defer, and a value method
	// a copy of it (a copy for both, as before, printed ptr 2 for Go's
	// ptr 12; &t of the interpreter's one slot for all iterations would
	// give every call the last).
	rewriteCase{
		decls: `type T struct{ n int }

func (t *T) Show() { fmt.Println("ptr", t.n) }

func (t T) Val() { fmt.Println("val", t.n) }`,
		body: `ts := []T{{1}, {2}}
for _, t := range ts {
	defer t.Show()
	defer t.Val()
	t.n += 10
}`,
		lowered: `ts := []T{{1}, {2}}
for _, t := range ts { t := t;
	{ _lowerF2 := func() func() { _lowerR1 := &(t); return func() { _lowerR1.Show() } }(); defer _lowerF2() }
	{ _lowerF4 := func() func() { _lowerR3 := t; return func() { _lowerR3.Val() } }(); defer _lowerF4() }
	t.n += 10
}`,
		out: "val 2\nptr 12\nval 1\nptr 11\n",
	},
)

// A method promoted from an embedded pointer: Go evaluates the embedded
// pointer at the defer (and copies what it points to for a value method);
// the interpreter read it when the call ran (close y for Go's close x, a
// blind pass's find). In a loop too, where the element's own field is
// read.
var _ = addCases("deferArgs",
	rewriteCase{
		decls: `type Logger struct{ name string }

func (l *Logger) Close() { fmt.Println("close", l.name) }

func (l Logger) Show() { fmt.Println("show", l.name) }

type Svc struct{ *Logger }`,
		body: `s := Svc{&Logger{"x"}}
defer s.Close()
defer s.Show()
s.Logger.name = "x2"
s.Logger = &Logger{"y"}
svcs := []Svc{{&Logger{"a"}}, {&Logger{"b"}}}
for i := range svcs {
	defer svcs[i].Close()
}
svcs[0].Logger = &Logger{"c"}`,
		lowered: `s := Svc{&Logger{"x"}}
{ _lowerR1 := (s).Logger; defer _lowerR1.Close() }
{ _lowerR2 := _lowerCopy((s).Logger); defer _lowerR2.Show() }
s.Logger.name = "x2"
s.Logger = &Logger{"y"}
svcs := []Svc{{&Logger{"a"}}, {&Logger{"b"}}}
for i := range svcs {
	{ _lowerF4 := func() func() { _lowerR3 := (svcs[i]).Logger; return func() { _lowerR3.Close() } }(); defer _lowerF4() }
}
svcs[0].Logger = &Logger{"c"}`,
		out: "close b\nclose a\nshow x\nclose x2\n",
	},
)

// A receiver that calls something is evaluated before the arguments'
// calls, one that does not after them, as gc does (a stranger's review:
// defer a().M(b()) called b first).
var _ = addCases("deferArgs",
	rewriteCase{
		decls: `type T struct{ n int }

func (t *T) M(x int) { fmt.Println("m", t.n, x) }

func a() *T {
	fmt.Println("a")
	return &T{1}
}

func b() int {
	fmt.Println("b")
	return 2
}

type W struct{ *T }

func move(w *W) int {
	w.T = &T{3}
	return 4
}`,
		body: `defer a().M(b())
w := &W{&T{0}}
defer w.M(move(w))`,
		lowered: `{ _lowerR2 := a(); _lowerD1 := b(); defer _lowerR2.M(_lowerD1) }
w := &W{&T{0}}
{ _lowerD3 := move(w); _lowerR4 := (w).T; defer _lowerR4.M(_lowerD3) }`,
		out: "a\nb\nm 3 4\nm 1 2\n",
	},
	// Arguments in gc's order: the calls first, then the variables,
	// which the calls may change (y here); in a loop, the same.
	rewriteCase{
		decls: `type T struct{ name string }

func (t T) Show(a, b int) { fmt.Println(t.name, a, b) }

func show(a, b, c int) { fmt.Println("show", a, b, c) }`,
		body: `y := 1
set := func(v int) int { y = v; return v * 10 }
t := T{"t"}
defer t.Show(y, set(5))
defer show(y, set(6), y)
for i := 0; i < 2; i++ {
	defer t.Show(y, set(i))
}
y = 9`,
		lowered: `y := 1
set := func(v int) int { y = v; return v * 10 }
t := T{"t"}
{ _lowerD2 := set(5); _lowerD1 := y; _lowerR3 := t; defer _lowerR3.Show(_lowerD1, _lowerD2) }
{ _lowerD5 := set(6); _lowerD4 := y; _lowerD6 := y; defer show(_lowerD4, _lowerD5, _lowerD6) }
for i := 0; i < 2; i++ {
	{ _lowerF10 := func() func() { _lowerD9 := set(i); _lowerD8 := y; _lowerR7 := t; return func() { _lowerR7.Show(_lowerD8, _lowerD9) } }(); defer _lowerF10() }
}
y = 9`,
		out: "t 1 10\nt 0 0\nshow 6 60 6\nt 5 50\n",
	},
)

var _ = addCases("deferArgs",
	// A pointer method deferred, or started in a goroutine, on a
	// variable the loop's body declares: bound by its address at the
	// defer or the go, as Go binds it (a copy closed 10 for Go's 11, and
	// counted nothing where Go counts 5: a probe's).
	rewriteCase{
		decls: `type R struct{ id int }

func (r *R) Close() { fmt.Println("close", r.id) }

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc(wg *sync.WaitGroup) {
	defer wg.Done()
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}`,
		body: `for i := 0; i < 2; i++ {
	var c Counter
	var wg sync.WaitGroup
	for j := 0; j < 5; j++ {
		wg.Add(1)
		go c.Inc(&wg)
	}
	wg.Wait()
	fmt.Println("round", i, c.n)
}
for i := 0; i < 2; i++ {
	r := R{10 * i}
	defer r.Close()
	r.id++
}`,
		lowered: `defer _lowerMainEnd(); for i := 0; i < 2; i++ {
	var c Counter
	var wg sync.WaitGroup
	for j := 0; j < 5; j++ {
		wg.Add(1)
		{ _lowerF5 := func() func() { _lowerD4 := &wg; _lowerR3 := &(c); return func() { defer func() { _lowerGoPanic(recover()) }(); _lowerR3.Inc(_lowerD4) } }(); _lowerRT.GoStart(); go _lowerF5() }
	}
	wg.Wait()
	fmt.Println("round", i, c.n)
}
for i := 0; i < 2; i++ {
	r := (R{10 * i})
	{ _lowerF2 := func() func() { _lowerR1 := &(r); return func() { _lowerR1.Close() } }(); defer _lowerF2() }
	r.id++
}`,
		out: "round 0 5\nround 1 5\nclose 11\nclose 1\n",
	},
)

var _ = addCases("deferArgs",
	// A variable the body declares by a comma-ok form or a select's
	// case has, in the interpreter, one storage for every iteration:
	// copied at the defer, as before (bound by its address, every call
	// closed the last: a review's probes).
	rewriteCase{
		decls: `type R struct{ id int }

func (r *R) Close() { fmt.Println("close", r.id) }`,
		body: `m := map[int]R{0: {200}, 1: {201}}
for i := 0; i < 2; i++ {
	r, ok := m[i]
	if ok {
		defer r.Close()
	}
}
ch := make(chan R, 2)
ch <- R{10}
ch <- R{20}
for i := 0; i < 2; i++ {
	select {
	case r := <-ch:
		defer r.Close()
	}
}`,
		lowered: `m := map[int]R{0: {200}, 1: {201}}
for i := 0; i < 2; i++ {
	r, ok := m[i]
	if ok {
		{ _lowerF2 := func() func() { _lowerR1 := r; return func() { _lowerR1.Close() } }(); defer _lowerF2() }
	}
}
ch := make(chan R, 2)
ch <- R{10}
ch <- R{20}
for i := 0; i < 2; i++ {
	select {
	case r := <-ch:
		{ _lowerF4 := func() func() { _lowerR3 := r; return func() { _lowerR3.Close() } }(); defer _lowerF4() }
	}
}`,
		out: "close 20\nclose 10\nclose 201\nclose 200\n",
	},
)
