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
// variables and imports, assignment mismatches) to Go's compiler: on each
// program, what it reports must be what go build reports, line, column
// and words; on valid programs (the corpus, the test programs, and uses
// Go counts that are easy to miss), nothing.
func TestCompileErrorsAsTheCompilerSaysThem(t *testing.T) {
	bad := []string{
		"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(\"hi\")\n}\n",
		"package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\tstr \"strconv\"\n)\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n",
		"package main\n\nfunc main() {\n\tvar a, b int\n\tb = 2\n\tc := 1\n\t_ = func() { c = 2 }\n\tfor i, v := range []int{1} {\n\t\t_ = i\n\t}\n}\n",
		"package main\n\nimport \"strconv\"\n\nfunc main() {\n\tn, err := strconv.Atoi(\"1\")\n\tn++\n\tif n := 2; true {\n\t}\n}\n",
		"package main\n\nimport (\n\t\"fmt\"\n\tsc \"strconv\"\n)\n\nfunc two() (a, b int) { return 1, 2 }\nfunc one() int         { return 1 }\n\nfunc main() {\n\tn := sc.Atoi(\"1\")\n\tb := two()\n\tc, d := one()\n\tvar f, g = one()\n\th, i := fmt.Sprint(\"x\")\n\tvar k int\n\tk = two()\n\tfmt.Println(n, b, c, d, f, g, h, i, k)\n}\n",
	}
	good := []string{
		"package main\n\nimport \"strings\"\n\nfunc write(b *strings.Builder) {}\n\nfunc main() {\n\twrite(nil)\n}\n",
		"package main\n\nimport (\n\t\"strings\"\n\t\"sync\"\n)\n\ntype guarded struct{ mu *sync.Mutex }\n\nfunc write(b *strings.Builder) {}\n\nfunc main() {\n\twrite(nil)\n\t_ = guarded{}\n\tf := func(w *strings.Builder) {}\n\tf(nil)\n}\n",
		"package main\n\ntype T struct{ f int }\n\nfunc main() {\n\ta := 0\n\ta++\n\tb := 0\n\tb += 1\n\tvar p T\n\tp.f = 1\n\tvar s []int\n\ts = append(s, 1)\n\ts[0] = 1\n\tm := map[string]int{}\n\tm[\"x\"] = 1\n\tk := \"key\"\n\t_ = map[string]int{k: 1}\n\tvar v any = 1\n\tswitch x := v.(type) {\n\tcase int:\n\t}\n\tx := 1\n\tfunc() { x := x; _ = x }()\n}\n",
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

	dir := t.TempDir()
	goLine := regexp.MustCompile(`^\./main\.go:(\d+:\d+: .*)$`)
	for i, src := range bad {
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "build", "-o", os.DevNull, "main.go")
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		var want []string
		for _, l := range strings.Split(string(out), "\n") {
			if m := goLine.FindStringSubmatch(l); m != nil {
				want = append(want, m[1])
			}
		}
		sort.Strings(want)
		got := unusedOf(t, src)
		if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) == 0 {
			t.Errorf("program %d: the check says\n%s\ngo build says\n%s", i, strings.Join(got, "\n"), out)
		}
	}
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
