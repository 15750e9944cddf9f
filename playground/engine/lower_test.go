package engine

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The lowering pass never moves a line: the lowered program has the
// reader's lines, in order, before the helpers appended after them.
func TestLoweringKeepsLines(t *testing.T) {
	lowered := 0
	for _, p := range loadCorpus(t) {
		prep, err := Prepare(p.Source)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		code := prep.Code
		for _, h := range []string{"\ntype _lowerOrdered", "\nfunc _lower"} {
			if i := strings.Index(code, h); i >= 0 {
				code = code[:i]
			}
		}
		code = strings.TrimRight(code, "\n")
		if got, want := strings.Count(code, "\n"), strings.Count(strings.TrimRight(p.Source, "\n"), "\n"); got != want {
			t.Errorf("%s: %d lines lowered, %d in the source:\n%s", p.Name, got, want, prep.Code)
		}
		if prep.Code != p.Source {
			lowered++
		}
	}
	if lowered == 0 {
		t.Error("no corpus program was lowered: the pass is not running")
	}
}

// The sorting helpers go through package sort (the interpreter has no
// slices.SortFunc). That gives the permutation Go's slices would only
// because both packages' pdqsort come from one template: this holds the
// premise on the toolchain that runs the tests, ties and lengths past the
// insertion-sort cut-off included.
func TestSortPackageOrdersTiesAsSlices(t *testing.T) {
	type item struct{ key, id int }
	byKey := func(a, b item) int { return a.key - b.key }
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		x := make([]item, n)
		for i := range x {
			x[i] = item{rng.IntN(4), i}
		}
		viaSlices, viaSort := slices.Clone(x), slices.Clone(x)
		slices.SortFunc(viaSlices, byKey)
		sort.Slice(viaSort, func(i, j int) bool { return byKey(viaSort[i], viaSort[j]) < 0 })
		if !slices.Equal(viaSlices, viaSort) {
			t.Fatalf("n=%d: slices.SortFunc and sort.Slice order ties differently:\n%v\n%v", n, viaSlices, viaSort)
		}
	}
}

// What the source pass does with function literals in loops (deferred
// ones, and those handed to another package) and with case error runs in
// the interpreter: testdata's programs of them (TestPrograms runs each
// under both engines) are not handed over. What it leaves as it is stays
// announced.
func TestLoweredProgramsRunInTheInterpreter(t *testing.T) {
	for _, name := range []string{"defer_closure_loop.go", "library_closure_loop.go", "io_package.go", "type_switch_error.go", "embedded_print.go", "printed_fields.go", "generic_inference.go", "type_verbs.go"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		p, err := Prepare(string(b))
		if err != nil {
			t.Fatal(err)
		}
		if why := p.HandOver(); why != "" {
			t.Errorf("%s is handed over:\n%s", name, why)
		}
	}
	left := []struct{ name, body, construct string }{
		{"a variable of the loop changed after the defer",
			"for i := 0; i < 3; i++ {\n\t\tx := i\n\t\tdefer func() { fmt.Println(x) }()\n\t\tx++\n\t}",
			"deferred closure in a loop"},
		{"a field of a variable of the loop set after the defer",
			"for i := range 3 {\n\t\tp := struct{ n int }{i}\n\t\tdefer func() { fmt.Println(p.n) }()\n\t\tp.n = 9\n\t}",
			"deferred closure in a loop"},
		{"recover in the deferred literal",
			"for i := range 3 {\n\t\tdefer func() { fmt.Println(i, recover()) }()\n\t}",
			"deferred closure in a loop"},
		{"a deferred literal whose type spans lines",
			"for i := range 3 {\n\t\tdefer func(\n\t\t\tn int) { fmt.Println(i, n) }(i)\n\t}",
			"deferred closure in a loop"},
		{"a function that defers, handing a literal to the library",
			"var wg sync.WaitGroup\n\tdefer wg.Wait()\n\tfor i := range 3 {\n\t\twg.Go(func() { fmt.Println(i) })\n\t}",
			"closure to the library"},
		{"case error, with an error type of the program's",
			"var v any = myErr{}\n\tswitch v.(type) {\n\tcase error:\n\t\tfmt.Println(\"error\")\n\t}",
			"case of a library interface"},
	}
	for _, c := range left {
		src := "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar _ sync.Mutex\n\ntype myErr struct{}\n\nfunc (myErr) Error() string { return \"mine\" }\n\nfunc main() {\n\t" + c.body + "\n}\n"
		found := false
		for _, f := range Detect(src) {
			found = found || f.Construct == c.construct
		}
		if !found {
			t.Errorf("%s: Detect does not report %q in\n%s", c.name, c.construct, src)
		}
	}
}

// The type arguments the source pass writes are Go's; where the syntax
// does not show them, the call stays as it is.
func TestGenericCallsGetTypeArguments(t *testing.T) {
	const decls = "package main\n\nimport (\n\t\"strconv\"\n\t\"strings\"\n)\n\nfunc Map[T, U any](xs []T, f func(T) U) []U { return nil }\n\nfunc Max[T int | float64 | rune](a, b T) T { return a }\n\nfunc Drain[T any](in <-chan T) []T { return nil }\n\ntype Box[T any] struct{ v T }\n\nfunc Get[T any](b Box[T]) T { return b.v }\n\ntype IDs []int\n\nvar _, _ = strconv.Itoa, strings.ToUpper\n\nfunc main() {\n\t"
	for _, c := range []struct{ body, want string }{
		{"_ = Map([]int{1}, func(i int) string { return \"\" })", "Map[int, string]([]int{1}"},
		{"_ = Map([]int{1}, strconv.Itoa)", "Map[int, string]([]int{1}, strconv.Itoa)"},
		{"w := strings.Fields(\"a b\"); _ = Map(w, strings.ToUpper)", "Map[string, string](w, strings.ToUpper)"},
		{"n := Map([]string{}, func(s string) int { return 0 }); _ = Map(n, strconv.Itoa)", "Map[int, string](n, strconv.Itoa)"},
		{"_ = Map[int]([]int{}, func(i int) float64 { return 0 })", "Map[int, float64]([]int{}"},
		{"_ = Max(1, 2.5)", "Max[float64](1, 2.5)"},
		{"_ = Max('a', 1)", "Max[rune]('a', 1)"},
		{"x := 3; _ = Max(x, 2)", "Max[int](x, 2)"},
		{"ch := make(chan string); _ = Drain(ch)", "Drain[string](ch)"},
		// What the syntax does not show, go/types infers
		// (inferredTypeArgs): through a named slice type, a generic
		// type's instance, a call's result.
		{"_ = Map(IDs{1}, strconv.Itoa)", "Map[int, string](IDs{1}, strconv.Itoa)"},
		{"_ = Get(Box[int]{})", "Get[int](Box[int]{})"},
		{"var y any = 1; _ = Map([]any{y}, func(a any) any { return a })", "Map[any, any]([]any{y}"},
		{"_ = Max(len(\"ab\"), 1)", "Max[int](len(\"ab\"), 1)"},
		{"f := func() int { return 1 }; _ = Max(f(), 1)", "Max[int](f(), 1)"},
	} {
		p, err := Prepare(decls + c.body + "\n}\n")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Code, c.want) {
			t.Errorf("%s\nlowered to\n%s\nwant it to contain\n%s", c.body, p.Code[strings.Index(p.Code, "func main"):], c.want)
		}
	}
}
