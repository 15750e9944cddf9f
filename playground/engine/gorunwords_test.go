package engine

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAsGoRunIsGoRunsOutput: a program that does not compile, reported by
// the engine and given go run's words (AsGoRun), prints what go run
// prints, byte for byte: the package's line, the file's name before each
// position (and inside a message naming another), the compiler's stop at
// ten errors, and no package line above the go command's own message.
func TestAsGoRunIsGoRunsOutput(t *testing.T) {
	var twelve strings.Builder
	twelve.WriteString("package main\n\nfunc main() {\n")
	for i := range 12 {
		twelve.WriteString("\tv" + string(rune('a'+i)) + " := 1\n")
	}
	twelve.WriteString("}\n")
	programs := map[string]string{
		"twelve unused variables": twelve.String(),
		"ten unused variables":    strings.Replace(strings.Replace(twelve.String(), "\tvk := 1\n", "", 1), "\tvl := 1\n", "", 1),
		"no func main":            "package main\n\nfunc helper() {}\n",
		"not a main package":      "package tools\n\nfunc Helper() {}\n",
		"goto over a declaration": "package main\n\nfunc main() {\n\tgoto L\n\tx := 1\n\t_ = x\nL:\n}\n",
		// The compiler's second line names the other declaration; the
		// interpreter's named its own file ("previous declaration at
		// _.go:3:6").
		"a function declared twice": "package main\n\nfunc f() {}\n\nfunc f() {}\n\nfunc main() {}\n",
		"names declared twice":      "package main\n\ntype T int\n\ntype T string\n\nvar v = 1\nvar v = 2\n\nfunc main() {\n\tx := 1\n\tvar x = 2\n\t_ = x\n}\n",
		// The second x declares nothing: nothing of it goes unused.
		"a variable declared again": "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tvar x = 2\n\tfmt.Println(x)\n}\n",
	}
	files, _ := filepath.Glob("testdata/compileerrs/*.go")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		programs[filepath.Base(f)] = string(b)
	}
	dir := t.TempDir()
	compared := 0
	for name, src := range programs {
		stderr, ran := goRunStderr(t, dir, src)
		if ran {
			continue // compiles: nothing to compare (branches_ok.go)
		}
		var got strings.Builder
		res := Run(context.Background(), src, Options{Stdout: &got, Stderr: &got})
		if res.Status != 1 {
			t.Errorf("%s: the engine ended with status %d; go run printed\n%s", name, res.Status, stderr)
			continue
		}
		compared++
		if words := AsGoRun(got.String(), true); words != stderr {
			t.Errorf("%s: in go run's words, the engine's report is\n%s\ngo run printed\n%s", name, words, stderr)
		}
	}
	if compared < 10 {
		t.Errorf("compared %d programs; want every program that does not compile", compared)
	}
}

// TestQuickPickedErrorsAreGoRuns: with the interpreter picked, a program
// with errors of the check's (Prepared.Errors) and an error the
// interpreter finds (Prepared.MoreErrors) gets both, in the order of
// their lines, as go run prints them (playground/wasm: AsGoRun of
// ByPosition): an error's details stay under it, named ./main.go too.
func TestQuickPickedErrorsAreGoRuns(t *testing.T) {
	programs := map[string]string{
		"a function declared twice and a variable unused": "package main\n\nimport \"fmt\"\n\nfunc f() {}\n\nfunc f() {}\n\nfunc main() {\n\tx := 1\n\tfmt.Println(\"hi\")\n}\n",
		"an unused import above a type declared twice":    "package main\n\nimport \"os\"\n\ntype T int\n\ntype T string\n\nfunc main() {}\n",
	}
	dir := t.TempDir()
	for name, src := range programs {
		stderr, ran := goRunStderr(t, dir, src)
		if ran {
			t.Fatalf("%s: go run compiled it", name)
		}
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		more := p.MoreErrors()
		if len(p.Errors()) == 0 || more == "" {
			t.Errorf("%s: the check found %v and the interpreter %q; want errors from both, as the page then shows", name, p.Errors(), more)
			continue
		}
		if got := AsGoRun(ByPosition(p.Errors(), more), true); got != stderr {
			t.Errorf("%s: the page shows\n%s\ngo run printed\n%s", name, got, stderr)
		}
	}
}

// goRunStderr runs src as dir/main.go with go run, and gives what it
// wrote to stderr and whether it ran to a zero status (the programs here
// either do or do not compile).
func goRunStderr(t *testing.T, dir, src string) (stderr string, ran bool) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "main.go")
	cmd.Dir = dir
	var b strings.Builder
	cmd.Stderr = &b
	err := cmd.Run()
	if exit := (*exec.ExitError)(nil); err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return b.String(), err == nil
}
