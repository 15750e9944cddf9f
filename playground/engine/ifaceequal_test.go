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

// TestBasicTypeParametersAreNotInterfaces: within generic code, values of
// a type parameter whose constraint admits only basic types (cmp.Ordered,
// ~int | ~float64) are compared as their type argument, never as interface
// values, so a program's plain types (Celsius) do not make the comparison
// an announced one (a generic tree's t.Val != v ran right and was handed
// to Go). A type parameter that admits interface types (comparable, any)
// still is, and so is a basic one compared with an interface: yaegi printed 0
// and true for Index([]any{Celsius(1)}, any(Meters(1))) and
// any(x) == Meters(1) with x a Celsius, where go run prints -1 and false.
func TestBasicTypeParametersAreNotInterfaces(t *testing.T) {
	const head = "package main\n\nimport (\n\t\"cmp\"\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar _ = fmt.Println\n\nvar _ sync.Map\n\ntype Celsius float64\n\ntype Meters float64\n\ntype Number interface{ ~int | ~float64 }\n\ntype Key interface{ Number; cmp.Ordered }\n\ntype ID int\n\nfunc (i ID) String() string { return \"id\" }\n\ntype Named interface{ ~int; String() string }\n\ntype Word interface{ Number | ~string }\n\n"
	for _, c := range []struct {
		decl      string
		announced bool
	}{
		{"func eq[T cmp.Ordered](a, b T) bool { return a != b }", false},
		{"func eq[T Number](a, b T) bool { return a == b }", false},
		{"func eq[T ~string | ~int](a, b T) bool { return a == b }", false},
		{"func eq[T Key](a, b T) bool { return a == b }", false},
		{"func count[K cmp.Ordered](xs []K) map[K]int {\n\tm := map[K]int{}\n\tfor _, x := range xs {\n\t\tm[x]++\n\t}\n\treturn m\n}", false},
		{"func pick[T Number](x T) string {\n\tswitch x {\n\tcase 1:\n\t\treturn \"one\"\n\t}\n\treturn \"other\"\n}", false},
		{"func eq[T comparable](a, b T) bool { return a == b }", true},
		{"func eq[T any](a, b T) bool { return any(a) == any(b) }", true},
		{"func eq[T cmp.Ordered](a T, b any) bool { return any(a) == b }", true},
		{"func eq[T cmp.Ordered](a T, b any) bool { return a == b }", true},
		// same(ID(3), fmt.Stringer(ID(3))): go run true, the interpreter false.
		{"func same[T Named](a T, b fmt.Stringer) bool { return a == b }", true},
		{"func same[T Named](a, b T) bool { return a == b }", false},
		{"func eq[T Word](a, b T) bool { return a == b }", false},
		// Put in an any by the library: m.Store(Celsius(1), "a") and
		// m.Store(Meters(1), "b") made one entry in the interpreter, two
		// in Go (a review's).
		{"func put[T cmp.Ordered](m *sync.Map, k T) { m.Store(k, 1) }", true},
	} {
		src := head + c.decl + "\n\nfunc main() {}\n"
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
