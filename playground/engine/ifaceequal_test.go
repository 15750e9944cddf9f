package engine

import "testing"

// TestInterfaceComparisonsAreAnnounced: comparisons of interface values
// that may hold one of the program's types with methods are announced
// (yaegi v0.16.1 printed false where go run prints true for the first),
// and comparisons that cannot are not.
func TestInterfaceComparisonsAreAnnounced(t *testing.T) {
	const decls = "type P struct{ X int }\n\nfunc (p P) N() int { return p.X }\n\ntype I interface{ N() int }\n\ntype J interface{ M() }\n\n"
	for _, c := range []struct {
		body      string
		announced bool
	}{
		// go run: true false; the interpreter: false true.
		{"var a I = P{1}\n\tvar b I = P{1}\n\tfmt.Println(a == b, a != b)", true},
		// go run: same; the interpreter: differ.
		{"var a I = P{1}\n\tswitch a {\n\tcase I(P{1}):\n\t\tfmt.Println(\"same\")\n\tdefault:\n\t\tfmt.Println(\"differ\")\n\t}", true},
		{"var a I = P{1}\n\tfmt.Println(a == P{1})", true},
		{"var a, b any = P{1}, P{1}\n\tfmt.Println(a == b)", true},
		// Nothing of the program's is compared.
		{"var a I\n\tfmt.Println(a == nil)", false},
		{"var a, b J\n\tfmt.Println(a == b)", false},
		{"fmt.Println(P{1} == P{1})", false},
		{"var e error = errors.New(\"x\")\n\tfmt.Println(e == nil, e.Error() == \"x\")", false},
	} {
		src := "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\nvar _ = errors.New\n\n" + decls + "func main() {\n\t" + c.body + "\n}\n"
		if got, handOver := comparisonAnnounced(t, src); got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, handOver, src)
		}
	}
}

// TestLibraryComparesValues: a slices or maps function given a []any in a
// program with a type without methods is announced when its type
// parameters let it compare (Contains: the interpreter's any(C(1)) ==
// any(D(1))), not when none can (SortFunc, IndexFunc).
func TestLibraryComparesValues(t *testing.T) {
	const head = "package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\ntype C float64\n\ntype D float64\n\nfunc main() {\n\txs := []any{C(1), D(2)}\n\t"
	for _, c := range []struct {
		body      string
		announced bool
	}{
		{"fmt.Println(slices.Contains(xs, any(D(1))))", true},
		{"fmt.Println(slices.Index(xs, any(1.0)))", true},
		{"slices.SortFunc(xs, func(a, b any) int { return 0 })\n\tfmt.Println(len(xs))", false},
		{"fmt.Println(slices.IndexFunc(xs, func(a any) bool { return a != nil }))", false},
	} {
		src := head + c.body + "\n}\n"
		if got, handOver := comparisonAnnounced(t, src); got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, handOver, src)
		}
	}
}

// comparisonAnnounced reports whether Prepare announces an interface
// comparison in src, and the hand-over it gives.
func comparisonAnnounced(t *testing.T, src string) (bool, string) {
	t.Helper()
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range p.Findings() {
		if f.Construct == "interface comparison" {
			return true, p.HandOver()
		}
	}
	return false, p.HandOver()
}
