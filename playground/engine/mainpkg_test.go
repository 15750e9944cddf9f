package engine

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckMainPackage holds what the check says of a program without a
// main to go run's last line (go run names no position): a package not
// named main, before the program's other errors; a missing func main,
// only when nothing else is wrong.
func TestCheckMainPackage(t *testing.T) {
	dir := t.TempDir()
	for _, src := range []string{
		"package mypkg\n\nfunc main() { x := 1 }\n",
		"package main\n\nimport \"fmt\"\n\nfunc Main() { fmt.Println(1) }\n",
		"package main\n\nfunc Main() { x := 1 }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "run", "main.go")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("%q: go run accepts it", src)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		want := strings.TrimPrefix(lines[len(lines)-1], "./main.go:")
		got := unusedOf(t, src)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: the check says %q, go run says\n%s", src, got, out)
		}
	}
}
