package engine

var _ = addCases("literalVars",
	// A slice's, a map's and an array's literal, each a variable's only
	// value, kept by a closure per iteration (the interpreter printed the
	// last iteration's three times); a struct's is left as it is.
	rewriteCase{
		decls: `type P struct{ X int }`,
		body: `var fs []func()
for i := 0; i < 3; i++ {
	h := []int{i}
	var m = map[string]int{"k": i}
	var a [1]int = [1]int{i}
	p := P{i}
	fs = append(fs, func() { fmt.Println(h, m, a, p) })
}
for _, f := range fs {
	f()
}`,
		lowered: `var fs []func()
for i := 0; i < 3; i++ {
	h := ([]int{i})
	var m = (map[string]int{"k": i})
	var a [1]int = ([1]int{i})
	p := (P{i})
	fs = append(fs, func() { fmt.Println(h, m, a, p) })
}
for _, f := range fs {
	f()
}`,
		out: "[0] map[k:0] [0] {0}\n[1] map[k:1] [1] {1}\n[2] map[k:2] [2] {2}\n",
	},
	// The address of a slice's or an array's literal, [...] among them,
	// kept from each iteration (the interpreter gave one pointer); a
	// struct's is left as it is.
	rewriteCase{
		decls: `type P struct{ X int }`,
		body: `var ps []*[]int
var as []*[2]int
var qs []*P
for i := 0; i < 3; i++ {
	ps = append(ps, &[]int{i})
	as = append(as, &[...]int{i, i})
	qs = append(qs, &P{i})
}
fmt.Println(*ps[0], *ps[2], *as[0], *as[2], *qs[0], *qs[2])`,
		lowered: `var ps []*[]int
var as []*[2]int
var qs []*P
for i := 0; i < 3; i++ {
	ps = append(ps, func() *[]int { return &[]int{i} }())
	as = append(as, func() *[2]int { return &[...]int{i, i} }())
	qs = append(qs, &P{i})
}
fmt.Println(*ps[0], *ps[2], *as[0], *as[2], *qs[0], *qs[2])`,
		out: "[0] [2] [0 0] [2 2] {0} {2}\n",
	},
	// A literal a go statement's arguments move into a variable of
	// their own (goPanic), read by goroutines after the loop.
	rewriteCase{
		body: `var wg sync.WaitGroup
bs := make([]strings.Builder, 3)
for i := 0; i < 3; i++ {
	wg.Add(1)
	go func() { defer wg.Done() }()
	go fmt.Fprint(&bs[i], []int{i})
}
wg.Wait()
for i := range bs {
	for bs[i].Len() == 0 {
		runtime.Gosched()
	}
	fmt.Println(bs[i].String())
}`,
		lowered: `defer _lowerMainEnd(); var wg sync.WaitGroup
bs := make([]strings.Builder, 3)
for i := 0; i < 3; i++ {
	wg.Add(1)
	_lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); defer wg.Done() }()
	{ _lowerG1 := &bs[i]; _lowerG2 := ([]int{i}); _lowerRT.GoStart(); go func() { defer func() { _lowerGoPanic(recover()) }(); fmt.Fprint(_lowerG1, _lowerG2) }() }
}
wg.Wait()
for i := range bs {
	for bs[i].Len() == 0 {
		runtime.Gosched()
	}
	fmt.Println(bs[i].String())
}`,
		out: "[0]\n[1]\n[2]\n",
	},
	// A literal assigned to a variable that a closure or a pointer
	// shares, in a loop or not (a blind pass's finds).
	rewriteCase{
		decls: `type T struct{ A, B int }

type Res struct{ Code int }

func f() (r Res) {
	defer func() { r = Res{Code: 9} }()
	return Res{Code: 1}
}`,
		body: `x := T{1, 1}
reset := func() { x = T{5, 5} }
reset()
t := T{1, 2}
p := &t
t = T{10, 20}
fmt.Println(x, p.A, t.A, f())`,
		lowered: `x := T{1, 1}
reset := func() { x = (T{5, 5}) }
reset()
t := T{1, 2}
p := &t
t = (T{10, 20})
fmt.Println(x, p.A, t.A, f())`,
		loweredDecls: `type T struct{ A, B int }

type Res struct{ Code int }

func f() (r Res) { r = *new(Res); 
	defer func() { r = (Res{Code: 9}) }()
	return Res{Code: 1}
}`,
		out: "{5 5} 10 10 {9}\n",
	},
)
