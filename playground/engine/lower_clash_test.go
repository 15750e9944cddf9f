package engine

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every program of the tests lowers without a clash, to a program that
// parses: two rewrites whose edits overlap, or wrappers that do not
// nest, are bugs of the source pass (see lower), which this test names,
// rewrite against rewrite, for their authors to resolve. The
// programs: testdata's, the corpus, the compile errors, TestGenerate's
// seed set and two generated programs where rangeInt's header clashed
// with libCalls' slices.Sorted (for i := range len(slices.Sorted(...))),
// and the rewrites' cases (lower_<name>_test.go). (Making a program
// costs the generator about 20 ms on a busy machine, so not thousands
// here.)
func TestRewritesDoNotClash(t *testing.T) {
	var names, srcs []string
	for _, pat := range []string{"testdata/*.go", "testdata/corpus/*.go", "testdata/compileerrs/*.go"} {
		files, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, f)
			srcs = append(srcs, string(b))
		}
	}
	if len(names) < 100 {
		t.Fatalf("%d programs in testdata: the globs are wrong", len(names))
	}
	g, err := newGenerator()
	if err != nil {
		t.Fatal(err)
	}
	seeds := []int64{643, 750}
	for seed := int64(1); seed <= seedSet; seed++ {
		seeds = append(seeds, seed)
	}
	for _, seed := range seeds {
		names = append(names, fmt.Sprintf("generated seed %d", seed))
		srcs = append(srcs, g.make(seed).src)
	}
	for name, cases := range rewriteCases {
		for i, c := range cases {
			src, _, _ := c.program()
			names = append(names, fmt.Sprintf("%s's case %d", name, i))
			srcs = append(srcs, src)
		}
	}
	for i, src := range srcs {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
		if err != nil {
			continue // a syntax error is reported before lowering
		}
		code, _, found := lower(fset, file, src, checkedInfo(fset, file))
		if _, err := parser.ParseFile(token.NewFileSet(), "lowered.go", code, 0); err != nil {
			t.Errorf("%s: the lowered program does not parse: %v", names[i], err)
		}
		var clashes []Finding
		for _, f := range found {
			if f.Construct == clashConstruct {
				clashes = append(clashes, f)
			}
		}
		if len(clashes) > 0 {
			t.Errorf("%s: %s", names[i], joinFindings(clashes, nil))
		}
	}
}

// A clash is found, named and handed over: the program is neither run
// half-lowered by the interpreter nor run at all by it. A rewrite added
// for the test replaces the whole loop that rangeInt rewrites.
func TestClashIsHandedOver(t *testing.T) {
	saved := rewrites
	defer func() { rewrites = saved }()
	rewrites = append(append([]rewrite(nil), saved...), rewrite{name: "wholeLoop", run: func(l *lowering, s *syntax) {
		for _, r := range s.ranges {
			l.replace(r, `fmt.Println("whole")`)
		}
	}})
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 3 {\n\t\tfmt.Println(i)\n\t}\n}\n"
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	want := "6:2: the playground's source pass cannot make this run right in the interpreter: its rewrites rangeInt and wholeLoop both change the code here"
	if got := p.HandOver(); got != want {
		t.Errorf("HandOver:\n%s\nwant:\n%s", got, want)
	}
	_, stderr, res := run(t, src, 5*time.Second)
	if res.Status != 1 || !strings.Contains(stderr, want) {
		t.Errorf("the interpreter ran it: status %d, stderr %q", res.Status, stderr)
	}
	rewrites = saved
	if p, err := Prepare(src); err != nil || p.HandOver() != "" {
		t.Errorf("without the clash: %v, handed over: %q", err, p.HandOver())
	}
}

// What the rewrites make of a program that parses, if it does not parse,
// is handed over at the first error, mapped to the reader's line: the
// interpreter would have said it as the reader's syntax error. A rewrite
// added for the test opens a parenthesis it never closes.
func TestUnparsableLoweringIsHandedOver(t *testing.T) {
	saved := rewrites
	defer func() { rewrites = saved }()
	rewrites = append(append([]rewrite(nil), saved...), rewrite{name: "openOnly", run: func(l *lowering, s *syntax) {
		for _, c := range s.calls {
			l.insert(c.Lparen, "(")
		}
	}})
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(x)\n}\n"
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	want := "7:16: the playground's source pass cannot make this run right in the interpreter: what it makes of the program here does not parse"
	if got := p.HandOver(); got != want {
		t.Errorf("HandOver:\n%s\nwant:\n%s", got, want)
	}
	rewrites = saved
	if p, err := Prepare(src); err != nil || p.HandOver() != "" {
		t.Errorf("without the broken rewrite: %v, handed over: %q", err, p.HandOver())
	}
}

// checkedInfo is what go/types finds in file, as Prepare gives the
// source pass: nil when the program has a type error or could not be
// checked.
func checkedInfo(fset *token.FileSet, file *ast.File) *types.Info {
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if errs, skip := typeCheckInfo(fset, file, info); len(errs) > 0 || skip != "" {
		return nil
	}
	return info
}
