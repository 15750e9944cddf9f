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
fmt.Printf(_lowerTypeVerbs("%v %T %T\n", "-ss"), _lowerMax(t, 30), _lowerTypeName(_lowerMin(t, 3), "main.celsius"), _lowerTypeName(next(), "main.celsius"))
fmt.Println(n)`,
		out: `30 main.celsius main.celsius
1
`,
	},
)
