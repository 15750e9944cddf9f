package engine

import (
	"strconv"
	"strings"
	"testing"
)

// TestRangeOverLibraryFuncs: a range over an iterator of the library
// fails in the interpreter only once the loop runs ("panic: nil type"),
// so BeforeRun must name it, with go/types (the programs that check) and
// without (a program go/types cannot judge: the syntax and the symbol
// tables' reflect types).
func TestRangeOverLibraryFuncs(t *testing.T) {
	for _, tc := range []struct {
		name, imports, loop string
		col                 int
	}{
		{"bytes.Lines", `"bytes"`, `for l := range bytes.Lines([]byte("a\nb")) { fmt.Print(string(l)) }`, 17},
		{"strings.Lines", `"strings"`, `for l := range strings.Lines("a\nb") { fmt.Print(l) }`, 17},
		{"strings.SplitSeq", `"strings"`, `for f := range strings.SplitSeq("a,b", ",") { fmt.Print(f) }`, 17},
		{"bytes.SplitSeq", `"bytes"`, `for f := range bytes.SplitSeq([]byte("a,b"), []byte(",")) { fmt.Print(f) }`, 17},
		{"strings.FieldsSeq", `"strings"`, `for f := range strings.FieldsSeq("a b") { fmt.Print(f) }`, 17},
		{"strings.FieldsFuncSeq", `"strings"; "unicode"`, `for f := range strings.FieldsFuncSeq("a b", unicode.IsSpace) { fmt.Print(f) }`, 17},
		{"strings.SplitAfterSeq", `"strings"`, `for f := range strings.SplitAfterSeq("a,b", ",") { fmt.Print(f) }`, 17},
		{"a variable", `"strings"`, `seq := strings.Lines("a\nb"); for l := range seq { fmt.Print(l) }`, 47},
		{"parenthesized", `"strings"`, `for l := range (strings.Lines("a")) { fmt.Print(l) }`, 17},
		{"maps.Keys", `"maps"`, `for k := range maps.Keys(map[int]int{1: 2}) { fmt.Print(k) }`, 17},
		{"slices.Values", `"slices"`, `for v := range slices.Values([]int{1}) { fmt.Print(v) }`, 17},
		{"renamed import", `s "strings"`, `for l := range s.Lines("a") { fmt.Print(l) }`, 17},
	} {
		src := "package main\n\nimport (\"fmt\"; " + tc.imports + ")\n\nfunc main() {\n\t" + tc.loop + "\n}\n"
		want := "6:" + strconv.Itoa(tc.col) + ": " + rangeFuncMsg
		t.Run(tc.name, func(t *testing.T) {
			p, err := Prepare(src)
			if got := BeforeRun(p, err); !strings.Contains(got, want) || strings.Count(got, rangeFuncMsg) != 1 {
				t.Errorf("BeforeRun = %q, want it to say once %q", got, want)
			}
		})
		// Without go/types: the same loop, with a type error after it
		// that the interpreter would not report.
		t.Run(tc.name+" untyped", func(t *testing.T) {
			d := Detect(strings.Replace(src, "\n}\n", "\n\tvar _ int = \"x\"\n}\n", 1))
			var said []string
			for _, f := range d {
				if f.Construct == "range over func" {
					said = append(said, f.String())
				}
			}
			if len(said) != 1 || said[0] != want {
				t.Errorf("Detect said %q, want [%q]", said, want)
			}
		})
	}
	// What is no function is not named.
	for _, loop := range []string{
		`for i := range strings.Split("a,b", ",") { fmt.Print(i) }`,
		`for _, r := range strings.ToUpper("ab") { fmt.Print(r) }`,
	} {
		p, err := Prepare("package main\n\nimport (\"fmt\"; \"strings\")\n\nfunc main() {\n\t" + loop + "\n}\n")
		if got := BeforeRun(p, err); strings.Contains(got, rangeFuncMsg) {
			t.Errorf("%s: BeforeRun = %q, names a range over a function", loop, got)
		}
	}
}
