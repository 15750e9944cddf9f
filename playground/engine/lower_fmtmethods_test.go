package engine

var _ = addCases("fmtMethods",
	// String and Error for the verbs that call them, Error first; %d
	// calls neither, and a String of *T is not T's.
	rewriteCase{
		decls: `type Temp int

func (t Temp) String() string { return strconv.Itoa(int(t)) + "°C" }

type Code int

func (c Code) String() string { return "str" }
func (c Code) Error() string  { return "code " + strconv.Itoa(int(c)) }

type Secret struct{ val string }

func (s *Secret) String() string { return "****" }`,
		body: `t := Temp(21)
fmt.Println(t, Code(4))
fmt.Printf("%-6v|%d|%q|%x\n", t, t, t, Code(5))
s := Secret{"pw"}
fmt.Println(s, &s)
fmt.Println(fmt.Errorf("wrap: %w", Code(6)))`,
		lowered: `t := Temp(21)
fmt.Println(_lowerRT.Stringer(t), _lowerRT.Errorer(Code(4)))
fmt.Printf("%-6v|%d|%q|%x\n", _lowerRT.Stringer(t), t, _lowerRT.Stringer(t), _lowerRT.Errorer(Code(5)))
s := Secret{"pw"}
fmt.Println(s, _lowerRT.Stringer(&s))
fmt.Println(fmt.Errorf("wrap: %w", _lowerRT.Errorer(Code(6))))`,
		out: "21°C code 4\n21°C  |21|\"21°C\"|636f64652035\n{pw} ****\nwrap: code 6\n",
	},
	// Promoted methods, Format for every verb, GoString under %#v, a
	// conversion to an interface, and a function's result.
	rewriteCase{
		decls: `type Base struct{ ID int }

func (b Base) String() string { return "Base#" + strconv.Itoa(b.ID) }

type User struct {
	Base
	Name string
}

type Money struct{ Cents int }

func (m Money) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "$%d<%c>", m.Cents, verb) }

type Color struct{ R uint8 }

func (c Color) GoString() string { return "Color!" }

func mk(i int) Base { return Base{i} }`,
		body: `fmt.Println(User{Base{7}, "ann"}, mk(2))
fmt.Printf("%v %d %s\n", Money{5}, Money{6}, fmt.Stringer(Base{8}))
fmt.Printf("%#v %v\n", Color{1}, Color{2})`,
		lowered: `fmt.Println(_lowerRT.Stringer(User{Base{7}, "ann"}), _lowerRT.Stringer([]Base{mk(2)}[0]))
fmt.Printf("%v %d %s\n", _lowerRT.Formatter(Money{5}), _lowerRT.Formatter(Money{6}), _lowerRT.Stringer(Base{8}))
fmt.Printf("%#v %v\n", _lowerRT.GoStringer(Color{1}), Color{2})`,
		out: "Base#7 Base#2\n$5<v> $6<d> Base#8\nColor! {2}\n",
	},
	// The functions with a writer or a slice before what they print.
	rewriteCase{
		decls: `type Temp int

func (t Temp) String() string { return strconv.Itoa(int(t)) + "°C" }`,
		body: `b := fmt.Appendf(fmt.Append(nil, Temp(1), " "), "%v|", Temp(2))
var sb strings.Builder
fmt.Fprintln(&sb, Temp(3))
fmt.Print(string(b), sb.String())`,
		lowered: `b := fmt.Appendf(fmt.Append(nil, _lowerRT.Stringer(Temp(1)), " "), "%v|", _lowerRT.Stringer(Temp(2)))
var sb strings.Builder
fmt.Fprintln(&sb, _lowerRT.Stringer(Temp(3)))
fmt.Print(string(b), sb.String())`,
		out: "1°C 2°C|3°C\n",
	},
)
