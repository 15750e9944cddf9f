package engine

var _ = addCases("typeVerbs",
	// %T of the program's types, through a pointer, a slice, a map, a
	// generic type's instance, with flags and widths, beside other verbs
	// and %%; a %#v of a library's type.
	rewriteCase{
		decls: `type point struct{ X, Y int }

type Stack[T any] struct{ items []T }

type celsius float64`,
		body: `p := point{1, 2}
fmt.Printf("%T %T %T|%-14T|%v\n", p, &p, []point{p}, map[string]*point{}, p)
fmt.Printf("%d%% %T %#v\n", 5, Stack[point]{}, []int{1})
s := fmt.Sprintf("[%12T]", celsius(1))
fmt.Println(s, fmt.Errorf("%T: %w", &Stack[int]{}, errors.ErrUnsupported))`,
		lowered: `p := point{1, 2}
fmt.Printf(_lowerTypeVerbs("%T %T %T|%-14T|%v\n", "ssss-"), _lowerTypeName(p, "main.point"), _lowerTypeName(&p, "*main.point"), _lowerTypeName([]point{p}, "[]main.point"), _lowerTypeName(map[string]*point{}, "map[string]*main.point"), p)
fmt.Printf(_lowerTypeVerbs("%d%% %T %#v\n", "-s-"), 5, _lowerTypeName(Stack[point]{}, "main.Stack[main.point]"), []int{1})
s := fmt.Sprintf(_lowerTypeVerbs("[%12T]", "s"), _lowerTypeName(celsius(1), "main.celsius"))
fmt.Println(s, fmt.Errorf(_lowerTypeVerbs("%T: %w", "s-"), _lowerTypeName(&Stack[int]{}, "*main.Stack[int]"), errors.ErrUnsupported))`,
		out: `main.point *main.point []main.point|map[string]*main.point|{1 2}
5% main.Stack[main.point] []int{1}
[main.celsius] *main.Stack[int]: unsupported operation
`,
	},
	// min and max of a type without methods: only %T showed that the
	// interpreter's result has the underlying type. An argument is
	// evaluated once, as it was.
	rewriteCase{
		decls: `type celsius float64

var n int

func next() celsius { n++; return celsius(n) }`,
		body: `t := celsius(21.5)
fmt.Printf("%v %T %T\n", max(t, 30), min(t, 3), next())
fmt.Println(n)`,
		lowered: `t := celsius(21.5)
fmt.Printf(_lowerTypeVerbs("%v %T %T\n", "-ss"), _lowerMax(celsius(_lowerRT.Float64(float64(t))), 30), _lowerTypeName(_lowerMin(celsius(_lowerRT.Float64(float64(t))), 3), "main.celsius"), _lowerTypeName(next(), "main.celsius"))
fmt.Println(n)`,
		out: `30 main.celsius main.celsius
1
`,
	},
	// %#v and %+v of the program's types (Show): names of types and of
	// unexported fields, nil slices, maps and pointers inside, a map's
	// keys sorted, a pointer handed to fmt (&), a generic type's
	// instance, a struct type written out, a named number (no name).
	rewriteCase{
		decls: `type inner struct {
	A int
	b string
}

type Grid struct {
	Name  string
	cells []inner
	Meta  map[inner]bool
	Next  *Grid
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type celsius float64`,
		body: `g := Grid{Name: "g", cells: []inner{{1, "x"}}, Meta: map[inner]bool{{2, "b"}: true, {1, "z"}: false}}
fmt.Printf("%v|%+v\n", g, &g)
fmt.Printf("%#v\n", g)
var none *Grid
fmt.Printf("%#v %+v %#v %#v\n", none, none, Grid{}, []celsius{1.5})
fmt.Printf("%#v %#v\n", Pair[string, celsius]{"t", 2}, struct{ A, b int }{1, 2})`,
		lowered: `g := Grid{Name: "g", cells: []inner{{1, "x"}}, Meta: map[inner]bool{{2, "b"}: true, {1, "z"}: false}}
fmt.Printf("%v|%+v\n", _lowerRT.Show(g, "smain.Grid|4|Name|cells|Meta|Next|ba[]main.inner|smain.inner|2|A|b|bbkmap[main.inner]bool|smain.inner|2|A|b|bbbp*main.Grid|"), _lowerRT.Show(&g, "P*main.Grid|smain.Grid|4|Name|cells|Meta|Next|ba[]main.inner|smain.inner|2|A|b|bbkmap[main.inner]bool|smain.inner|2|A|b|bbbp*main.Grid|"))
fmt.Printf(_lowerTypeVerbs("%#v\n", "-"), _lowerRT.Show(g, "smain.Grid|4|Name|cells|Meta|Next|ba[]main.inner|smain.inner|2|A|b|bbkmap[main.inner]bool|smain.inner|2|A|b|bbbp*main.Grid|"))
var none *Grid
fmt.Printf(_lowerTypeVerbs("%#v %+v %#v %#v\n", "----"), _lowerRT.Show(none, "P*main.Grid|smain.Grid|4|Name|cells|Meta|Next|ba[]main.inner|smain.inner|2|A|b|bbkmap[main.inner]bool|smain.inner|2|A|b|bbbp*main.Grid|"), _lowerRT.Show(none, "P*main.Grid|smain.Grid|4|Name|cells|Meta|Next|ba[]main.inner|smain.inner|2|A|b|bbkmap[main.inner]bool|smain.inner|2|A|b|bbbp*main.Grid|"), _lowerRT.Show(Grid{}, "smain.Grid|4|Name|cells|Meta|Next|ba[]main.inner|smain.inner|2|A|b|bbkmap[main.inner]bool|smain.inner|2|A|b|bbbp*main.Grid|"), _lowerRT.Show([]celsius{1.5}, "a[]main.celsius|b"))
fmt.Printf(_lowerTypeVerbs("%#v %#v\n", "--"), _lowerRT.Show(Pair[string, celsius]{"t", 2}, "smain.Pair[string,main.celsius]|2|Key|Val|bb"), _lowerRT.Show(struct{ A, b int }{1, 2}, "sstruct { A int; b int }|2|A|b|bb"))`,
		out: `{g [{1 x}] map[{1 z}:false {2 b}:true] <nil>}|&{Name:g cells:[{A:1 b:x}] Meta:map[{A:1 b:z}:false {A:2 b:b}:true] Next:<nil>}
main.Grid{Name:"g", cells:[]main.inner{main.inner{A:1, b:"x"}}, Meta:map[main.inner]bool{main.inner{A:1, b:"z"}:false, main.inner{A:2, b:"b"}:true}, Next:(*main.Grid)(nil)}
(*main.Grid)(nil) <nil> main.Grid{Name:"", cells:[]main.inner(nil), Meta:map[main.inner]bool(nil), Next:(*main.Grid)(nil)} []main.celsius{1.5}
main.Pair[string,main.celsius]{Key:"t", Val:2} struct { A int; b int }{A:1, b:2}
`,
	},
	// fmt calls String or Error of what a value holds (Show): elements,
	// map keys, exported fields, nil pointers (whose method fmt
	// recovers from as <nil>), not an unexported field's nor a pointer
	// method's of a value; %s and %x of a slice of such values.
	rewriteCase{
		decls: `type Day int

func (d Day) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type Code int

func (c Code) Error() string  { return fmt.Sprint("E", int(c)) }
func (c Code) String() string { return "unused" }

type secret struct{ v string }

func (s *secret) String() string { return "***" + s.v }

type Plan struct {
	Start Day
	end   Day
	Codes map[Day]Code
	S     secret
	P     *secret
}`,
		body: `fmt.Println([]Day{0, 2}, map[Day]int{2: 1, 0: 5}, []*secret{{"a"}, nil})
p := Plan{1, 2, map[Day]Code{1: 404}, secret{"b"}, &secret{"c"}}
fmt.Printf("%v %+v\n", p, []Plan{{}})
fmt.Printf("%s|%x|%-5v|\n", []Day{1}, [1]Day{2}, []Day{1})`,
		lowered: `fmt.Println(_lowerRT.Show([]Day{0, 2}, "a[]main.Day|M0|", func(v Day) string { return v.String() }), _lowerRT.Show(map[Day]int{2: 1, 0: 5}, "kmap[main.Day]int|M0|b", func(v Day) string { return v.String() }), _lowerRT.Show([]*secret{{"a"}, nil}, "a[]*main.secret|M0|", func(v *secret) string { return v.String() }))
p := Plan{1, 2, map[Day]Code{1: 404}, secret{"b"}, &secret{"c"}}
fmt.Printf("%v %+v\n", _lowerRT.Show(p, "smain.Plan|5|Start|end|Codes|S|P|M0|bkmap[main.Day]main.Code|M0|M1|smain.secret|1|v|bM2|", func(v Day) string { return v.String() }, func(v Code) string { return v.Error() }, func(v *secret) string { return v.String() }), _lowerRT.Show([]Plan{{}}, "a[]main.Plan|smain.Plan|5|Start|end|Codes|S|P|M0|bkmap[main.Day]main.Code|M0|M1|smain.secret|1|v|bM2|", func(v Day) string { return v.String() }, func(v Code) string { return v.Error() }, func(v *secret) string { return v.String() }))
fmt.Printf("%s|%x|%-5v|\n", _lowerRT.Show([]Day{1}, "a[]main.Day|M0|", func(v Day) string { return v.String() }), _lowerRT.Show([1]Day{2}, "a[1]main.Day|M0|", func(v Day) string { return v.String() }), _lowerRT.Show([]Day{1}, "a[]main.Day|M0|", func(v Day) string { return v.String() }))`,
		out: `[Sun Tue] map[Sun:5 Tue:1] [***a <nil>]
{Mon 2 map[Mon:E404] {b} ***c} [{Start:Sun end:0 Codes:map[] S:{v:} P:<nil>}]
[Mon]|[547565]|[Mon  ]|
`,
	},
	// The library's values inside are printed by fmt, with their
	// methods (a Duration's String) but in an unexported field; a %v in
	// a format with a %+v goes through Show too (the run's check looks
	// at the whole format).
	rewriteCase{
		decls: `type Day int

func (d Day) String() string { return [...]string{"Sun", "Mon"}[d] }

type base struct{ id int }

type job struct {
	Name  string
	after time.Duration
	Every time.Duration
	day   Day
	base
}`,
		body: `j := job{"a", time.Second, time.Minute, 1, base{2}}
fmt.Printf("%v %+v\n", []job{j}, j)`,
		lowered: `j := job{"a", time.Second, time.Minute, 1, base{2}}
fmt.Printf("%v %+v\n", _lowerRT.Show([]job{j}, "a[]main.job|smain.job|5|Name|after|Every|day|base|bddbsmain.base|1|id|b"), _lowerRT.Show(j, "smain.job|5|Name|after|Every|day|base|bddbsmain.base|1|id|b"))`,
		out: `[{a 1000000000 1m0s 1 {2}}] {Name:a after:1000000000 Every:1m0s day:1 base:{id:2}}
`,
	},
	// %#v of the library's values inside: fmt names their types
	// ((*strings.Builder)(nil)), as the interpreter has them.
	rewriteCase{
		decls:   `type Box[T any] struct{ V T }`,
		body:    `fmt.Printf("%#v %#v\n", Box[*strings.Builder]{}, Box[time.Duration]{time.Second})`,
		lowered: `fmt.Printf(_lowerTypeVerbs("%#v %#v\n", "--"), _lowerRT.Show(Box[*strings.Builder]{}, "smain.Box[*strings.Builder]|1|V|d"), _lowerRT.Show(Box[time.Duration]{time.Second}, "smain.Box[time.Duration]|1|V|d"))`,
		out: `main.Box[*strings.Builder]{V:(*strings.Builder)(nil)} main.Box[time.Duration]{V:1000000000}
`,
	},
)
