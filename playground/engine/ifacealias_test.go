package engine

import (
	"testing"
)

// With the program's types, each place where a value of one of its types
// with methods becomes an interface value is announced: the
// interpreter's interface value follows the storage it came from (a
// variable assigned later, a loop's next iteration). A composite literal,
// a value handed to the library, a range's variable the source pass
// copies, and a program that only declares interfaces are not; but a
// literal a loop makes again, and a range's copy, are when they go to an
// interface of the library with methods, and so is a value of an
// interface of the program's, or an empty one's, that goes to one.
func TestInterfaceAliasesAreAnnounced(t *testing.T) {
	const decls = "type Celsius int\n\nfunc (c Celsius) Deg() int { return int(c) }\n\ntype Sq struct{ s int }\n\nfunc (q *Sq) Deg() int { return q.s }\n\ntype Degreer interface{ Deg() int }\n\n"
	for _, c := range []struct {
		body      string
		announced bool
	}{
		// go run: 1 2; the interpreter: 2 2.
		{"c := Celsius(1)\n\tvar d Degreer = c\n\tc = 2\n\tfmt.Println(d.Deg(), c)", true},
		{"var held []any\n\tfor i := 0; i < 2; i++ {\n\t\theld = append(held, Celsius(i))\n\t}\n\tfmt.Println(len(held))", true},
		// go run: 1 9; the interpreter: 9 9.
		{"var ds []Degreer\n\tfor i := 1; i <= 3; i++ {\n\t\tds = append(ds, &Sq{i})\n\t}\n\tfmt.Println(ds[0].Deg(), ds[2].Deg())", true},
		{"f := func(x interface{ Deg() int }) int { return x.Deg() }\n\tfmt.Println(f(Celsius(1)))", true},
		{"ch := make(chan any, 1)\n\tc := Celsius(1)\n\tch <- c\n\tc = 2\n\tfmt.Println(len(ch))", true},
		{"m := map[string]Degreer{}\n\tc := Celsius(1)\n\tm[\"a\"] = c\n\tc++\n\tfmt.Println(len(m))", true},
		// A local variable nothing changes after its declaration, which
		// runs once (b22): the interface holds what Go's copy would.
		{"c := Celsius(1)\n\tvar d Degreer = c\n\tfmt.Println(d.Deg(), c)", false},
		// So is its conversion, made once (sort.Reverse(byAge(staff)), a
		// blind pass's), but not one a loop makes again, nor that of a
		// local changed later.
		{"c := Celsius(1)\n\tvar d Degreer = Celsius(c)\n\tfmt.Println(d.Deg(), c)", false},
		{"c := Celsius(1)\n\tvar ds []Degreer\n\tfor i := 0; i < 2; i++ {\n\t\tds = append(ds, Celsius(c))\n\t}\n\tfmt.Println(len(ds))", true},
		{"c := Celsius(1)\n\tvar d Degreer = Celsius(c)\n\tc = 2\n\tfmt.Println(d.Deg(), c)", true},
		// ... but one declared in a loop, one whose address is taken,
		// one changed through a field or by a method of *T, a result
		// that a return sets, are.
		{"var ds []Degreer\n\tfor i := 0; i < 2; i++ {\n\t\tc := Celsius(i)\n\t\tds = append(ds, c)\n\t}\n\tfmt.Println(len(ds))", true},
		{"c := Celsius(1)\n\tvar d Degreer = c\n\tp := &c\n\t*p = 2\n\tfmt.Println(d.Deg())", true},
		{"q := &Sq{1}\n\tvar d Degreer = q\n\tq = &Sq{2}\n\tfmt.Println(d.Deg())", true},
		{"f := func() (c Celsius) {\n\t\tvar d Degreer = c\n\t\tdefer func() { fmt.Println(d.Deg()) }()\n\t\treturn 7\n\t}\n\tf()", true},
		// Kept by the library in an interface with methods, which is not
		// a copy: go run ab, the interpreter xy.
		{"s := src(\"abc\")\n\tr := io.LimitReader(s, 2)\n\ts = \"xyz\"\n\tb, _ := io.ReadAll(r)\n\tfmt.Println(string(b), s)", true},
		// Fresh each time, a copy, no conversion; used only during the
		// library's call.
		{"s := src(\"abc\")\n\tb, _ := io.ReadAll(s)\n\tfmt.Println(string(b))", false},
		{"var ds []Degreer\n\tfor i := 1; i <= 3; i++ {\n\t\tds = append(ds, Sq{i}.ptr())\n\t}\n\tfmt.Println(len(ds))", true},
		{"var held []any\n\tfor i := 1; i <= 3; i++ {\n\t\theld = append(held, Sq{i})\n\t}\n\tfmt.Println(len(held))", false},
		{"var m sync.Map\n\tfor i := range 2 {\n\t\tm.Store(i, Celsius(i))\n\t}\n\tfmt.Println(Celsius(3))", false},
		{"var held []any\n\tfor _, c := range []Celsius{1, 2} {\n\t\theld = append(held, c)\n\t}\n\tfmt.Println(len(held))", false},
		{"var d Degreer\n\tfmt.Println(d == nil, Celsius(1).Deg())", false},
		// An interface of the library with methods: its wrapper is bound
		// to a range's copy and to a literal a loop makes again (every
		// element the last), but not to a literal made once per call.
		{"var rs []io.Reader\n\tfor _, s := range []src{\"a\", \"b\"} {\n\t\trs = append(rs, s)\n\t}\n\tfmt.Println(len(rs))", true},
		{"var rs []io.Reader\n\tfor i := range 2 {\n\t\trs = append(rs, rd{i})\n\t}\n\tfmt.Println(len(rs))", true},
		{"var rs []io.Reader\n\tfor i := range 2 {\n\t\tfunc() { rs = append(rs, rd{i}) }()\n\t}\n\tfmt.Println(len(rs))", false},
		{"var r io.Reader = rd{1}\n\tfmt.Println(r != nil)", false},
		// &T{...} made once per call, to an interface with methods: a
		// fresh pointer each call (go run and the interpreter: 1 2),
		// but not made again by a loop, nor put in an empty interface.
		{"mk := func(i int) Degreer { return &Sq{i} }\n\tds := []Degreer{mk(1), mk(2)}\n\tfmt.Println(ds[0].Deg(), ds[1].Deg())", false},
		{"var r io.Reader = &rd{1}\n\tfmt.Println(r != nil)", false},
		{"var ds []Degreer\n\tfor i := range 2 {\n\t\tds = append(ds, (&Sq{i}))\n\t}\n\tfmt.Println(len(ds))", true},
		{"var a any = &Sq{1}\n\tfmt.Println(a != nil)", true},
		// &v of a variable the same (go run and the interpreter: 2 2).
		{"s := Sq{1}\n\tvar d Degreer = &s\n\ts.s = 2\n\tfmt.Println(d.Deg(), s.s)", false},
		{"var ds []Degreer\n\tfor i := range 2 {\n\t\ts := Sq{i}\n\t\tds = append(ds, &s)\n\t}\n\tfmt.Println(ds[0].Deg())", true},
		// A range's expression and a for statement's init run once.
		{"var rs []io.Reader\n\tfor _, r := range []io.Reader{rd{1}, rd{2}} {\n\t\trs = append(rs, r)\n\t}\n\tfmt.Println(len(rs))", false},
		{"var rs []io.Reader\n\tfor r := io.Reader(rd{1}); len(rs) < 2; {\n\t\trs = append(rs, r)\n\t}\n\tfmt.Println(len(rs))", false},
		// So is one to a value of an interface of the program, or of an
		// empty one, that goes to it: converted, asserted, or bound by a
		// type switch's case.
		{"var rs []io.Reader\n\tfor i := range 2 {\n\t\tvar x rdr = rd{i}\n\t\trs = append(rs, x)\n\t}\n\tfmt.Println(len(rs))", true},
		{"var rs []io.Reader\n\tfor _, x := range []any{rd{1}, rd{2}} {\n\t\trs = append(rs, x.(io.Reader))\n\t}\n\tfmt.Println(len(rs))", true},
		{"var rs []io.Reader\n\tfor _, x := range []any{rd{1}, rd{2}} {\n\t\tswitch v := x.(type) {\n\t\tcase io.Reader:\n\t\t\trs = append(rs, v)\n\t\t}\n\t}\n\tfmt.Println(len(rs))", true},
		{"var x rdr = rd{1}\n\tvar r io.Reader = x\n\tfmt.Println(r != nil)", false},
	} {
		src := "package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"sync\"\n)\n\nvar _ sync.Mutex\n\n" + decls + "func (q Sq) ptr() *Sq { return &q }\n\ntype src string\n\nfunc (s src) Read(p []byte) (int, error) { return copy(p, s), io.EOF }\n\ntype rd struct{ n int }\n\nfunc (r rd) Read(p []byte) (int, error) { return 0, io.EOF }\n\ntype rdr interface{ io.Reader }\n\nfunc main() {\n\t" + c.body + "\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range p.Findings() {
			got = got || f.Construct == "interface holds a copy"
		}
		if got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, p.HandOver(), src)
		}
	}
}

// A program go/types does not judge (what the model lacks) that declares
// a method is handed over: which values become interface values is not
// known.
func TestInterfaceAliasesWithoutTypes(t *testing.T) {
	for _, c := range []struct {
		src       string
		announced bool
	}{
		{"package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\ntype C int\n\nfunc (c C) Deg() int { return int(c) }\n\nfunc main() {\n\tf := sync.OnceValue(func() C { return 1 })\n\tvar d interface{ Deg() int } = f()\n\tfmt.Println(d.Deg())\n}\n", true},
		{"package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tf := sync.OnceValue(func() int { return 1 })\n\tfmt.Println(f())\n}\n", false},
	} {
		p, err := Prepare(c.src)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range p.Findings() {
			got = got || f.Construct == "interface holds a copy"
		}
		if got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, p.HandOver(), c.src)
		}
	}
}
