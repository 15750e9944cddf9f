package engine

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestCompileErrorsAsTheCompilerSaysThem holds Prepared.Errors (unused
// variables and imports, assignment mismatches, missing returns) to Go's
// compiler: on each program of testdata/compileerrs, what it reports must
// be what go build reports, line, column and words; on valid programs
// (the corpus, the test programs, and uses Go counts that are easy to
// miss), nothing.
func TestCompileErrorsAsTheCompilerSaysThem(t *testing.T) {
	good := []string{
		"package main\n\nimport \"strings\"\n\nfunc write(b *strings.Builder) {}\n\nfunc main() {\n\twrite(nil)\n}\n",
		"package main\n\nimport (\n\t\"strings\"\n\t\"sync\"\n)\n\ntype guarded struct{ mu *sync.Mutex }\n\nfunc write(b *strings.Builder) {}\n\nfunc main() {\n\twrite(nil)\n\t_ = guarded{}\n\tf := func(w *strings.Builder) {}\n\tf(nil)\n}\n",
		// A major version's element is not the package's name:
		// math/rand/v2 declares rand.
		"package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand/v2\"\n)\n\nfunc main() {\n\tfmt.Println(rand.IntN(1))\n}\n",
		"package main\n\ntype T struct{ f int }\n\nfunc main() {\n\ta := 0\n\ta++\n\tb := 0\n\tb += 1\n\tvar p T\n\tp.f = 1\n\tvar s []int\n\ts = append(s, 1)\n\ts[0] = 1\n\tm := map[string]int{}\n\tm[\"x\"] = 1\n\tk := \"key\"\n\t_ = map[string]int{k: 1}\n\tvar v any = 1\n\tswitch x := v.(type) {\n\tcase int:\n\tcase string:\n\t\t_ = x\n\t}\n\tx := 1\n\tfunc() { x := x; _ = x }()\n}\n",
	}
	files, _ := filepath.Glob("testdata/corpus/*.go")
	more, _ := filepath.Glob("testdata/*.go")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		good = append(good, string(b))
	}
	for i, src := range good {
		if got := unusedOf(t, src); len(got) > 0 {
			t.Errorf("valid program %d reported: %v", i, got)
		}
	}

	bad, _ := filepath.Glob("testdata/compileerrs/*.go")
	if len(bad) == 0 {
		t.Fatal("no programs in testdata/compileerrs")
	}
	for _, file := range bad {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		want := goBuildErrors(t, src)
		got := unusedOf(t, src)
		if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) == 0 {
			t.Errorf("%s: the check says\n%s\ngo build says\n%s", file, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// goBuildErrors builds src, as main.go, with go build and returns its
// errors, "line:col: message" (an error's first line), sorted.
func goBuildErrors(t *testing.T, src string) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, "main.go")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	var errs []string
	for _, m := range regexp.MustCompile(`(?m)^\./main\.go:(\d+:\d+: .*)$`).FindAllStringSubmatch(string(out), -1) {
		errs = append(errs, m[1])
	}
	sort.Strings(errs)
	return errs
}

func unusedOf(t *testing.T, src string) []string {
	t.Helper()
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range p.Errors() {
		got = append(got, f.String())
	}
	sort.Strings(got)
	return got
}

// TestRejectedProgramsAreAnnounced: programs of testdata/rejected are
// ones Go's compiler rejects (go build must fail on each) and the check
// cannot word as the compiler does without types; Detect must name each,
// so that Automatic hands them to the toolchain.
func TestRejectedProgramsAreAnnounced(t *testing.T) {
	files, _ := filepath.Glob("testdata/rejected/*.go")
	if len(files) == 0 {
		t.Fatal("no programs in testdata/rejected")
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("go", "build", "-o", os.DevNull, file).CombinedOutput(); err == nil {
			t.Errorf("%s: go build accepts it", file)
		} else if found := Detect(string(b)); len(found) == 0 {
			t.Errorf("%s: Detect says nothing; go build says\n%s", file, out)
		}
	}
}

// ErrorsComplete: the check's errors are all go build's only when the
// interpreter compiles the rest of the program.
func TestErrorsComplete(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"package main\n\nfunc main() {\n\tx := 1\n}\n", true},
		{"package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n", false},
		{"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(undefinedName)\n}\n", false},
		// Beside what suspects.go hands over, which go build may reject.
		{"package main\n\ntype P struct{}\n\nfunc (P) Parse() (int, error) { return 0, nil }\n\nfunc get() P { return P{} }\n\nfunc main() {\n\tx := 1\n\tn := get().Parse()\n\t_ = n\n}\n", false},
		// go build stops at ten: "13:2: too many errors".
		{"package main\n\nfunc main() {\n" + strings.Repeat("\tv := 1\n\t{\n", 9) + "\tv := 1\n" + strings.Repeat("\t}\n", 9) + "}\n", false},
		{"package main\n\nfunc main() {\n" + strings.Repeat("\tv := 1\n\t{\n", 8) + "\tv := 1\n" + strings.Repeat("\t}\n", 8) + "}\n", true},
	} {
		p, err := Prepare(c.src)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Errors()) == 0 {
			t.Fatalf("%q: no errors found", c.src)
		}
		if got := p.ErrorsComplete(); got != c.want {
			t.Errorf("%q: ErrorsComplete() = %v, want %v", c.src, got, c.want)
		}
	}
}
