package engine

var _ = addCases("switchTags",
	// The tag is read once, before a case's call changes its variable:
	// a package's variable, a local one a closure changes, a field. A
	// switch whose cases call nothing, and one whose tag is a call, stay.
	rewriteCase{
		decls: `var v = 1

func bump() int { v = 2; return 0 }

type state struct{ mode string }

func (s *state) next() string { s.mode = "b"; return "x" }

func id(n int) int { return n }`,
		body: `switch v {
case bump():
	fmt.Println("zero")
case 2:
	fmt.Println("two")
default:
	fmt.Println("default")
}
x := 1
switch x {
case func() int { x = 3; return 2 }():
	fmt.Println("two")
case 3:
	fmt.Println("three")
}
s := &state{"a"}
switch s.mode {
case s.next():
	fmt.Println("x")
case "b":
	fmt.Println("b")
case "a":
	fmt.Println("a")
}
switch x {
case 3:
	fmt.Println("x =", x)
}
switch id(x) {
case id(3):
	fmt.Println("id", x)
}`,
		lowered: `switch _lowerT1 := v; _lowerT1 {
case bump():
	fmt.Println("zero")
case 2:
	fmt.Println("two")
default:
	fmt.Println("default")
}
x := 1
switch _lowerT2 := x; _lowerT2 {
case func() int { x = 3; return 2 }():
	fmt.Println("two")
case 3:
	fmt.Println("three")
}
s := &state{"a"}
switch _lowerT3 := s.mode; _lowerT3 {
case s.next():
	fmt.Println("x")
case "b":
	fmt.Println("b")
case "a":
	fmt.Println("a")
}
switch x {
case 3:
	fmt.Println("x =", x)
}
switch id(x) {
case id(3):
	fmt.Println("id", x)
}`,
		out: "default\na\nx = 3\nid 3\n",
	},
)

// A tag that converts a variable: the operand goes in a variable, in a
// block around the switch (any(v) read again gave case int8(2), after
// bump set v, where Go takes the default).
var _ = addCases("switchTags",
	rewriteCase{
		decls: `var v int8 = 1

func bump() int {
	v = 2
	return 5
}`,
		body: `switch any(v) {
case bump():
	fmt.Println("five")
case 2:
	fmt.Println("two, an int")
case int8(2):
	fmt.Println("two, an int8")
default:
	fmt.Println("default", v)
}`,
		lowered: `{ _lowerT1 := v; switch any(_lowerT1) {
case bump():
	fmt.Println("five")
case 2:
	fmt.Println("two, an int")
case int8(2):
	fmt.Println("two, an int8")
default:
	fmt.Println("default", v)
} }`,
		out: "default 2\n",
	},
)
